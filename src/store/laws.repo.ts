/**
 * The law library: documents, their dated versions and each version's provisions. A stored version's text
 * never changes; only an open-ended version's end date is set, when a later version takes effect.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  flattenProvisions,
  type LawDocument,
  type LawDocumentType,
  type LawListing,
  type LawVersion,
  type Provision,
  type ProvisionKind,
  type ProvisionNode,
} from '../core/laws/types.ts';
import type { Database, LawDocumentRow, LawVersionRow } from './schema.ts';
import { visibleJurisdiction } from './search/filters.ts';
import { type ProvisionSearch, searchConfigOf, type Visibility } from './search/port.ts';
import { newId, nowIso } from './util.ts';

const batch = 400;

/** A stable checksum of a provision tree (kind, citation, heading, text and nesting). */
export function provisionChecksum(provisions: ProvisionNode[]): string {
  // The digest of JSON.stringify([[kind, citation, heading, text, [children…]], …]), fed node by node: the same
  // value as before (stored checksums stay valid) without one string as large as a whole US Code title.
  const hash = createHash('sha256');
  const feed = (nodes: ProvisionNode[]): void => {
    hash.update('[');
    nodes.forEach((n, i) => {
      const fields = [n.kind, n.citation, n.heading, n.text].map((v) => JSON.stringify(v)).join(',');
      hash.update(`${i > 0 ? ',' : ''}[${fields},`);
      feed(n.children);
      hash.update(']');
    });
    hash.update(']');
  };
  feed(provisions);
  return hash.digest('hex');
}

function toDocument(r: Selectable<LawDocumentRow>): LawDocument {
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    type: r.type as LawDocumentType,
    title: r.title,
    citation: r.citation,
    language: r.language,
    sourceUrl: r.source_url,
    createdAt: r.created_at,
  };
}

function toVersion(r: Selectable<LawVersionRow>): LawVersion {
  return {
    id: r.id,
    documentId: r.document_id,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    recordedAt: r.recorded_at,
    checksum: r.checksum,
    provisionCount: Number(r.provision_count),
  };
}

/** The document with this citation in the jurisdiction, or null. */
export async function findLawDocument(
  db: Kysely<Database>,
  jurisdictionId: string,
  citation: string,
): Promise<LawDocument | null> {
  const row = await db
    .selectFrom('law_documents')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('citation', '=', citation)
    .executeTakeFirst();
  return row ? toDocument(row) : null;
}

/** Inserts a document unless one with its citation exists in its jurisdiction; returns the stored one. */
export async function insertLawDocument(
  db: Kysely<Database>,
  doc: Omit<LawDocument, 'id' | 'createdAt'>,
): Promise<LawDocument> {
  await db
    .insertInto('law_documents')
    .values({
      id: newId(),
      jurisdiction_id: doc.jurisdictionId,
      type: doc.type,
      title: doc.title,
      citation: doc.citation,
      language: doc.language,
      source_url: doc.sourceUrl,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'citation']).doNothing())
    .execute();
  const stored = await findLawDocument(db, doc.jurisdictionId, doc.citation);
  if (!stored) throw new Error('law document was neither inserted nor found');
  return stored;
}

/**
 * Takes the document's row lock until the transaction ends (a no-op update), so two imports of one document
 * place their versions one after the other rather than both against the same stored versions.
 */
export async function lockLawDocument(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('law_documents')
    .set((eb) => ({ type: eb.ref('type') }))
    .where('id', '=', id)
    .execute();
}

/** One document by id, if the visibility allows its jurisdiction; null otherwise. */
export async function getLawDocument(
  db: Kysely<Database>,
  id: string,
  visibility: Visibility,
): Promise<LawDocument | null> {
  let q = db
    .selectFrom('law_documents as d')
    .innerJoin('jurisdictions as j', 'j.id', 'd.jurisdiction_id')
    .selectAll('d')
    .where('d.id', '=', id);
  if (visibility !== 'all') q = q.where(visibleJurisdiction(visibility));
  const row = await q.executeTakeFirst();
  return row ? toDocument(row) : null;
}

/** A document's versions, oldest first. */
export async function listLawVersions(db: Kysely<Database>, documentId: string): Promise<LawVersion[]> {
  const rows = await db
    .selectFrom('law_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('effective_from')
    .execute();
  return rows.map(toVersion);
}

/** One version of a document, or null. */
export async function getLawVersion(
  db: Kysely<Database>,
  documentId: string,
  versionId: string,
): Promise<LawVersion | null> {
  const row = await db
    .selectFrom('law_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Ends an open-ended version where a later one begins. */
export async function closeLawVersion(
  db: Kysely<Database>,
  versionId: string,
  effectiveTo: string,
): Promise<void> {
  await db
    .updateTable('law_versions')
    .set({ effective_to: effectiveTo })
    .where('id', '=', versionId)
    .where('effective_to', 'is', null)
    .execute();
}

/** A version to store: its document, interval, checksum and provision tree. */
export interface NewLawVersion {
  document: LawDocument;
  effectiveFrom: string;
  effectiveTo: string | null;
  checksum: string;
  provisions: ProvisionNode[];
}

/**
 * Inserts a version with its provisions and indexes them (call inside a transaction). `onProgress` hears how
 * many provisions are stored so far.
 */
export async function insertLawVersion(
  db: Kysely<Database>,
  search: ProvisionSearch,
  v: NewLawVersion,
  onProgress?: (done: number, total: number) => void,
): Promise<LawVersion> {
  const flat = flattenProvisions(v.provisions);
  const row: LawVersionRow = {
    id: newId(),
    document_id: v.document.id,
    effective_from: v.effectiveFrom,
    effective_to: v.effectiveTo,
    recorded_at: nowIso(),
    checksum: v.checksum,
    provision_count: flat.length,
  };
  await db.insertInto('law_versions').values(row).execute();
  const config = searchConfigOf(v.document.language);
  const ids = flat.map(() => newId());
  for (let i = 0; i < flat.length; i += batch) {
    const rows = flat.slice(i, i + batch).map(({ node, depth, parent }, j) => ({
      id: ids[i + j]!,
      version_id: row.id,
      parent_id: parent < 0 ? null : ids[parent]!,
      position: i + j,
      depth,
      kind: node.kind,
      citation: node.citation,
      heading: node.heading,
      text: node.text,
      search_config: config,
    }));
    await db.insertInto('law_provisions').values(rows).execute();
    await search.index(
      db,
      rows.map((r) => ({
        provisionId: r.id,
        versionId: r.version_id,
        config,
        citation: r.citation,
        heading: r.heading,
        text: r.text,
      })),
    );
    onProgress?.(Math.min(i + batch, flat.length), flat.length);
  }
  return toVersion(row);
}

/** A version's provisions in document order. */
export async function listProvisions(db: Kysely<Database>, versionId: string): Promise<Provision[]> {
  const rows = await db
    .selectFrom('law_provisions')
    .select(['id', 'parent_id', 'position', 'depth', 'kind', 'citation', 'heading', 'text'])
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    position: Number(r.position),
    depth: Number(r.depth),
    kind: r.kind as ProvisionKind,
    citation: r.citation,
    heading: r.heading,
    text: r.text,
  }));
}

/** Which documents to list, and as of when. */
export interface LawFilter {
  jurisdictionId?: string;
  type?: LawDocumentType;
  /** `YYYY-MM-DD`: the version in force that day (documents with none are left out); else the latest. */
  asOf?: string;
  visibility: Visibility;
}

/** Documents with the version that applies, ordered by jurisdiction and citation. */
export async function listLawDocuments(db: Kysely<Database>, filter: LawFilter): Promise<LawListing[]> {
  let q = db
    .selectFrom('law_documents as d')
    .innerJoin('law_versions as v', 'v.document_id', 'd.id')
    .innerJoin('jurisdictions as j', 'j.id', 'd.jurisdiction_id')
    .selectAll('d')
    .select([
      'v.id as version_id',
      'v.effective_from',
      'v.effective_to',
      'v.recorded_at',
      'v.checksum',
      'v.provision_count',
    ]);
  if (filter.jurisdictionId !== undefined) q = q.where('d.jurisdiction_id', '=', filter.jurisdictionId);
  if (filter.type !== undefined) q = q.where('d.type', '=', filter.type);
  const asOf = filter.asOf;
  if (asOf !== undefined) {
    q = q
      .where('v.effective_from', '<=', asOf)
      .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', asOf)]));
  } else {
    q = q.where(({ eb, selectFrom }) =>
      eb(
        'v.effective_from',
        '=',
        selectFrom('law_versions as v2')
          .select((e) => e.fn.max('v2.effective_from').as('latest'))
          .whereRef('v2.document_id', '=', 'd.id'),
      ),
    );
  }
  const visibility = filter.visibility;
  if (visibility !== 'all') q = q.where(visibleJurisdiction(visibility));
  const rows = await q.orderBy('d.jurisdiction_id').orderBy('d.citation').execute();
  return rows.map((r) => ({
    document: toDocument(r),
    version: toVersion({
      id: r.version_id,
      document_id: r.id,
      effective_from: r.effective_from,
      effective_to: r.effective_to,
      recorded_at: r.recorded_at,
      checksum: r.checksum,
      provision_count: r.provision_count,
    }),
  }));
}
