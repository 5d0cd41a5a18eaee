/**
 * Rankings. Policy: jurisdictions are ranked by a published number (the rounded total, or one area's score),
 * highest first; equal numbers share a rank and the next rank skips ("1, 1, 3"); equal numbers are listed by
 * jurisdiction id. Jurisdictions without a number (nothing coded) follow, with no rank.
 */

/** One jurisdiction's number to rank by; null when it has nothing counted. */
export interface RankCandidate {
  jurisdictionId: string;
  value: number | null;
}

/** A candidate with its rank (null when not ranked). */
export interface Ranked<T extends RankCandidate> {
  rank: number | null;
  item: T;
}

/** Ranks candidates by value, ties sharing a rank; unranked ones follow by id. */
export function rankScores<T extends RankCandidate>(candidates: readonly T[]): Ranked<T>[] {
  const byId = (a: T, b: T) =>
    a.jurisdictionId < b.jurisdictionId ? -1 : a.jurisdictionId > b.jurisdictionId ? 1 : 0;
  const scored = candidates
    .filter((c) => c.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || byId(a, b));
  const unscored = candidates.filter((c) => c.value === null).sort(byId);
  const out: Ranked<T>[] = [];
  scored.forEach((item, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.item.value === item.value ? prev.rank : i + 1;
    out.push({ rank, item });
  });
  for (const item of unscored) out.push({ rank: null, item });
  return out;
}
