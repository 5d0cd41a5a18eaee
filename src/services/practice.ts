/**
 * Law vs practice: the published figures that bear on a jurisdiction's indicators (core/statistics/
 * practice-links.ts), by year. Policy:
 * - published figures only, read as the anonymous public actor whoever calls, so a draft never shows;
 * - totals only (form of exploitation, sex and age group `all`); of several organisations' figures for one
 *   measure and year, the one with the latest source date is shown, with its source, date and publisher;
 * - this is practice data: it is returned beside the law and never read by any score (scores.ts does not
 *   import this file, and a test checks the report card's score is the same with figures published);
 * - each point says where it came from (`origin`): `statistics` (published aggregate tables) or
 *   `case_release` (a published, privacy-protected release of case records: practice-cases.ts). Case releases
 *   form their own series of `victims_identified` beside each indicator that measure bears on, never merged
 *   with statistics, and each of their points states its privacy method; a suppressed one has no value.
 */
import { publicActor } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { LocalizedText } from '../core/framework/types.ts';
import { type PracticeLink, practiceLinkFor, practiceLinks } from '../core/statistics/practice-links.ts';
import type { StatisticFigure, StatisticMeasure, StatisticUnit } from '../core/statistics/types.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { type CasePrivacyMethod, caseReleasePoints } from './practice-cases.ts';
import { publishedStatisticFigures } from './statistics.ts';

/** Where a practice figure comes from: a published statistics table or a published case release. */
export type PracticeOrigin = 'statistics' | 'case_release';

/** The measure that case releases count: the victims in an organisation's case records. */
const caseReleaseMeasure: StatisticMeasure = 'victims_identified';

/** One published count in one year, with its source. */
export interface PracticePoint {
  year: number;
  /** The count; null for a suppressed count from case data (below `below`). */
  value: number | null;
  below: number | null;
  unit: StatisticUnit;
  origin: PracticeOrigin;
  source: string;
  sourceUrl: string | null;
  sourceDate: string;
  /** The organisation that published it. */
  publishedBy: string;
  /** How a count from case data was protected; null for statistics. */
  privacy: CasePrivacyMethod | null;
}

/** One measure's points, oldest year first. */
export interface PracticeSeries {
  measure: StatisticMeasure;
  origin: PracticeOrigin;
  points: PracticePoint[];
}

/** The practice data beside one indicator. */
export interface PracticeIndicator {
  indicatorId: string;
  area: string;
  reason: LocalizedText;
  /** Only measures with at least one published point. */
  series: PracticeSeries[];
}

/** A jurisdiction's practice data, by indicator (only indicators with at least one point). */
export interface PracticeView {
  jurisdictionId: string;
  indicators: PracticeIndicator[];
}

/** Which practice data to read. */
export interface PracticeQuery {
  /** An OCD division id or an ISO 3166 code. */
  jurisdiction: string;
  /** One indicator id; every linked indicator when left out. */
  indicator?: string;
}

const isTotal = (f: StatisticFigure) => f.form === 'all' && f.sex === 'all' && f.ageGroup === 'all';

/** The latest-sourced published total per measure and year, from every origin. */
async function practicePoints(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdiction: string,
): Promise<{ jurisdictionId: string | null; byMeasure: Map<StatisticMeasure, Map<number, PracticePoint>> }> {
  const figures = await publishedStatisticFigures({ db: ctx.db, actor: publicActor }, { jurisdiction });
  const byMeasure = new Map<StatisticMeasure, Map<number, PracticePoint>>();
  const sorted = figures
    .filter(isTotal)
    .sort((a, b) =>
      a.sourceDate !== b.sourceDate
        ? a.sourceDate < b.sourceDate
          ? -1
          : 1
        : a.organizationName < b.organizationName
          ? 1
          : -1,
    );
  for (const f of sorted) {
    const years = byMeasure.get(f.measure) ?? new Map<number, PracticePoint>();
    byMeasure.set(f.measure, years);
    // Later in the sort wins: the latest source date.
    years.set(f.year, {
      year: f.year,
      value: f.value,
      below: null,
      unit: f.unit,
      origin: 'statistics',
      source: f.source,
      sourceUrl: f.sourceUrl,
      sourceDate: f.sourceDate,
      publishedBy: f.organizationName,
      privacy: null,
    });
  }
  return { jurisdictionId: figures[0]?.jurisdictionId ?? null, byMeasure };
}

/**
 * The published practice data beside a jurisdiction's indicators (one indicator with `indicator`); throws
 * JURISDICTION_NOT_FOUND or INDICATOR_NOT_FOUND. An indicator no statistic bears on gives an empty list.
 */
export async function practiceView(ctx: Pick<ServiceContext, 'db'>, q: PracticeQuery): Promise<PracticeView> {
  const framework = await getFramework(ctx);
  const areas = new Map(framework.indicators.map((i) => [i.id, i.area] as const));
  let links: readonly PracticeLink[] = practiceLinks;
  if (q.indicator !== undefined) {
    if (!areas.has(q.indicator))
      throw new DomainError('INDICATOR_NOT_FOUND', `indicator ${q.indicator} does not exist`, {
        field: 'indicator',
      });
    const link = practiceLinkFor(q.indicator);
    links = link ? [link] : [];
  }
  const { jurisdictionId, byMeasure } = await practicePoints(ctx, q.jurisdiction);
  const casePoints: PracticePoint[] = [...(await caseReleasePoints(ctx, q.jurisdiction)).values()]
    .sort((a, b) => a.year - b.year)
    .map((p) => ({ ...p, origin: 'case_release', source: 'HTCDS case records', sourceUrl: null }));
  const indicators: PracticeIndicator[] = [];
  for (const link of links) {
    const area = areas.get(link.indicatorId);
    if (area === undefined) continue;
    const series: PracticeSeries[] = link.measures
      .map((measure) => ({
        measure,
        origin: 'statistics' as const,
        points: [...(byMeasure.get(measure)?.values() ?? [])].sort((a, b) => a.year - b.year),
      }))
      .filter((s) => s.points.length > 0);
    if (casePoints.length > 0 && link.measures.includes(caseReleaseMeasure))
      series.push({ measure: caseReleaseMeasure, origin: 'case_release', points: casePoints });
    if (series.length > 0)
      indicators.push({ indicatorId: link.indicatorId, area, reason: link.reason, series });
  }
  return { jurisdictionId: jurisdictionId ?? q.jurisdiction, indicators };
}
