/**
 * Coded answers, their citations and their history. An answer's citations are replaced whole when it changes;
 * history rows are only ever appended. The human citation of each cited provision is read from the law
 * library (document citation + provision citation), never stored twice.
 */
import type { Kysely } from 'kysely';
import type {
  AnswerHistoryEntry,
  AnswerSnapshot,
  CodedAnswer,
  CodedCitation,
  CodingStatus,
  HistoryAction,
} from '../core/coding/types.ts';
import type { CodedAnswerRow, Database } from './schema.ts';
import { historyEntryOf, historyRowValues, newId, nowIso, validOn, visibleToOrganization } from './util.ts';

const batch = 400;

/** A cited provision with what the coding rules need: its text, jurisdiction and version dates. */
export interface ProvisionRef {
  id: string;
  text: string;
  /** `<document citation> <provision citation>`. */
  citation: string;
  jurisdictionId: string;
  documentId: string;
  documentType: string;
  versionId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The provisions with these ids (missing ids are simply absent from the map). */
export async function getProvisionRefs(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, ProvisionRef>> {
  const out = new Map<string, ProvisionRef>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += batch) {
    const rows = await db
      .selectFrom('law_provisions as p')
      .innerJoin('law_versions as v', 'v.id', 'p.version_id')
      .innerJoin('law_documents as d', 'd.id', 'v.document_id')
      .select([
        'p.id',
        'p.text',
        'p.citation',
        'd.citation as document_citation',
        'd.jurisdiction_id',
        'd.id as document_id',
        'd.type',
        'v.id as version_id',
        'v.effective_from',
        'v.effective_to',
      ])
      .where('p.id', 'in', unique.slice(i, i + batch))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        text: r.text,
        citation: `${r.document_citation} ${r.citation}`,
        jurisdictionId: r.jurisdiction_id,
        documentId: r.document_id,
        documentType: r.type,
        versionId: r.version_id,
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
      });
    }
  }
  return out;
}

/** A cited provision as both citation tables join it: the provision, its version and its document. */
export interface CitationRow {
  provision_id: string;
  quote: string;
  citation: string;
  document_citation: string;
  document_id: string;
  language: string;
  version_id: string;
}

/** The citation as the coding domain carries it (human citation = document citation + provision citation). */
export function toCodedCitation(r: CitationRow): CodedCitation {
  return {
    provisionId: r.provision_id,
    quote: r.quote,
    citation: `${r.document_citation} ${r.citation}`,
    documentId: r.document_id,
    versionId: r.version_id,
    documentCitation: r.document_citation,
    language: r.language,
  };
}

async function citationsOf(db: Kysely<Database>, answerIds: string[]): Promise<Map<string, CodedCitation[]>> {
  const out = new Map<string, CodedCitation[]>();
  for (let i = 0; i < answerIds.length; i += batch) {
    const rows = await db
      .selectFrom('answer_citations as c')
      .innerJoin('law_provisions as p', 'p.id', 'c.provision_id')
      .innerJoin('law_versions as v', 'v.id', 'p.version_id')
      .innerJoin('law_documents as d', 'd.id', 'v.document_id')
      .select([
        'c.answer_id',
        'c.provision_id',
        'c.quote',
        'p.citation',
        'd.citation as document_citation',
        'd.id as document_id',
        'd.language',
        'v.id as version_id',
      ])
      .where('c.answer_id', 'in', answerIds.slice(i, i + batch))
      .orderBy('c.answer_id')
      .orderBy('c.position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.answer_id) ?? [];
      list.push(toCodedCitation(r));
      out.set(r.answer_id, list);
    }
  }
  return out;
}

function toAnswer(r: CodedAnswerRow, citations: CodedCitation[]): CodedAnswer {
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    frameworkId: r.framework_id,
    indicatorId: r.indicator_id,
    value: r.value,
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

async function withCitations(db: Kysely<Database>, rows: CodedAnswerRow[]): Promise<CodedAnswer[]> {
  const citations = await citationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAnswer(r, citations.get(r.id) ?? []));
}

/** The answer with this id, with its citations, or null. */
export async function getAnswer(db: Kysely<Database>, id: string): Promise<CodedAnswer | null> {
  const row = await db.selectFrom('coded_answers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withCitations(db, [row]))[0] ?? null) : null;
}

/** Which answers to list; `organizationId` limits to jurisdictions visible to that organization ('all' for every one). */
export interface AnswerFilter {
  organizationId: string | null | 'all';
  jurisdictionId?: string;
  indicatorId?: string;
  frameworkId?: string;
  statuses?: readonly CodingStatus[];
  /** Only answers valid on this date. */
  asOf?: string;
}

/** Answers matching the filter, ordered by jurisdiction, indicator and start date. */
export async function listAnswers(db: Kysely<Database>, f: AnswerFilter): Promise<CodedAnswer[]> {
  let q = db
    .selectFrom('coded_answers as a')
    .innerJoin('jurisdictions as j', 'j.id', 'a.jurisdiction_id')
    .selectAll('a');
  const org = f.organizationId;
  if (org !== 'all') q = q.where(visibleToOrganization(org));
  if (f.jurisdictionId) q = q.where('a.jurisdiction_id', '=', f.jurisdictionId);
  if (f.indicatorId) q = q.where('a.indicator_id', '=', f.indicatorId);
  if (f.frameworkId) q = q.where('a.framework_id', '=', f.frameworkId);
  if (f.statuses) q = q.where('a.status', 'in', f.statuses.length ? [...f.statuses] : ['-']);
  if (f.asOf) q = q.where(validOn('a', f.asOf));
  const rows = await q
    .orderBy('a.jurisdiction_id')
    .orderBy('a.indicator_id')
    .orderBy('a.valid_from')
    .execute();
  return withCitations(db, rows);
}

/** The validity intervals of every answer for one jurisdiction × framework × indicator. */
export async function listAnswerIntervals(
  db: Kysely<Database>,
  key: { jurisdictionId: string; frameworkId: string; indicatorId: string },
): Promise<Array<{ id: string; validFrom: string; validTo: string | null; status: CodingStatus }>> {
  const rows = await db
    .selectFrom('coded_answers')
    .select(['id', 'valid_from', 'valid_to', 'status'])
    .where('jurisdiction_id', '=', key.jurisdictionId)
    .where('framework_id', '=', key.frameworkId)
    .where('indicator_id', '=', key.indicatorId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status as CodingStatus,
  }));
}

/** What is stored for a new answer (citations are written by `replaceCitations`). */
export type NewAnswer = Omit<CodedAnswer, 'id' | 'citations' | 'createdAt' | 'updatedAt'>;

/** Inserts an answer row and returns its id. */
export async function insertAnswer(db: Kysely<Database>, a: NewAnswer): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('coded_answers')
    .values({
      id,
      jurisdiction_id: a.jurisdictionId,
      framework_id: a.frameworkId,
      indicator_id: a.indicatorId,
      value: a.value,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      status: a.status,
      caution_note: a.cautionNote,
      coder: a.coder,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Overwrites an answer's changeable fields and its updated time. */
export async function updateAnswerRow(
  db: Kysely<Database>,
  id: string,
  a: Pick<CodedAnswer, 'value' | 'validFrom' | 'validTo' | 'status' | 'cautionNote' | 'coder'>,
): Promise<void> {
  await db
    .updateTable('coded_answers')
    .set({
      value: a.value,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      status: a.status,
      caution_note: a.cautionNote,
      coder: a.coder,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

/** Replaces an answer's citations, keeping their order. */
export async function replaceCitations(
  db: Kysely<Database>,
  answerId: string,
  citations: ReadonlyArray<{ provisionId: string; quote: string }>,
): Promise<void> {
  await db.deleteFrom('answer_citations').where('answer_id', '=', answerId).execute();
  if (citations.length === 0) return;
  await db
    .insertInto('answer_citations')
    .values(
      citations.map((c, position) => ({
        answer_id: answerId,
        position,
        provision_id: c.provisionId,
        quote: c.quote,
      })),
    )
    .execute();
}

/** Appends one change to an answer's history. */
export async function appendHistory(
  db: Kysely<Database>,
  e: {
    answerId: string;
    actor: string;
    action: HistoryAction;
    before: AnswerSnapshot | null;
    after: AnswerSnapshot;
  },
): Promise<void> {
  await db
    .insertInto('answer_history')
    .values({ ...historyRowValues(e), answer_id: e.answerId })
    .execute();
}

/** Every change to an answer, oldest first (empty for an unknown answer). */
export async function listHistory(db: Kysely<Database>, answerId: string): Promise<AnswerHistoryEntry[]> {
  const rows = await db
    .selectFrom('answer_history')
    .selectAll()
    .where('answer_id', '=', answerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    answerId: r.answer_id,
    ...historyEntryOf<AnswerSnapshot, HistoryAction>(r),
  }));
}
