/**
 * Small-count suppression and rounding (PUB-1…PUB-3). A count below k, including a true zero and any negative
 * noisy value, is published as `{ suppressed: true, below: k }`, the same object whatever the true value was, so
 * a reader cannot tell 0 from 3. A count of k or more is rounded down to a multiple of k, so k is both the
 * threshold and the smallest visible difference. Structural zeros are not special-cased: they are suppressed too.
 */
import { DomainError } from '../errors.ts';
import { assertK } from './policy.ts';

/** A published count: either a multiple of k (≥ k) or suppressed. Nothing else can be built or shown. */
export type PublishedCount =
  | { readonly suppressed: false; readonly value: number }
  | { readonly suppressed: true; readonly below: number };

/** Publishes one count: suppressed below k (0 included), otherwise floor(v/k)·k. Throws on a non-integer. */
export function suppressCount(value: number, k: number): PublishedCount {
  assertK(k);
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `a count must be a whole number, got ${String(value)}`,
      {
        field: 'count',
      },
    );
  }
  if (value < k) return { suppressed: true, below: k };
  return { suppressed: false, value: Math.floor(value / k) * k };
}

/** Publishes a list of counts with the same k. */
export function suppressCounts(values: readonly number[], k: number): PublishedCount[] {
  assertK(k);
  return values.map((value) => suppressCount(value, k));
}

/** The text a reader sees: "< 10" for a suppressed count, otherwise the number. */
export function formatCount(count: PublishedCount): string {
  return count.suppressed ? `< ${count.below}` : String(count.value);
}

/** The range of true values a published count stands for: [0, k−1] when suppressed, [v, v+k−1] otherwise. */
export function trueRange(count: PublishedCount, k: number): { min: number; max: number } {
  return count.suppressed ? { min: 0, max: k - 1 } : { min: count.value, max: count.value + k - 1 };
}
