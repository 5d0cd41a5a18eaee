/**
 * Quality control rows: batches, assignments, independent codings and divergences. Rates are kept as
 * integer basis points and mapped to fractions here; JSON columns are parsed here, so nothing engine-shaped
 * leaves the store. Codings and assignments are never changed once written; a divergence changes once, when
 * it is reconciled.
 */
import type { Kysely } from 'kysely';
import type {
  DivergenceStatus,
  QcAssignment,
  QcBatch,
  QcCoding,
  QcDivergence,
  Redundancy,
} from '../core/qc/types.ts';
import type { QcBatchRow, QcCodingRow, QcDivergenceRow } from './qc.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newId, newSortableId, nowIso } from './util.ts';

const bp = (fraction: number) => Math.round(fraction * 10_000);

function toBatch(r: QcBatchRow): QcBatch {
  return {
    id: r.id,
    name: r.name,
    frameworkId: r.framework_id,
    jurisdictions: fromJson<string[]>(r.jurisdictions_json),
    indicators: fromJson<string[]>(r.indicators_json),
    coders: fromJson<[string, string]>(r.coders_json),
    threshold: r.threshold_bp / 10_000,
    sampleRate: r.sample_bp / 10_000,
    redundancy: r.redundancy as Redundancy,
    previousBatchId: r.previous_batch_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function toCoding(r: QcCodingRow): QcCoding {
  return {
    id: r.id,
    batchId: r.batch_id,
    jurisdictionId: r.jurisdiction_id,
    indicatorId: r.indicator_id,
    coderId: r.coder_id,
    value: r.value,
    validFrom: r.valid_from,
    citations: fromJson<QcCoding['citations']>(r.citations_json),
    createdAt: r.created_at,
  };
}

function toDivergence(r: QcDivergenceRow): QcDivergence {
  return {
    id: r.id,
    batchId: r.batch_id,
    jurisdictionId: r.jurisdiction_id,
    frameworkId: r.framework_id,
    indicatorId: r.indicator_id,
    status: r.status as DivergenceStatus,
    value: r.value,
    reason: r.reason,
    reconciledBy: r.reconciled_by,
    reconciledAt: r.reconciled_at,
    answerId: r.answer_id,
    createdAt: r.created_at,
  };
}

/** Inserts a batch with its assignments (made from the new batch id, their seed) and returns it. */
export async function insertBatch(
  db: Kysely<Database>,
  b: Omit<QcBatch, 'id' | 'createdAt'>,
  assign: (batchId: string) => readonly QcAssignment[],
): Promise<QcBatch> {
  // Sortable ids: batches list in the order they were created, and "the previous batch" is well defined.
  const row: QcBatchRow = {
    id: newSortableId(),
    name: b.name,
    framework_id: b.frameworkId,
    jurisdictions_json: JSON.stringify(b.jurisdictions),
    indicators_json: JSON.stringify(b.indicators),
    coders_json: JSON.stringify(b.coders),
    threshold_bp: bp(b.threshold),
    sample_bp: bp(b.sampleRate),
    redundancy: b.redundancy,
    previous_batch_id: b.previousBatchId,
    created_by: b.createdBy,
    created_at: nowIso(),
  };
  await db.insertInto('qc_batches').values(row).execute();
  const rows = assign(row.id).flatMap((a) =>
    a.coders.map((coder) => ({
      batch_id: row.id,
      jurisdiction_id: a.jurisdictionId,
      indicator_id: a.indicatorId,
      coder_id: coder,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('qc_assignments')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return toBatch(row);
}

/** The batch with this id, or null. */
export async function getBatch(db: Kysely<Database>, id: string): Promise<QcBatch | null> {
  const r = await db.selectFrom('qc_batches').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toBatch(r) : null;
}

/** Every batch, newest first. */
export async function listBatches(db: Kysely<Database>): Promise<QcBatch[]> {
  const rows = await db.selectFrom('qc_batches').selectAll().orderBy('id', 'desc').execute();
  return rows.map(toBatch);
}

/** A batch's assignments (or one variable's), one entry per variable with its coders, by jurisdiction and indicator. */
export async function listAssignments(
  db: Kysely<Database>,
  batchId: string,
  variable?: { jurisdictionId: string; indicatorId: string },
): Promise<QcAssignment[]> {
  let q = db.selectFrom('qc_assignments').selectAll().where('batch_id', '=', batchId);
  if (variable) {
    q = q
      .where('jurisdiction_id', '=', variable.jurisdictionId)
      .where('indicator_id', '=', variable.indicatorId);
  }
  const rows = await q.orderBy('jurisdiction_id').orderBy('indicator_id').orderBy('coder_id').execute();
  const out = new Map<string, QcAssignment>();
  for (const r of rows) {
    const key = `${r.jurisdiction_id}|${r.indicator_id}`;
    const a = out.get(key) ?? { jurisdictionId: r.jurisdiction_id, indicatorId: r.indicator_id, coders: [] };
    a.coders.push(r.coder_id);
    out.set(key, a);
  }
  return [...out.values()];
}

/** Inserts one coder's coding of a variable and returns it. */
export async function insertCoding(
  db: Kysely<Database>,
  c: Omit<QcCoding, 'id' | 'createdAt'>,
): Promise<QcCoding> {
  const row: QcCodingRow = {
    id: newId(),
    batch_id: c.batchId,
    jurisdiction_id: c.jurisdictionId,
    indicator_id: c.indicatorId,
    coder_id: c.coderId,
    value: c.value,
    valid_from: c.validFrom,
    citations_json: JSON.stringify(c.citations),
    created_at: nowIso(),
  };
  await db.insertInto('qc_codings').values(row).execute();
  return toCoding(row);
}

/** A batch's codings, optionally of one variable, oldest first. */
export async function listCodings(
  db: Kysely<Database>,
  batchId: string,
  variable?: { jurisdictionId: string; indicatorId: string },
): Promise<QcCoding[]> {
  let q = db.selectFrom('qc_codings').selectAll().where('batch_id', '=', batchId);
  if (variable) {
    q = q
      .where('jurisdiction_id', '=', variable.jurisdictionId)
      .where('indicator_id', '=', variable.indicatorId);
  }
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toCoding);
}

/** Records an open divergence of one variable and returns it. */
export async function insertDivergence(
  db: Kysely<Database>,
  d: { batchId: string; jurisdictionId: string; frameworkId: string; indicatorId: string },
): Promise<QcDivergence> {
  const row: QcDivergenceRow = {
    id: newId(),
    batch_id: d.batchId,
    jurisdiction_id: d.jurisdictionId,
    framework_id: d.frameworkId,
    indicator_id: d.indicatorId,
    status: 'open',
    value: null,
    reason: null,
    reconciled_by: null,
    reconciled_at: null,
    answer_id: null,
    created_at: nowIso(),
  };
  await db.insertInto('qc_divergences').values(row).execute();
  return toDivergence(row);
}

/** The divergence with this id, or null. */
export async function getDivergence(db: Kysely<Database>, id: string): Promise<QcDivergence | null> {
  const r = await db.selectFrom('qc_divergences').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDivergence(r) : null;
}

/** A batch's divergences, by jurisdiction and indicator. */
export async function listDivergences(db: Kysely<Database>, batchId: string): Promise<QcDivergence[]> {
  const rows = await db
    .selectFrom('qc_divergences')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('jurisdiction_id')
    .orderBy('indicator_id')
    .execute();
  return rows.map(toDivergence);
}

/** Marks a divergence reconciled, with the value chosen, the reason, who and the answer written. */
export async function markReconciled(
  db: Kysely<Database>,
  id: string,
  r: { value: string; reason: string; reconciledBy: string; answerId: string },
): Promise<void> {
  await db
    .updateTable('qc_divergences')
    .set({
      status: 'reconciled',
      value: r.value,
      reason: r.reason,
      reconciled_by: r.reconciledBy,
      reconciled_at: nowIso(),
      answer_id: r.answerId,
    })
    .where('id', '=', id)
    .execute();
}

/** The open divergence over this jurisdiction × framework × indicator in any batch, or null. */
export async function findOpenDivergence(
  db: Kysely<Database>,
  key: { jurisdictionId: string; frameworkId: string; indicatorId: string },
): Promise<QcDivergence | null> {
  const r = await db
    .selectFrom('qc_divergences')
    .selectAll()
    .where('jurisdiction_id', '=', key.jurisdictionId)
    .where('framework_id', '=', key.frameworkId)
    .where('indicator_id', '=', key.indicatorId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return r ? toDivergence(r) : null;
}

/** User ids by (normalized) email; unknown or disabled emails are absent. */
export async function activeUserIdsByEmail(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', [...emails])
    .where('disabled', '=', 0)
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The ids of the users among these who exist and are not disabled. */
export async function activeUserIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.id));
}
