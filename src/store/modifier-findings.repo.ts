/**
 * Negative-modifier findings, their citations and their history, kept like coded answers: citations are
 * replaced whole when a finding changes, history rows are only ever appended, and the human citation of each
 * cited provision is read from the law library. `applies` is stored as 0/1 and mapped to a boolean here.
 */
import type { Kysely } from 'kysely';
import type {
  CodedModifierFinding,
  FindingHistoryEntry,
  FindingSnapshot,
} from '../core/coding/modifier-findings.ts';
import type { CodedCitation, CodingStatus, HistoryAction } from '../core/coding/types.ts';
import { toCodedCitation } from './coding.repo.ts';
import type { Database, ModifierFindingRow } from './schema.ts';
import { historyEntryOf, historyRowValues, newId, nowIso, validOn, visibleToOrganization } from './util.ts';

const batch = 400;

async function citationsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, CodedCitation[]>> {
  const out = new Map<string, CodedCitation[]>();
  for (let i = 0; i < ids.length; i += batch) {
    const rows = await db
      .selectFrom('modifier_finding_citations as c')
      .innerJoin('law_provisions as p', 'p.id', 'c.provision_id')
      .innerJoin('law_versions as v', 'v.id', 'p.version_id')
      .innerJoin('law_documents as d', 'd.id', 'v.document_id')
      .select([
        'c.finding_id',
        'c.provision_id',
        'c.quote',
        'p.citation',
        'd.citation as document_citation',
        'd.id as document_id',
        'd.language',
        'v.id as version_id',
      ])
      .where('c.finding_id', 'in', ids.slice(i, i + batch))
      .orderBy('c.finding_id')
      .orderBy('c.position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.finding_id) ?? [];
      list.push(toCodedCitation(r));
      out.set(r.finding_id, list);
    }
  }
  return out;
}

function toFinding(r: ModifierFindingRow, citations: CodedCitation[]): CodedModifierFinding {
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    frameworkId: r.framework_id,
    modifierId: r.modifier_id,
    applies: Number(r.applies) === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status as CodingStatus,
    cautionNote: r.caution_note,
    coder: r.coder,
    citations,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function withCitations(
  db: Kysely<Database>,
  rows: ModifierFindingRow[],
): Promise<CodedModifierFinding[]> {
  const citations = await citationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toFinding(r, citations.get(r.id) ?? []));
}

/** The finding with this id, with its citations, or null. */
export async function getFinding(db: Kysely<Database>, id: string): Promise<CodedModifierFinding | null> {
  const row = await db.selectFrom('modifier_findings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withCitations(db, [row]))[0] ?? null) : null;
}

/** Which findings to list; `organizationId` limits to jurisdictions visible to that organization ('all' for every one). */
export interface FindingFilter {
  organizationId: string | null | 'all';
  jurisdictionId?: string;
  frameworkId?: string;
  statuses?: readonly CodingStatus[];
  /** Only findings valid on this date. */
  asOf?: string;
}

/** Findings matching the filter, ordered by jurisdiction, modifier and start date. */
export async function listFindings(db: Kysely<Database>, f: FindingFilter): Promise<CodedModifierFinding[]> {
  let q = db
    .selectFrom('modifier_findings as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .selectAll('m');
  const org = f.organizationId;
  if (org !== 'all') q = q.where(visibleToOrganization(org));
  if (f.jurisdictionId) q = q.where('m.jurisdiction_id', '=', f.jurisdictionId);
  if (f.frameworkId) q = q.where('m.framework_id', '=', f.frameworkId);
  if (f.statuses) q = q.where('m.status', 'in', f.statuses.length ? [...f.statuses] : ['-']);
  if (f.asOf) q = q.where(validOn('m', f.asOf));
  const rows = await q
    .orderBy('m.jurisdiction_id')
    .orderBy('m.modifier_id')
    .orderBy('m.valid_from')
    .execute();
  return withCitations(db, rows);
}

/** The validity intervals of every finding for one jurisdiction × framework × modifier. */
export async function listFindingIntervals(
  db: Kysely<Database>,
  key: { jurisdictionId: string; frameworkId: string; modifierId: string },
): Promise<Array<{ id: string; validFrom: string; validTo: string | null }>> {
  const rows = await db
    .selectFrom('modifier_findings')
    .select(['id', 'valid_from', 'valid_to'])
    .where('jurisdiction_id', '=', key.jurisdictionId)
    .where('framework_id', '=', key.frameworkId)
    .where('modifier_id', '=', key.modifierId)
    .execute();
  return rows.map((r) => ({ id: r.id, validFrom: r.valid_from, validTo: r.valid_to }));
}

/** The fields of a finding an edit may change. */
type EditableFields = Pick<
  CodedModifierFinding,
  'applies' | 'validFrom' | 'validTo' | 'status' | 'cautionNote' | 'coder'
>;

/** The editable fields as columns (insert and update write them alike). */
function editableColumns(f: EditableFields) {
  return {
    applies: f.applies ? 1 : 0,
    valid_from: f.validFrom,
    valid_to: f.validTo,
    status: f.status,
    caution_note: f.cautionNote,
    coder: f.coder,
  };
}

/** What is stored for a new finding (citations are written by `replaceFindingCitations`). */
export type NewFinding = Omit<CodedModifierFinding, 'id' | 'citations' | 'createdAt' | 'updatedAt'>;

/** Inserts a finding row and returns its id. */
export async function insertFinding(db: Kysely<Database>, f: NewFinding): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('modifier_findings')
    .values({
      id,
      jurisdiction_id: f.jurisdictionId,
      framework_id: f.frameworkId,
      modifier_id: f.modifierId,
      ...editableColumns(f),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Sets a finding's editable fields (applies, interval, status, note, coder) and its updated time. */
export async function updateFindingRow(db: Kysely<Database>, id: string, f: EditableFields): Promise<void> {
  await db
    .updateTable('modifier_findings')
    .set({ ...editableColumns(f), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** Replaces a finding's citations, keeping their order. */
export async function replaceFindingCitations(
  db: Kysely<Database>,
  findingId: string,
  citations: ReadonlyArray<{ provisionId: string; quote: string }>,
): Promise<void> {
  await db.deleteFrom('modifier_finding_citations').where('finding_id', '=', findingId).execute();
  if (citations.length === 0) return;
  await db
    .insertInto('modifier_finding_citations')
    .values(
      citations.map((c, position) => ({
        finding_id: findingId,
        position,
        provision_id: c.provisionId,
        quote: c.quote,
      })),
    )
    .execute();
}

/** Appends one change to a finding's history. */
export async function appendFindingHistory(
  db: Kysely<Database>,
  e: {
    findingId: string;
    actor: string;
    action: HistoryAction;
    before: FindingSnapshot | null;
    after: FindingSnapshot;
  },
): Promise<void> {
  await db
    .insertInto('modifier_finding_history')
    .values({ ...historyRowValues(e), finding_id: e.findingId })
    .execute();
}

/** Every change to a finding, oldest first (empty for an unknown finding). */
export async function listFindingHistory(
  db: Kysely<Database>,
  findingId: string,
): Promise<FindingHistoryEntry[]> {
  const rows = await db
    .selectFrom('modifier_finding_history')
    .selectAll()
    .where('finding_id', '=', findingId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    findingId: r.finding_id,
    ...historyEntryOf<FindingSnapshot, HistoryAction>(r),
  }));
}
