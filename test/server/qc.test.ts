/**
 * Quality control through the API on every engine: a batch with two coders (analyst = coder A, admin = coder
 * B), agreements becoming coded answers, a divergence blocking publication until a reviewer who is neither
 * coder reconciles it with a reason, per-batch statistics computed by hand, sampling once the previous batch's
 * divergence rate falls below the threshold, and bad input that writes nothing.
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

interface Report {
  batch: { id: string; redundancy: string; previousBatchId: string | null; coders: string[] };
  progress: { variables: number; redundant: number; codingsDone: number; status: string };
  stats: {
    compared: number;
    divergent: number;
    divergenceRate: number | null;
    percentAgreement: number | null;
    kappa: number | null;
  };
}
interface Outcome {
  outcome: string;
  answer: { id: string; status: string; value: string; citations: unknown[] } | null;
  divergenceId: string | null;
}

describeEachEngine('quality control API', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let fx: CodingFixtures;
  let batchId = '';
  let divergenceId = '';
  let existingId = '';

  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const s11 = () => pid(fx.v1, 's. 1(1)');
  const s12 = () => pid(fx.v1, 's. 1(2)');
  const coding = (indicatorId: string, value: string, quote?: string, provision = s11()) => ({
    jurisdictionId: iceland,
    indicatorId,
    value,
    citations: quote ? [{ provisionId: provision, quote }] : [],
    ...(quote ? {} : { validFrom: '2030-01-01' }),
  });
  const submit = (who: Persona, body: unknown, id = batchId) =>
    send('POST', `/api/v1/qc/batches/${id}/codings`, who, body);

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
    fx = await importCodingFixtures(getStore());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a first batch with every variable coded twice', async () => {
    // An answer coded before the batch, already reviewed: the batch's divergence must hold back its publication.
    const existing = ok<{ id: string }>(
      await send(
        'POST',
        '/api/v1/answers',
        'analyst',
        coding('CR-08', 'P', 'The consent of a victim', s12()),
      ),
      201,
    );
    existingId = existing.id;
    ok(await send('POST', `/api/v1/answers/${existingId}/status`, 'reviewer', { status: 'reviewed' }));

    const body = {
      name: 'Examplia criminalisation',
      jurisdictions: [iceland],
      indicators: ['CR-01', 'CR-05', 'CR-08', 'CR-11'],
      coders: [emailOf('analyst'), emailOf('admin')],
    };
    expectError(await send('POST', '/api/v1/qc/batches', 'analyst', body), 403, 'FORBIDDEN');
    expectError(
      await send('POST', '/api/v1/qc/batches', 'reviewer', {
        ...body,
        coders: [emailOf('analyst'), 'nobody@example.org'],
      }),
      404,
      'USER_NOT_FOUND',
    );
    expectError(
      await send('POST', '/api/v1/qc/batches', 'reviewer', { ...body, indicators: ['CR-99'] }),
      404,
      'INDICATOR_NOT_FOUND',
    );
    expect(await countRows(getStore().db, 'qc_batches')).toBe(0);
    const report = ok<Report>(await send('POST', '/api/v1/qc/batches', 'reviewer', body), 201);
    batchId = report.batch.id;
    expect(report).toMatchObject({
      batch: { redundancy: 'full', previousBatchId: null },
      progress: { variables: 4, redundant: 4, codingsDone: 0, status: 'coding' },
      stats: { compared: 0, divergenceRate: null, kappa: null },
    });
    expect(await countRows(getStore().db, 'qc_assignments')).toBe(8);
  });

  it('refuses bad codings and writes nothing', async () => {
    const before = await countRows(getStore().db, 'qc_codings');
    expectError(
      await submit('analyst', coding('CR-01', 'Y', 'recruits'), 'no-such-batch'),
      404,
      'QC_BATCH_NOT_FOUND',
    );
    expectError(await submit('reviewer', coding('CR-01', 'Y', 'recruits')), 404, 'QC_ASSIGNMENT_NOT_FOUND');
    expectError(await submit('analyst', coding('CR-06', 'Y', 'recruits')), 404, 'QC_ASSIGNMENT_NOT_FOUND');
    expectError(
      await submit('analyst', coding('CR-01', 'Y', 'recruits by threat')),
      400,
      'EVIDENCE_NOT_FOUND',
    );
    expectError(await submit('analyst', coding('CR-01', 'maybe', 'recruits')), 400, 'ANSWER_INVALID');
    expectError(await submit('viewer', coding('CR-01', 'Y', 'recruits')), 403, 'FORBIDDEN');
    expect(await countRows(getStore().db, 'qc_codings')).toBe(before);
  });

  it('turns agreements into coded answers and divergences into open divergences', async () => {
    const first = ok<Outcome>(
      await submit('analyst', coding('CR-01', 'Y', 'recruits, transports or harbours')),
      201,
    );
    expect(first).toMatchObject({ outcome: 'waiting', answer: null });
    expectError(await submit('analyst', coding('CR-01', 'Y', 'recruits')), 409, 'QC_ALREADY_CODED');
    const agreed = ok<Outcome>(
      await submit('admin', coding('CR-01', 'Y', 'for the purpose of exploitation')),
      201,
    );
    expect(agreed).toMatchObject({ outcome: 'agreed', answer: { status: 'coded', value: 'Y' } });
    // Both coders' evidence is merged by provision: both cited s. 1(1), so the earlier coder's quote stays.
    expect(agreed.answer?.citations).toHaveLength(1);

    ok(await submit('analyst', coding('CR-05', 'N')), 201);
    expect(ok<Outcome>(await submit('admin', coding('CR-05', 'N')), 201).outcome).toBe('agreed');
    ok(await submit('analyst', coding('CR-11', 'P', 'The consent of a victim', s12())), 201);
    expect(
      ok<Outcome>(await submit('admin', coding('CR-11', 'P', 'is irrelevant', s12())), 201).outcome,
    ).toBe('agreed');

    ok(await submit('analyst', coding('CR-08', 'Y', 'by force or deception')), 201);
    const diverged = ok<Outcome>(await submit('admin', coding('CR-08', 'N')), 201);
    expect(diverged).toMatchObject({ outcome: 'diverged', answer: null });
    divergenceId = diverged.divergenceId ?? '';

    const coded = ok<Array<{ indicatorId: string; status: string }>>(
      await send('GET', `/api/v1/answers?jurisdiction=${encodeURIComponent(iceland)}&status=coded`, 'viewer'),
    );
    expect(coded.map((a) => a.indicatorId).sort()).toEqual(['CR-01', 'CR-05', 'CR-11']);
  });

  it('reports per-batch statistics that match the hand computation', async () => {
    // Pairs (A, B): (Y, Y) (N, N) (Y, N) (P, P) → 3 of 4 agree: divergence 0.25, agreement 0.75.
    // Marginals A: Y 2, N 1, P 1; B: Y 1, N 2, P 1 → pe = (2·1 + 1·2 + 1·1) / 16 = 5/16.
    // κ = (0.75 − 5/16) / (1 − 5/16) = (7/16) / (11/16) = 7/11 ≈ 0.636.
    const report = ok<Report>(await send('GET', `/api/v1/qc/batches/${batchId}`, 'viewer'));
    expect(report.progress).toMatchObject({ codingsDone: 8, status: 'reconciling' });
    expect(report.stats).toMatchObject({
      compared: 4,
      divergent: 1,
      divergenceRate: 0.25,
      percentAgreement: 0.75,
    });
    expect(report.stats.kappa).toBeCloseTo(7 / 11, 12);
    const list = ok<Report[]>(await send('GET', '/api/v1/qc/batches', 'campaigner'));
    expect(list.map((b) => b.batch.id)).toEqual([batchId]);
    expectError(await send('GET', '/api/v1/qc/batches', null), 401, 'AUTH_REQUIRED');
    expectError(await send('GET', '/api/v1/qc/batches/no-such-batch', 'viewer'), 404, 'QC_BATCH_NOT_FOUND');
  });

  it('blocks publishing until a reviewer who is neither coder reconciles with a reason', async () => {
    const side = ok<
      Array<{
        divergence: { id: string; status: string };
        sides: Array<{ value: string; coderName: string }>;
      }>
    >(await send('GET', `/api/v1/qc/batches/${batchId}/divergences`, 'viewer'));
    expect(side).toHaveLength(1);
    expect(side[0]?.sides.map((s) => [s.coderName, s.value])).toEqual([
      ['Test analyst', 'Y'],
      ['Test admin', 'N'],
    ]);
    expectError(
      await send('POST', `/api/v1/answers/${existingId}/status`, 'reviewer', { status: 'published' }),
      409,
      'QC_DIVERGENCE_OPEN',
    );
    const url = `/api/v1/qc/divergences/${divergenceId}/reconcile`;
    const reconcile = { value: 'Y', reason: 'Section 1(1) names force or deception as means.' };
    expectError(await send('POST', url, 'admin', reconcile), 403, 'FORBIDDEN');
    expectError(await send('POST', url, 'analyst', reconcile), 403, 'FORBIDDEN');
    expectError(
      await send('POST', url, 'reviewer', { value: 'Y', reason: '   ' }),
      400,
      'QC_RECONCILE_INVALID',
    );
    expectError(await send('POST', url, 'reviewer', { value: 'Y' }), 400, 'VALIDATION_FAILED');
    expectError(await send('POST', url, 'reviewer', { ...reconcile, value: 'maybe' }), 400, 'ANSWER_INVALID');
    expectError(
      await send('POST', '/api/v1/qc/divergences/nope/reconcile', 'reviewer', reconcile),
      404,
      'QC_DIVERGENCE_NOT_FOUND',
    );

    const done = ok<{
      divergence: { divergence: { status: string; reason: string; answerId: string } };
      answer: { id: string; status: string; value: string };
    }>(await send('POST', url, 'reviewer', reconcile));
    expect(done.answer).toMatchObject({ id: existingId, status: 'reviewed', value: 'Y' });
    expect(done.divergence.divergence).toMatchObject({
      status: 'reconciled',
      reason: reconcile.reason,
      answerId: existingId,
    });
    expectError(await send('POST', url, 'reviewer', reconcile), 409, 'QC_DIVERGENCE_RECONCILED');
    const history = ok<Array<{ action: string }>>(
      await send('GET', `/api/v1/answers/${existingId}/history`, 'viewer'),
    );
    expect(history.map((h) => h.action)).toEqual(['create', 'status', 'update', 'status']);
    expect(
      ok<{ status: string }>(
        await send('POST', `/api/v1/answers/${existingId}/status`, 'reviewer', { status: 'published' }),
      ).status,
    ).toBe('published');
    const report = ok<Report>(await send('GET', `/api/v1/qc/batches/${batchId}`, 'viewer'));
    expect(report.progress.status).toBe('complete');
  });

  it('samples the next batch once the previous divergence rate is below its threshold', async () => {
    const body = {
      name: 'Examplia protection',
      jurisdictions: [iceland],
      indicators: ['CR-06', 'CR-09', 'CR-10', 'CR-12'],
      coders: [emailOf('analyst'), emailOf('admin')],
    };
    // 0.25 ≥ the default 5%: still every variable twice.
    const full = ok<Report>(await send('POST', '/api/v1/qc/batches', 'admin', body), 201);
    expect(full.batch).toMatchObject({ redundancy: 'full', previousBatchId: batchId });
    const sampled = ok<Report>(
      await send('POST', '/api/v1/qc/batches', 'admin', {
        ...body,
        name: 'x',
        threshold: 0.3,
        sampleRate: 0.5,
      }),
      201,
    );
    expect(sampled.batch).toMatchObject({ redundancy: 'sample', previousBatchId: batchId });
    expect(sampled.progress).toMatchObject({ variables: 4, redundant: 2 });
  });
});
