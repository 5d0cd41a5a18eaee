/**
 * Paging of rankings. Policy: a ranking is computed whole (ranks and ties over every line), then cut into
 * pages, so a line keeps its rank on whichever page it falls; the order is the ranking's own (rank, then the
 * ranking's tie order), the same on every request for the same data.
 */

/** Lines per page: the default and the most one request may ask for. */
export const rankingLimits = { defaultLimit: 100, maxLimit: 500 } as const;

/** One page of lines with the paging facts (total lines, whether more follow). */
export function rankingPage<T>(
  lines: readonly T[],
  limit: number,
  offset: number,
): { lines: T[]; total: number; limit: number; offset: number; hasMore: boolean } {
  return {
    lines: lines.slice(offset, offset + limit),
    total: lines.length,
    limit,
    offset,
    hasMore: offset + limit < lines.length,
  };
}
