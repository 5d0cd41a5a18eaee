/**
 * Coding through the API on every engine: who may code, review and publish (403 for viewers and campaigners),
 * evidence refused with a clear code, what the public sees, CSV import errors by row, and scores by URL-encoded
 * jurisdiction id.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import {
  countRows,
  expectError,
  type Persona,
  personaClient,
  type Session,
  seedWorld,
  signInAll,
  startApp,
} from './helpers.ts';

describeEachEngine('coding API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let fx: CodingFixtures;

  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const body = (indicatorId: string, quote = 'The consent of a victim to exploitation is irrelevant.') => ({
    jurisdictionId: iceland,
    indicatorId,
    value: 'Y',
    citations: [{ provisionId: pid(fx.v1, 's. 1(2)'), quote }],
  });

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
    fx = await importCodingFixtures(getStore());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets analysts code; refuses viewers, campaigners and anonymous callers; refuses invented evidence', async () => {
    const created = ok<{ id: string; status: string }>(
      await send('POST', '/api/v1/answers', 'analyst', body('CR-09')),
      201,
    );
    expect(created.status).toBe('coded');
    for (const who of ['viewer', 'campaigner', 'loner'] as const) {
      expectError(await send('POST', '/api/v1/answers', who, body('CR-10')), 403, 'FORBIDDEN');
      expectError(
        await send('POST', `/api/v1/answers/${created.id}/status`, who, { status: 'reviewed' }),
        403,
        'FORBIDDEN',
      );
    }
    expectError(await send('POST', '/api/v1/answers', null, body('CR-10')), 401, 'AUTH_REQUIRED');
    const fake = await send(
      'POST',
      '/api/v1/answers',
      'analyst',
      body('CR-10', 'consent is always relevant'),
    );
    expectError(fake, 400, 'EVIDENCE_NOT_FOUND');
    expect((fake.json() as { error: { message: string } }).error.message).toContain('EPA 2030 s. 1(2)');
    expectError(
      await send('POST', '/api/v1/answers', 'analyst', { ...body('CR-10'), value: 'maybe' }),
      400,
      'ANSWER_INVALID',
    );
    expect(await countRows(getStore().db, 'coded_answers')).toBe(1);
  });

  it('reviews by someone else, publishes, and shows the public published answers and scores only', async () => {
    const [answer] = ok<Array<{ id: string }>>(
      await send('GET', `/api/v1/answers?jurisdiction=${encodeURIComponent(iceland)}`, 'viewer'),
    );
    if (!answer) throw new Error('no answer');
    const status = (who: Persona, s: string) =>
      send('POST', `/api/v1/answers/${answer.id}/status`, who, { status: s });
    expectError(await status('analyst', 'reviewed'), 403, 'FORBIDDEN');
    const encoded = `/api/v1/scores/${encodeURIComponent(iceland)}?asOf=2031-01-01`;
    expect(ok<{ status: string }>(await send('GET', encoded, null)).status).toBe('not_coded');
    expect(ok<unknown[]>(await send('GET', '/api/v1/answers', null))).toEqual([]);
    expectError(await send('GET', '/api/v1/answers?status=coded', null), 403, 'FORBIDDEN');
    expectError(await send('GET', `${encoded}&include=coded`, null), 403, 'FORBIDDEN');
    expect(
      ok<{ answerCount: number }>(await send('GET', `${encoded}&include=coded`, 'viewer')).answerCount,
    ).toBe(1);

    expect(ok<{ status: string }>(await status('reviewer', 'reviewed')).status).toBe('reviewed');
    expect(ok<{ status: string }>(await status('admin', 'published')).status).toBe('published');
    const score = ok<{ status: string; result: { totalRounded: number; coverage: { scored: number } } }>(
      await send('GET', encoded, null),
    );
    expect(score).toMatchObject({ status: 'scored', result: { totalRounded: 100, coverage: { scored: 1 } } });
    expect(ok<unknown[]>(await send('GET', '/api/v1/answers', null))).toHaveLength(1);

    const history = ok<Array<{ action: string }>>(
      await send('GET', `/api/v1/answers/${answer.id}/history`, 'viewer'),
    );
    expect(history.map((h) => h.action)).toEqual(['create', 'status', 'status']);
    expectError(await send('GET', `/api/v1/answers/${answer.id}/history`, null), 401, 'AUTH_REQUIRED');
    const edited = ok<{ status: string; value: string }>(
      await send('PATCH', `/api/v1/answers/${answer.id}`, 'analyst', { value: 'N' }),
    );
    expect(edited).toMatchObject({ status: 'coded', value: 'N' });
  });

  it('imports CSV all or nothing, reporting problems by row', async () => {
    const provision = pid(fx.v1, 's. 2');
    const csv = [
      'jurisdiction,indicator,value,provision,quote',
      `${iceland},PN-01,2,${provision},liable to imprisonment`,
      `${iceland},PN-02,2,${provision},liable to a fine`,
    ].join('\n');
    const before = await countRows(getStore().db, 'coded_answers');
    const res = await send('POST', '/api/v1/answers/import', 'analyst', { csv });
    expectError(res, 400, 'CODING_IMPORT_INVALID');
    expect((res.json() as { error: { details: unknown } }).error.details).toMatchObject({
      rows: [{ row: 3, code: 'EVIDENCE_NOT_FOUND' }],
    });
    expect(await countRows(getStore().db, 'coded_answers')).toBe(before);
    const good = csv.replace('liable to a fine', 'imprisonment for up to 5 years');
    expect(
      ok<{ created: unknown[] }>(await send('POST', '/api/v1/answers/import', 'reviewer', { csv: good }))
        .created,
    ).toHaveLength(2);
    expectError(await send('POST', '/api/v1/answers/import', 'viewer', { csv: good }), 403, 'FORBIDDEN');
  });
});
