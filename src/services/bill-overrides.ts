/**
 * Analysts' overrides of an imported action's classification. Policy:
 * - overriding needs `bills:review` and a reason (≤ 2000 characters); the classes must come from the Open
 *   States vocabulary (core/bills/overrides.ts); the override names its action by (order, date, description
 *   hash), so it survives re-imports;
 * - the history is kept: a new override on the same action supersedes the active one, a removal ends it
 *   (with an optional reason); both are logged with who and when, in the table and the audit trail;
 * - the bill's stage is re-derived with the active overrides at once and on every import that changes the
 *   bill (services/bills.ts calls `overriddenActions`); the imported classification is never changed;
 * - an override whose action a re-import no longer has is kept and marked orphaned (and logged), applies to
 *   nothing, and comes back into force if a later import brings the action back.
 * Overrides are instance-wide, like the bills and their public stage. Reading the history needs `org:read`.
 */

import type { Kysely } from 'kysely';
import { type Actor, actorCan, actorLabel } from '../core/auth/permissions.ts';
import {
  type ActionOverride,
  type ActionOverrideRule,
  applyOverrides,
  type KeyedAction,
  matchOverrides,
  overrideProblem,
  reasonProblem,
} from '../core/bills/overrides.ts';
import { deriveStage } from '../core/bills/stage.ts';
import type { Bill, BillAction, BillStage } from '../core/bills/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  activeOverrides,
  descriptionHash,
  endOverride,
  insertOverride,
  listOverrides,
  setBillStage,
  setOverrideMatch,
} from '../store/bill-review.repo.ts';
import { getBill } from '../store/bills.repo.ts';
import type { Database } from '../store/schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';

/** What overriding or removing did: the override now in force and the stage before and after. */
export interface OverrideResult {
  override: ActionOverride | null;
  stage: BillStage;
  previousStage: BillStage;
}

/** A bill's overrides: those in force (orphaned included), how many are orphaned, and the whole history. */
export interface OverrideHistory {
  billId: string;
  stage: BillStage;
  active: ActionOverride[];
  orphaned: number;
  history: ActionOverride[];
}

const rule = (o: ActionOverride): ActionOverrideRule => ({
  id: o.id,
  key: o.key,
  classification: o.classification,
});

/** Actions keyed by their stored position (the order the API shows) and description hash. */
function keyed(actions: readonly BillAction[]): KeyedAction[] {
  return actions.map((a, position) => ({
    ...a,
    order: position,
    descriptionHash: descriptionHash(a.description),
  }));
}

function requireReview(actor: Actor): void {
  if (!actorCan(actor, 'bills:review'))
    throw new DomainError('FORBIDDEN', 'correcting bills needs the bills:review permission');
}

async function requireBill(db: Kysely<Database>, id: string): Promise<Bill> {
  const bill = await getBill(db, id);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${id}`, { id });
  return bill;
}

/**
 * The actions with the bill's active overrides applied, recording on the way where each override's action is
 * now (or that it is orphaned; newly orphaned ones are logged). Called by the import with the record's actions
 * in stored order; a bill with no overrides gets its actions back unchanged.
 */
export async function overriddenActions(
  db: Kysely<Database>,
  actor: Actor,
  billId: string,
  actions: readonly BillAction[],
): Promise<BillAction[]> {
  const active = await activeOverrides(db, billId);
  if (active.length === 0) return [...actions];
  const matches = matchOverrides(keyed(actions), active.map(rule));
  const now = nowIso();
  for (const o of active) {
    const order = matches.get(o.id) ?? null;
    if (order === o.actionOrder && (order !== null || o.orphaned)) continue;
    await setOverrideMatch(db, o.id, order, now);
    if (order === null) {
      await recordAudit(db, actor, 'bills.override.orphaned', billId, {
        override: o.id,
        action: o.key,
      });
    }
  }
  const applied = applyOverrides(keyed(actions), active.map(rule), matches);
  // Keep the record's own orders: the stage sorts by them exactly as it did before any override.
  return applied.map((a, i) => ({ ...a, order: actions[i]?.order ?? a.order }));
}

/** Re-derives and stores a stored bill's stage with its active overrides; returns the new stage. */
async function rederive(db: Kysely<Database>, actor: Actor, bill: Bill): Promise<BillStage> {
  const actions = await overriddenActions(db, actor, bill.id, bill.actions);
  const stage = deriveStage(actions);
  const flagged = actions.filter((a) => a.unknownClassification.length > 0).length;
  await setBillStage(db, bill.id, stage, flagged);
  return stage;
}

function actionAt(bill: Bill, order: number): BillAction {
  const action = bill.actions[order];
  if (!Number.isInteger(order) || !action) {
    throw new DomainError(
      'NOT_FOUND',
      `bill ${bill.identifier} has no action ${order} (it has ${bill.actions.length}, numbered from 0)`,
      { id: bill.id, order },
    );
  }
  return action;
}

/** The active override on the action at `order` (matched there, else orphaned with that original order). */
function activeAt(active: readonly ActionOverride[], order: number): ActionOverride | undefined {
  return (
    active.find((o) => o.actionOrder === order) ?? active.find((o) => o.orphaned && o.key.order === order)
  );
}

/**
 * Overrides the classes of the action at `order` with a logged reason and re-derives the stage; throws
 * FORBIDDEN, VALIDATION_FAILED (no or unknown class, no or too long reason), BILL_NOT_FOUND or NOT_FOUND.
 */
export async function overrideAction(
  ctx: ServiceContext,
  billId: string,
  order: number,
  args: { classification: string[]; reason: string },
): Promise<OverrideResult> {
  requireReview(ctx.actor);
  const problem = overrideProblem(args.classification, args.reason);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { classification: args.classification });
  return ctx.db.transaction().execute(async (trx) => {
    const bill = await requireBill(trx, billId);
    const action = actionAt(bill, order);
    const now = nowIso();
    const by = actorLabel(ctx.actor);
    const before = activeAt(await activeOverrides(trx, bill.id), order);
    if (before) await endOverride(trx, before.id, { status: 'superseded', by, at: now, reason: null });
    const id = newSortableId();
    await insertOverride(trx, {
      id,
      billId: bill.id,
      key: { order, date: action.date, descriptionHash: descriptionHash(action.description) },
      description: action.description,
      classification: args.classification,
      importedClassification: [...action.classification, ...action.unknownClassification],
      reason: args.reason.trim(),
      by,
      at: now,
    });
    const stage = await rederive(trx, ctx.actor, bill);
    await recordAudit(trx, ctx.actor, 'bills.override', bill.id, {
      order,
      classification: args.classification,
      superseded: before?.id ?? null,
      stage: [bill.stage, stage],
    });
    const override = (await listOverrides(trx, bill.id)).find((o) => o.id === id) ?? null;
    return { override, stage, previousStage: bill.stage };
  });
}

/**
 * Removes the active override of the action at `order` (logged, with an optional reason) and re-derives the
 * stage; throws FORBIDDEN, VALIDATION_FAILED (reason too long), BILL_NOT_FOUND or NOT_FOUND (no override).
 */
export async function removeOverride(
  ctx: ServiceContext,
  billId: string,
  order: number,
  args: { reason?: string } = {},
): Promise<OverrideResult> {
  requireReview(ctx.actor);
  const reason = args.reason?.trim() ? args.reason.trim() : null;
  const problem = reason === null ? null : reasonProblem(reason);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem);
  return ctx.db.transaction().execute(async (trx) => {
    const bill = await requireBill(trx, billId);
    const found = activeAt(await activeOverrides(trx, bill.id), order);
    if (!found) {
      throw new DomainError('NOT_FOUND', `action ${order} of bill ${bill.identifier} has no override`, {
        id: bill.id,
        order,
      });
    }
    await endOverride(trx, found.id, {
      status: 'removed',
      by: actorLabel(ctx.actor),
      at: nowIso(),
      reason,
    });
    const stage = await rederive(trx, ctx.actor, bill);
    await recordAudit(trx, ctx.actor, 'bills.override.removed', bill.id, {
      order,
      override: found.id,
      stage: [bill.stage, stage],
    });
    return { override: null, stage, previousStage: bill.stage };
  });
}

/** A bill's overrides and their history; throws FORBIDDEN without `org:read`, or BILL_NOT_FOUND. */
export async function billOverrides(ctx: ServiceContext, billId: string): Promise<OverrideHistory> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading override history needs org:read');
  const bill = await requireBill(ctx.db, billId);
  const history = await listOverrides(ctx.db, bill.id);
  const active = history.filter((o) => o.status === 'active');
  return {
    billId: bill.id,
    stage: bill.stage,
    active,
    orphaned: active.filter((o) => o.orphaned).length,
    history,
  };
}
