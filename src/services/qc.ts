/**
 * Quality control: coding batches and redundant coding (policy of who codes what in core/qc/redundancy.ts,
 * statistics in core/qc/agreement.ts). A batch assigns jurisdictions × indicators of one framework version to
 * two coders; each coder submits an independent coding of their own assignments only, checked exactly as an
 * answer is (framework, library, verbatim evidence) and kept in its own table. When both coders of a variable
 * have coded it, equal values settle the answer (coded, both coders' citations) and different values open a
 * divergence for a reviewer (services/qc-divergences.ts). A single-coded variable settles at once. Creating
 * batches needs `qc:manage`, coding `coding:write`, reading `org:read`.
 */
import { normalizeEmail } from '../core/auth/accounts.ts';
import { actorCan } from '../core/auth/permissions.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import { type AgreementStats, agreementStats, type CodedPair } from '../core/qc/agreement.ts';
import { assignVariables, redundancyFor } from '../core/qc/redundancy.ts';
import {
  type QcAssignment,
  type QcBatch,
  type QcCoding,
  type QcVariable,
  qcDefaults,
  qcLimits,
  variableKey,
} from '../core/qc/types.ts';
import {
  activeUserIdsByEmail,
  getBatch,
  insertBatch,
  insertCoding,
  insertDivergence,
  listAssignments,
  listBatches,
  listCodings,
  listDivergences,
} from '../store/qc.repo.ts';
import type { CitationInput } from './answer-checks.ts';
import { checkAnswer } from './answer-checks.ts';
import type { ServiceContext } from './context.ts';
import { getFramework, listFrameworks } from './framework.ts';
import { listVisibleJurisdictions, requireJurisdiction } from './jurisdictions.ts';
import { mergeCitations, settleAnswer } from './qc-answer.ts';

/** A new batch; coders are two emails of active users. */
export interface NewBatchArgs {
  name: string;
  jurisdictions: string[];
  indicators: string[];
  coders: string[];
  threshold?: number;
  sampleRate?: number;
  frameworkVersion?: number;
}

/** Progress of a batch: codings expected and made, divergences open and reconciled. */
export interface BatchProgress {
  variables: number;
  redundant: number;
  codingsExpected: number;
  codingsDone: number;
  divergencesOpen: number;
  divergencesReconciled: number;
  /** coding until every assigned coding is in, then reconciling while a divergence is open, then complete. */
  status: 'coding' | 'reconciling' | 'complete';
}

/** A batch with its progress and agreement statistics. */
export interface BatchReport {
  batch: QcBatch;
  progress: BatchProgress;
  stats: AgreementStats;
}

/** What one submission led to. */
export interface CodingOutcome {
  coding: QcCoding;
  /** single: settled at once; waiting: the other coder has not coded; agreed / diverged: compared. */
  outcome: 'single' | 'waiting' | 'agreed' | 'diverged';
  answer: CodedAnswer | null;
  divergenceId: string | null;
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('QC_BATCH_INVALID', message, details);
}

function requireRead(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading QC batches needs org:read');
}

/** The framework version a batch codes against; throws FRAMEWORK_NOT_FOUND. */
export async function batchFramework(ctx: ServiceContext, batch: QcBatch): Promise<Framework> {
  const summary = (await listFrameworks(ctx)).find((f) => f.id === batch.frameworkId);
  if (!summary) throw new DomainError('FRAMEWORK_NOT_FOUND', `framework ${batch.frameworkId} does not exist`);
  return getFramework(ctx, summary.version);
}

/** The user id behind the actor, or null for the command line and anonymous callers. */
export function actorUserId(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null;
}

/** A batch the actor may see (all its jurisdictions visible); throws QC_BATCH_NOT_FOUND. */
export async function visibleBatch(ctx: ServiceContext, id: string): Promise<QcBatch> {
  const batch = await getBatch(ctx.db, id);
  const visible = batch ? new Set((await listVisibleJurisdictions(ctx)).map((j) => j.id)) : null;
  if (!batch || !visible || batch.jurisdictions.some((j) => !visible.has(j))) {
    throw new DomainError('QC_BATCH_NOT_FOUND', `QC batch ${id} does not exist`, { id });
  }
  return batch;
}

/** The batch's variables coded by both of its coders, each with coder A's and coder B's value. */
export function comparedVariables(
  batch: QcBatch,
  assignments: readonly QcAssignment[],
  codings: readonly QcCoding[],
): Array<QcVariable & CodedPair> {
  const byVariable = new Map<string, Map<string, string>>();
  for (const c of codings) {
    const m = byVariable.get(variableKey(c)) ?? new Map<string, string>();
    m.set(c.coderId, c.value);
    byVariable.set(variableKey(c), m);
  }
  const [coderA, coderB] = batch.coders;
  return assignments
    .filter((a) => a.coders.length === 2)
    .flatMap((a) => {
      const m = byVariable.get(variableKey(a));
      const va = m?.get(coderA);
      const vb = m?.get(coderB);
      return va !== undefined && vb !== undefined
        ? [{ jurisdictionId: a.jurisdictionId, indicatorId: a.indicatorId, a: va, b: vb }]
        : [];
    });
}

/** Progress and statistics of a batch, from its assignments, codings and divergences. */
export async function batchReport(ctx: ServiceContext, batch: QcBatch): Promise<BatchReport> {
  const [assignments, codings, divergences] = await Promise.all([
    listAssignments(ctx.db, batch.id),
    listCodings(ctx.db, batch.id),
    listDivergences(ctx.db, batch.id),
  ]);
  const pairs = comparedVariables(batch, assignments, codings).map(({ a, b }) => ({ a, b }));
  const expected = assignments.reduce((n, a) => n + a.coders.length, 0);
  const open = divergences.filter((d) => d.status === 'open').length;
  return {
    batch,
    progress: {
      variables: assignments.length,
      redundant: assignments.filter((a) => a.coders.length === 2).length,
      codingsExpected: expected,
      codingsDone: codings.length,
      divergencesOpen: open,
      divergencesReconciled: divergences.length - open,
      status: codings.length < expected ? 'coding' : open > 0 ? 'reconciling' : 'complete',
    },
    stats: agreementStats(pairs),
  };
}

/** Creates a batch and its assignments (redundancy from the previous batch's divergence rate); needs qc:manage. */
export async function createBatch(ctx: ServiceContext, args: NewBatchArgs): Promise<BatchReport> {
  if (!actorCan(ctx.actor, 'qc:manage'))
    throw new DomainError('FORBIDDEN', 'creating QC batches needs qc:manage');
  const name = args.name.trim();
  if (!name || name.length > qcLimits.nameChars) invalid('a batch needs a name', { field: 'name' });
  const jurisdictions = [...new Set(args.jurisdictions)];
  const indicators = [...new Set(args.indicators)];
  if (jurisdictions.length === 0 || jurisdictions.length > qcLimits.jurisdictions)
    invalid(`a batch covers 1 to ${qcLimits.jurisdictions} jurisdictions`, { field: 'jurisdictions' });
  if (indicators.length === 0 || indicators.length > qcLimits.indicators)
    invalid(`a batch covers 1 to ${qcLimits.indicators} indicators`, { field: 'indicators' });
  if (jurisdictions.length * indicators.length > qcLimits.variables)
    invalid(`a batch holds at most ${qcLimits.variables} jurisdiction × indicator variables`);
  const threshold = args.threshold ?? qcDefaults.threshold;
  const sampleRate = args.sampleRate ?? qcDefaults.sampleRate;
  for (const [field, v] of [
    ['threshold', threshold],
    ['sampleRate', sampleRate],
  ] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 1) invalid(`${field} must be between 0 and 1`, { field });
  }
  const emails = args.coders.map(normalizeEmail);
  if (emails.length !== 2 || emails[0] === emails[1])
    invalid('a batch needs two different coders', { field: 'coders' });
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const framework = await getFramework(tctx, args.frameworkVersion);
    for (const j of jurisdictions) await requireJurisdiction(tctx, j);
    const unknown = indicators.filter((i) => !framework.indicators.some((x) => x.id === i));
    if (unknown.length) {
      throw new DomainError('INDICATOR_NOT_FOUND', `not in ${framework.id}: ${unknown.join(', ')}`, {
        unknown,
      });
    }
    const ids = await activeUserIdsByEmail(trx, emails);
    const missing = emails.filter((e) => !ids.has(e));
    if (missing.length) {
      throw new DomainError('USER_NOT_FOUND', `no active user ${missing.join(', ')}`, { emails: missing });
    }
    const coders = [ids.get(emails[0] ?? ''), ids.get(emails[1] ?? '')] as [string, string];
    let previous: BatchReport | null = null;
    for (const b of await listBatches(trx)) {
      if (b.frameworkId !== framework.id) continue;
      const report = await batchReport(tctx, b);
      if (report.stats.divergenceRate !== null) {
        previous = report;
        break;
      }
    }
    const redundancy = redundancyFor(previous?.stats.divergenceRate ?? null, threshold);
    const variables = jurisdictions.flatMap((j) =>
      indicators.map((i) => ({ jurisdictionId: j, indicatorId: i })),
    );
    const draft = {
      name,
      frameworkId: framework.id,
      jurisdictions,
      indicators,
      coders,
      threshold,
      sampleRate,
      redundancy,
      previousBatchId: previous?.batch.id ?? null,
      createdBy: ctx.actor.kind === 'system' ? `system:${ctx.actor.name}` : `user:${actorUserId(ctx) ?? ''}`,
    };
    // The sample is seeded by the batch's own id, which the store draws.
    const batch = await insertBatch(trx, draft, (id) =>
      assignVariables(id, variables, coders, redundancy, sampleRate),
    );
    return batchReport(tctx, batch);
  });
}

/** Every batch the actor may see, newest first, with progress and statistics; needs org:read. */
export async function listQcBatches(ctx: ServiceContext): Promise<BatchReport[]> {
  requireRead(ctx);
  const visible = new Set((await listVisibleJurisdictions(ctx)).map((j) => j.id));
  const batches = (await listBatches(ctx.db)).filter((b) => b.jurisdictions.every((j) => visible.has(j)));
  return Promise.all(batches.map((b) => batchReport(ctx, b)));
}

/** One batch with progress and statistics; needs org:read; throws QC_BATCH_NOT_FOUND. */
export async function getQcBatch(ctx: ServiceContext, id: string): Promise<BatchReport> {
  requireRead(ctx);
  return batchReport(ctx, await visibleBatch(ctx, id));
}

/** One coder's coding of a variable. */
export interface CodingArgs {
  jurisdictionId: string;
  indicatorId: string;
  value: string;
  citations: CitationInput[];
  validFrom?: string;
}

/** Submits the actor's own coding of an assigned variable and settles or compares it (policy above). */
export async function submitCoding(
  ctx: ServiceContext,
  batchId: string,
  args: CodingArgs,
): Promise<CodingOutcome> {
  if (!actorCan(ctx.actor, 'coding:write')) throw new DomainError('FORBIDDEN', 'you may not code answers');
  const coderId = actorUserId(ctx);
  if (!coderId) throw new DomainError('FORBIDDEN', 'a QC coding belongs to a signed-in coder');
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const batch = await visibleBatch(tctx, batchId);
    const variable = { jurisdictionId: args.jurisdictionId, indicatorId: args.indicatorId };
    const assigned = (await listAssignments(trx, batch.id, variable))[0]?.coders ?? [];
    if (!assigned.includes(coderId)) {
      throw new DomainError(
        'QC_ASSIGNMENT_NOT_FOUND',
        `${args.indicatorId} for ${args.jurisdictionId} is not assigned to you in batch ${batch.id}`,
        variable,
      );
    }
    const earlier = await listCodings(trx, batch.id, variable);
    if (earlier.some((c) => c.coderId === coderId)) {
      throw new DomainError(
        'QC_ALREADY_CODED',
        `you have already coded ${args.indicatorId} for ${args.jurisdictionId}`,
      );
    }
    const framework = await batchFramework(tctx, batch);
    const checked = await checkAnswer(
      trx,
      framework,
      { ...variable, skipOverlap: true },
      {
        value: args.value,
        citations: args.citations,
        ...(args.validFrom !== undefined ? { validFrom: args.validFrom } : {}),
        validTo: null,
        cautionNote: null,
      },
    );
    const coding = await insertCoding(trx, {
      batchId: batch.id,
      ...variable,
      coderId,
      value: checked.value,
      validFrom: checked.validFrom,
      citations: checked.citations,
    });
    const none = { coding, answer: null, divergenceId: null };
    if (assigned.length === 1) {
      const answer = await settleAnswer(tctx, framework, variable, coding, 'coded');
      return { ...none, outcome: 'single', answer };
    }
    const other = earlier[0];
    if (!other) return { ...none, outcome: 'waiting' };
    if (other.value !== coding.value) {
      const d = await insertDivergence(trx, { batchId: batch.id, frameworkId: framework.id, ...variable });
      return { ...none, outcome: 'diverged', divergenceId: d.id };
    }
    const settled = {
      value: coding.value,
      citations: mergeCitations(other.citations, coding.citations),
      // ISO dates sort as text: the later start of the two codings.
      validFrom: [other.validFrom, coding.validFrom].sort()[1] ?? coding.validFrom,
    };
    const answer = await settleAnswer(tctx, framework, variable, settled, 'coded');
    return { ...none, outcome: 'agreed', answer };
  });
}
