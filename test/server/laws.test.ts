/**
 * The law library through the API on every engine: import (text and JSON), the law as of a date, versions,
 * diffs and search, who may import, bad input on every path (never a 500), and an organization's own
 * jurisdiction kept to its members.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { fixtureImports, lawFixture, spain, texas } from '../laws-fixtures.ts';
import {
  as,
  countRows,
  expectError,
  type Persona,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

interface ImportAnswer {
  outcome: string;
  document: { id: string };
  version: { id: string; effectiveFrom: string; effectiveTo: string | null };
  notes: string[];
}

describeEachEngine('law library API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let v1: ImportAnswer;
  let v2: ImportAnswer;

  const post = (payload: unknown, who: Persona | null = 'analyst'): InjectOptions => ({
    method: 'POST',
    url: '/api/v1/laws/import',
    headers: { ...(who ? as(sessions[who]) : {}), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const get = (url: string, who: Persona | null = null) =>
    app.inject({ method: 'GET', url, ...(who ? { headers: as(sessions[who]) } : {}) });
  const json = <T>(res: LightMyRequestResponse): T => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
    v1 = json<ImportAnswer>(await app.inject(post(fixtureImports.actV1)));
    v2 = json<ImportAnswer>(await app.inject(post(fixtureImports.actV2, 'reviewer')));
    json(await app.inject(post(fixtureImports.ley, 'admin')));
    json(await app.inject(post(fixtureImports.loi)));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports for analysts, reviewers and admins; refuses viewers and anonymous callers', async () => {
    expect(v1).toMatchObject({ outcome: 'created', version: { effectiveFrom: '2031-01-01' } });
    expect(v2).toMatchObject({
      outcome: 'created',
      version: { effectiveFrom: '2034-07-01', effectiveTo: null },
    });
    const again = json<ImportAnswer>(await app.inject(post(fixtureImports.actV1, 'admin')));
    expect(again).toMatchObject({ outcome: 'unchanged', version: { id: v1.version.id } });
    const probe = { ...fixtureImports.actV1, effectiveFrom: '2050-01-01' };
    for (const who of ['viewer', 'campaigner', 'loner'] as const)
      expectError(await app.inject(post(probe, who)), 403, 'FORBIDDEN');
    expectError(await app.inject(post(probe, null)), 401, 'AUTH_REQUIRED');
    expect(await countRows(getStore().db, 'law_versions')).toBe(4);
  });

  it('lists the law as of a date, either side of the version boundary', async () => {
    const on = async (asOf: string) =>
      json<Array<{ version: { id: string } }>>(
        await get(`/api/v1/laws?jurisdiction=${encodeURIComponent(texas)}&asOf=${asOf}`),
      ).map((l) => l.version.id);
    expect(await on('2030-12-31')).toEqual([]);
    expect(await on('2034-06-30')).toEqual([v1.version.id]);
    expect(await on('2034-07-01')).toEqual([v2.version.id]);
    expect(await on('2100-01-01')).toEqual([v2.version.id]);
    const all = json<Array<{ document: { citation: string } }>>(await get('/api/v1/laws?type=statute'));
    expect(all.map((l) => l.document.citation)).toEqual([
      'Ley Ficticia 1/2031',
      'Loi fictive n° 2031-7',
      'FATA 2031',
    ]);
  });

  it('shows a document with its versions, a version’s provisions, and a diff', async () => {
    const id = v1.document.id;
    const law = json<{ versions: Array<{ effectiveTo: string | null }> }>(await get(`/api/v1/laws/${id}`));
    expect(law.versions.map((v) => v.effectiveTo)).toEqual(['2034-07-01', null]);
    const text = json<{ provisions: Array<{ citation: string; depth: number }> }>(
      await get(`/api/v1/laws/${id}/versions/${v2.version.id}`),
    );
    expect(text.provisions.filter((p) => p.depth === 1).map((p) => p.citation)).toEqual([
      's. 1',
      's. 2',
      's. 3',
      's. 4',
      's. 6',
    ]);
    const diff = json<{
      counts: Record<string, number>;
      changes: Array<{ change: string; citation: string }>;
    }>(await get(`/api/v1/laws/${id}/diff?from=${v1.version.id}&to=${v2.version.id}`));
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 11 });
    expectError(await get(`/api/v1/laws/${id}/diff?from=${v1.version.id}`), 400, 'VALIDATION_FAILED');
    expectError(
      await get(`/api/v1/laws/${id}/diff?from=${v1.version.id}&to=nope`),
      404,
      'LAW_VERSION_NOT_FOUND',
    );
    expectError(await get('/api/v1/laws/no-such-law'), 404, 'LAW_NOT_FOUND');
    expectError(await get(`/api/v1/laws/${id}/versions/nope`), 404, 'LAW_VERSION_NOT_FOUND');
  });

  it('searches with snippets and filters, and answers every odd query without a 500', async () => {
    type Hit = {
      citation: string;
      snippet: { text: string; highlights: Array<{ start: number; end: number }> };
    };
    const hits = json<{ hits: Hit[] }>(await get('/api/v1/search?q=exploitation&limit=3')).hits;
    expect(hits).toHaveLength(3);
    for (const h of hits) {
      const words = h.snippet.highlights.map((x) => h.snippet.text.slice(x.start, x.end).toLowerCase());
      expect(words.length, h.citation).toBeGreaterThan(0);
      expect(
        words.every((w) => w.startsWith('exploit')),
        words.join(),
      ).toBe(true);
    }
    const es = json<{ hits: Hit[] }>(
      await get(`/api/v1/search?q=delitos&jurisdiction=${encodeURIComponent(spain)}`),
    ).hits;
    expect(es.map((h) => h.citation)).toEqual(['Art. 2']);
    expect(json<{ hits: Hit[] }>(await get('/api/v1/search?q=trafficking&asOf=2030-01-01')).hits).toEqual([]);
    for (const q of ['"', '*', 'NEAR(', ':', "'", 'a:b', '")', 'OR', '\u0000', '%', '\\']) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
    expectError(await get('/api/v1/search'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/v1/search?q=x&limit=1000'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/v1/search?q=x&asOf=2031-13-01'), 400, 'VALIDATION_FAILED');
    expectError(
      await get('/api/v1/search?q=x&jurisdiction=ocd-division/country:zz'),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(await get('/api/v1/search?q=x&type=novel'), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad imports with a 4xx and stores nothing', async () => {
    const db = getStore().db;
    const before = await countRows(db, 'law_provisions');
    const base = { ...fixtureImports.actV1, effectiveFrom: '2040-01-01' };
    const cases: Array<[unknown, number, string]> = [
      [{ ...base, jurisdictionId: 'ocd-division/country:zz' }, 404, 'JURISDICTION_NOT_FOUND'],
      [{ ...base, jurisdictionId: 'texas' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, effectiveFrom: '2040-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, effectiveTo: '2039-01-01' }, 400, 'LAW_INVALID'],
      [{ ...base, effectiveFrom: '2032-01-01', effectiveTo: '2035-01-01' }, 409, 'LAW_VERSION_OVERLAP'],
      [{ ...base, content: '' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, content: '\n  \n' }, 400, 'LAW_INVALID'],
      [{ ...base, citation: undefined }, 400, 'LAW_INVALID'],
      [{ ...base, format: 'pdf' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, format: 'json', content: '{"schema":"lawgap.law/1"' }, 400, 'LAW_INVALID'],
      [
        { ...base, format: 'json', content: '{"schema":"lawgap.law/2","document":{},"provisions":[]}' },
        400,
        'LAW_INVALID',
      ],
      [
        { ...base, format: 'json', content: lawFixture('loi-fictive.json').replace('"text"', '"texte"') },
        400,
        'LAW_INVALID',
      ],
      [{ ...base, strayKey: 1 }, 400, 'VALIDATION_FAILED'],
      ['{"jurisdictionId": ', 400, 'MALFORMED_JSON'],
    ];
    for (const [payload, status, code] of cases) expectError(await app.inject(post(payload)), status, code);
    const huge = await app.inject(post({ ...base, content: 'x'.repeat(11 * 1024 * 1024) }));
    expectError(huge, 413, 'BODY_TOO_LARGE');
    const tooLong = await app.inject(post({ ...base, content: 'x'.repeat(8 * 1024 * 1024 + 1) }));
    expectError(tooLong, 400, 'VALIDATION_FAILED');
    expect(await countRows(db, 'law_provisions')).toBe(before);
  });

  it('keeps laws of an organization’s own jurisdiction to its members', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/jurisdictions',
      headers: as(sessions.analyst),
      payload: { parentId: texas, type: 'place', name: { en: 'Fictional Falls' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const town = (created.json() as { id: string }).id;
    const local = json<ImportAnswer>(
      await app.inject(
        post({
          ...fixtureImports.actV1,
          jurisdictionId: town,
          citation: 'Falls Ordinance 1',
          content: 'Falls Ordinance\n\nSection 1. Zonk\nThe zonkification of wharves is regulated.',
        }),
      ),
    );
    const q = '/api/v1/search?q=zonkification';
    expect(json<{ hits: unknown[] }>(await get(q, 'viewer')).hits).toHaveLength(1);
    expect(json<{ hits: unknown[] }>(await get(q)).hits).toEqual([]);
    expect(json<{ hits: unknown[] }>(await get(q, 'otherAdmin')).hits).toEqual([]);
    expectError(await get(`/api/v1/laws/${local.document.id}`), 404, 'LAW_NOT_FOUND');
    expectError(
      await get(`/api/v1/laws?jurisdiction=${encodeURIComponent(town)}`),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expect(
      json<unknown[]>(await get(`/api/v1/laws?jurisdiction=${encodeURIComponent(town)}`, 'viewer')),
    ).toHaveLength(1);
    expectError(
      await app.inject(post({ ...fixtureImports.actV1, jurisdictionId: town }, 'otherAdmin')),
      404,
      'JURISDICTION_NOT_FOUND',
    );
  });
});
