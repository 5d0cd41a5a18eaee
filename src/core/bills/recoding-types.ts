/** A recoding task: the work of turning an enacted bill into new versions of the law it amends (docs/bill-to-law.md). */
import type { EffectiveSource } from './enactment.ts';

/** `open` until applied; `applied` while suggestions wait for review; `done` when all are reviewed. */
export const recodingStatuses = ['open', 'applied', 'done', 'dismissed'] as const;
export type RecodingStatus = (typeof recodingStatuses)[number];

/** True when the value names a task status. */
export function isRecodingStatus(value: string): value is RecodingStatus {
  return (recodingStatuses as readonly string[]).includes(value);
}

/** A law document the task changes: matched from a bill citation, or added by the analyst. */
export interface RecodingTarget {
  documentId: string;
  citation: string;
  title: string;
  source: 'bill' | 'analyst';
  /** The bill citation that named it (null when the analyst added it). */
  billCitation: string | null;
}

/** A law version the task created. */
export interface RecodingVersion {
  documentId: string;
  versionId: string;
  effectiveFrom: string;
  /** Where the text came from: the bill's amendment blocks, or the analyst's consolidated file. */
  origin: 'bill-text' | 'analyst-file';
  /** The provisions the bill's text replaced (empty for an analyst's file). */
  replaced: string[];
}

/** One stored task. */
export interface RecodingTask {
  id: string;
  billId: string;
  jurisdictionId: string;
  status: RecodingStatus;
  effectiveDate: string | null;
  effectiveSource: EffectiveSource | null;
  targets: RecodingTarget[];
  /** Bill citations that name no document of the library. */
  unmatchedCitations: string[];
  newVersions: RecodingVersion[];
  /** Suggestions the analyzer stored for the new versions when the task was applied. */
  suggestionCount: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  appliedBy: string | null;
  appliedAt: string | null;
}

/** One change of a task. */
export interface RecodingHistoryEntry {
  at: string;
  actor: string;
  action: 'opened' | 'applied' | 'dismissed' | 'done';
  details: Record<string, unknown>;
}
