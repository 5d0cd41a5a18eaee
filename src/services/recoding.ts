/**
 * Recoding tasks: from an enacted bill to measured change (docs/bill-to-law.md). Policy:
 * - a task opens when an imported bill's stage is `enacted`, in the import's own transaction (a refused file
 *   opens none), or by hand for a bill enacted earlier; a bill has at most one task, so re-importing or
 *   opening again changes nothing;
 * - its targets are the library documents the bill's citations name (core/bills/enactment.ts), plus any the
 *   analyst adds when applying; its effective date comes from the bill (chapter/final citation, then the
 *   `became-law` action) or from the analyst;
 * - applying (recoding-apply.ts) stores new law versions and the analyzer's suggestions; those stay machine
 *   suggestions until a person reviews them through the ordinary review flow. When none is pending any more,
 *   the task is `done` (recorded the first time a read sees it).
 * Reading needs `org:read`; opening by hand and dismissing need `laws:write`.
 */
import type { Kysely } from 'kysely';
import type { StoredSuggestion } from '../core/analyzer/review.ts';
import { type Actor, actorCan, actorLabel } from '../core/auth/permissions.ts';
import { enactmentDate, matchTargets } from '../core/bills/enactment.ts';
import type {
  RecodingHistoryEntry,
  RecodingStatus,
  RecodingTarget,
  RecodingTask,
} from '../core/bills/recoding-types.ts';
import type { BillRecord, BillStage } from '../core/bills/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { flushBillBatch } from '../store/bill-writes.ts';
import { getBill } from '../store/bills.repo.ts';
import {
  findRecodingTaskOfBill,
  getRecodingTask,
  insertRecodingTask,
  listRecodingTasks,
  recodingHistory,
  updateRecodingTask,
} from '../store/recoding.repo.ts';
import type { Database } from '../store/schema.ts';
import { listSuggestions as listSuggestionRows } from '../store/suggestions.repo.ts';
import { visibleOrg } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { listVisibleJurisdictions, requireJurisdiction } from './jurisdictions.ts';
import { loadCountedAnswers, scoreRecordsOn } from './scores.ts';

/** Where a task's targets and effective date come from, for a bill as stored. */
async function taskStart(
  db: Kysely<Database>,
  bill: Pick<BillRecord, 'jurisdictionId' | 'citations' | 'actions'>,
) {
  const documents = await db
    .selectFrom('law_documents')
    .select(['id', 'citation', 'title'])
    .where('jurisdiction_id', '=', bill.jurisdictionId)
    .where('type', '!=', 'bill_version')
    .orderBy('citation')
    .execute();
  const { matched, unmatched } = matchTargets(bill.citations, documents);
  const targets: RecodingTarget[] = matched.map((m) => {
    const d = documents.find((x) => x.id === m.documentId);
    return {
      documentId: m.documentId,
      citation: d?.citation ?? '',
      title: d?.title ?? '',
      source: 'bill',
      billCitation: m.billCitation,
    };
  });
  const effective = enactmentDate(bill);
  return { targets, unmatched, effective };
}

async function openFor(
  db: Kysely<Database>,
  actor: Actor,
  billId: string,
  bill: Pick<BillRecord, 'jurisdictionId' | 'citations' | 'actions'>,
): Promise<{ task: RecodingTask; outcome: 'opened' | 'exists' }> {
  const existing = await findRecodingTaskOfBill(db, billId);
  if (existing) return { task: existing, outcome: 'exists' };
  const { targets, unmatched, effective } = await taskStart(db, bill);
  const task = await insertRecodingTask(db, {
    billId,
    jurisdictionId: bill.jurisdictionId,
    effectiveDate: effective?.date ?? null,
    effectiveSource: effective?.source ?? null,
    targets,
    unmatchedCitations: unmatched,
    createdBy: actorLabel(actor),
  });
  await recordAudit(db, actor, 'recoding.open', task.id, { billId, targets: targets.length });
  return { task, outcome: 'opened' };
}

/**
 * Called by the bill import inside its transaction after a bill is written: opens the bill's recoding task
 * when its stage is `enacted` and it has none yet. Returns the task opened, or null.
 */
export async function openRecodingTaskIfEnacted(
  trx: Kysely<Database>,
  actor: Actor,
  billId: string,
  record: BillRecord,
  stage: BillStage,
): Promise<RecodingTask | null> {
  if (stage !== 'enacted') return null;
  // The task references the bill: write it out of the import's batch first (only enacted bills pay for this).
  await flushBillBatch(trx, [billId]);
  const { task, outcome } = await openFor(trx, actor, billId, record);
  return outcome === 'opened' ? task : null;
}

/** Opens the task of a bill enacted before tasks existed; an existing task is returned as it is. Needs `laws:write`. */
export async function openRecodingTask(
  ctx: ServiceContext,
  billId: string,
): Promise<{ task: RecodingTask; outcome: 'opened' | 'exists' }> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'opening a recoding task needs laws:write');
  return ctx.db.transaction().execute(async (trx) => {
    const bill = await getBill(trx, billId);
    if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${billId}`, { id: billId });
    await requireJurisdiction({ ...ctx, db: trx }, bill.jurisdictionId);
    if (bill.stage !== 'enacted') {
      throw new DomainError(
        'RECODING_STATE_INVALID',
        `bill ${bill.identifier} is ${bill.stage}, not enacted: only an enacted bill gets a recoding task`,
        { billId: bill.id, stage: bill.stage },
      );
    }
    return openFor(trx, ctx.actor, bill.id, bill);
  });
}

function requireRead(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading recoding tasks needs org:read');
}

/** A task the actor may see; throws RECODING_TASK_NOT_FOUND (also for a jurisdiction it may not see). */
export async function requireTask(ctx: ServiceContext, id: string): Promise<RecodingTask> {
  const missing = () =>
    new DomainError('RECODING_TASK_NOT_FOUND', `recoding task ${id} does not exist`, { id });
  const task = await getRecodingTask(ctx.db, id);
  if (!task) throw missing();
  try {
    await requireJurisdiction(ctx, task.jurisdictionId);
  } catch (err) {
    if (isDomainError(err, 'JURISDICTION_NOT_FOUND')) throw missing();
    throw err;
  }
  return task;
}

/** One row of a task list: the task and its bill's identifier and title. */
export interface RecodingTaskListing extends RecodingTask {
  bill: { id: string; identifier: string; title: string; sessionIdentifier: string };
}

async function billOf(ctx: ServiceContext, task: RecodingTask): Promise<RecodingTaskListing['bill']> {
  const b = await ctx.db
    .selectFrom('bills')
    .select(['id', 'identifier', 'title', 'session_identifier'])
    .where('id', '=', task.billId)
    .executeTakeFirstOrThrow();
  return { id: b.id, identifier: b.identifier, title: b.title, sessionIdentifier: b.session_identifier };
}

/** Tasks the actor may see, newest first, optionally of one jurisdiction and one status; needs `org:read`. */
export async function listRecoding(
  ctx: ServiceContext,
  args: { jurisdictionId?: string; status?: RecodingStatus } = {},
): Promise<RecodingTaskListing[]> {
  requireRead(ctx);
  const jurisdictionIds =
    args.jurisdictionId !== undefined
      ? [(await requireJurisdiction(ctx, args.jurisdictionId)).id]
      : (await listVisibleJurisdictions(ctx)).map((j) => j.id);
  const tasks = await listRecodingTasks(ctx.db, {
    jurisdictionIds,
    ...(args.status !== undefined ? { status: args.status } : {}),
  });
  const out: RecodingTaskListing[] = [];
  for (const t of tasks) out.push({ ...(await settleDone(ctx, t)), bill: await billOf(ctx, t) });
  return args.status === undefined ? out : out.filter((t) => t.status === args.status);
}

/** A suggestion of the task's new versions, with the answer in force the day before the law changed. */
export interface RecodingSuggestion extends StoredSuggestion {
  /** The coded answer (any status from coded) valid the day before the effective date, or null. */
  before: { answerId: string; value: string; status: string; validTo: string | null } | null;
  /** True when the suggestion would change the coding: the answer differs or none was coded. */
  affected: boolean;
}

/** A task with its bill, history, suggestions and the score (coded answers) either side of the effective date. */
export interface RecodingTaskDetail extends RecodingTaskListing {
  history: RecodingHistoryEntry[];
  suggestions: RecodingSuggestion[];
  counts: { total: number; pending: number; accepted: number; rejected: number };
  score: { dayBefore: number | null; effective: number | null; asOf: string; include: 'coded' } | null;
}

async function suggestionsOf(ctx: ServiceContext, task: RecodingTask): Promise<StoredSuggestion[]> {
  const out: StoredSuggestion[] = [];
  for (const v of task.newVersions) {
    out.push(
      ...(await listSuggestionRows(ctx.db, { versionId: v.versionId, organizationId: visibleOrg(ctx) })),
    );
  }
  return out;
}

/** Marks an applied task `done` once none of its suggestions is pending (one history row, the first time). */
async function settleDone(ctx: ServiceContext, task: RecodingTask): Promise<RecodingTask> {
  if (task.status !== 'applied') return task;
  const suggestions = await suggestionsOf(ctx, task);
  if (suggestions.some((s) => s.reviewStatus === 'pending')) return task;
  await ctx.db.transaction().execute(async (trx) => {
    const now = await getRecodingTask(trx, task.id);
    if (now?.status !== 'applied') return;
    await updateRecodingTask(
      trx,
      task.id,
      { status: 'done' },
      { actor: 'system:recoding', action: 'done', details: { reviewed: suggestions.length } },
    );
  });
  return { ...task, status: 'done' };
}

/** The day before a `YYYY-MM-DD` date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** One task with everything a reviewer needs; throws RECODING_TASK_NOT_FOUND. Needs `org:read`. */
export async function showRecoding(ctx: ServiceContext, id: string): Promise<RecodingTaskDetail> {
  requireRead(ctx);
  const task = await settleDone(ctx, await requireTask(ctx, id));
  const stored = await suggestionsOf(ctx, task);
  const date = task.effectiveDate;
  let suggestions: RecodingSuggestion[] = stored.map((s) => ({ ...s, before: null, affected: true }));
  let score: RecodingTaskDetail['score'] = null;
  if (date !== null && task.newVersions.length > 0) {
    const prior = dayBefore(date);
    const records = await loadCountedAnswers(ctx, task.jurisdictionId, { include: 'coded' });
    const [before, on] = [prior, date].map((d) =>
      scoreRecordsOn(records.framework, records.jurisdiction, records, d),
    );
    score = {
      dayBefore: before?.result.total ?? null,
      effective: on?.result.total ?? null,
      asOf: date,
      include: 'coded',
    };
    suggestions = stored.map((s) => {
      const a = records.answers.find(
        (x) =>
          x.indicatorId === s.indicatorId &&
          x.validFrom <= prior &&
          (x.validTo === null || prior < x.validTo),
      );
      const before = a ? { answerId: a.id, value: a.value, status: a.status, validTo: a.validTo } : null;
      return {
        ...s,
        before,
        affected: before === null ? s.answer !== 'no' : !codesOf(s).includes(before.value),
      };
    });
  }
  const count = (st: string[]) => stored.filter((s) => st.includes(s.reviewStatus)).length;
  return {
    ...task,
    bill: await billOf(ctx, task),
    history: await recodingHistory(ctx.db, task.id),
    suggestions,
    counts: {
      total: stored.length,
      pending: count(['pending']),
      accepted: count(['accepted', 'edited']),
      rejected: count(['rejected']),
    },
    score,
  };
}

// The codes a suggested answer maps to in either response family (Y/P/N, 2/1/0); a yes/no partial is N.
function codesOf(s: StoredSuggestion): string[] {
  const map: Record<string, string[]> = { yes: ['Y', '2'], partial: ['P', '1', 'N'], no: ['N', '0'] };
  return map[s.answer] ?? [];
}

/** Dismisses an open task with a reason (the bill needs no recoding); needs `laws:write`. */
export async function dismissRecoding(
  ctx: ServiceContext,
  id: string,
  reason: string,
): Promise<RecodingTask> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'dismissing a recoding task needs laws:write');
  const why = reason.trim();
  if (why === '' || why.length > 2000) {
    throw new DomainError('RECODING_INVALID', 'give a reason for dismissing (1 to 2000 characters)', {
      field: 'reason',
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const task = await requireTask(tctx, id);
    if (task.status !== 'open') {
      throw new DomainError(
        'RECODING_STATE_INVALID',
        `recoding task ${id} is ${task.status}; only an open task can be dismissed`,
        { id, status: task.status },
      );
    }
    await updateRecodingTask(
      trx,
      id,
      { status: 'dismissed', note: why },
      { actor: actorLabel(ctx.actor), action: 'dismissed', details: { reason: why } },
    );
    await recordAudit(trx, ctx.actor, 'recoding.dismiss', id, {});
    return (await getRecodingTask(trx, id)) ?? task;
  });
}
