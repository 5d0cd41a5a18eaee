/**
 * Stored analyzer suggestions (policy in core/analyzer/review.ts). One row per law version × framework version ×
 * indicator; a pending row may be replaced by a newer analyzer's proposal, a reviewed one never changes again.
 * Rows are read joined with their document, so a listing shows which document each suggestion came from.
 */
import type { Kysely } from 'kysely';
import {
  type DroppedEvidence,
  labelFor,
  type ReviewStatus,
  type StoredEvidence,
  type StoredSuggestion,
} from '../core/analyzer/review.ts';
import type { SuggestedAnswer } from '../core/analyzer/types.ts';
import type { Database } from './schema.ts';
import { fromJson, newId, nowIso, visibleToOrganization } from './util.ts';

/** A suggestion as written by an analysis. */
export type NewSuggestionRow = Pick<
  StoredSuggestion,
  | 'jurisdictionId'
  | 'versionId'
  | 'frameworkId'
  | 'indicatorId'
  | 'answer'
  | 'confidence'
  | 'evidence'
  | 'dropped'
  | 'rationale'
  | 'analyzerVersion'
  | 'createdBy'
>;

/** Which suggestions to list. */
export interface SuggestionFilter {
  jurisdictionId?: string;
  versionId?: string;
  reviewStatus?: ReviewStatus;
  /** Organization whose own jurisdictions are visible ('all' for the command line). */
  organizationId: string | null | 'all';
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('analyzer_suggestions as s')
    .innerJoin('law_versions as v', 'v.id', 's.version_id')
    .innerJoin('law_documents as d', 'd.id', 'v.document_id')
    .innerJoin('framework_versions as f', 'f.id', 's.framework_id')
    .innerJoin('jurisdictions as j', 'j.id', 's.jurisdiction_id')
    .selectAll('s')
    .select(['d.id as document_id', 'd.citation as document_citation', 'f.version as framework_version']);
}

type Row = Database['analyzer_suggestions'] & {
  document_id: string;
  document_citation: string;
  framework_version: number;
};

function toSuggestion(r: Row): StoredSuggestion {
  const status = r.review_status as ReviewStatus;
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    versionId: r.version_id,
    documentId: r.document_id,
    documentCitation: r.document_citation,
    frameworkId: r.framework_id,
    frameworkVersion: Number(r.framework_version),
    indicatorId: r.indicator_id,
    answer: r.answer as SuggestedAnswer,
    confidence: Number(r.confidence),
    evidence: fromJson<StoredEvidence[]>(r.evidence_json),
    dropped: fromJson<DroppedEvidence[]>(r.dropped_json),
    rationale: r.rationale,
    analyzerVersion: r.analyzer_version,
    reviewStatus: status,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewReason: r.review_reason,
    answerId: r.answer_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    label: labelFor(status),
  };
}

/** The suggestions of one version and framework, keyed by indicator id. */
export async function suggestionsOfVersion(
  db: Kysely<Database>,
  versionId: string,
  frameworkId: string,
): Promise<Map<string, StoredSuggestion>> {
  const rows = await base(db)
    .where('s.version_id', '=', versionId)
    .where('s.framework_id', '=', frameworkId)
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, toSuggestion(r)]));
}

/** Inserts a suggestion, or replaces the proposal of a pending one (`replaceId`). Returns its id. */
export async function writeSuggestion(
  db: Kysely<Database>,
  s: NewSuggestionRow,
  replaceId?: string,
): Promise<string> {
  const proposal = {
    answer: s.answer,
    confidence: s.confidence,
    evidence_json: JSON.stringify(s.evidence),
    dropped_json: JSON.stringify(s.dropped),
    rationale: s.rationale,
    analyzer_version: s.analyzerVersion,
    created_by: s.createdBy,
    created_at: nowIso(),
  };
  if (replaceId !== undefined) {
    await db
      .updateTable('analyzer_suggestions')
      .set(proposal)
      .where('id', '=', replaceId)
      .where('review_status', '=', 'pending')
      .execute();
    return replaceId;
  }
  const id = newId();
  await db
    .insertInto('analyzer_suggestions')
    .values({
      id,
      jurisdiction_id: s.jurisdictionId,
      version_id: s.versionId,
      framework_id: s.frameworkId,
      indicator_id: s.indicatorId,
      ...proposal,
      review_status: 'pending',
      reviewed_by: null,
      reviewed_at: null,
      review_reason: null,
      answer_id: null,
    })
    .execute();
  return id;
}

/** One suggestion, or null when there is none with this id. */
export async function getSuggestion(db: Kysely<Database>, id: string): Promise<StoredSuggestion | null> {
  const row = await base(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toSuggestion(row) : null;
}

/** Suggestions matching the filter, by document, then framework order of indicators (id order). */
export async function listSuggestions(
  db: Kysely<Database>,
  filter: SuggestionFilter,
): Promise<StoredSuggestion[]> {
  let q = base(db);
  if (filter.jurisdictionId !== undefined) q = q.where('s.jurisdiction_id', '=', filter.jurisdictionId);
  if (filter.versionId !== undefined) q = q.where('s.version_id', '=', filter.versionId);
  if (filter.reviewStatus !== undefined) q = q.where('s.review_status', '=', filter.reviewStatus);
  const org = filter.organizationId;
  if (org !== 'all') q = q.where(visibleToOrganization(org));
  const rows = await q.orderBy('d.citation').orderBy('s.version_id').orderBy('s.indicator_id').execute();
  return rows.map(toSuggestion);
}

/** Records a review: who, when, the outcome, the reason and the answer created. Only a pending row changes. */
export async function recordReview(
  db: Kysely<Database>,
  id: string,
  review: {
    status: Exclude<ReviewStatus, 'pending'>;
    by: string;
    reason: string | null;
    answerId: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('analyzer_suggestions')
    .set({
      review_status: review.status,
      reviewed_by: review.by,
      reviewed_at: nowIso(),
      review_reason: review.reason,
      answer_id: review.answerId,
    })
    .where('id', '=', id)
    .where('review_status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
