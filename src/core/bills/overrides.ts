/**
 * Analyst overrides of an action's classification. Policy:
 * - an override names its action by (order, date, description hash), which a re-import of the same history
 *   reproduces; when the exact key is gone, an action with the same date and description hash found exactly
 *   once is the same action moved (new actions were inserted before it); otherwise the override is orphaned:
 *   kept, shown, and applied to nothing;
 * - an override's classes replace the imported ones (known and unknown) for the stage; the imported
 *   classification itself is never changed, so both stay visible;
 * - its classes must all be in the Open States vocabulary, at least one, no repeats; the reason is required.
 */
import { isActionClass } from './classification.ts';
import type { BillAction } from './types.ts';

/** The longest reason accepted for an override or its removal. */
export const overrideReasonMax = 2000;

/** How an override names its action across re-imports. */
export interface ActionKey {
  order: number;
  date: string;
  descriptionHash: string;
}

/** An active override as the stage needs it. */
export interface ActionOverrideRule {
  id: string;
  key: ActionKey;
  classification: string[];
}

/** An action with its description hash, as matching needs it. */
export type KeyedAction = BillAction & { descriptionHash: string };

/** Where each override landed: the order of its action now, or null when orphaned. */
export type OverrideMatches = Map<string, number | null>;

/** Matches each override to one of the actions (exact key, else the same date and text found once). */
export function matchOverrides(
  actions: readonly KeyedAction[],
  overrides: readonly ActionOverrideRule[],
): OverrideMatches {
  const matches: OverrideMatches = new Map();
  for (const o of overrides) {
    const exact = actions.find(
      (a) => a.order === o.key.order && a.date === o.key.date && a.descriptionHash === o.key.descriptionHash,
    );
    if (exact) {
      matches.set(o.id, exact.order);
      continue;
    }
    const moved = actions.filter((a) => a.date === o.key.date && a.descriptionHash === o.key.descriptionHash);
    matches.set(o.id, moved.length === 1 ? (moved[0]?.order ?? null) : null);
  }
  return matches;
}

/**
 * The actions with the matched overrides' classes in place of the imported ones (unknown classes cleared:
 * the analyst decided); actions without an override are returned as they are.
 */
export function applyOverrides(
  actions: readonly BillAction[],
  overrides: readonly ActionOverrideRule[],
  matches: OverrideMatches,
): BillAction[] {
  const byOrder = new Map<number, string[]>();
  for (const o of overrides) {
    const order = matches.get(o.id);
    if (order !== null && order !== undefined) byOrder.set(order, o.classification);
  }
  return actions.map((a) => {
    const classes = byOrder.get(a.order);
    return classes ? { ...a, classification: [...classes], unknownClassification: [] } : a;
  });
}

/** Why a class list or reason is refused, or null when both are acceptable. */
export function overrideProblem(classification: readonly string[], reason: string): string | null {
  if (classification.length === 0) return 'give at least one action class';
  const unknown = classification.filter((c) => !isActionClass(c));
  if (unknown.length > 0) {
    return `not in the Open States action vocabulary: ${unknown.join(', ')}`;
  }
  if (new Set(classification).size !== classification.length) return 'a class is given twice';
  return reasonProblem(reason);
}

/** Why a reason is refused (empty or too long), or null. */
export function reasonProblem(reason: string): string | null {
  if (reason.trim() === '') return 'a reason is required';
  if (reason.length > overrideReasonMax) return `the reason is longer than ${overrideReasonMax} characters`;
  return null;
}

/** An override's state in its history: in force, replaced by a later one, or removed. */
export const overrideStatuses = ['active', 'superseded', 'removed'] as const;
export type OverrideStatus = (typeof overrideStatuses)[number];

/** One override as stored, with its place in the history. */
export interface ActionOverride {
  id: string;
  billId: string;
  /** The action's order now; null when orphaned (its action is gone since a re-import). */
  actionOrder: number | null;
  /** The action's order, date and text when the override was made. */
  key: ActionKey;
  actionDate: string;
  actionDescription: string;
  /** The classes in force while active. */
  classification: string[];
  /** The imported classes (known and unknown) when the override was made. */
  importedClassification: string[];
  status: OverrideStatus;
  /** True when a re-import no longer has the action: kept, applied to nothing. */
  orphaned: boolean;
  reason: string;
  createdBy: string;
  createdAt: string;
  /** Who superseded or removed it, when, and (for a removal) why. */
  endedBy: string | null;
  endedAt: string | null;
  endReason: string | null;
}
