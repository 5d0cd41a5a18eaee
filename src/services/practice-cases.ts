/**
 * Law vs practice, from case data: the points that published case releases give the practice view. Policy:
 * - published releases only (a draft never shows), read the same way for every caller;
 * - only what the release itself published: a release restricted to one year gives that year's point from its
 *   published overall total (suppressed and rounded to k, or noisy); a release with no year, or whose overall
 *   total was withheld (PUB-4) or never published (noisy and three-attribute tables), gives no point. Cells are
 *   never added up here: a sum of rounded or hidden cells would be a new, unprotected statistic;
 * - a suppressed total stays suppressed (`value` null, `below` k), so no count from 1 to k−1 is ever shown;
 * - of several releases for one jurisdiction and year, the latest published wins;
 * - each point states its privacy method (mechanism, k, ε) so pages can say how it was protected.
 */
import { microsToEpsilon } from '../core/privacy/policy.ts';
import type { StatisticUnit } from '../core/statistics/types.ts';
import { findOrganization } from '../store/accounts.repo.ts';
import { caseDatasetPrivacyUnit, listCaseReleases } from '../store/cases.repo.ts';
import { listJurisdictions } from '../store/jurisdictions.repo.ts';
import type { ServiceContext } from './context.ts';
import { jurisdictionResolver } from './statistics.ts';

/** How a point drawn from case data was protected. */
export interface CasePrivacyMethod {
  mechanism: 'suppressed' | 'noisy';
  k: number;
  /** ε spent by the release (0 for a first, suppressed release). */
  epsilon: number;
}

/** One year's count from a published case release. */
export interface CaseReleasePoint {
  year: number;
  /** The published count, or null when it is suppressed (below k). */
  value: number | null;
  below: number | null;
  unit: StatisticUnit;
  sourceDate: string;
  publishedBy: string;
  privacy: CasePrivacyMethod;
}

/** The published case-release points of a jurisdiction (any spelling of it), by year. */
export async function caseReleasePoints(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdiction: string,
): Promise<Map<number, CaseReleasePoint>> {
  const known = jurisdictionResolver(await listJurisdictions(ctx.db, { allOrganizations: true }));
  const resolve = (written: string) => known(written) ?? written;
  const wanted = resolve(jurisdiction.trim());
  const releases = (await listCaseReleases(ctx.db, { organizationId: null }))
    .filter((r) => r.year !== null && r.jurisdiction !== null)
    .filter((r) => resolve(r.jurisdiction ?? '') === wanted)
    // Oldest publication first, so the latest wins below.
    .sort((a, b) => ((a.publishedAt ?? '') < (b.publishedAt ?? '') ? -1 : 1));
  const points = new Map<number, CaseReleasePoint>();
  const names = new Map<string, string>();
  const units = new Map<string, StatisticUnit>();
  for (const r of releases) {
    const overall = (JSON.parse(r.published) as { totals?: { overall?: unknown } | null }).totals?.overall;
    if (!isCount(overall) || r.year === null) continue;
    if (!names.has(r.organizationId))
      names.set(r.organizationId, (await findOrganization(ctx.db, r.organizationId))?.name ?? '');
    if (!units.has(r.datasetId)) {
      const unit = await caseDatasetPrivacyUnit(ctx.db, r.datasetId);
      units.set(r.datasetId, unit === 'person' ? 'persons' : 'cases');
    }
    points.set(r.year, {
      year: r.year,
      value: overall.suppressed ? null : overall.value,
      below: overall.suppressed ? overall.below : null,
      unit: units.get(r.datasetId) ?? 'cases',
      sourceDate: (r.publishedAt ?? r.releasedAt).slice(0, 10),
      publishedBy: names.get(r.organizationId) ?? '',
      privacy: { mechanism: r.mechanism, k: r.k, epsilon: microsToEpsilon(r.epsilonMicros) },
    });
  }
  return points;
}

function isCount(
  c: unknown,
): c is { suppressed: true; below: number } | { suppressed: false; value: number } {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  return o.suppressed === true
    ? typeof o.below === 'number'
    : o.suppressed === false && typeof o.value === 'number';
}
