/**
 * Bills in the store. A bill's children (sponsorships, actions, versions, documents, related bills,
 * citations) are written whole in source order and replaced whole when the bill changes, so a stored bill
 * is always exactly one imported record (writes: bill-writes.ts). `contentHash` makes "unchanged" a single
 * comparison; an import looks up the stored keys of a whole file at once (`prefetchBillKeys`).
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type {
  Bill,
  BillAction,
  BillDocument,
  BillListing,
  BillRecord,
  BillSource,
  BillStage,
  Chamber,
  Sponsorship,
} from '../core/bills/types.ts';
import { type BillChildTable, billName, flushBillBatch } from './bill-writes.ts';
import type { BillDocumentRow, BillRow } from './bills.schema.ts';
import type { Database } from './schema.ts';
import { fromJson } from './util.ts';

export {
  type BillDerived,
  beginBillBatch,
  endBillBatch,
  insertBill,
  replaceBill,
  upsertSession,
} from './bill-writes.ts';

/**
 * SHA-256 of the record as read (key order fixed by the readers), the change test of every import. An
 * action's `order` is hashed as its position, which is all the store keeps of it (a bill exported and read
 * back, or a source that renumbers from 0 instead of 1, is then unchanged).
 */
export function billContentHash(record: BillRecord): string {
  const stored = { ...record, actions: record.actions.map((a, position) => ({ ...a, order: position })) };
  return createHash('sha256').update(JSON.stringify(stored)).digest('hex');
}

/** What an import needs to know about a stored bill. */
export interface StoredBillKey {
  id: string;
  ocdId: string | null;
  changeHash: string | null;
  contentHash: string;
  jurisdictionId: string;
  sessionIdentifier: string;
  identifier: string;
}

const keyColumns = [
  'id',
  'ocd_id',
  'change_hash',
  'content_hash',
  'jurisdiction_id',
  'session_identifier',
  'identifier',
] as const;

type KeyRow = Pick<BillRow, (typeof keyColumns)[number]>;

function storedKey(b: KeyRow): StoredBillKey {
  return {
    id: b.id,
    ocdId: b.ocd_id,
    changeHash: b.change_hash,
    contentHash: b.content_hash,
    jurisdictionId: b.jurisdiction_id,
    sessionIdentifier: b.session_identifier,
    identifier: b.identifier,
  };
}

const humanKey = billName;

/** The stored keys of the bills a file names, looked up at once (`prefetchBillKeys`). */
export interface BillKeyIndex {
  byOcdId: Map<string, StoredBillKey>;
  byHumanKey: Map<string, StoredBillKey>;
}

// Values per `in (…)` list: well under both engines' bound-parameter limits.
const lookupChunk = 5_000;

/**
 * The stored bills matching any of the records by OCD id or by (jurisdiction, session, identifier), in a few
 * queries per file instead of one per bill.
 */
export async function prefetchBillKeys(db: Kysely<Database>, records: BillRecord[]): Promise<BillKeyIndex> {
  await flushBillBatch(db);
  const index: BillKeyIndex = { byOcdId: new Map(), byHumanKey: new Map() };
  const add = (rows: KeyRow[]) => {
    for (const row of rows) {
      const key = storedKey(row);
      if (key.ocdId !== null) index.byOcdId.set(key.ocdId, key);
      index.byHumanKey.set(humanKey(key.jurisdictionId, key.sessionIdentifier, key.identifier), key);
    }
  };
  const ocdIds = [...new Set(records.flatMap((r) => (r.ocdId ? [r.ocdId] : [])))];
  for (let i = 0; i < ocdIds.length; i += lookupChunk) {
    const chunk = ocdIds.slice(i, i + lookupChunk);
    add(await db.selectFrom('bills').select(keyColumns).where('ocd_id', 'in', chunk).execute());
  }
  const groups = new Map<string, { jurisdictionId: string; session: string; identifiers: Set<string> }>();
  for (const r of records) {
    const g = humanKey(r.jurisdictionId, r.session.identifier, '');
    const group = groups.get(g) ?? {
      jurisdictionId: r.jurisdictionId,
      session: r.session.identifier,
      identifiers: new Set<string>(),
    };
    group.identifiers.add(r.identifier);
    groups.set(g, group);
  }
  for (const { jurisdictionId, session, identifiers } of groups.values()) {
    const all = [...identifiers];
    for (let i = 0; i < all.length; i += lookupChunk) {
      const rows = await db
        .selectFrom('bills')
        .select(keyColumns)
        .where('jurisdiction_id', '=', jurisdictionId)
        .where('session_identifier', '=', session)
        .where('identifier', 'in', all.slice(i, i + lookupChunk))
        .execute();
      add(rows);
    }
  }
  return index;
}

/**
 * The stored bills matching a record by OCD id, else by (jurisdiction, session, identifier): none, one, or
 * two different bills (a conflict). Answered from `index` when given, else by a query.
 */
export async function findBillKey(
  db: Kysely<Database>,
  r: BillRecord,
  index?: BillKeyIndex,
): Promise<StoredBillKey[]> {
  if (index) {
    const byOcd = r.ocdId ? index.byOcdId.get(r.ocdId) : undefined;
    const byKey = index.byHumanKey.get(humanKey(r.jurisdictionId, r.session.identifier, r.identifier));
    if (byOcd && byKey && byOcd.id !== byKey.id) return [byOcd, byKey];
    const found = byOcd ?? byKey;
    return found ? [found] : [];
  }
  await flushBillBatch(db, [
    ...(r.ocdId ? [r.ocdId] : []),
    humanKey(r.jurisdictionId, r.session.identifier, r.identifier),
  ]);
  const rows = await db
    .selectFrom('bills')
    .select(keyColumns)
    .where((eb) =>
      eb.or([
        ...(r.ocdId ? [eb('ocd_id', '=', r.ocdId)] : []),
        eb.and([
          eb('jurisdiction_id', '=', r.jurisdictionId),
          eb('session_identifier', '=', r.session.identifier),
          eb('identifier', '=', r.identifier),
        ]),
      ]),
    )
    .execute();
  return rows.map(storedKey);
}

function listing(b: BillRow): BillListing {
  return {
    id: b.id,
    ocdId: b.ocd_id,
    source: b.source as BillSource,
    sourceId: b.source_id,
    changeHash: b.change_hash,
    jurisdictionId: b.jurisdiction_id,
    sessionIdentifier: b.session_identifier,
    identifier: b.identifier,
    title: b.title,
    fromOrganization: b.from_organization,
    classification: fromJson<string[]>(b.classification_json),
    subjects: fromJson<string[]>(b.subjects_json),
    stage: b.stage as BillStage,
    latestAction: b.latest_action,
    latestActionDate: b.latest_action_date,
    flaggedActions: Number(b.flagged_actions),
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

/** Filters of a bill list. */
export interface BillFilter {
  jurisdictionId?: string;
  session?: string;
  stage?: BillStage;
  /** One of the bill's subjects (case-insensitive; ASCII letters only on SQLite). */
  subject?: string;
  /** Bills linked to this indicator, the link not rejected (bill_indicator_links). */
  indicator?: string;
  limit?: number;
}

/** Bills matching the filter, by jurisdiction, session and identifier. */
export async function listBills(db: Kysely<Database>, f: BillFilter): Promise<BillListing[]> {
  await flushBillBatch(db);
  let q = db.selectFrom('bills').selectAll();
  if (f.jurisdictionId) q = q.where('jurisdiction_id', '=', f.jurisdictionId);
  if (f.session) q = q.where('session_identifier', '=', f.session);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.subject) {
    // subjects_json is JSON.stringify(string[]): the subject's own JSON text, quotes included, is in it.
    const quoted = JSON.stringify(f.subject)
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`lower(subjects_json) like ${`%${quoted}%`} escape '\\'`);
  }
  const indicator = f.indicator;
  if (indicator) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bill_indicator_links as l')
          .select('l.bill_id')
          .whereRef('l.bill_id', '=', 'bills.id')
          .where('l.indicator_id', '=', indicator)
          .where('l.status', '!=', 'rejected'),
      ),
    );
  }
  const rows = await q
    .orderBy('jurisdiction_id')
    .orderBy('session_identifier')
    .orderBy('identifier')
    .limit(f.limit ?? 1000)
    .execute();
  return rows.map(listing);
}

function doc(d: BillDocumentRow): BillDocument {
  return {
    note: d.note,
    date: d.date,
    classification: d.classification,
    links: fromJson(d.links_json),
    text: d.text,
  };
}

/** A bill's child rows, each list in position order. */
export interface BillChildRows {
  sponsorships: Database['bill_sponsorships'][];
  actions: Database['bill_actions'][];
  versions: Database['bill_versions'][];
  documents: Database['bill_documents'][];
  related: Database['bill_related_bills'][];
  citations: Database['bill_citations'][];
}

/** Which child list each child table fills. */
export const childListOf = {
  bill_sponsorships: 'sponsorships',
  bill_actions: 'actions',
  bill_versions: 'versions',
  bill_documents: 'documents',
  bill_related_bills: 'related',
  bill_citations: 'citations',
} as const satisfies Record<BillChildTable, keyof BillChildRows>;

/** A stored bill from its row and its child rows. */
export function billFromRows(b: BillRow, children: BillChildRows): Bill {
  const sponsorships: Sponsorship[] = children.sponsorships.map((s) => ({
    name: s.name,
    primary: Number(s.is_primary) === 1,
    classification: s.classification,
    entityType: s.entity_type as Sponsorship['entityType'],
    personId: s.person_id,
    organizationId: s.organization_id,
  }));
  const actions: BillAction[] = children.actions.map((a) => ({
    order: Number(a.position),
    date: a.date,
    description: a.description,
    organization: a.organization,
    chamber: a.chamber as Chamber | null,
    classification: fromJson(a.classification_json),
    unknownClassification: fromJson(a.unknown_classification_json),
  }));
  return {
    ...listing(b),
    abstracts: fromJson(b.abstracts_json),
    sources: fromJson(b.sources_json),
    sponsorships,
    actions,
    versions: children.versions.map(doc),
    documents: children.documents.map(doc),
    relatedBills: children.related.map((r) => ({
      identifier: r.identifier,
      legislativeSession: r.legislative_session,
      relationType: r.relation_type,
    })),
    citations: children.citations.map((c) => ({
      publication: c.publication,
      citation: c.citation,
      citationType: c.citation_type as Bill['citations'][number]['citationType'],
      effective: c.effective,
      expires: c.expires,
      url: c.url,
    })),
  };
}

/** One bill with its children by lawgap id or OCD bill id; undefined when none. */
export async function getBill(db: Kysely<Database>, idOrOcd: string): Promise<Bill | undefined> {
  await flushBillBatch(db, [idOrOcd]);
  const b = await db
    .selectFrom('bills')
    .selectAll()
    .where(idOrOcd.startsWith('ocd-bill/') ? 'ocd_id' : 'id', '=', idOrOcd)
    .executeTakeFirst();
  if (!b) return undefined;
  const rowsOf = <T extends BillChildTable>(table: T) =>
    db
      .selectFrom(table as BillChildTable)
      .selectAll()
      .where('bill_id', '=', b.id)
      .orderBy('position')
      .execute() as Promise<Database[T][]>;
  return billFromRows(b, {
    sponsorships: await rowsOf('bill_sponsorships'),
    actions: await rowsOf('bill_actions'),
    versions: await rowsOf('bill_versions'),
    documents: await rowsOf('bill_documents'),
    related: await rowsOf('bill_related_bills'),
    citations: await rowsOf('bill_citations'),
  });
}
