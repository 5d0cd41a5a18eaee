/**
 * Contribution bounding before aggregation (PUB-8). Each privacy unit (a person) may touch at most
 * `maxGroupsPerUnit` cells (g, default 1) and add at most `maxRowsPerGroup` rows to each (c, default 1), so adding
 * or removing one person changes the whole table by at most g·c: that is the sensitivity the noise is scaled to.
 * The choice of which rows survive is deterministic and does not depend on input order: a person's cells are
 * ranked by a 32-bit FNV-1a hash of (unit, cell key), ties broken by the key, and the first g are kept. The hash
 * spreads the choice across cells instead of always favouring the alphabetically first category; rows within one
 * cell are interchangeable for a count, so which c of them are kept does not change any published number.
 */
import { DomainError } from '../errors.ts';

/** How many contributions one privacy unit may make. */
export interface BoundLimits {
  /** g: cells one unit may contribute to (default 1). */
  maxGroupsPerUnit?: number;
  /** c: rows one unit may add to one cell (default 1, a count of people). */
  maxRowsPerGroup?: number;
}

/** The bounded rows, how many were dropped, how many units remain, and the resulting L1 sensitivity g·c. */
export interface Bounded<T> {
  rows: T[];
  dropped: number;
  units: number;
  sensitivity: number;
}

const limitMax = 100;

/** Keeps at most g cells per unit and c rows per cell, deterministically; throws on a row without a unit. */
export function boundContributions<T>(
  rows: readonly T[],
  unitOf: (row: T) => string,
  groupOf: (row: T) => string,
  limits: BoundLimits = {},
): Bounded<T> {
  const g = limit(limits.maxGroupsPerUnit, 'maxGroupsPerUnit');
  const c = limit(limits.maxRowsPerGroup, 'maxRowsPerGroup');
  const byUnit = new Map<string, Map<string, number[]>>();
  rows.forEach((row, index) => {
    const unit = unitOf(row);
    if (typeof unit !== 'string' || unit.trim() === '') {
      throw new DomainError('PRIVACY_PARAMETER_INVALID', `row ${index + 1} has no privacy unit`, {
        field: 'unit',
        row: index + 1,
      });
    }
    const group = groupOf(row);
    const groups = byUnit.get(unit) ?? new Map<string, number[]>();
    byUnit.set(unit, groups);
    const members = groups.get(group) ?? [];
    groups.set(group, members);
    members.push(index);
  });
  const kept = new Set<number>();
  for (const [unit, groups] of byUnit) {
    const ranked = [...groups.keys()]
      .map((key) => ({ key, rank: fnv1a(`${unit}\u0000${key}`) }))
      .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key } of ranked.slice(0, g)) {
      for (const index of (groups.get(key) ?? []).slice(0, c)) kept.add(index);
    }
  }
  return {
    rows: rows.filter((_, index) => kept.has(index)),
    dropped: rows.length - kept.size,
    units: byUnit.size,
    sensitivity: g * c,
  };
}

function limit(value: number | undefined, field: string): number {
  const n = value ?? 1;
  if (!Number.isSafeInteger(n) || n < 1 || n > limitMax) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `${field} must be a whole number from 1 to ${limitMax}`,
      {
        field,
      },
    );
  }
  return n;
}

/** 32-bit FNV-1a over UTF-16 code units: a fixed, documented ordering, not a security primitive. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
