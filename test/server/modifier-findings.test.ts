/**
 * Negative-modifier findings through the API on every engine: who may record and move them, a fabricated quote
 * refused with nothing written, what the public sees, and the score's grade cap once a finding is published.
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

describeEachEngine('modifier findings API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let fx: CodingFixtures;

  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const body = (quote: string) => ({
    jurisdictionId: iceland,
    modifierId: 'NEG-2',
    applies: true,
    citations: [{ provisionId: pid(fx.v1, 's. 3'), quote }],
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

  it('records, reviews and publishes a finding; refuses fabricated quotes and unpermitted callers', async () => {
    const db = getStore().db;
    const before = await countRows(db, 'modifier_findings');
    expectError(
      await send('POST', '/api/v1/modifier-findings', 'analyst', body('is liable')),
      400,
      'EVIDENCE_NOT_FOUND',
    );
    expectError(
      await send('POST', '/api/v1/modifier-findings', 'viewer', body('A victim')),
      403,
      'FORBIDDEN',
    );
    expectError(
      await send('POST', '/api/v1/modifier-findings', null, body('A victim')),
      401,
      'AUTH_REQUIRED',
    );
    expectError(
      await send('POST', '/api/v1/modifier-findings', 'analyst', { ...body('A victim'), applies: 'yes' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await countRows(db, 'modifier_findings')).toBe(before);
    expect(await countRows(db, 'modifier_finding_history')).toBe(0);

    const created = ok<{ id: string; status: string; validFrom: string }>(
      await send('POST', '/api/v1/modifier-findings', 'analyst', body('A victim is not liable')),
      201,
    );
    expect(created).toMatchObject({ status: 'coded', validFrom: '2030-01-01' });
    const status = (who: Persona, to: string) =>
      send('POST', `/api/v1/modifier-findings/${created.id}/status`, who, { status: to });
    expectError(await status('analyst', 'reviewed'), 403, 'FORBIDDEN');
    expect(ok<{ status: string }>(await status('reviewer', 'reviewed')).status).toBe('reviewed');
    expectError(await status('analyst', 'published'), 403, 'FORBIDDEN');
    expect(ok<{ status: string }>(await status('admin', 'published')).status).toBe('published');

    const listed = ok<Array<{ id: string }>>(
      await send(
        'GET',
        `/api/v1/modifier-findings?jurisdiction=${encodeURIComponent(iceland)}&asOf=2031-01-01`,
        null,
      ),
    );
    expect(listed.map((f) => f.id)).toEqual([created.id]);
    expectError(await send('GET', '/api/v1/modifier-findings?status=coded', null), 403, 'FORBIDDEN');

    const score = ok<{ result: { modifiers: Array<{ id: string; status: string }> } }>(
      await send('GET', `/api/v1/scores/${encodeURIComponent(iceland)}?asOf=2031-01-01`, null),
    );
    expect(score.result.modifiers.find((m) => m.id === 'NEG-2')).toMatchObject({ status: 'applies' });
  });
});
