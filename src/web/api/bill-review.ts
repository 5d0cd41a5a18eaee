/**
 * Types and paths of the bill-review API (action class overrides, bill ↔ indicator links), inferred from the
 * zod contracts (type-only: no zod in the bundle). The components take callbacks, so a page wires its own calls.
 */
import type { z } from 'zod';
import type {
  actionOverride,
  actionOverrideBody,
  actionOverrideHistory,
  actionOverrideRemoveQuery,
  actionOverrideResult,
  billLink,
  billLinkBody,
  billLinkRefreshResult,
  gapLiveBill,
} from '../../contracts/bill-review.ts';

/** One override of an action's classes, with its place in the history. */
export type ActionOverride = z.output<typeof actionOverride>;
/** What overriding an action sends: classes and a reason. */
export type ActionOverrideBody = z.input<typeof actionOverrideBody>;
/** What removing an override sends (as the query string: `?reason=`). */
export type ActionOverrideRemoveQuery = z.input<typeof actionOverrideRemoveQuery>;
/** The same, under the name the first version of this file used: send it with `billReviewPaths.removeOverride`. */
export type ActionOverrideRemoveBody = ActionOverrideRemoveQuery;
/** The override now in force and the re-derived stage. */
export type ActionOverrideResult = z.output<typeof actionOverrideResult>;
/** A bill's overrides: those in force and the whole history. */
export type ActionOverrideHistory = z.output<typeof actionOverrideHistory>;
/** One bill ↔ indicator link. */
export type BillLink = z.output<typeof billLink>;
/** What confirming or rejecting (or adding) a link sends. */
export type BillLinkBody = z.input<typeof billLinkBody>;
/** What refreshing the analyzer's suggested links did. */
export type BillLinkRefreshResult = z.output<typeof billLinkRefreshResult>;
/** A live bill shown on a gap. */
export type GapLiveBill = z.output<typeof gapLiveBill>;

/** An action as GET /api/v1/bills/:id returns it (the fields the override form shows). */
export interface BillActionView {
  order: number;
  date: string;
  description: string;
  classification: string[];
  unknownClassification: string[];
}

const enc = encodeURIComponent;

/** API paths: POST/DELETE override, GET overrides, GET links, POST link decision, POST refresh. */
export const billReviewPaths = {
  override: (billId: string, order: number) => `/api/v1/bills/${enc(billId)}/actions/${order}/override`,
  /** DELETE path, with the optional reason in the query string. */
  removeOverride: (billId: string, order: number, reason?: string) =>
    `/api/v1/bills/${enc(billId)}/actions/${order}/override${reason ? `?reason=${enc(reason)}` : ''}`,
  overrides: (billId: string) => `/api/v1/bills/${enc(billId)}/overrides`,
  links: (billId: string) => `/api/v1/bills/${enc(billId)}/links`,
  link: (billId: string, indicatorId: string) => `/api/v1/bills/${enc(billId)}/links/${enc(indicatorId)}`,
  refresh: (billId: string) => `/api/v1/bills/${enc(billId)}/links/refresh`,
};
