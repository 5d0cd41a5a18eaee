/**
 * Stored analyzer suggestions and their review. Policy: a suggestion is a machine proposal, labelled
 * "machine-suggested, not reviewed" wherever it is shown until a person accepts it; it lives apart from coded
 * answers, so scores, exports and QC never see it. Accepting (as suggested or after an edit) creates a coded
 * answer in status `coded`; rejecting keeps the suggestion with the reason. A reviewed suggestion is final.
 */
import type { ResponseType } from '../framework/types.ts';
import type { SuggestedAnswer } from './types.ts';

/** The review states of a stored suggestion; only `pending` may be reviewed. */
export const reviewStatuses = ['pending', 'accepted', 'edited', 'rejected'] as const;
/** One of `reviewStatuses`. */
export type ReviewStatus = (typeof reviewStatuses)[number];

/** The label every unreviewed suggestion carries, in the API, the CLI, the workspace and the docs. */
export const machineLabel = 'machine-suggested, not reviewed';

/** Limits on a review (reason) and on what a stored suggestion may hold. */
export const suggestionLimits = { reasonChars: 2_000, rationaleChars: 2_000, quotes: 20 } as const;

/** One stored evidence quote: the provision it was resolved to and the verbatim words. */
export interface StoredEvidence {
  provisionId: string;
  /** The provision's citation within its document (`§ 1591(a)`, `Art. 3`). */
  citation: string;
  quote: string;
}

/** A quote the analyzer gave that was not stored, and why (unknown citation, not verbatim). */
export interface DroppedEvidence {
  citation: string;
  quote: string;
  reason: string;
}

/** A stored analyzer suggestion for one indicator of one law version. */
export interface StoredSuggestion {
  id: string;
  jurisdictionId: string;
  versionId: string;
  documentId: string;
  documentCitation: string;
  frameworkId: string;
  frameworkVersion: number;
  indicatorId: string;
  answer: SuggestedAnswer;
  confidence: number;
  evidence: StoredEvidence[];
  dropped: DroppedEvidence[];
  rationale: string;
  analyzerVersion: string;
  reviewStatus: ReviewStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  /** The coded answer an acceptance created. */
  answerId: string | null;
  createdBy: string;
  createdAt: string;
  /** `machineLabel` while pending, null once a person has reviewed it. */
  label: typeof machineLabel | null;
}

const codes: Record<ResponseType, Record<SuggestedAnswer, string>> = {
  YPN: { yes: 'Y', partial: 'P', no: 'N' },
  // A yes/no indicator has no partial: a partial finding is not a yes.
  YN: { yes: 'Y', partial: 'N', no: 'N' },
  G02: { yes: '2', partial: '1', no: '0' },
};

/** The answer code of the indicator's response type for a suggested answer (yes→Y/2, partial→P/1, no→N/0). */
export function answerCode(type: ResponseType, answer: SuggestedAnswer): string {
  return codes[type][answer];
}

/** The label a suggestion in this review state carries (null once reviewed). */
export function labelFor(status: ReviewStatus): typeof machineLabel | null {
  return status === 'pending' ? machineLabel : null;
}

/** True when the value names a review status. */
export function isReviewStatus(value: string): value is ReviewStatus {
  return (reviewStatuses as readonly string[]).includes(value);
}
