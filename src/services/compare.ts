/**
 * Side-by-side comparisons and rankings. Policy: every jurisdiction is scored as `scoreAsOf` scores it (answers
 * and negative-modifier findings valid on the date, published by default, unpublished ones with `org:read`,
 * under the latest framework version or the one asked for). A comparison takes 2 to 6
 * distinct jurisdictions. Rankings cover the children of `parent` when one is given (every child listed, the
 * uncoded ones after the ranked), otherwise every visible jurisdiction with a counted answer on any date (those
 * with none valid on the date listed as not coded). They rank by the rounded total, or by one area's score
 * (0..100, one decimal) with `area`; ties share a rank. A page (`limit`, `offset`) is cut from the whole ranking.
 */
import { DomainError } from '../core/errors.ts';
import { type Jurisdiction, localized } from '../core/jurisdictions/types.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import type { Grade } from '../core/scoring/grades.ts';
import { rankScores } from '../core/scoring/rank-scores.ts';
import { rankingLimits, rankingPage } from '../core/scoring/ranking-page.ts';
import type { AnswerCitation, Coverage, IndicatorStatus, ScoreResult } from '../core/scoring/types.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { listVisibleJurisdictions, requireJurisdiction } from './jurisdictions.ts';
import {
  assertMayInclude,
  isCapped,
  loadCountedRecords,
  type ScoreInclude,
  type ScoreReport,
  scoreAsOf,
  scoreRecordsOn,
  versionOf,
} from './scores.ts';

/** How many jurisdictions a comparison takes. */
export const compareLimits = { min: 2, max: 6 } as const;

/** One jurisdiction's headline numbers. */
export interface JurisdictionSummary {
  id: string;
  name: string;
  status: 'scored' | 'not_coded';
  total: number | null;
  grade: Grade | null;
  /** Whether a negative-modifier finding in force on the date capped the grade. */
  capped: boolean;
  coverage: Coverage;
  complete: boolean;
}

/** One jurisdiction's answer to an indicator in a comparison. */
export interface CompareCell {
  value: string | null;
  normalized: number | null;
  status: IndicatorStatus;
  citations: AnswerCitation[];
}

/** Jurisdictions side by side; every `scores`/`cells` list follows the order of `jurisdictions`. */
export interface Comparison {
  asOf: string;
  include: ScoreInclude;
  frameworkId: string;
  version: number;
  jurisdictions: JurisdictionSummary[];
  areas: Array<{ id: string; share: number; scores: Array<number | null> }>;
  indicators: Array<{ id: string; area: string; cells: CompareCell[] }>;
}

/** One line of a ranking; `rank` is null for a jurisdiction with nothing counted. */
export interface RankingLine extends JurisdictionSummary {
  rank: number | null;
  /** The number ranked by: the total, or the area's score × 100 (one decimal). */
  value: number | null;
}

/** A ranking of jurisdictions on a date. */
export interface Rankings {
  asOf: string;
  include: ScoreInclude;
  parent: string | null;
  area: string | null;
  frameworkId: string;
  version: number;
  /** This page of the ranking (see core/scoring/ranking-page.ts). */
  lines: RankingLine[];
  /** Lines in the whole ranking. */
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
}

function bad(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('VALIDATION_FAILED', message, details);
}

function checkDate(date: string): void {
  if (!isIsoDate(date)) bad(`asOf must be a date YYYY-MM-DD, got "${date}"`, { field: 'asOf' });
}

/**
 * 2 to 6 jurisdictions side by side, per indicator and area; throws VALIDATION_FAILED for too few, too many or
 * repeated jurisdictions or a bad date, JURISDICTION_NOT_FOUND, or FORBIDDEN.
 */
export async function compareJurisdictions(
  ctx: ServiceContext,
  ids: readonly string[],
  asOf: string,
  options: { include?: ScoreInclude; frameworkVersion?: number } = {},
): Promise<Comparison> {
  if (ids.length < compareLimits.min || ids.length > compareLimits.max) {
    bad(`compare ${compareLimits.min} to ${compareLimits.max} jurisdictions, not ${ids.length}`, {
      count: ids.length,
    });
  }
  if (new Set(ids).size !== ids.length) bad('each jurisdiction may be compared once', { ids });
  checkDate(asOf);
  const include = options.include ?? 'published';
  assertMayInclude(ctx, include);
  const framework = await getFramework(ctx, options.frameworkVersion);
  const reports: Array<{ jurisdiction: Jurisdiction; report: ScoreReport }> = [];
  for (const id of ids) {
    const jurisdiction = await requireJurisdiction(ctx, id);
    const report = await scoreAsOf(ctx, id, asOf, { include, frameworkVersion: framework.version });
    reports.push({ jurisdiction, report });
  }
  return {
    asOf,
    include,
    frameworkId: framework.id,
    version: framework.version,
    jurisdictions: reports.map(({ jurisdiction, report }) =>
      summary(jurisdiction, report.status, report.result),
    ),
    areas: framework.areas.map((area) => ({
      id: area.id,
      share: area.share,
      scores: reports.map(({ report }) => report.result.areas.find((a) => a.id === area.id)?.score ?? null),
    })),
    indicators: framework.indicators.map((indicator) => ({
      id: indicator.id,
      area: indicator.area,
      cells: reports.map(({ report }): CompareCell => {
        const line = report.result.areas
          .find((a) => a.id === indicator.area)
          ?.indicators.find((i) => i.id === indicator.id);
        return {
          value: line?.value ?? null,
          normalized: line?.normalized ?? null,
          status: line?.status ?? 'not_coded',
          citations: line?.citations ?? [],
        };
      }),
    })),
  };
}

function summary(
  j: Jurisdiction,
  status: 'scored' | 'not_coded',
  r: Pick<ScoreResult, 'totalRounded' | 'cappedGrade' | 'capReasons' | 'coverage' | 'complete'>,
): JurisdictionSummary {
  return {
    id: j.id,
    name: localized(j.name, 'en'),
    status,
    total: r.totalRounded,
    grade: r.cappedGrade,
    capped: isCapped(r),
    coverage: r.coverage,
    complete: r.complete,
  };
}

/**
 * Jurisdictions ranked by total (or by one area's score) on a date, ties sharing a rank and the uncoded listed
 * after; throws VALIDATION_FAILED for a bad date or unknown area, JURISDICTION_NOT_FOUND for an unknown parent,
 * or FORBIDDEN.
 */
export async function rankJurisdictions(
  ctx: ServiceContext,
  asOf: string,
  options: {
    include?: ScoreInclude;
    parent?: string;
    area?: string;
    limit?: number;
    offset?: number;
    frameworkVersion?: number;
  } = {},
): Promise<Rankings> {
  checkDate(asOf);
  const limit = options.limit ?? rankingLimits.defaultLimit;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > rankingLimits.maxLimit) {
    bad(`limit must be a whole number from 1 to ${rankingLimits.maxLimit}`, { field: 'limit' });
  }
  if (!Number.isInteger(offset) || offset < 0)
    bad('offset must be a whole number from 0', { field: 'offset' });
  const include = options.include ?? 'published';
  // Every visible jurisdiction's records on every date in two queries (answers, findings); those with an
  // answer on some other date are listed as not coded.
  const { framework, answers, findings } = await loadCountedRecords(ctx, { include, ...versionOf(options) });
  const area = options.area ?? null;
  if (area !== null && !framework.areas.some((a) => a.id === area)) {
    const known = framework.areas.map((a) => a.id);
    bad(`unknown area "${area}" (known: ${known.join(', ')})`, { area, known });
  }
  const byJurisdiction = new Map<string, { answers: typeof answers; findings: typeof findings }>();
  const entry = (id: string) => {
    const found = byJurisdiction.get(id) ?? { answers: [], findings: [] };
    byJurisdiction.set(id, found);
    return found;
  };
  for (const a of answers) entry(a.jurisdictionId).answers.push(a);
  const coded = [...byJurisdiction.keys()];
  for (const f of findings) entry(f.jurisdictionId).findings.push(f);
  const candidates = options.parent
    ? await listVisibleJurisdictions(ctx, { parentId: options.parent })
    : await Promise.all(coded.map((id) => requireJurisdiction(ctx, id)));
  const scored = candidates.map((j) => {
    const { status, result: r } = scoreRecordsOn(
      framework,
      j,
      byJurisdiction.get(j.id) ?? { answers: [], findings: [] },
      asOf,
    );
    const areaScore = area === null ? null : (r.areas.find((a) => a.id === area)?.score ?? null);
    const value =
      area === null ? r.totalRounded : areaScore === null ? null : Math.round(areaScore * 1000) / 10;
    return { jurisdictionId: j.id, value, ...summary(j, status, r) };
  });
  return {
    asOf,
    include,
    parent: options.parent ?? null,
    area,
    frameworkId: framework.id,
    version: framework.version,
    ...rankingPage(
      rankScores(scored).map(({ rank, item: { jurisdictionId: _id, ...line } }) => ({ rank, ...line })),
      limit,
      offset,
    ),
  };
}
