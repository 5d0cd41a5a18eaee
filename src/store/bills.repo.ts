/**
 * Bills in the store. A bill's children (sponsorships, actions, versions, documents, related bills,
 * citations) are written whole in source order and replaced whole when the bill changes, so a stored bill
 * is always exactly one imported record. `contentHash` makes "unchanged" a single comparison.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Bill,
  BillAction,
  BillDocument,
  BillListing,
  BillRecord,
  BillSource,
  BillStage,
  Chamber,
  LegislativeSession,
  Sponsorship,
} from '../core/bills/types.ts';
import type { BillDocumentRow, BillRow } from './bills.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newId } from './util.ts';

/** SHA-256 of the record as read (key order fixed by the readers), the change test of every import. */
export function billContentHash(record: BillRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

/** The session's id, inserting it (or refreshing its name and dates) on the way. */
export async function upsertSession(
  db: Kysely<Database>,
  s: LegislativeSession,
  now: string,
): Promise<string> {
  const found = await db
    .selectFrom('legislative_sessions')
    .selectAll()
    .where('jurisdiction_id', '=', s.jurisdictionId)
    .where('identifier', '=', s.identifier)
    .executeTakeFirst();
  const values = {
    name: s.name,
    classification: s.classification,
    start_date: s.startDate,
    end_date: s.endDate,
  };
  if (found) {
    const same = Object.entries(values).every(([k, v]) => found[k as keyof typeof values] === v);
    if (!same) await db.updateTable('legislative_sessions').set(values).where('id', '=', found.id).execute();
    return found.id;
  }
  const id = newId();
  await db
    .insertInto('legislative_sessions')
    .values({ id, jurisdiction_id: s.jurisdictionId, identifier: s.identifier, created_at: now, ...values })
    .execute();
  return id;
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

/** The stored bill matching a record by OCD id, else by (jurisdiction, session, identifier); or none. */
export async function findBillKey(db: Kysely<Database>, r: BillRecord): Promise<StoredBillKey[]> {
  const rows = await db
    .selectFrom('bills')
    .select([
      'id',
      'ocd_id',
      'change_hash',
      'content_hash',
      'jurisdiction_id',
      'session_identifier',
      'identifier',
    ])
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
  return rows.map((b) => ({
    id: b.id,
    ocdId: b.ocd_id,
    changeHash: b.change_hash,
    contentHash: b.content_hash,
    jurisdictionId: b.jurisdiction_id,
    sessionIdentifier: b.session_identifier,
    identifier: b.identifier,
  }));
}

/** Derived values stored beside the record. */
export interface BillDerived {
  stage: BillStage;
  latestAction: string | null;
  latestActionDate: string | null;
  flaggedActions: number;
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

const childTables = [
  'bill_sponsorships',
  'bill_actions',
  'bill_versions',
  'bill_documents',
  'bill_related_bills',
  'bill_citations',
] as const;
type ChildTable = (typeof childTables)[number];

async function deleteChildren(db: Kysely<Database>, billId: string): Promise<void> {
  for (const table of childTables) {
    await db.deleteFrom(table).where('bill_id', '=', billId).execute();
  }
}

async function insertChildren(db: Kysely<Database>, id: string, r: BillRecord): Promise<void> {
  const insert = async <T extends keyof Database>(table: T, rows: Database[T][]) => {
    // Chunked so a bill with thousands of actions stays under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 200) {
      // `never`: Kysely cannot relate a generic table name to its row type; the signature ties them.
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 200) as never)
        .execute();
    }
  };
  await insert(
    'bill_sponsorships',
    r.sponsorships.map((s, position) => ({
      bill_id: id,
      position,
      name: s.name,
      is_primary: s.primary ? 1 : 0,
      classification: s.classification,
      entity_type: s.entityType,
      person_id: s.personId,
      organization_id: s.organizationId,
    })),
  );
  await insert(
    'bill_actions',
    r.actions.map((a, position) => ({
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
  );
  await insert('bill_versions', docRows(id, r.versions));
  await insert('bill_documents', docRows(id, r.documents));
  await insert(
    'bill_related_bills',
    r.relatedBills.map((b, position) => ({
      bill_id: id,
      position,
      identifier: b.identifier,
      legislative_session: b.legislativeSession,
      relation_type: b.relationType,
    })),
  );
  await insert(
    'bill_citations',
    r.citations.map((c, position) => ({
      bill_id: id,
      position,
      publication: c.publication,
      citation: c.citation,
      citation_type: c.citationType,
      effective: c.effective,
      expires: c.expires,
      url: c.url,
    })),
  );
}

function billValues(r: BillRecord, sessionId: string, contentHash: string, d: BillDerived, now: string) {
  return {
    ocd_id: r.ocdId,
    source: r.source,
    source_id: r.sourceId,
    change_hash: r.changeHash,
    content_hash: contentHash,
    jurisdiction_id: r.jurisdictionId,
    session_id: sessionId,
    session_identifier: r.session.identifier,
    identifier: r.identifier,
    title: r.title,
    from_organization: r.fromOrganization,
    classification_json: JSON.stringify(r.classification),
    subjects_json: JSON.stringify(r.subjects),
    abstracts_json: JSON.stringify(r.abstracts),
    sources_json: JSON.stringify(r.sources),
    stage: d.stage,
    latest_action: d.latestAction,
    latest_action_date: d.latestActionDate,
    flagged_actions: d.flaggedActions,
    updated_at: now,
  };
}

/** Inserts a new bill with its children; returns its id. */
export async function insertBill(
  db: Kysely<Database>,
  args: { record: BillRecord; sessionId: string; contentHash: string; derived: BillDerived; now: string },
): Promise<string> {
  const id = newId();
  const values = billValues(args.record, args.sessionId, args.contentHash, args.derived, args.now);
  await db
    .insertInto('bills')
    .values({ id, created_at: args.now, ...values })
    .execute();
  await insertChildren(db, id, args.record);
  return id;
}

/** Replaces a stored bill's fields and children with a changed record. */
export async function replaceBill(
  db: Kysely<Database>,
  id: string,
  args: { record: BillRecord; sessionId: string; contentHash: string; derived: BillDerived; now: string },
): Promise<void> {
  const values = billValues(args.record, args.sessionId, args.contentHash, args.derived, args.now);
  await db.updateTable('bills').set(values).where('id', '=', id).execute();
  await deleteChildren(db, id);
  await insertChildren(db, id, args.record);
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
  limit?: number;
}

/** Bills matching the filter, by jurisdiction, session and identifier. */
export async function listBills(db: Kysely<Database>, f: BillFilter): Promise<BillListing[]> {
  let q = db.selectFrom('bills').selectAll();
  if (f.jurisdictionId) q = q.where('jurisdiction_id', '=', f.jurisdictionId);
  if (f.session) q = q.where('session_identifier', '=', f.session);
  if (f.stage) q = q.where('stage', '=', f.stage);
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

/** One bill with its children by lawgap id or OCD bill id; undefined when none. */
export async function getBill(db: Kysely<Database>, idOrOcd: string): Promise<Bill | undefined> {
  const b = await db
    .selectFrom('bills')
    .selectAll()
    .where(idOrOcd.startsWith('ocd-bill/') ? 'ocd_id' : 'id', '=', idOrOcd)
    .executeTakeFirst();
  if (!b) return undefined;
  const rowsOf = <T extends ChildTable>(table: T) =>
    db
      .selectFrom(table as ChildTable)
      .selectAll()
      .where('bill_id', '=', b.id)
      .orderBy('position')
      .execute() as Promise<Database[T][]>;
  const children = {
    sponsorships: await rowsOf('bill_sponsorships'),
    actions: await rowsOf('bill_actions'),
    versions: await rowsOf('bill_versions'),
    documents: await rowsOf('bill_documents'),
    related: await rowsOf('bill_related_bills'),
    citations: await rowsOf('bill_citations'),
  };
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
