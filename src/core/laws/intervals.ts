/**
 * Effective intervals of law versions. Policy: a version applies from `effectiveFrom` (inclusive) to
 * `effectiveTo` (exclusive); an open-ended version (`effectiveTo` null) applies until a later version of the
 * same document takes effect, so importing a later version closes the open-ended one before it, and an older
 * version imported without an end is closed where the next one begins. Any other overlap is refused: the
 * versions of one document never overlap, so "the law as of a date" has at most one answer per document.
 */
import { DomainError } from '../errors.ts';

/** An effective interval, dates as `YYYY-MM-DD`. */
export interface EffectiveInterval {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** True for a real calendar date written `YYYY-MM-DD` (years 1000-9999). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Throws LAW_INVALID unless the interval's dates are valid and it ends after it begins. */
export function checkInterval(interval: EffectiveInterval): void {
  if (!isIsoDate(interval.effectiveFrom)) {
    throw new DomainError(
      'LAW_INVALID',
      `effective-from must be a date YYYY-MM-DD, got "${interval.effectiveFrom}"`,
      {
        field: 'effectiveFrom',
      },
    );
  }
  if (interval.effectiveTo !== null) {
    if (!isIsoDate(interval.effectiveTo)) {
      throw new DomainError(
        'LAW_INVALID',
        `effective-to must be a date YYYY-MM-DD, got "${interval.effectiveTo}"`,
        {
          field: 'effectiveTo',
        },
      );
    }
    if (interval.effectiveTo <= interval.effectiveFrom) {
      throw new DomainError('LAW_INVALID', 'effective-to must be after effective-from', {
        field: 'effectiveTo',
      });
    }
  }
}

/** True when the interval applies on the date. */
export function appliesOn(interval: EffectiveInterval, date: string): boolean {
  return interval.effectiveFrom <= date && (interval.effectiveTo === null || date < interval.effectiveTo);
}

/** True when two intervals share at least one day. */
export function overlaps(a: EffectiveInterval, b: EffectiveInterval): boolean {
  const aEndsAfterBStarts = a.effectiveTo === null || b.effectiveFrom < a.effectiveTo;
  const bEndsAfterAStarts = b.effectiveTo === null || a.effectiveFrom < b.effectiveTo;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** Where a new version goes: its own (possibly closed) interval, and earlier versions to close. */
export interface Placement<T extends EffectiveInterval & { id: string }> {
  interval: EffectiveInterval;
  /** Open-ended earlier versions that now end where the new one begins. */
  close: Array<{ version: T; effectiveTo: string }>;
}

/**
 * Places a new interval among a document's existing versions (see the policy above). Throws
 * LAW_VERSION_OVERLAP naming the version in the way.
 */
export function placeVersion<T extends EffectiveInterval & { id: string }>(
  existing: T[],
  incoming: EffectiveInterval,
): Placement<T> {
  checkInterval(incoming);
  const sorted = [...existing].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const next = sorted.find((v) => v.effectiveFrom > incoming.effectiveFrom);
  const interval: EffectiveInterval = {
    effectiveFrom: incoming.effectiveFrom,
    effectiveTo: incoming.effectiveTo ?? next?.effectiveFrom ?? null,
  };
  const close: Placement<T>['close'] = [];
  for (const v of sorted) {
    const openBefore = v.effectiveTo === null && v.effectiveFrom < interval.effectiveFrom;
    const effective: EffectiveInterval = openBefore ? { ...v, effectiveTo: interval.effectiveFrom } : v;
    if (overlaps(effective, interval)) {
      throw new DomainError(
        'LAW_VERSION_OVERLAP',
        `the version effective ${describe(interval)} overlaps the stored version effective ${describe(v)}`,
        { versionId: v.id, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo },
      );
    }
    if (openBefore) close.push({ version: v, effectiveTo: interval.effectiveFrom });
  }
  return { interval, close };
}

function describe(i: EffectiveInterval): string {
  return i.effectiveTo === null ? `from ${i.effectiveFrom}` : `from ${i.effectiveFrom} to ${i.effectiveTo}`;
}
