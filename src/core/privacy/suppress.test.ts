import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { assertK } from './policy.ts';
import { formatCount, suppressCount, suppressCounts, trueRange } from './suppress.ts';

const zeroToThirty = Array.from({ length: 31 }, (_, i) => i);

describe('suppressCount (PUB-1…PUB-3)', () => {
  it('publishes nothing from 1 to 9 for the counts 0–30, and rounds the rest down to tens', () => {
    const shown = suppressCounts(zeroToThirty, 10).map(formatCount);
    expect(shown.slice(0, 10)).toEqual(Array(10).fill('< 10'));
    expect(shown.slice(10)).toEqual([
      ...Array(10).fill('10'),
      ...Array(10).fill('20'),
      ...Array(1).fill('30'),
    ]);
    for (const text of shown) expect(text).not.toMatch(/^[1-9]$/);
  });

  it('rounds 27 to 20 and keeps 10 at 10 (PUB-2)', () => {
    expect(suppressCount(27, 10)).toEqual({ suppressed: false, value: 20 });
    expect(suppressCount(10, 10)).toEqual({ suppressed: false, value: 10 });
    expect(suppressCount(29, 11)).toEqual({ suppressed: false, value: 22 });
  });

  it('publishes a true zero exactly like a small count (PUB-3)', () => {
    expect(suppressCount(0, 10)).toStrictEqual(suppressCount(3, 10));
    expect(JSON.stringify(suppressCount(0, 10))).toBe(JSON.stringify(suppressCount(9, 10)));
    expect(formatCount(suppressCount(0, 10))).toBe(formatCount(suppressCount(3, 10)));
  });

  it('suppresses negative (noisy) values too', () => {
    expect(suppressCount(-4, 10)).toStrictEqual(suppressCount(0, 10));
  });

  it('refuses k below 10 with a coded error, and k that is not whole', () => {
    for (const k of [9, 1, 0, -10]) {
      expect(() => suppressCount(20, k)).toThrow(expect.objectContaining({ code: 'PRIVACY_K_TOO_SMALL' }));
    }
    expect(() => assertK(10.5)).toThrow(expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }));
    expect(() => suppressCounts([], 5)).toThrow(expect.objectContaining({ code: 'PRIVACY_K_TOO_SMALL' }));
    expect(assertK(11)).toBe(11);
  });

  it('refuses a count that is not a whole number', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let caught: unknown;
      try {
        suppressCount(bad, 10);
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught, 'PRIVACY_PARAMETER_INVALID')).toBe(true);
    }
  });

  it('never shows a value below k, always a multiple of k within k of the truth (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100_000 }), fc.integer({ min: 10, max: 500 }), (value, k) => {
        const count = suppressCount(value, k);
        if (count.suppressed) return value < k && count.below === k;
        const range = trueRange(count, k);
        return count.value >= k && count.value % k === 0 && range.min <= value && value <= range.max;
      }),
    );
  });
});
