/**
 * Validity intervals of coded answers. Policy: an answer applies from `validFrom` (inclusive) to `validTo`
 * (exclusive; null = open-ended). For one jurisdiction × framework version × indicator, at most one answer applies
 * on any date, whatever its status (a machine suggestion is confirmed or edited in place, never kept beside a
 * person's answer), so an overlapping interval is refused naming the answer in the way; to code a change in the
 * law, close the earlier answer (set its `validTo`) and add a new one from that date.
 */

/** A validity interval, dates as `YYYY-MM-DD`. */
export interface ValidityInterval {
  validFrom: string;
  validTo: string | null;
}

/** Why the interval is malformed, or null (dates are checked by the caller). */
export function intervalProblem(i: ValidityInterval): string | null {
  return i.validTo !== null && i.validTo <= i.validFrom ? 'valid-to must be after valid-from' : null;
}

/** True when the interval applies on the date. */
export function validOn(i: ValidityInterval, date: string): boolean {
  return i.validFrom <= date && (i.validTo === null || date < i.validTo);
}

/** True when two intervals share at least one day. */
export function intervalsOverlap(a: ValidityInterval, b: ValidityInterval): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

/** The first of `others` (excluding `selfId`) whose interval overlaps `interval`, or undefined. */
export function findOverlap<T extends ValidityInterval & { id: string }>(
  interval: ValidityInterval,
  others: readonly T[],
  selfId?: string,
): T | undefined {
  return others.find((o) => o.id !== selfId && intervalsOverlap(interval, o));
}

/** A readable interval: `from 2031-01-01` or `from 2031-01-01 to 2034-07-01`. */
export function describeInterval(i: ValidityInterval): string {
  return i.validTo === null ? `from ${i.validFrom}` : `from ${i.validFrom} to ${i.validTo}`;
}
