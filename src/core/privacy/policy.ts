/**
 * Publication policy for statistics derived from case or victim data (issue 9; ../shared/reference/security.md
 * PUB-1…PUB-11). Every count we publish goes through this module and nothing else. Before aggregation each
 * privacy unit (a person) is bounded to a fixed number of contributions (PUB-8); a table combines at most three
 * attributes, all from an allow-list of categorical columns (PUB-5, PUB-10); every cell is suppressed below k and
 * rounded down to a multiple of k, with k never below 10, and a true zero is published exactly like a small count
 * (PUB-1…PUB-3); published totals never let a suppressed cell be worked out by subtraction (PUB-4); a statistic
 * published more than once is released through the integer two-sided geometric mechanism fed by a CSPRNG and
 * debits a per-dataset, per-year privacy ledger that refuses to overspend (PUB-6, PUB-7). Row-level records are
 * never released (PUB-11). The module is pure: callers pass the random source (`crypto.randomInt`).
 */
import { DomainError } from '../errors.ts';

/** The smallest k ever accepted (PUB-1): a smaller threshold is refused, never clamped. */
export const minK = 10;
/** The default suppression threshold and rounding base. */
export const defaultK = 10;
/** The most attributes one table may combine (PUB-5); may be configured lower, never higher. */
export const maxAttributes = 3;
/** ε is counted in millionths so budget arithmetic is exact integer addition (1 ε = 1 000 000). */
export const microPerEpsilon = 1_000_000;
/** δ is counted in units of 10⁻¹² for the same reason. */
export const picoPerDelta = 1_000_000_000_000;
/** The default and highest per-dataset, per-year ε cap (PUB-6): 4 ε. */
export const maxEpsilonCapMicros = 4 * microPerEpsilon;

/** A source of uniform integers in [min, maxExclusive): services pass `crypto.randomInt` (PUB-7). */
export type RandomInt = (min: number, maxExclusive: number) => number;

/** Checks a suppression threshold: a safe integer of at least 10; returns it, or throws a coded error. */
export function assertK(k: number): number {
  if (!Number.isSafeInteger(k)) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', `k must be a whole number, got ${String(k)}`, {
      field: 'k',
    });
  }
  if (k < minK) {
    throw new DomainError('PRIVACY_K_TOO_SMALL', `k must be at least ${minK}, got ${k}`, {
      field: 'k',
      minK,
    });
  }
  return k;
}

/** Parses ε written as a decimal ("0.5", 0.25) with at most six decimals into whole millionths; throws otherwise. */
export function epsilonToMicros(epsilon: number | string, field = 'epsilon'): number {
  return decimalToUnits(epsilon, 6, field);
}

/** Parses δ written as a decimal ("0.000001", 1e-9) with at most twelve decimals into units of 10⁻¹². */
export function deltaToPicos(delta: number | string, field = 'delta'): number {
  return decimalToUnits(delta, 12, field, true);
}

/** Writes whole millionths of ε back as a decimal number for display. */
export function microsToEpsilon(micros: number): number {
  return micros / microPerEpsilon;
}

/** Writes units of 10⁻¹² of δ back as a decimal number for display. */
export function picosToDelta(picos: number): number {
  return picos / picoPerDelta;
}

/** The δ cap for a dataset of n privacy units, 1/(n·ln n) rounded down to 10⁻¹² (PUB-6); 0 when n < 2. */
export function deltaCapPicosFor(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'population must be a whole number ≥ 0', {
      field: 'population',
    });
  }
  if (population < 2) return 0;
  // The only floating-point step in the ledger: rounding down keeps the cap at or below the exact value.
  return Math.floor(picoPerDelta / (population * Math.log(population)));
}

function decimalToUnits(
  value: number | string,
  places: number,
  field: string,
  allowExponent = false,
): number {
  let text = typeof value === 'number' ? numberText(value, places) : value.trim();
  if (allowExponent && /e/i.test(text)) text = numberText(Number(text), places);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  const fraction = match?.[2] ?? '';
  if (!match || fraction.replace(/0+$/, '').length > places) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `${field} must be a non-negative decimal with at most ${places} decimals, got ${String(value)}`,
      { field },
    );
  }
  const units = Number(match[1]) * 10 ** places + Number(fraction.replace(/0+$/, '').padEnd(places, '0'));
  if (!Number.isSafeInteger(units)) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', `${field} is too large`, { field });
  }
  return units;
}

function numberText(value: number, places: number): string {
  if (!Number.isFinite(value) || value < 0) return String(value);
  // toFixed with more places than allowed shows whether the number has more precision than we accept.
  return value.toFixed(Math.min(places + 2, 20)).replace(/\.?0+$/, '');
}
