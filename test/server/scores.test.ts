/**
 * Scores over time, side by side and by instrument, through the API on every engine. Fixture answers (all
 * published unless said): Iceland CR-01 P 2030–2035 then Y from 2035 (cited from each version of the act),
 * CR-02 2 from 2030, PN-01 0 2030–2033; Texas and California CR-01 Y from 2030 (a tie); France CR-01 Y from
 * 2040 only (coded data, nothing valid in 2031). Hand-checked totals (CR share 18, PN share 10):
 * 2030–2032 CR (1.5 + 2) ÷ 5 = 0.7, PN 0 → (12.6 + 0) ÷ 28 = 45.0 F; 2033–2034 CR alone 70.0 C;
 * from 2035 CR 5 ÷ 5 = 100.0 A.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { createAnswer, type NewAnswerArgs, setAnswerStatus } from '../../src/services/coding.ts';
import { rankJurisdictions } from '../../src/services/compare.ts';
import { getLawVersionText, importLaw } from '../../src/services/laws.ts';
import { iceland, importCodingFixtures, pid, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
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

const california = 'ocd-division/country:us/state:ca';
const france = 'ocd-division/country:fr';
const system: Actor = { kind: 'system', name: 'test' };
const enc = encodeURIComponent;

describeEachEngine('score trends, changes, comparisons, rankings and crosswalks API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  const get = (url: string, who: Persona | null = null) =>
    app.inject({ method: 'GET', url, ...(who ? { headers: as(sessions[who]) } : {}) });
  const scores = (j: string) => `/api/v1/scores/${enc(j)}`;

  beforeAll(async () => {
    const store = getStore();
    ({ app } = await startApp(store));
    await seedWorld(store.db);
    sessions = await signInAll(app);
    const fx = await importCodingFixtures(store);
    const ctx = { db: store.db, actor: system, dialect: store.dialect };
    const lawOf = async (jurisdictionId: string, citation: string, effectiveFrom: string) => {
      const content = `${citation}\n\nSection 1. Trafficking\nA person who traffics another person commits an offence.\n`;
      const r = await importLaw(ctx, { jurisdictionId, format: 'text', content, citation, effectiveFrom });
      const t = await getLawVersionText(ctx, r.document.id, r.version.id);
      return t.provisions[0]?.id ?? '';
    };
    const publish = async (args: NewAnswerArgs, status: 'coded' | 'published' = 'published') => {
      const a = await createAnswer(ctx, args);
      if (status === 'coded') return;
      await setAnswerStatus(ctx, a.id, 'reviewed');
      await setAnswerStatus(ctx, a.id, 'published');
    };
    const offence = pid(fx.v1, 's. 1(1)');
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'CR-01',
      value: 'P',
      citations: [{ provisionId: offence, quote: 'by force or deception' }],
      validFrom: '2030-01-01',
      validTo: '2035-01-01',
    });
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId: pid(fx.v2, 's. 1(1)'), quote: 'by any means' }],
      validFrom: '2035-01-01',
    });
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'CR-02',
      value: '2',
      citations: [{ provisionId: offence, quote: 'recruits, transports or harbours another person' }],
      validFrom: '2030-01-01',
    });
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'PN-01',
      value: '0',
      citations: [],
      validFrom: '2030-01-01',
      validTo: '2033-01-01',
    });
    // Coded, not published: counted only with include=coded.
    await publish(
      {
        jurisdictionId: iceland,
        indicatorId: 'PN-02',
        value: '2',
        citations: [{ provisionId: pid(fx.v1, 's. 2'), quote: 'imprisonment for up to 5 years' }],
      },
      'coded',
    );
    const quote = 'traffics another person';
    await publish({
      jurisdictionId: texas,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId: pid(fx.texas, 's. 1'), quote }],
    });
    const ca = await lawOf(california, 'CFC', '2030-01-01');
    await publish({
      jurisdictionId: california,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId: ca, quote }],
    });
    const fr = await lawOf(france, 'Code 2040', '2040-01-01');
    await publish({
      jurisdictionId: france,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId: fr, quote }],
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('serves a yearly trend across validity boundaries, with hand-checked totals', async () => {
    const res = await get(`${scores(iceland)}/trend?from=2029&to=2036`);
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json() as { from: number; to: number; points: Array<Record<string, unknown>> };
    expect(trend).toMatchObject({ from: 2029, to: 2036 });
    expect(trend.points.map((p) => [p.year, p.status, p.total, p.grade])).toEqual([
      [2029, 'not_coded', null, null],
      [2030, 'scored', 45, 'F'],
      [2031, 'scored', 45, 'F'],
      [2032, 'scored', 45, 'F'],
      [2033, 'scored', 70, 'C'],
      [2034, 'scored', 70, 'C'],
      [2035, 'scored', 100, 'A'],
      [2036, 'scored', 100, 'A'],
    ]);
    expect(trend.points[1]).toMatchObject({
      asOf: '2030-01-01',
      complete: false,
      answerCount: 3,
      coverage: { scored: 3, applicable: 66 },
    });
    // Default range: the first year an answer is valid, to this year or later.
    const whole = (await get(`${scores(iceland)}/trend`)).json() as { from: number; to: number };
    expect(whole.from).toBe(2030);
    expect(whole.to).toBeGreaterThanOrEqual(2030);
    // Members may count the coded PN-02 (w2, 2 → 1): PN 2 ÷ 4 in 2031, so (12.6 + 5) ÷ 28 = 62.9 D.
    expectError(await get(`${scores(iceland)}/trend?from=2031&to=2031&include=coded`), 403, 'FORBIDDEN');
    const members = await get(`${scores(iceland)}/trend?from=2031&to=2031&include=coded`, 'viewer');
    expect((members.json() as { points: Array<{ total: number }> }).points[0]?.total).toBe(62.9);
  });

  it('lists what changed between two dates, with values, citations and score deltas', async () => {
    const res = await get(`${scores(iceland)}/changes?from=2032-06-01&to=2035-06-01`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { counts: unknown; changes: Array<Record<string, unknown>>; score: unknown };
    expect(r.counts).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(r.changes).toMatchObject([
      {
        indicatorId: 'CR-01',
        area: 'CR',
        change: 'changed',
        valueChanged: true,
        before: {
          value: 'P',
          validTo: '2035-01-01',
          citations: [{ citation: 'EPA 2030 s. 1(1)', quote: 'by force or deception' }],
        },
        after: { value: 'Y', validFrom: '2035-01-01', citations: [{ quote: 'by any means' }] },
      },
      { indicatorId: 'PN-01', change: 'removed', before: { value: '0' }, after: null },
    ]);
    expect(r.score).toMatchObject({
      totalBefore: 45,
      totalAfter: 100,
      totalDelta: 55,
      gradeBefore: 'F',
      gradeAfter: 'A',
    });
    const areas = (r.score as { areas: Array<{ id: string; before: number | null; delta: number | null }> })
      .areas;
    expect(areas.find((a) => a.id === 'CR')).toMatchObject({ before: 0.7, after: 1, delta: 0.3 });
    expect(areas.find((a) => a.id === 'PN')).toMatchObject({ before: 0, after: null, delta: null });
    const added = (await get(`${scores(iceland)}/changes?from=2029-01-01&to=2030-01-01`)).json() as {
      counts: unknown;
    };
    expect(added.counts).toEqual({ added: 3, removed: 0, changed: 0 });
  });

  it('compares 2 and 3 jurisdictions per indicator, area and total', async () => {
    const two = await get(
      `/api/v1/compare?jurisdiction=${enc(iceland)}&jurisdiction=${enc(texas)}&asOf=2031-01-01`,
    );
    expect(two.statusCode, two.body).toBe(200);
    const c = two.json() as {
      jurisdictions: Array<Record<string, unknown>>;
      areas: Array<{ id: string; scores: unknown[] }>;
      indicators: Array<{ id: string; cells: Array<Record<string, unknown>> }>;
    };
    expect(c.jurisdictions.map((j) => [j.id, j.name, j.total, j.grade])).toEqual([
      [iceland, 'Iceland', 45, 'F'],
      [texas, 'Texas', 100, 'A'],
    ]);
    expect(c.areas.find((a) => a.id === 'CR')?.scores).toEqual([0.7, 1]);
    expect(c.indicators.find((i) => i.id === 'CR-01')?.cells).toMatchObject([
      { value: 'P', normalized: 0.5, status: 'scored', citations: [{ citation: 'EPA 2030 s. 1(1)' }] },
      { value: 'Y', normalized: 1, status: 'scored', citations: [{ citation: 'TFC s. 1' }] },
    ]);
    expect(c.indicators).toHaveLength(66);
    const three = await get(
      `/api/v1/compare?jurisdiction=${enc(texas)}&jurisdiction=${enc(iceland)}&jurisdiction=${enc(france)}&asOf=2031-01-01`,
    );
    const t = three.json() as { jurisdictions: Array<Record<string, unknown>> };
    expect(t.jurisdictions.map((j) => [j.id, j.status, j.total])).toEqual([
      [texas, 'scored', 100],
      [iceland, 'scored', 45],
      [france, 'not_coded', null],
    ]);
  });

  it('ranks jurisdictions with ties sharing a rank and the uncoded after, by total, parent or area', async () => {
    const all = (await get('/api/v1/rankings?asOf=2031-01-01')).json() as {
      lines: Array<Record<string, unknown>>;
    };
    expect(all.lines.map((l) => [l.rank, l.id, l.value, l.status])).toEqual([
      [1, california, 100, 'scored'],
      [1, texas, 100, 'scored'],
      [3, iceland, 45, 'scored'],
      [null, france, null, 'not_coded'],
    ]);
    const us = (
      await get(`/api/v1/rankings?asOf=2031-01-01&parent=${enc('ocd-division/country:us')}`)
    ).json() as {
      lines: Array<{ rank: number | null; id: string }>;
    };
    expect(us.lines.slice(0, 2).map((l) => [l.rank, l.id])).toEqual([
      [1, california],
      [1, texas],
    ]);
    expect(us.lines.length).toBeGreaterThan(50);
    expect(us.lines.slice(2).every((l) => l.rank === null)).toBe(true);
    const pn = (await get('/api/v1/rankings?asOf=2031-01-01&area=PN')).json() as {
      lines: Array<Record<string, unknown>>;
    };
    expect(pn.lines.map((l) => [l.rank, l.id, l.value])).toEqual([
      [1, iceland, 0],
      [null, france, null],
      [null, california, null],
      [null, texas, null],
    ]);
    expectError(await get('/api/v1/rankings?include=reviewed'), 403, 'FORBIDDEN');
    expect((await get('/api/v1/rankings?include=reviewed', 'viewer')).statusCode).toBe(200);
  });

  it('pages rankings with limit and offset, ranks kept from the whole ranking', async () => {
    type Page = { lines: Array<{ rank: number | null; id: string }>; total: number; hasMore: boolean };
    const page = async (qs: string) => {
      const res = await get(`/api/v1/rankings?asOf=2031-01-01&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Page & { limit: number; offset: number };
    };
    const whole = await page('');
    expect(whole).toMatchObject({ total: 4, limit: 100, offset: 0, hasMore: false });
    const first = await page('limit=2');
    expect(first).toMatchObject({ total: 4, limit: 2, offset: 0, hasMore: true });
    const second = await page('limit=2&offset=2');
    expect(second).toMatchObject({ total: 4, offset: 2, hasMore: false });
    expect(second.lines.map((l) => [l.rank, l.id])).toEqual([
      [3, iceland],
      [null, france],
    ]);
    expect([...first.lines, ...second.lines]).toEqual(whole.lines);
    expect((await page('offset=10')).lines).toEqual([]);
    for (const qs of ['limit=0', 'limit=501', 'offset=-1', 'limit=x', 'limit=1.5']) {
      expectError(await get(`/api/v1/rankings?${qs}`), 400, 'VALIDATION_FAILED');
    }
    expect(
      (await rankJurisdictions({ db: getStore().db, actor: system }, '2031-01-01', { limit: 1, offset: 3 }))
        .lines,
    ).toEqual([expect.objectContaining({ id: france, rank: null })]);
    await expect(
      rankJurisdictions({ db: getStore().db, actor: system }, '2031-01-01', { limit: 501 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('serves a crosswalk profile by instrument', async () => {
    const res = await get(`${scores(iceland)}/crosswalk/palermo?asOf=2031-01-01`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as {
      instrument: string;
      provisions: Array<{ citation: string; status: string; indicators: string[] }>;
      indicators: Array<{ id: string; status: string }>;
    };
    expect(p.instrument).toBe('palermo');
    expect(p.indicators.find((i) => i.id === 'CR-01')?.status).toBe('partial');
    expect(p.indicators.find((i) => i.id === 'CR-02')?.status).toBe('met');
    const provision = (citation: string) => p.provisions.find((x) => x.citation === citation);
    expect(provision('Palermo art. 3(a), 5(1)')).toMatchObject({ indicators: ['CR-01'], status: 'partial' });
    // Mapped from CR-02 (met) and other indicators not coded yet: met, but not complete.
    expect(provision('Palermo art. 3(a)')).toMatchObject({ status: 'met', complete: false });
  });

  it('answers bad input with a specific 4xx and writes nothing', async () => {
    const db = getStore().db;
    const before = [await countRows(db, 'coded_answers'), await countRows(db, 'answer_history')];
    const zz = enc('ocd-division/country:zz');
    expectError(await get(`/api/v1/scores/${zz}/trend`), 404, 'JURISDICTION_NOT_FOUND');
    expectError(
      await get(`/api/v1/scores/${zz}/changes?from=2030-01-01&to=2031-01-01`),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(await get(`/api/v1/scores/${zz}/crosswalk/palermo`), 404, 'JURISDICTION_NOT_FOUND');
    expectError(await get(`/api/v1/rankings?parent=${zz}`), 404, 'JURISDICTION_NOT_FOUND');
    const one = await get(`/api/v1/compare?jurisdiction=${enc(iceland)}`);
    expectError(one, 400, 'VALIDATION_FAILED');
    expect(one.json().error.message).toBe('compare 2 to 6 jurisdictions, not 1');
    const seven = ['is', 'fr', 'de', 'es', 'it', 'pt', 'nl'].map(
      (c) => `jurisdiction=${enc(`ocd-division/country:${c}`)}`,
    );
    const tooMany = await get(`/api/v1/compare?${seven.join('&')}`);
    expectError(tooMany, 400, 'VALIDATION_FAILED');
    expect(tooMany.json().error.message).toBe('compare 2 to 6 jurisdictions, not 7');
    expectError(
      await get(`/api/v1/compare?jurisdiction=${enc(iceland)}&jurisdiction=${enc(iceland)}`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await get(`/api/v1/compare?jurisdiction=${enc(iceland)}&jurisdiction=${zz}`),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    const backwards = await get(`${scores(iceland)}/trend?from=2036&to=2030`);
    expectError(backwards, 400, 'VALIDATION_FAILED');
    expect(backwards.json().error.message).toBe('from (2036) is after to (2030)');
    expectError(
      await get(`${scores(iceland)}/changes?from=2035-01-01&to=2030-01-01`),
      400,
      'VALIDATION_FAILED',
    );
    for (const q of ['from=2030-02-30&to=2031-01-01', 'from=2030-01-01', 'from=x&to=2031-01-01']) {
      expectError(await get(`${scores(iceland)}/changes?${q}`), 400, 'VALIDATION_FAILED');
    }
    expectError(await get(`${scores(iceland)}/trend?from=abc`), 400, 'VALIDATION_FAILED');
    expectError(await get(`/api/v1/rankings?area=XX`), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/v1/rankings?asOf=2031-13-01'), 400, 'VALIDATION_FAILED');
    const unknown = await get(`${scores(iceland)}/crosswalk/untoc`);
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.json().error.message).toMatch(/palermo.*polaris.*gsi|palermo/);
    expectError(await get(`${scores(iceland)}/crosswalk/palermo?include=coded`), 403, 'FORBIDDEN');
    expect([await countRows(db, 'coded_answers'), await countRows(db, 'answer_history')]).toEqual(before);
  });
});
