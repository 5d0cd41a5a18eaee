/** Recoding tasks and their history (migration 20261129160000): rows mapped to core types at this boundary. */
import type { Kysely } from 'kysely';
import type { EffectiveSource } from '../core/bills/enactment.ts';
import type {
  RecodingHistoryEntry,
  RecodingStatus,
  RecodingTarget,
  RecodingTask,
  RecodingVersion,
} from '../core/bills/recoding-types.ts';
import type { RecodingTaskRow } from './recoding.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newId, newSortableId, nowIso } from './util.ts';

function toTask(r: RecodingTaskRow): RecodingTask {
  return {
    id: r.id,
    billId: r.bill_id,
    jurisdictionId: r.jurisdiction_id,
    status: r.status as RecodingStatus,
    effectiveDate: r.effective_date,
    effectiveSource: r.effective_source as EffectiveSource | null,
    targets: fromJson<RecodingTarget[]>(r.targets_json),
    unmatchedCitations: fromJson<string[]>(r.unmatched_json),
    newVersions: fromJson<RecodingVersion[]>(r.new_versions_json),
    suggestionCount: Number(r.suggestion_count),
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    appliedBy: r.applied_by,
    appliedAt: r.applied_at,
  };
}

/** Appends one history row. */
export async function recordRecodingHistory(
  db: Kysely<Database>,
  taskId: string,
  entry: Omit<RecodingHistoryEntry, 'at'>,
): Promise<void> {
  await db
    .insertInto('recoding_task_history')
    .values({
      id: newSortableId(),
      task_id: taskId,
      at: nowIso(),
      actor: entry.actor,
      action: entry.action,
      details_json: JSON.stringify(entry.details),
    })
    .execute();
}

/** What a new task starts with. */
export interface NewRecodingTask {
  billId: string;
  jurisdictionId: string;
  effectiveDate: string | null;
  effectiveSource: EffectiveSource | null;
  targets: RecodingTarget[];
  unmatchedCitations: string[];
  createdBy: string;
}

/** Inserts an open task with its first history row; returns it. */
export async function insertRecodingTask(db: Kysely<Database>, t: NewRecodingTask): Promise<RecodingTask> {
  const now = nowIso();
  const row: RecodingTaskRow = {
    id: newId(),
    bill_id: t.billId,
    jurisdiction_id: t.jurisdictionId,
    status: 'open',
    effective_date: t.effectiveDate,
    effective_source: t.effectiveSource,
    targets_json: JSON.stringify(t.targets),
    unmatched_json: JSON.stringify(t.unmatchedCitations),
    new_versions_json: '[]',
    suggestion_count: 0,
    note: null,
    created_by: t.createdBy,
    created_at: now,
    updated_at: now,
    applied_by: null,
    applied_at: null,
  };
  await db.insertInto('recoding_tasks').values(row).execute();
  await recordRecodingHistory(db, row.id, {
    actor: t.createdBy,
    action: 'opened',
    details: {
      effectiveDate: t.effectiveDate,
      effectiveSource: t.effectiveSource,
      targets: t.targets.map((x) => x.documentId),
      unmatchedCitations: t.unmatchedCitations,
    },
  });
  return toTask(row);
}

/** The task of a bill, or undefined. */
export async function findRecodingTaskOfBill(
  db: Kysely<Database>,
  billId: string,
): Promise<RecodingTask | undefined> {
  const row = await db
    .selectFrom('recoding_tasks')
    .selectAll()
    .where('bill_id', '=', billId)
    .executeTakeFirst();
  return row ? toTask(row) : undefined;
}

/** One task by id, or undefined. */
export async function getRecodingTask(db: Kysely<Database>, id: string): Promise<RecodingTask | undefined> {
  const row = await db.selectFrom('recoding_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTask(row) : undefined;
}

/** Tasks, newest first, optionally of some jurisdictions and one status. */
export async function listRecodingTasks(
  db: Kysely<Database>,
  filter: { jurisdictionIds?: string[]; status?: RecodingStatus },
): Promise<RecodingTask[]> {
  let q = db.selectFrom('recoding_tasks').selectAll();
  if (filter.jurisdictionIds !== undefined) {
    if (filter.jurisdictionIds.length === 0) return [];
    q = q.where('jurisdiction_id', 'in', filter.jurisdictionIds);
  }
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toTask);
}

/** What a change of a task writes (fields left out stay as they are). */
export interface RecodingTaskChange {
  status?: RecodingStatus;
  effectiveDate?: string;
  effectiveSource?: EffectiveSource;
  targets?: RecodingTarget[];
  newVersions?: RecodingVersion[];
  suggestionCount?: number;
  note?: string | null;
  appliedBy?: string;
}

/** Changes a task and appends the history row in the same call (run it inside a transaction). */
export async function updateRecodingTask(
  db: Kysely<Database>,
  id: string,
  change: RecodingTaskChange,
  entry: Omit<RecodingHistoryEntry, 'at'>,
): Promise<void> {
  const now = nowIso();
  await db
    .updateTable('recoding_tasks')
    .set({
      updated_at: now,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.effectiveDate !== undefined ? { effective_date: change.effectiveDate } : {}),
      ...(change.effectiveSource !== undefined ? { effective_source: change.effectiveSource } : {}),
      ...(change.targets !== undefined ? { targets_json: JSON.stringify(change.targets) } : {}),
      ...(change.newVersions !== undefined ? { new_versions_json: JSON.stringify(change.newVersions) } : {}),
      ...(change.suggestionCount !== undefined ? { suggestion_count: change.suggestionCount } : {}),
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.appliedBy !== undefined ? { applied_by: change.appliedBy, applied_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordRecodingHistory(db, id, entry);
}

/** A task's history, oldest first. */
export async function recodingHistory(db: Kysely<Database>, taskId: string): Promise<RecodingHistoryEntry[]> {
  const rows = await db
    .selectFrom('recoding_task_history')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action as RecodingHistoryEntry['action'],
    details: fromJson<Record<string, unknown>>(r.details_json),
  }));
}
