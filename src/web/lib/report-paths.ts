/** App paths of a jurisdiction's report card and gap report, and the answer statuses they may count. */
import type { ScoreInclude } from '../api/types.ts';

/** The answer statuses a score may count, most reviewed first. */
export const includes: readonly ScoreInclude[] = ['published', 'reviewed', 'coded'];

function withScope(path: string, jurisdictionId: string, asOf: string, include: ScoreInclude): string {
  const q = new URLSearchParams({ jurisdiction: jurisdictionId });
  if (asOf) q.set('asOf', asOf);
  if (include !== 'published') q.set('include', include);
  return `${path}?${q.toString()}`;
}

/** The app path of a jurisdiction's report card. */
export function reportPath(jurisdictionId: string, asOf = '', include: ScoreInclude = 'published'): string {
  return withScope('/report', jurisdictionId, asOf, include);
}

/** The app path of a jurisdiction's gap report. */
export function gapsPath(jurisdictionId: string, asOf = '', include: ScoreInclude = 'published'): string {
  return withScope('/gaps', jurisdictionId, asOf, include);
}
