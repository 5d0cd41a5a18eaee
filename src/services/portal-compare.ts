/**
 * The portal's comparison, score histories and report-card extras. Policy: as services/portal.ts, every read
 * is made as the anonymous public actor, so only published answers and findings count; bills shown on a gap
 * are only those a person confirmed as linked to the gap's indicator (machine suggestions are never shown
 * publicly), each with the projected score if enacted (services/bill-impact.ts over published answers, null
 * when the bill has no text); campaigns are only public, active ones (services/public-campaigns.ts).
 * A history is the score on 1 January of each year, over at most the last `historyYears` years, starting at
 * the first year with a published score.
 */
import { publicActor } from '../core/auth/permissions.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import type { Grade } from '../core/scoring/grades.ts';
import { billImpact } from './bill-impact.ts';
import { type Comparison, compareJurisdictions } from './compare.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import type { GapReportWithBills } from './gaps.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { type PracticeView, practiceView } from './practice.ts';
import { listPublicCampaigns, type PublicCampaignSummary } from './public-campaigns.ts';
import { scoreTrend } from './trends.ts';

/** How many jurisdictions the portal compares. */
export const portalCompareLimits = { min: 2, max: 4 } as const;

/** The longest score history shown, in years. */
export const historyYears = 15;

/** One year of a published score history. */
export interface HistoryPoint {
  year: number;
  total: number | null;
  grade: Grade | null;
}

/** A jurisdiction's published scores by year. */
export interface ScoreHistory {
  jurisdictionId: string;
  points: HistoryPoint[];
}

/** A live bill that would close a gap, with its projected score if enacted. */
export interface GapBill {
  billId: string;
  identifier: string;
  title: string;
  stage: string;
  /** Projected total if enacted (0..100, one decimal); null when the bill has no text to project from. */
  projected: number | null;
  projectedGrade: Grade | null;
}

/** What the report card adds to `portalReportCard`: history, bills on gaps, campaigns to join. */
export interface ReportExtras {
  history: ScoreHistory;
  /** Live confirmed bills by gap indicator. */
  gapBills: Map<string, GapBill[]>;
  campaigns: PublicCampaignSummary[];
}

/** The portal's comparison page. */
export interface PortalComparison {
  framework: Framework;
  jurisdictions: Jurisdiction[];
  comparison: Comparison;
  histories: ScoreHistory[];
  practice: PracticeView[];
}

function publicContext(ctx: Pick<ServiceContext, 'db'>): ServiceContext {
  return { db: ctx.db, actor: publicActor };
}

/** A jurisdiction's published score on 1 January of each recent year; JURISDICTION_NOT_FOUND when unknown. */
export async function scoreHistory(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  date: string,
): Promise<ScoreHistory> {
  const to = Number(date.slice(0, 4));
  const trend = await scoreTrend(publicContext(ctx), jurisdictionId, { from: to - historyYears + 1, to });
  const first = trend.points.findIndex((p) => p.total !== null);
  return {
    jurisdictionId: trend.jurisdictionId,
    points:
      first < 0
        ? []
        : trend.points.slice(first).map((p) => ({ year: p.year, total: p.total, grade: p.grade })),
  };
}

/**
 * The live confirmed bills of each gap with their projected score; a bill read once even when it closes
 * several gaps.
 */
export async function gapBills(
  ctx: Pick<ServiceContext, 'db'>,
  gaps: GapReportWithBills,
  date: string,
): Promise<Map<string, GapBill[]>> {
  const pub = publicContext(ctx);
  const projections = new Map<string, Pick<GapBill, 'projected' | 'projectedGrade'>>();
  const result = new Map<string, GapBill[]>();
  for (const gap of gaps.gaps) {
    const bills: GapBill[] = [];
    for (const live of gap.liveBills.filter((b) => b.linkStatus === 'confirmed')) {
      let projection = projections.get(live.billId);
      if (!projection) {
        try {
          const impact = await billImpact(pub, live.billId, { asOf: date });
          projection = {
            projected: impact.projected.totalRounded,
            projectedGrade: impact.projected.cappedGrade,
          };
        } catch (err) {
          if (!isDomainError(err) || err.code !== 'BILL_TEXT_MISSING') throw err;
          projection = { projected: null, projectedGrade: null };
        }
        projections.set(live.billId, projection);
      }
      bills.push({
        billId: live.billId,
        identifier: live.identifier,
        title: live.title,
        stage: live.stage,
        ...projection,
      });
    }
    if (bills.length > 0) result.set(gap.indicatorId, bills);
  }
  return result;
}

/** The report card's extras: score history, live bills on gaps and public campaigns to join. */
export async function portalReportExtras(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  gaps: GapReportWithBills,
  date: string,
): Promise<ReportExtras> {
  return {
    history: await scoreHistory(ctx, jurisdictionId, date),
    gapBills: await gapBills(ctx, gaps, date),
    campaigns: await listPublicCampaigns(ctx, { jurisdictionId }),
  };
}

/**
 * 2 to 4 jurisdictions side by side on `date` with their histories and practice figures; throws
 * VALIDATION_FAILED for too few, too many or repeated ids and JURISDICTION_NOT_FOUND for an unknown or
 * organisation-owned one.
 */
export async function portalComparison(
  ctx: Pick<ServiceContext, 'db'>,
  ids: readonly string[],
  date: string,
): Promise<PortalComparison> {
  const { min, max } = portalCompareLimits;
  if (ids.length < min || ids.length > max) {
    throw new DomainError('VALIDATION_FAILED', `choose ${min} to ${max} jurisdictions, not ${ids.length}`, {
      count: ids.length,
    });
  }
  if (new Set(ids).size !== ids.length)
    throw new DomainError('VALIDATION_FAILED', 'each jurisdiction may be chosen once', { ids });
  const pub = publicContext(ctx);
  const jurisdictions: Jurisdiction[] = [];
  for (const id of ids) jurisdictions.push(await requireJurisdiction(pub, id));
  const framework = await getFramework(pub);
  const comparison = await compareJurisdictions(pub, ids, date, { frameworkVersion: framework.version });
  const histories: ScoreHistory[] = [];
  const practice: PracticeView[] = [];
  for (const j of jurisdictions) {
    histories.push(await scoreHistory(ctx, j.id, date));
    practice.push(await practiceView(pub, { jurisdiction: j.id }));
  }
  return { framework, jurisdictions, comparison, histories, practice };
}
