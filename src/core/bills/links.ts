/**
 * Links between bills and framework indicators. Policy: the analyzer suggests links (the indicators a bill's
 * text would raise, or meet where the law is not coded yet); a suggestion stays labelled machine-suggested
 * until a person confirms it; people confirm, reject, or add links the analyzer missed; a refresh of the
 * analyzer's suggestions never touches a link a person has decided. A bill is live while its stage has not
 * ended (enacted, vetoed or failed); gap reports list a gap's live bills, confirmed links first, never
 * rejected ones.
 */
import type { BillStage } from './types.ts';

/** A link's review state. */
export const billLinkStatuses = ['suggested', 'confirmed', 'rejected'] as const;
export type BillLinkStatus = (typeof billLinkStatuses)[number];

/** What a person may decide. */
export const billLinkDecisions = ['confirmed', 'rejected'] as const;
export type BillLinkDecision = (typeof billLinkDecisions)[number];

/** How the analyzer expects the bill to move the indicator: raise a coded answer, or meet an uncoded one. */
export const billLinkDirections = ['raises', 'meets_uncoded'] as const;
export type BillLinkDirection = (typeof billLinkDirections)[number];

/** The label machine suggestions carry until a person confirms them. */
export const machineSuggestedLabel =
  'machine-suggested: the analyzer’s reading of the bill text; not reviewed';

/** One bill ↔ indicator link. */
export interface BillIndicatorLink {
  billId: string;
  indicatorId: string;
  status: BillLinkStatus;
  /** True while the link is the analyzer's unreviewed suggestion. */
  machineSuggested: boolean;
  /** Who proposed it first: the analyzer or a person. */
  origin: 'analyzer' | 'person';
  /** The code the analyzer projects for the indicator (null for a link a person added). */
  projectedAnswer: string | null;
  currentAnswer: string | null;
  direction: BillLinkDirection | null;
  evidence: { citation: string; quote: string }[];
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  analyzerVersion: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The analyzer's suggestion for one indicator, as a refresh stores it. */
export interface SuggestedLink {
  indicatorId: string;
  projectedAnswer: string;
  currentAnswer: string | null;
  direction: BillLinkDirection;
  evidence: { citation: string; quote: string }[];
}

/** Stages that end a bill: it is no longer live. */
export const endedStages: readonly BillStage[] = ['enacted', 'vetoed', 'failed'];

/** True while a bill can still change the law. */
export function isLiveStage(stage: BillStage): boolean {
  return !endedStages.includes(stage);
}

/** A live bill shown on a gap. */
export interface GapLiveBill {
  billId: string;
  identifier: string;
  title: string;
  sessionIdentifier: string;
  stage: BillStage;
  latestAction: string | null;
  latestActionDate: string | null;
  linkStatus: 'confirmed' | 'suggested';
  machineSuggested: boolean;
}

/** Orders a gap's live bills: confirmed first, then suggested; then latest action first, then identifier. */
export function sortLiveBills(bills: readonly GapLiveBill[]): GapLiveBill[] {
  const rank = (b: GapLiveBill) => (b.linkStatus === 'confirmed' ? 0 : 1);
  return [...bills].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.latestActionDate ?? '').localeCompare(a.latestActionDate ?? '') ||
      a.identifier.localeCompare(b.identifier) ||
      a.billId.localeCompare(b.billId),
  );
}
