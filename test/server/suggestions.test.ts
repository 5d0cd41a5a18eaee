/**
 * Law files and analyzer suggestions through the API on every engine: who may import a file, analyze a version,
 * list suggestions and accept or reject them (per role), the machine-suggested label in responses, and bad input
 * on every path answered with a clear 4xx and nothing stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, type Persona, useSignedInApp } from './helpers.ts';

const us = 'ocd-division/country:us';
const statute = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/suggestions/safe-passage-act.txt'),
);

interface Suggestion {
  id: string;
  indicatorId: string;
  reviewStatus: string;
  label: string | null;
}

describeEachEngine('law files and suggestions API', (getStore) => {
  const api = useSignedInApp(getStore);
  let documentId: string;
  let versionId: string;

  const { send } = api;
  const upload = (over: Record<string, unknown> = {}, who: Persona | null = 'analyst') =>
    send('POST', '/api/v1/laws/import-file', who, {
      jurisdictionId: us,
      fileName: 'safe-passage-act.txt',
      contentBase64: statute.toString('base64'),
      citation: 'Safe Passage Act',
      effectiveFrom: '2031-03-01',
      ...over,
    });
  const ok = okJson;
  const stored = async () => ({
    versions: await countRows(getStore().db, 'law_versions'),
    suggestions: await countRows(getStore().db, 'analyzer_suggestions'),
    answers: await countRows(getStore().db, 'coded_answers'),
  });
  const pending = async () =>
    ok<Suggestion[]>(
      await send(
        'GET',
        `/api/v1/suggestions?jurisdiction=${encodeURIComponent(us)}&status=pending`,
        'viewer',
      ),
    );

  it('imports a file with analysis for analysts; refuses viewers, campaigners and anonymous callers', async () => {
    const before = await stored();
    expectError(await upload({}, 'viewer'), 403, 'FORBIDDEN');
    expectError(await upload({}, 'campaigner'), 403, 'FORBIDDEN');
    expect((await upload({}, null)).statusCode).toBe(401);
    expect(await stored()).toEqual(before);
    const result = ok<{
      format: string;
      document: { id: string };
      version: { id: string };
      analysis: { created: number };
    }>(await upload({ analyze: true }));
    expect(result.format).toBe('text');
    expect(result.analysis.created).toBe(66);
    documentId = result.document.id;
    versionId = result.version.id;
    const list = await pending();
    expect(list).toHaveLength(66);
    expect(list.every((s) => s.label === 'machine-suggested, not reviewed')).toBe(true);
  });

  it('answers bad files with a clear 400 and stores nothing', async () => {
    const before = await stored();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString(
      'base64',
    );
    expectError(await upload({ fileName: 'x.png', contentBase64: png }), 400, 'FORMAT_UNSUPPORTED');
    const badUtf8 = Buffer.from([0x53, 0x65, 0x63, 0xff, 0xfe, 0x0a]).toString('base64');
    const res = await upload({ fileName: 'bad.txt', contentBase64: badUtf8 });
    expectError(res, 400, 'DOCUMENT_UNREADABLE');
    expect(res.json().error.message).toMatch(/bad\.txt: not valid UTF-8 at byte \d+/);
    expectError(await upload({ contentBase64: 'not base64!' }), 400, 'VALIDATION_FAILED');
    expectError(await upload({ format: 'rtf' }), 400, 'VALIDATION_FAILED');
    expectError(
      await upload({ jurisdictionId: 'ocd-division/country:us/state:zz' }),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(await upload({ citation: undefined, fileName: 'act.txt' }), 400, 'LAW_INVALID');
    expect(await stored()).toEqual(before);
  });

  it('analyzes a stored version for coding:write only; an unknown version is 404', async () => {
    const url = `/api/v1/laws/${documentId}/versions/${versionId}/analyze`;
    expectError(await send('POST', url, 'viewer'), 403, 'FORBIDDEN');
    expect(ok<{ unchanged: number }>(await send('POST', url, 'reviewer')).unchanged).toBe(66);
    expectError(
      await send('POST', `/api/v1/laws/${documentId}/versions/nope/analyze`, 'analyst'),
      404,
      'LAW_VERSION_NOT_FOUND',
    );
  });

  it('lets only org members list suggestions', async () => {
    expect(
      (await send('GET', `/api/v1/suggestions?jurisdiction=${encodeURIComponent(us)}`, null)).statusCode,
    ).toBe(401);
    expectError(await send('GET', '/api/v1/suggestions', 'loner'), 403, 'FORBIDDEN');
    expect(ok<Suggestion[]>(await send('GET', '/api/v1/suggestions', 'campaigner')).length).toBeGreaterThan(
      0,
    );
  });

  it('accepts and rejects for coding:write roles; reviewed suggestions stay reviewed', async () => {
    const [a, b, c] = await pending();
    if (!a || !b || !c) throw new Error('too few suggestions');
    expectError(await send('POST', `/api/v1/suggestions/${a.id}/accept`, 'viewer', {}), 403, 'FORBIDDEN');
    expectError(await send('POST', `/api/v1/suggestions/${a.id}/reject`, 'campaigner', {}), 403, 'FORBIDDEN');
    const accepted = ok<{ suggestion: Suggestion; answer: { status: string; value: string } }>(
      await send('POST', `/api/v1/suggestions/${a.id}/accept`, 'analyst', {}),
    );
    expect(accepted.suggestion).toMatchObject({ reviewStatus: 'accepted', label: null });
    expect(accepted.answer.status).toBe('coded');
    const rejectedOne = ok<{ suggestion: Suggestion; answer: null }>(
      await send('POST', `/api/v1/suggestions/${b.id}/reject`, 'reviewer', { reason: 'not in this law' }),
    );
    expect(rejectedOne.suggestion.reviewStatus).toBe('rejected');
    const before = await stored();
    expectError(
      await send('POST', `/api/v1/suggestions/${b.id}/accept`, 'admin', {}),
      409,
      'SUGGESTION_REVIEWED',
    );
    expectError(
      await send('POST', `/api/v1/suggestions/${a.id}/reject`, 'admin', {}),
      409,
      'SUGGESTION_REVIEWED',
    );
    expectError(
      await send('POST', '/api/v1/suggestions/nope/accept', 'admin', {}),
      404,
      'SUGGESTION_NOT_FOUND',
    );
    const provisions = ok<{ provisions: Array<{ id: string; text: string }> }>(
      await send('GET', `/api/v1/laws/${documentId}/versions/${versionId}`, null),
    ).provisions;
    const offence = provisions.find((p) => p.text.startsWith('A person who recruits'));
    expectError(
      await send('POST', `/api/v1/suggestions/${c.id}/accept`, 'analyst', {
        value: 'NA',
        citations: [{ provisionId: offence?.id, quote: 'recruits or abducts' }],
      }),
      400,
      'EVIDENCE_NOT_FOUND',
    );
    expectError(
      await send('POST', `/api/v1/suggestions/${c.id}/accept`, 'analyst', { stray: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await stored()).toEqual(before);
  });
});
