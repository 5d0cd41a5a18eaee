/**
 * Divergences: two independent codings of one variable that disagree. Policy: the review screen shows both
 * codings side by side (coder, value, start date, citations with quotes). A reviewer (`coding:review`) who is
 * neither coder of the batch reconciles it by choosing a value, one of theirs or a third, with a mandatory
 * reason; the chosen coder's evidence is reused unless citations are given (a third value must bring its own,
 * unless it is 0, N or NA). The answer is written `reviewed` with history (services/qc-answer.ts), and the
 * divergence keeps the value, the reason, who and when. Until then the variable cannot be published.
 */
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import type { QcDivergence } from '../core/qc/types.ts';
import { qcLimits } from '../core/qc/types.ts';
import { getUser } from '../store/accounts.repo.ts';
import { getDivergence, listCodings, listDivergences, markReconciled } from '../store/qc.repo.ts';
import type { CitationInput } from './answer-checks.ts';
import type { ServiceContext } from './context.ts';
import { actorUserId, batchFramework, visibleBatch } from './qc.ts';
import { settleAnswer } from './qc-answer.ts';

/** One side of a divergence. */
export interface DivergenceSide {
  coderId: string;
  coderName: string;
  value: string;
  validFrom: string;
  citations: CitationInput[];
  codedAt: string;
}

/** A divergence with both codings, coder A first. */
export interface DivergenceView {
  divergence: QcDivergence;
  sides: DivergenceSide[];
}

/** How a reviewer reconciles a divergence. */
export interface ReconcileArgs {
  value: string;
  reason: string;
  citations?: CitationInput[];
  validFrom?: string;
}

async function view(
  ctx: ServiceContext,
  d: QcDivergence,
  coders: readonly string[],
): Promise<DivergenceView> {
  const codings = await listCodings(ctx.db, d.batchId, d);
  codings.sort((x, y) => coders.indexOf(x.coderId) - coders.indexOf(y.coderId));
  const sides = await Promise.all(
    codings.map(async (c) => ({
      coderId: c.coderId,
      coderName: (await getUser(ctx.db, c.coderId))?.displayName ?? c.coderId,
      value: c.value,
      validFrom: c.validFrom,
      citations: c.citations,
      codedAt: c.createdAt,
    })),
  );
  return { divergence: d, sides };
}

/** A batch's divergences side by side (open ones first); needs org:read; throws QC_BATCH_NOT_FOUND. */
export async function listBatchDivergences(ctx: ServiceContext, batchId: string): Promise<DivergenceView[]> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading QC batches needs org:read');
  const batch = await visibleBatch(ctx, batchId);
  const all = await listDivergences(ctx.db, batch.id);
  const ordered = [...all.filter((d) => d.status === 'open'), ...all.filter((d) => d.status !== 'open')];
  return Promise.all(ordered.map((d) => view(ctx, d, batch.coders)));
}

/** Reconciles a divergence (policy above) and returns it with the answer written. */
export async function reconcileDivergence(
  ctx: ServiceContext,
  id: string,
  args: ReconcileArgs,
): Promise<{ divergence: DivergenceView; answer: CodedAnswer }> {
  if (!actorCan(ctx.actor, 'coding:review')) {
    throw new DomainError('FORBIDDEN', 'reconciling a divergence needs coding:review');
  }
  const reason = args.reason.trim();
  if (!reason || reason.length > qcLimits.reasonChars) {
    throw new DomainError('QC_RECONCILE_INVALID', 'a reconciliation needs a reason', { field: 'reason' });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const found = await getDivergence(trx, id);
    const batch = found ? await visibleBatch(tctx, found.batchId).catch(() => null) : null;
    if (!found || !batch)
      throw new DomainError('QC_DIVERGENCE_NOT_FOUND', `divergence ${id} does not exist`, { id });
    if (found.status !== 'open') {
      throw new DomainError(
        'QC_DIVERGENCE_RECONCILED',
        `divergence ${id} was reconciled on ${found.reconciledAt}`,
      );
    }
    const reviewer = actorUserId(ctx);
    if (reviewer !== null && batch.coders.includes(reviewer)) {
      throw new DomainError('FORBIDDEN', 'a coder of the batch cannot reconcile its divergences');
    }
    const codings = await listCodings(trx, batch.id, found);
    const chosen = codings.find((c) => c.value === args.value);
    const latest = codings
      .map((c) => c.validFrom)
      .sort()
      .at(-1);
    const validFrom = args.validFrom ?? chosen?.validFrom ?? latest;
    if (validFrom === undefined) throw new DomainError('INTERNAL', `divergence ${id} has no codings`);
    const framework = await batchFramework(tctx, batch);
    const answer = await settleAnswer(
      tctx,
      framework,
      found,
      { value: args.value, citations: args.citations ?? chosen?.citations ?? [], validFrom },
      'reviewed',
    );
    await markReconciled(trx, id, {
      value: args.value,
      reason,
      reconciledBy: actorLabel(ctx.actor),
      answerId: answer.id,
    });
    const after = (await getDivergence(trx, id)) ?? found;
    return { divergence: await view(tctx, after, batch.coders), answer };
  });
}
