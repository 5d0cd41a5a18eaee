/**
 * Recommendations, QC work lists and the language of quoted law through the API on every engine: versions,
 * locale fallback on the gap report, isolation between organizations, who may write, and bad input refused
 * with nothing written.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import {
  countRows,
  emailOf,
  expectError,
  type Persona,
  personaClient,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

interface Rec {
  indicatorId: string;
  locale: string;
  version: number;
  text: string;
  modelLanguage: string | null;
  organizationId: string;
}
interface GapJson {
  gaps: Array<{
    indicatorId: string;
    recommendation?: { text: string; locale: string; version: number; fallback: boolean } | null;
    citations: Array<{ citation: string; language?: string; documentCitation?: string }>;
  }>;
}
interface Assignment {
  indicatorId: string;
  coders: Array<{ coderName: string; coded: boolean }>;
  assignedToYou: boolean;
  codedByYou: boolean | null;
}

describeEachEngine('recommendations API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let fx: CodingFixtures;
  const quote = 'The consent of a victim to exploitation is irrelevant.';
  const gaps = `/api/v1/gaps/${encodeURIComponent(iceland)}?include=coded&asOf=2031-01-01`;

  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const gapOf = (r: GapJson, id: string) => r.gaps.find((g) => g.indicatorId === id);

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
    fx = await importCodingFixtures(getStore());
    // CR-01 answered N: a gap (unmet), grounded in quoted law.
    ok(
      await send('POST', '/api/v1/answers', 'analyst', {
        jurisdictionId: iceland,
        indicatorId: 'CR-01',
        value: 'N',
        citations: [{ provisionId: pid(fx.v1, 's. 1(2)'), quote }],
      }),
      201,
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('versions a recommendation: setting twice makes version 2 the latest, and history keeps both', async () => {
    const first = ok<Rec>(
      await send('PUT', '/api/v1/recommendations/CR-01', 'analyst', { text: 'Criminalise it.' }),
    );
    expect(first).toMatchObject({ indicatorId: 'CR-01', locale: 'en', version: 1, modelLanguage: null });
    const second = ok<Rec>(
      await send('PUT', '/api/v1/recommendations/CR-01?locale=en', 'admin', {
        text: '  Criminalise every form of it. ',
        modelLanguage: 'A person who exploits another commits an offence.',
      }),
    );
    expect(second).toMatchObject({ version: 2, text: 'Criminalise every form of it.' });
    const list = ok<Rec[]>(await send('GET', '/api/v1/recommendations', 'viewer'));
    expect(list.map((r) => [r.indicatorId, r.locale, r.version])).toEqual([['CR-01', 'en', 2]]);
    const history = ok<Rec[]>(await send('GET', '/api/v1/recommendations/CR-01/history', 'campaigner'));
    expect(history.map((r) => r.version)).toEqual([2, 1]);
    const view = ok<{ recommendation: { version: number; fallback: boolean } }>(
      await send('GET', '/api/v1/recommendations/CR-01?locale=fr', 'viewer'),
    );
    expect(view.recommendation).toMatchObject({ version: 2, fallback: true });
  });

  it('puts the organization’s recommendation on each gap, in the locale or English as a fallback', async () => {
    const es = ok<GapJson>(await send('GET', `${gaps}&locale=es`, 'viewer'));
    expect(gapOf(es, 'CR-01')?.recommendation).toEqual({
      text: 'Criminalise every form of it.',
      modelLanguage: 'A person who exploits another commits an offence.',
      locale: 'en',
      version: 2,
      fallback: true,
    });
    ok(await send('PUT', '/api/v1/recommendations/CR-01?locale=es', 'analyst', { text: 'Tipificarlo.' }));
    const es2 = ok<GapJson>(await send('GET', `${gaps}&locale=es`, 'viewer'));
    expect(gapOf(es2, 'CR-01')?.recommendation).toMatchObject({
      text: 'Tipificarlo.',
      locale: 'es',
      fallback: false,
    });
    const md = await send('GET', `${gaps}&locale=es&format=md`, 'viewer');
    expect(md.body).toContain('Recommendation (version 1): Tipificarlo\\.');
  });

  it('shows no recommendation to anonymous readers or to another organization', async () => {
    const anon = ok<GapJson>(
      await send('GET', '/api/v1/gaps/ocd-division%2Fcountry%3Ais?asOf=2031-01-01', null),
    );
    for (const g of anon.gaps) expect(g.recommendation).toBeNull();
    expect(ok<Rec[]>(await send('GET', '/api/v1/recommendations', 'otherAdmin'))).toEqual([]);
    ok(await send('PUT', '/api/v1/recommendations/CR-01', 'otherAdmin', { text: 'Org B advice.' }));
    const list = ok<Rec[]>(await send('GET', '/api/v1/recommendations?locale=en', 'admin'));
    expect(list.map((r) => r.text)).toEqual(['Criminalise every form of it.']);
    const a = ok<GapJson>(await send('GET', gaps, 'viewer'));
    expect(gapOf(a, 'CR-01')?.recommendation?.text).toBe('Criminalise every form of it.');
    const history = ok<Rec[]>(await send('GET', '/api/v1/recommendations/CR-01/history', 'otherAdmin'));
    expect(history.map((r) => r.text)).toEqual(['Org B advice.']);
  });

  it('refuses viewers, campaigners and anonymous writers, and bad input, writing nothing', async () => {
    const before = await countRows(getStore().db, 'recommendations');
    const put = (who: Persona | null, url: string, payload: unknown) =>
      send('PUT', `/api/v1/recommendations/${url}`, who, payload);
    for (const who of ['viewer', 'campaigner', 'reviewer'] as const)
      expectError(await put(who, 'CR-01', { text: 'x' }), 403, 'FORBIDDEN');
    expectError(await put(null, 'CR-01', { text: 'x' }), 401, 'AUTH_REQUIRED');
    expectError(await put('loner', 'CR-01', { text: 'x' }), 403, 'FORBIDDEN');
    expectError(await put('analyst', 'CR-99', { text: 'x' }), 404, 'INDICATOR_NOT_FOUND');
    for (const [url, body] of [
      ['CR-01?locale=de', { text: 'x' }],
      ['CR-01', { text: '' }],
      ['CR-01', { text: '   ' }],
      ['CR-01', { text: 'x'.repeat(4001) }],
      ['CR-01', { text: 'bell\u0007' }],
      ['CR-01', { text: 'x', modelLanguage: 'y'.repeat(8001) }],
      ['CR-01', { text: 'x', stray: 1 }],
    ] as const) {
      expectError(await put('analyst', url, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await send('GET', '/api/v1/recommendations/CR-99', 'viewer'), 404, 'INDICATOR_NOT_FOUND');
    expect(await countRows(getStore().db, 'recommendations')).toBe(before);
  });

  it('gives citations of scores and gaps the document and the language of the quoted law', async () => {
    const report = ok<GapJson>(await send('GET', gaps, 'viewer'));
    expect(gapOf(report, 'CR-01')?.citations[0]).toMatchObject({
      citation: 'EPA 2030 s. 1(2)',
      documentCitation: 'EPA 2030',
      language: 'en',
    });
    const score = ok<{
      result: { areas: Array<{ indicators: Array<{ id: string; citations: unknown[] }> }> };
    }>(
      await send(
        'GET',
        `/api/v1/scores/${encodeURIComponent(iceland)}?include=coded&asOf=2031-01-01`,
        'viewer',
      ),
    );
    const line = score.result.areas.flatMap((a) => a.indicators).find((l) => l.id === 'CR-01');
    expect(line?.citations[0]).toMatchObject({ documentCitation: 'EPA 2030', language: 'en' });
  });

  it('lists a QC batch’s assignments, and with mine=1 each coder’s own with what they have coded', async () => {
    const batch = ok<{ batch: { id: string } }>(
      await send('POST', '/api/v1/qc/batches', 'reviewer', {
        name: 'Work list',
        jurisdictions: [iceland],
        indicators: ['CR-08', 'CR-09'],
        coders: [emailOf('analyst'), emailOf('admin')],
      }),
      201,
    ).batch.id;
    ok(
      await send('POST', `/api/v1/qc/batches/${batch}/codings`, 'analyst', {
        jurisdictionId: iceland,
        indicatorId: 'CR-08',
        value: 'P',
        citations: [{ provisionId: pid(fx.v1, 's. 1(2)'), quote }],
      }),
      201,
    );
    const url = `/api/v1/qc/batches/${batch}/assignments`;
    const analyst = ok<Assignment[]>(await send('GET', `${url}?mine=1`, 'analyst'));
    expect(analyst.map((a) => [a.indicatorId, a.codedByYou])).toEqual([
      ['CR-08', true],
      ['CR-09', false],
    ]);
    const admin = ok<Assignment[]>(await send('GET', `${url}?mine=1`, 'admin'));
    expect(admin.map((a) => [a.indicatorId, a.codedByYou])).toEqual([
      ['CR-08', false],
      ['CR-09', false],
    ]);
    expect(ok<Assignment[]>(await send('GET', `${url}?mine=1`, 'viewer'))).toEqual([]);
    const all = ok<Assignment[]>(await send('GET', url, 'viewer'));
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ assignedToYou: false, codedByYou: null });
    expect(all[0]?.coders.map((c) => c.coded).sort()).toEqual([false, true]);
    expect(all[0]?.coders.map((c) => c.coderName).sort()).toEqual(['Test admin', 'Test analyst']);
    expectError(await send('GET', `${url}?mine=yes`, 'viewer'), 400, 'VALIDATION_FAILED');
    expect(ok<Assignment[]>(await send('GET', `${url}?mine=1`, 'otherAdmin'))).toEqual([]);
    expectError(
      await send('GET', '/api/v1/qc/batches/no-such-batch/assignments', 'viewer'),
      404,
      'QC_BATCH_NOT_FOUND',
    );
    expectError(await send('GET', url, null), 401, 'AUTH_REQUIRED');
  });
});
