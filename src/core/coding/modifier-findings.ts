/**
 * Negative-modifier findings: one jurisdiction × negative modifier × framework version × validity interval,
 * stored like a coded answer. Policy: `applies: true` (the law contains the harmful feature) needs at least one
 * citation with a verbatim quote; `applies: false` may cite nothing, since an absence cannot be quoted. Evidence,
 * validity and review rules are the answers' own (evidence.ts, validity.ts, status.ts).
 */
import type { CodedCitation, CodingStatus, HistoryAction } from './types.ts';

/** A negative-modifier finding as stored. `validTo` is exclusive; null means open-ended. */
export interface CodedModifierFinding {
  id: string;
  jurisdictionId: string;
  frameworkId: string;
  /** The framework's negative modifier, e.g. NEG-2. */
  modifierId: string;
  applies: boolean;
  validFrom: string;
  validTo: string | null;
  status: CodingStatus;
  cautionNote: string | null;
  /** Actor label of whoever last set the finding. */
  coder: string;
  citations: CodedCitation[];
  createdAt: string;
  updatedAt: string;
}

/** The parts of a finding a change can touch, as kept in history. */
export type FindingSnapshot = Pick<
  CodedModifierFinding,
  'applies' | 'validFrom' | 'validTo' | 'status' | 'cautionNote' | 'coder'
> & { citations: Array<{ provisionId: string; quote: string }> };

/** One change to a finding: who, when, and the finding before and after (before is null on create). */
export interface FindingHistoryEntry {
  id: string;
  findingId: string;
  at: string;
  actor: string;
  action: HistoryAction;
  before: FindingSnapshot | null;
  after: FindingSnapshot;
}

/** The snapshot of a finding kept in history. */
export function findingSnapshotOf(f: CodedModifierFinding): FindingSnapshot {
  return {
    applies: f.applies,
    validFrom: f.validFrom,
    validTo: f.validTo,
    status: f.status,
    cautionNote: f.cautionNote,
    coder: f.coder,
    citations: f.citations.map((c) => ({ provisionId: c.provisionId, quote: c.quote })),
  };
}
