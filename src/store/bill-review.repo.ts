/**
 * Analysts' bill corrections in the store: action class overrides (one row per override ever made; at most
 * one active per action key) and bill ↔ indicator links (one row per bill and indicator).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type BillIndicatorLink,
  type BillLinkDirection,
  type BillLinkStatus,
  endedStages,
  type GapLiveBill,
} from '../core/bills/links.ts';
import type { ActionKey, ActionOverride, OverrideStatus } from '../core/bills/overrides.ts';
import type { BillStage } from '../core/bills/types.ts';
import type { BillActionOverrideRow, BillIndicatorLinkRow } from './bill-review.schema.ts';
import type { Database } from './schema.ts';
import { fromJson } from './util.ts';

/** SHA-256 of an action's description (trimmed, spaces collapsed): the text part of its key. */
export function descriptionHash(description: string): string {
  return createHash('sha256').update(description.trim().replace(/\s+/g, ' ')).digest('hex');
}

function override(r: BillActionOverrideRow): ActionOverride {
  return {
    id: r.id,
    billId: r.bill_id,
    actionOrder: r.matched_order === null ? null : Number(r.matched_order),
    key: { order: Number(r.action_order), date: r.action_date, descriptionHash: r.description_hash },
    actionDate: r.action_date,
    actionDescription: r.action_description,
    classification: fromJson<string[]>(r.classification_json),
    importedClassification: fromJson<string[]>(r.imported_classification_json),
    status: r.status as OverrideStatus,
    orphaned: r.orphaned_at !== null,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    endedBy: r.ended_by,
    endedAt: r.ended_at,
    endReason: r.end_reason,
  };
}

/** Every override of a bill, oldest first (ties by id). */
export async function listOverrides(db: Kysely<Database>, billId: string): Promise<ActionOverride[]> {
  const rows = await db
    .selectFrom('bill_action_overrides')
    .selectAll()
    .where('bill_id', '=', billId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(override);
}

/** The active overrides of a bill (orphaned ones included). */
export async function activeOverrides(db: Kysely<Database>, billId: string): Promise<ActionOverride[]> {
  return (await listOverrides(db, billId)).filter((o) => o.status === 'active');
}

/** Stores a new active override. */
export async function insertOverride(
  db: Kysely<Database>,
  o: {
    id: string;
    billId: string;
    key: ActionKey;
    description: string;
    classification: string[];
    importedClassification: string[];
    reason: string;
    by: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('bill_action_overrides')
    .values({
      id: o.id,
      bill_id: o.billId,
      action_order: o.key.order,
      action_date: o.key.date,
      description_hash: o.key.descriptionHash,
      action_description: o.description,
      matched_order: o.key.order,
      classification_json: JSON.stringify(o.classification),
      imported_classification_json: JSON.stringify(o.importedClassification),
      reason: o.reason,
      status: 'active',
      orphaned_at: null,
      created_by: o.by,
      created_at: o.at,
      ended_by: null,
      ended_at: null,
      end_reason: null,
    })
    .execute();
}

/** Ends an active override: superseded by a newer one, or removed (with an optional reason). */
export async function endOverride(
  db: Kysely<Database>,
  id: string,
  end: { status: 'superseded' | 'removed'; by: string; at: string; reason: string | null },
): Promise<void> {
  await db
    .updateTable('bill_action_overrides')
    .set({ status: end.status, ended_by: end.by, ended_at: end.at, end_reason: end.reason })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** Records where an active override's action is after an import: its order, or orphaned (null). */
export async function setOverrideMatch(
  db: Kysely<Database>,
  id: string,
  order: number | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('bill_action_overrides')
    .set(
      order === null ? { matched_order: null, orphaned_at: at } : { matched_order: order, orphaned_at: null },
    )
    .where('id', '=', id)
    .execute();
}

/** Stores a bill's re-derived stage (and flagged count) after an override changed. */
export async function setBillStage(
  db: Kysely<Database>,
  billId: string,
  stage: BillStage,
  flaggedActions: number,
): Promise<void> {
  await db
    .updateTable('bills')
    .set({ stage, flagged_actions: flaggedActions })
    .where('id', '=', billId)
    .execute();
}

function link(r: BillIndicatorLinkRow): BillIndicatorLink {
  return {
    billId: r.bill_id,
    indicatorId: r.indicator_id,
    status: r.status as BillLinkStatus,
    machineSuggested: r.status === 'suggested',
    origin: r.origin as BillIndicatorLink['origin'],
    projectedAnswer: r.projected_answer,
    currentAnswer: r.current_answer,
    direction: r.direction as BillLinkDirection | null,
    evidence: fromJson(r.evidence_json),
    note: r.note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    analyzerVersion: r.analyzer_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A bill's links by indicator id. */
export async function listLinks(db: Kysely<Database>, billId: string): Promise<BillIndicatorLink[]> {
  const rows = await db
    .selectFrom('bill_indicator_links')
    .selectAll()
    .where('bill_id', '=', billId)
    .orderBy('indicator_id')
    .execute();
  return rows.map(link);
}

/** Inserts a link or replaces every field of the stored one. */
export async function putLink(db: Kysely<Database>, l: BillIndicatorLink): Promise<void> {
  const values = {
    status: l.status,
    origin: l.origin,
    projected_answer: l.projectedAnswer,
    current_answer: l.currentAnswer,
    direction: l.direction,
    evidence_json: JSON.stringify(l.evidence),
    note: l.note,
    decided_by: l.decidedBy,
    decided_at: l.decidedAt,
    analyzer_version: l.analyzerVersion,
    updated_at: l.updatedAt,
  };
  const found = await db
    .selectFrom('bill_indicator_links')
    .select('bill_id')
    .where('bill_id', '=', l.billId)
    .where('indicator_id', '=', l.indicatorId)
    .executeTakeFirst();
  if (found) {
    await db
      .updateTable('bill_indicator_links')
      .set(values)
      .where('bill_id', '=', l.billId)
      .where('indicator_id', '=', l.indicatorId)
      .execute();
    return;
  }
  await db
    .insertInto('bill_indicator_links')
    .values({ bill_id: l.billId, indicator_id: l.indicatorId, created_at: l.createdAt, ...values })
    .execute();
}

/** Deletes one link (used only for stale machine suggestions nobody decided). */
export async function deleteLink(db: Kysely<Database>, billId: string, indicatorId: string): Promise<void> {
  await db
    .deleteFrom('bill_indicator_links')
    .where('bill_id', '=', billId)
    .where('indicator_id', '=', indicatorId)
    .where('status', '=', 'suggested')
    .execute();
}

/**
 * The live bills of a jurisdiction linked (confirmed or suggested, never rejected) to each of the indicators,
 * unsorted; bills whose stage has ended are left out.
 */
export async function liveLinkedBills(
  db: Kysely<Database>,
  jurisdictionId: string,
  indicatorIds: readonly string[],
): Promise<Map<string, GapLiveBill[]>> {
  const result = new Map<string, GapLiveBill[]>();
  if (indicatorIds.length === 0) return result;
  const rows = await db
    .selectFrom('bill_indicator_links as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select([
      'l.indicator_id',
      'l.status',
      'b.id',
      'b.identifier',
      'b.title',
      'b.session_identifier',
      'b.stage',
      'b.latest_action',
      'b.latest_action_date',
    ])
    .where('b.jurisdiction_id', '=', jurisdictionId)
    .where('l.indicator_id', 'in', [...indicatorIds])
    .where('l.status', 'in', ['confirmed', 'suggested'])
    .where('b.stage', 'not in', [...endedStages])
    .execute();
  for (const r of rows) {
    const list = result.get(r.indicator_id) ?? [];
    list.push({
      billId: r.id,
      identifier: r.identifier,
      title: r.title,
      sessionIdentifier: r.session_identifier,
      stage: r.stage as BillStage,
      latestAction: r.latest_action,
      latestActionDate: r.latest_action_date,
      linkStatus: r.status as GapLiveBill['linkStatus'],
      machineSuggested: r.status === 'suggested',
    });
    result.set(r.indicator_id, list);
  }
  return result;
}
