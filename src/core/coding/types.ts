/** Coded answers: one jurisdiction × indicator × framework version × validity interval, grounded in quoted law. */

/** Review states, in order. `suggested` marks a machine suggestion no person has confirmed yet. */
export const codingStatuses = ['suggested', 'coded', 'reviewed', 'published'] as const;
/** The review state of a coded answer. */
export type CodingStatus = (typeof codingStatuses)[number];

/** Limits on one answer, enforced by every path (API, CLI, CSV). */
export const codingLimits = {
  citations: 20,
  quoteChars: 4_000,
  noteChars: 4_000,
  valueChars: 10,
  /** Data rows in one CSV import. */
  importRows: 5_000,
  /** Characters of one CSV import. */
  importChars: 4 * 1024 * 1024,
} as const;

/** One citation of an answer: a stored provision and the verbatim words relied on. */
export interface CodedCitation {
  provisionId: string;
  /** Verbatim evidence: a substring of the provision's stored text (whitespace and quote marks normalised). */
  quote: string;
  /** The human citation, derived from the library: `<document citation> <provision citation>`. */
  citation: string;
  documentId: string;
  versionId: string;
  /** The document's own citation (`Examplia Protection Act 2030`). */
  documentCitation?: string;
  /** The language the document is written in, as recorded in the library. */
  language?: string;
}

/** A coded answer as stored. `validTo` is exclusive; null means open-ended. */
export interface CodedAnswer {
  id: string;
  jurisdictionId: string;
  frameworkId: string;
  indicatorId: string;
  /** A code of the indicator's response type, or 'NA'. */
  value: string;
  validFrom: string;
  validTo: string | null;
  status: CodingStatus;
  cautionNote: string | null;
  /** Actor label of whoever last set the value (`user:<id>`, `token:<id>`, `system:<name>`). */
  coder: string;
  citations: CodedCitation[];
  createdAt: string;
  updatedAt: string;
}

/** Where an answer came from when a person confirmed a machine suggestion (kept in its first history row). */
export interface AnswerOrigin {
  kind: 'analyzer';
  suggestionId: string;
  analyzerVersion: string;
  /** `accepted` as suggested, or `edited` before accepting. */
  review: 'accepted' | 'edited';
  confirmedBy: string;
}

/** The parts of an answer a change can touch, as kept in history (before and after). */
export type AnswerSnapshot = Pick<
  CodedAnswer,
  'value' | 'validFrom' | 'validTo' | 'status' | 'cautionNote' | 'coder'
> & { citations: Array<{ provisionId: string; quote: string }>; origin?: AnswerOrigin };

/** What changed an answer. */
export type HistoryAction = 'create' | 'update' | 'status';

/** One change to an answer: who, when, and the answer before and after (before is null on create). */
export interface AnswerHistoryEntry {
  id: string;
  answerId: string;
  at: string;
  actor: string;
  action: HistoryAction;
  before: AnswerSnapshot | null;
  after: AnswerSnapshot;
}

/** True when the value names a coding status. */
export function isCodingStatus(value: string): value is CodingStatus {
  return (codingStatuses as readonly string[]).includes(value);
}

/** The statuses counted when scoring with `include`: the named one and every later one; never `suggested`. */
export function statusesIncluded(include: 'coded' | 'reviewed' | 'published'): CodingStatus[] {
  return codingStatuses.slice(codingStatuses.indexOf(include));
}

/** The snapshot of an answer kept in history. */
export function snapshotOf(a: CodedAnswer): AnswerSnapshot {
  return {
    value: a.value,
    validFrom: a.validFrom,
    validTo: a.validTo,
    status: a.status,
    cautionNote: a.cautionNote,
    coder: a.coder,
    citations: a.citations.map((c) => ({ provisionId: c.provisionId, quote: c.quote })),
  };
}
