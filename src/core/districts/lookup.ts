/**
 * Deciding a lookup. Policy: never guess.
 * - Validity: a boundary applies from `validFrom` (inclusive) to `validTo` (exclusive); a lookup for a date
 *   uses only the boundaries valid on that date, so a redistricting changes answers from its first day and
 *   never before. Plans (the districts of one chamber over one interval) of the same chamber never overlap:
 *   an import that would make them overlap is refused, except that a stored open-ended plan is closed where
 *   a later plan begins (as law versions are), which the import reports.
 * - Point: per chamber, the candidates are the districts containing the point and those whose boundary is
 *   within the margin (200 m by default). One containing district and no other candidate is a match; more
 *   than one candidate, or only nearby districts, means asking; none in any chamber means "outside".
 * - Postcode: a postcode listed in more than one district of a chamber means asking (with the shares when the
 *   table gives them).
 */
import { overlaps } from '../laws/intervals.ts';
import { distanceToBoundary, geometryContains } from './geometry.ts';
import type { DistrictBoundary, DistrictCandidate, DistrictRef, LookupResult, Position } from './types.ts';

/** The default "near a boundary" margin in metres. */
export const defaultBoundaryMarginMetres = 200;

/** A plan: the districts of one chamber over one validity interval. */
export interface DistrictPlan {
  jurisdictionId: string;
  chamber: string;
  validFrom: string;
  validTo: string | null;
  /** The import that stored it, for stored plans. */
  importId?: string;
}

/** True when the boundary (or plan) applies on the date. */
export function validOnDate(b: { validFrom: string; validTo: string | null }, date: string): boolean {
  return b.validFrom <= date && (b.validTo === null || date < b.validTo);
}

/** The boundaries that apply on the date. */
export function boundariesOn<T extends { validFrom: string; validTo: string | null }>(
  boundaries: readonly T[],
  date: string,
): T[] {
  return boundaries.filter((b) => validOnDate(b, date));
}

const asInterval = (p: DistrictPlan) => ({ effectiveFrom: p.validFrom, effectiveTo: p.validTo });
const describe = (p: DistrictPlan) =>
  `${p.chamber} plan valid from ${p.validFrom}${p.validTo ? ` to ${p.validTo}` : ' (open-ended)'}`;

/**
 * Where new plans go among the stored ones: the stored open-ended plans to close (at the date given), or the
 * problems that refuse the import (plans of the same chamber overlapping, in the file or with stored ones).
 */
export function placePlans(
  incoming: readonly DistrictPlan[],
  stored: readonly DistrictPlan[],
): { close: Array<{ plan: DistrictPlan; validTo: string }>; problems: string[] } {
  const problems: string[] = [];
  const close: Array<{ plan: DistrictPlan; validTo: string }> = [];
  const same = (a: DistrictPlan, b: DistrictPlan) =>
    a.jurisdictionId === b.jurisdictionId && a.chamber === b.chamber;
  for (const [i, a] of incoming.entries()) {
    for (const b of incoming.slice(i + 1)) {
      if (same(a, b) && overlaps(asInterval(a), asInterval(b)))
        problems.push(`${a.jurisdictionId}: the ${describe(a)} overlaps the ${describe(b)} in the same file`);
    }
  }
  for (const s of stored) {
    const mine = incoming.filter((n) => same(n, s));
    const effective = { ...s };
    // A stored open-ended plan that began before the earliest new plan ends where that plan begins.
    const earliest = mine.map((n) => n.validFrom).sort()[0];
    if (s.validTo === null && earliest !== undefined && s.validFrom < earliest) {
      effective.validTo = earliest;
      close.push({ plan: s, validTo: earliest });
    }
    for (const n of mine) {
      if (overlaps(asInterval(effective), asInterval(n)))
        problems.push(
          `${n.jurisdictionId}: the ${describe(n)} overlaps the stored ${describe(s)}${s.importId ? ` (import ${s.importId})` : ''}`,
        );
    }
  }
  return { close: problems.length > 0 ? [] : close, problems };
}

function candidate(b: DistrictRef & { name: string | null }, share: number | null = null): DistrictCandidate {
  return { jurisdictionId: b.jurisdictionId, chamber: b.chamber, district: b.district, name: b.name, share };
}

function ref(b: DistrictRef): DistrictRef {
  return { jurisdictionId: b.jurisdictionId, chamber: b.chamber, district: b.district };
}

/** Groups by chamber, keeping the first-seen chamber order. */
function byChamber<T extends { chamber: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.chamber, [...(groups.get(item.chamber) ?? []), item]);
  return groups;
}

function decide(
  groups: Map<string, DistrictCandidate[]>,
  settled: (list: DistrictCandidate[]) => boolean,
  reason: 'boundary' | 'ambiguous-postcode',
  none: LookupResult,
): LookupResult {
  const matched: DistrictRef[] = [];
  const candidates: DistrictCandidate[] = [];
  for (const list of groups.values()) {
    if (list.length === 0) continue;
    if (settled(list)) matched.push(ref(list[0] as DistrictCandidate));
    else candidates.push(...list);
  }
  if (matched.length === 0 && candidates.length === 0) return none;
  if (candidates.length > 0) return { kind: 'ask', reason, candidates, matched };
  return { kind: 'match', districts: matched };
}

/**
 * The answer for a point among boundaries (already those valid on the lookup's date): a match, or the
 * candidates to ask between when the point is within `margin` metres of a boundary, or none.
 */
export function lookupPoint(
  boundaries: readonly DistrictBoundary[],
  point: Position,
  margin = defaultBoundaryMarginMetres,
): LookupResult {
  if (boundaries.length === 0) return { kind: 'none', reason: 'no-boundaries' };
  const groups = new Map<string, DistrictCandidate[]>();
  const containing = new Set<DistrictBoundary>();
  for (const [chamber, list] of byChamber(boundaries)) {
    const found: DistrictCandidate[] = [];
    for (const b of list) {
      const inside = geometryContains(b.geometry, point);
      if (inside) containing.add(b);
      if (inside || distanceToBoundary(b.geometry, point) <= margin) found.push(candidate(b));
    }
    groups.set(chamber, found);
  }
  const settled = (list: DistrictCandidate[]) =>
    list.length === 1 &&
    [...containing].some((b) => b.chamber === list[0]?.chamber && b.district === list[0]?.district);
  return decide(groups, settled, 'boundary', { kind: 'none', reason: 'outside' });
}

/** One row of the postcode table. */
export interface PostcodeDistrict extends DistrictRef {
  postcode: string;
  share: number | null;
}

/** The answer for a postcode's rows: a match when each chamber has one district, else ask; none when no rows. */
export function lookupPostcode(rows: readonly PostcodeDistrict[]): LookupResult {
  const groups = new Map<string, DistrictCandidate[]>();
  for (const [chamber, list] of byChamber(rows)) {
    const sorted = [...list].sort(
      (a, b) => (b.share ?? 0) - (a.share ?? 0) || a.district.localeCompare(b.district),
    );
    groups.set(
      chamber,
      sorted.map((r) => candidate({ ...r, name: null }, r.share)),
    );
  }
  return decide(groups, (list) => list.length === 1, 'ambiguous-postcode', {
    kind: 'none',
    reason: 'unknown-postcode',
  });
}
