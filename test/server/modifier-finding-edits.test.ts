/**
 * Through the API on every engine: PATCH a negative-modifier finding and read its history (who may, what is
 * refused with nothing written), the capped flag of trends, compare and rankings agreeing with the report card,
 * and the framework version query of trends, rankings and exports (unknown → 404 FRAMEWORK_NOT_FOUND).
 */
import { beforeAll, expect, it } from 'vitest';
import {
  type CodingFixtures,
  codeIcelandAtBest,
  iceland,
  importCodingFixtures,
  pid,
  texas,
} from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, useSignedInApp } from './helpers.ts';

describeEachEngine('modifier finding edits API', (getStore) => {
  const api = useSignedInApp(getStore);
  let fx: CodingFixtures;
  let id = '';
  const quote = 'A victim is not liable';
  const enc = encodeURIComponent;

  const { send } = api;
  const ok = okJson;

  beforeAll(async () => {
    fx = await importCodingFixtures(getStore());
    // Every indicator at its best value, so the grade would be A without the finding.
    await codeIcelandAtBest(getStore(), fx);
    const created = ok<{ id: string }>(
      await send('POST', '/api/v1/modifier-findings', 'analyst', {
        jurisdictionId: iceland,
        modifierId: 'NEG-2',
        applies: true,
        citations: [{ provisionId: pid(fx.v1, 's. 3'), quote }],
        validTo: '2033-01-01',
      }),
      201,
    );
    id = created.id;
  });

  it('patches a finding by role, refuses bad patches writing nothing, and serves its history', async () => {
    const db = getStore().db;
    const url = `/api/v1/modifier-findings/${id}`;
    const rows = await countRows(db, 'modifier_finding_history');
    expectError(await send('PATCH', url, null, { cautionNote: 'x' }), 401, 'AUTH_REQUIRED');
    expectError(await send('PATCH', url, 'viewer', { cautionNote: 'x' }), 403, 'FORBIDDEN');
    expectError(await send('PATCH', url, 'campaigner', { cautionNote: 'x' }), 403, 'FORBIDDEN');
    expectError(await send('PATCH', url, 'analyst', { applies: 'yes' }), 400, 'VALIDATION_FAILED');
    expectError(await send('PATCH', url, 'analyst', { coder: 'me' }), 400, 'VALIDATION_FAILED');
    expectError(await send('PATCH', url, 'analyst', {}), 400, 'VALIDATION_FAILED');
    const fabricated = { citations: [{ provisionId: pid(fx.v1, 's. 3'), quote: 'A victim is liable' }] };
    expectError(await send('PATCH', url, 'analyst', fabricated), 400, 'EVIDENCE_NOT_FOUND');
    expectError(
      await send('PATCH', '/api/v1/modifier-findings/nope', 'analyst', { cautionNote: 'x' }),
      404,
      'FINDING_NOT_FOUND',
    );
    expect(await countRows(db, 'modifier_finding_history')).toBe(rows);

    const edited = ok<{ cautionNote: string; status: string }>(
      await send('PATCH', url, 'analyst', { cautionNote: 'until the reform' }),
    );
    expect(edited).toMatchObject({ cautionNote: 'until the reform', status: 'coded' });
    const reviewed = ok<{ status: string }>(await send('PATCH', url, 'reviewer', { status: 'reviewed' }));
    expect(reviewed.status).toBe('reviewed');

    expectError(await send('GET', `${url}/history`, null), 401, 'AUTH_REQUIRED');
    expectError(await send('GET', `${url}/history`, 'loner'), 403, 'FORBIDDEN');
    const history = ok<Array<{ action: string; actorName: string | null; before: unknown; after: unknown }>>(
      await send('GET', `${url}/history`, 'viewer'),
    );
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'status']);
    expect(history[1]).toMatchObject({
      before: { cautionNote: null, status: 'coded' },
      after: { cautionNote: 'until the reform', status: 'coded' },
    });
    expect(history.every((h) => typeof h.actorName === 'string')).toBe(true);
    expect(ok<unknown[]>(await send('GET', '/api/v1/modifier-findings/nope/history', 'viewer'))).toEqual([]);
  });

  it('agrees on the capped flag in trends, compare and rankings, and takes a framework version', async () => {
    const j = enc(iceland);
    const q = 'include=coded&frameworkVersion=1';
    const trend = ok<{ points: Array<{ year: number; grade: string; capped: boolean }> }>(
      await send('GET', `/api/v1/scores/${j}/trend?from=2031&to=2033&${q}`, 'viewer'),
    );
    expect(trend.points.map((p) => [p.year, p.grade, p.capped])).toEqual([
      [2031, 'C', true],
      [2032, 'C', true],
      [2033, 'A', false],
    ]);
    const compare = ok<{ jurisdictions: Array<{ grade: string | null; capped: boolean }> }>(
      await send(
        'GET',
        `/api/v1/compare?jurisdiction=${j}&jurisdiction=${enc(texas)}&asOf=2031-01-01&${q}`,
        'viewer',
      ),
    );
    expect(compare.jurisdictions.map((c) => [c.grade, c.capped])).toEqual([
      ['C', true],
      [null, false],
    ]);
    const card = ok<{ result: { cappedGrade: string; capReasons: unknown[] } }>(
      await send('GET', `/api/v1/scores/${j}?asOf=2031-01-01&include=coded`, 'viewer'),
    );
    expect(card.result.capReasons.length > 0).toBe(true);
    const ranked = ok<{ version: number }>(
      await send('GET', `/api/v1/rankings?asOf=2031-01-01&${q}`, 'viewer'),
    );
    expect(ranked.version).toBe(1);

    for (const url of [
      `/api/v1/scores/${j}/trend?frameworkVersion=99`,
      `/api/v1/scores/${j}/changes?from=2030-01-01&to=2031-01-01&frameworkVersion=99`,
      '/api/v1/rankings?frameworkVersion=99',
      '/api/v1/export/dataset.csv?frameworkVersion=99',
      '/api/v1/export/dataset.json?frameworkVersion=99',
      '/api/v1/export/codebook.md?frameworkVersion=99',
    ]) {
      const res = await send('GET', url, null);
      expectError(res, 404, 'FRAMEWORK_NOT_FOUND');
      expect(res.json().error.message, url).toContain(
        'framework version 99 does not exist (known versions: 1)',
      );
    }
    expectError(await send('GET', '/api/v1/rankings?frameworkVersion=one', null), 400, 'VALIDATION_FAILED');
    const csv = await send('GET', '/api/v1/export/dataset.csv?frameworkVersion=1', null);
    expect(csv.statusCode).toBe(200);
  });
});
