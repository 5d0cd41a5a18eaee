/**
 * Writing bills: sessions, bill rows and their children. Policy:
 * - a bill's children are written whole in source order and replaced whole when the bill changes;
 * - an import opens a batch on its transaction (`beginBillBatch`): `insertBill` and `replaceBill` then queue
 *   the bill's rows (a replaced bill's row is updated at once, its old children deleted with the batch), and
 *   the queue is written in multi-row statements when it is large and at `endBillBatch`, which the import
 *   calls before anything else reads the bills. Reads in bills.repo.ts flush an open batch first. Without a
 *   batch, both write at once;
 * - multi-row statements stay under each engine's bound-parameter limit (SQLite 32,766, PostgreSQL 65,535);
 * - sessions are cached per transaction, so a file of one session asks for it once.
 */
import { type Kysely, PostgresAdapter } from 'kysely';
import type { BillDocument, BillRecord, BillStage, LegislativeSession } from '../core/bills/types.ts';
import type { BillDocumentRow } from './bills.schema.ts';
import type { Database } from './schema.ts';
import { newId } from './util.ts';

/** Derived values stored beside the record. */
export interface BillDerived {
  stage: BillStage;
  latestAction: string | null;
  latestActionDate: string | null;
  flaggedActions: number;
}

/** What `insertBill` and `replaceBill` write. */
export interface BillWrite {
  record: BillRecord;
  sessionId: string;
  contentHash: string;
  derived: BillDerived;
  now: string;
}

/** The child tables of a bill, written and deleted together. */
export const billChildTables = [
  'bill_sponsorships',
  'bill_actions',
  'bill_versions',
  'bill_documents',
  'bill_related_bills',
  'bill_citations',
] as const;
export type BillChildTable = (typeof billChildTables)[number];

type ChildRows = { [T in BillChildTable]: Database[T][] };

/** Bills queued before a batch writes them. */
interface Batch {
  bills: Database['bills'][];
  replaced: string[];
  children: ChildRows;
  rows: number;
  /** Ids, OCD ids and (jurisdiction, session, identifier) keys of the queued bills. */
  names: Set<string>;
}

/** How a read names a bill to `flushBillBatch`: `billName(jurisdiction, session, identifier)`, an id or OCD id. */
export const billName = (jurisdictionId: string, session: string, identifier: string) =>
  `${jurisdictionId}\u0000${session}\u0000${identifier}`;

const batches = new WeakMap<Kysely<Database>, Batch>();
// The latest values written of each session (by jurisdiction and identifier) in a transaction.
const sessionCache = new WeakMap<Kysely<Database>, Map<string, { values: string; id: string }>>();

const emptyChildren = (): ChildRows => ({
  bill_sponsorships: [],
  bill_actions: [],
  bill_versions: [],
  bill_documents: [],
  bill_related_bills: [],
  bill_citations: [],
});

// Write the queue once it holds this many rows (bills and children), so memory stays bounded.
const flushAtRows = 20_000;

function maxParameters(db: Kysely<Database>): number {
  // Kept just under each engine's bound-parameter limit.
  return db.getExecutor().adapter instanceof PostgresAdapter ? 65_000 : 32_000;
}

/** Inserts rows in as few statements as the engine's parameter limit allows. */
async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Database[T][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perStatement = Math.max(1, Math.floor(maxParameters(db) / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // `never`: Kysely cannot relate a generic table name to its row type; the signature ties them.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

function docRows(billId: string, docs: BillDocument[]): BillDocumentRow[] {
  return docs.map((d, position) => ({
    bill_id: billId,
    position,
    note: d.note,
    date: d.date,
    classification: d.classification,
    links_json: JSON.stringify(d.links),
    text: d.text,
  }));
}

function childRows(id: string, r: BillRecord): ChildRows {
  return {
    bill_sponsorships: r.sponsorships.map((s, position) => ({
      bill_id: id,
      position,
      name: s.name,
      is_primary: s.primary ? 1 : 0,
      classification: s.classification,
      entity_type: s.entityType,
      person_id: s.personId,
      organization_id: s.organizationId,
    })),
    bill_actions: r.actions.map((a, position) => ({
      bill_id: id,
      position,
      date: a.date,
      description: a.description,
      organization: a.organization,
      chamber: a.chamber,
      classification_json: JSON.stringify(a.classification),
      unknown_classification_json: JSON.stringify(a.unknownClassification),
      flagged: a.unknownClassification.length > 0 ? 1 : 0,
    })),
    bill_versions: docRows(id, r.versions),
    bill_documents: docRows(id, r.documents),
    bill_related_bills: r.relatedBills.map((b, position) => ({
      bill_id: id,
      position,
      identifier: b.identifier,
      legislative_session: b.legislativeSession,
      relation_type: b.relationType,
    })),
    bill_citations: r.citations.map((c, position) => ({
      bill_id: id,
      position,
      publication: c.publication,
      citation: c.citation,
      citation_type: c.citationType,
      effective: c.effective,
      expires: c.expires,
      url: c.url,
    })),
  };
}

function billValues(w: BillWrite) {
  const r = w.record;
  return {
    ocd_id: r.ocdId,
    source: r.source,
    source_id: r.sourceId,
    change_hash: r.changeHash,
    content_hash: w.contentHash,
    jurisdiction_id: r.jurisdictionId,
    session_id: w.sessionId,
    session_identifier: r.session.identifier,
    identifier: r.identifier,
    title: r.title,
    from_organization: r.fromOrganization,
    classification_json: JSON.stringify(r.classification),
    subjects_json: JSON.stringify(r.subjects),
    abstracts_json: JSON.stringify(r.abstracts),
    sources_json: JSON.stringify(r.sources),
    stage: w.derived.stage,
    latest_action: w.derived.latestAction,
    latest_action_date: w.derived.latestActionDate,
    flagged_actions: w.derived.flaggedActions,
    updated_at: w.now,
  };
}

/** Writes the old children's deletes, then the queued bills, then their children; empties the queue. */
async function writeBatch(db: Kysely<Database>, batch: Batch): Promise<void> {
  const { bills, replaced, children } = batch;
  batch.bills = [];
  batch.replaced = [];
  batch.children = emptyChildren();
  batch.rows = 0;
  batch.names.clear();
  for (let i = 0; i < replaced.length; i += 5_000) {
    const ids = replaced.slice(i, i + 5_000);
    for (const table of billChildTables) await db.deleteFrom(table).where('bill_id', 'in', ids).execute();
  }
  await insertRows(db, 'bills', bills);
  for (const table of billChildTables) await insertRows(db, table, children[table]);
}

async function queue(db: Kysely<Database>, batch: Batch, id: string, record: BillRecord): Promise<void> {
  batch.names.add(id);
  if (record.ocdId) batch.names.add(record.ocdId);
  batch.names.add(billName(record.jurisdictionId, record.session.identifier, record.identifier));
  const rows = childRows(id, record);
  for (const table of billChildTables) {
    for (const row of rows[table]) batch.children[table].push(row as never);
    batch.rows += rows[table].length;
  }
  if (batch.rows >= flushAtRows) await writeBatch(db, batch);
}

/** Queues the writes of `insertBill`/`replaceBill` on this transaction until `endBillBatch`. */
export function beginBillBatch(trx: Kysely<Database>): void {
  batches.set(trx, { bills: [], replaced: [], children: emptyChildren(), rows: 0, names: new Set() });
}

/** Writes what the batch still holds and closes it: later writes on `trx` go straight to the database. */
export async function endBillBatch(trx: Kysely<Database>): Promise<void> {
  const batch = batches.get(trx);
  if (!batch) return;
  batches.delete(trx);
  await writeBatch(trx, batch);
}

/**
 * Writes what an open batch on `db` holds, so a read sees it: always, or only when one of `names` (see
 * `billName`) is queued. No-op without a batch.
 */
export async function flushBillBatch(db: Kysely<Database>, names?: string[]): Promise<void> {
  const batch = batches.get(db);
  if (!batch || batch.names.size === 0) return;
  if (names && !names.some((n) => batch.names.has(n))) return;
  await writeBatch(db, batch);
}

/** Inserts a new bill with its children (queued in an open batch); returns its id. */
export async function insertBill(db: Kysely<Database>, args: BillWrite): Promise<string> {
  const id = newId();
  const row = { id, created_at: args.now, ...billValues(args) };
  const batch = batches.get(db);
  if (batch) {
    batch.bills.push(row);
    batch.rows++;
    await queue(db, batch, id, args.record);
    return id;
  }
  await db.insertInto('bills').values(row).execute();
  const rows = childRows(id, args.record);
  for (const table of billChildTables) await insertRows(db, table, rows[table]);
  return id;
}

/** Replaces a stored bill's fields and children with a changed record (children queued in an open batch). */
export async function replaceBill(db: Kysely<Database>, id: string, args: BillWrite): Promise<void> {
  await db.updateTable('bills').set(billValues(args)).where('id', '=', id).execute();
  const batch = batches.get(db);
  if (batch) {
    batch.replaced.push(id);
    await queue(db, batch, id, args.record);
    return;
  }
  for (const table of billChildTables) await db.deleteFrom(table).where('bill_id', '=', id).execute();
  const rows = childRows(id, args.record);
  for (const table of billChildTables) await insertRows(db, table, rows[table]);
}

/** The session's id, inserting it (or refreshing its name and dates) on the way; asked once per transaction. */
export async function upsertSession(
  db: Kysely<Database>,
  s: LegislativeSession,
  now: string,
): Promise<string> {
  const values = {
    name: s.name,
    classification: s.classification,
    start_date: s.startDate,
    end_date: s.endDate,
  };
  const sessionKey = `${s.jurisdictionId} ${s.identifier}`;
  const valuesKey = JSON.stringify(values);
  const cache = db.isTransaction ? sessionCache.get(db) : undefined;
  const cached = cache?.get(sessionKey);
  if (cached?.values === valuesKey) return cached.id;
  const found = await db
    .selectFrom('legislative_sessions')
    .selectAll()
    .where('jurisdiction_id', '=', s.jurisdictionId)
    .where('identifier', '=', s.identifier)
    .executeTakeFirst();
  let id: string;
  if (found) {
    const same = Object.entries(values).every(([k, v]) => found[k as keyof typeof values] === v);
    if (!same) await db.updateTable('legislative_sessions').set(values).where('id', '=', found.id).execute();
    id = found.id;
  } else {
    id = newId();
    await db
      .insertInto('legislative_sessions')
      .values({ id, jurisdiction_id: s.jurisdictionId, identifier: s.identifier, created_at: now, ...values })
      .execute();
  }
  if (db.isTransaction) {
    const map = sessionCache.get(db) ?? new Map<string, { values: string; id: string }>();
    map.set(sessionKey, { values: valuesKey, id });
    sessionCache.set(db, map);
  }
  return id;
}
