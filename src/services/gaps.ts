/**
 * Gap reports from stored answers. Policy: the jurisdiction is scored as `scoreAsOf` scores it (the answers
 * valid on the date of the statuses included, `published` by default; counting unpublished ones needs
 * `org:read`), and exemplars are drawn from the other visible jurisdictions' answers of the same statuses valid
 * on the same date, so a public report never shows unpublished coding. Nothing coded is a report (every
 * indicator listed as not coded), not an error. A reader with an active organization sees its
 * recommendations on the gaps (services/recommendations.ts); anonymous reports carry none.
 */
import type { GapLiveBill } from '../core/bills/links.ts';
import { statusesIncluded } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { buildGapReport, type Gap, type GapReport, pickExemplars } from '../core/gaps/gap-report.ts';
import { localized } from '../core/jurisdictions/types.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { listAnswers } from '../store/coding.repo.ts';
import { getJurisdiction } from '../store/jurisdictions.repo.ts';
import { liveBillsForIndicators } from './bill-links.ts';
import { visibleOrg } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { recommendationsForReport } from './recommendations.ts';
import { type ScoreInclude, scoreAsOf } from './scores.ts';

/** A gap report whose gaps carry their live bills (stage not ended; confirmed links first, then suggested). */
export type GapReportWithBills = Omit<GapReport, 'gaps'> & { gaps: (Gap & { liveBills: GapLiveBill[] })[] };

/** Options of a gap report. */
export interface GapOptions {
  include?: ScoreInclude;
  locale?: Locale;
  frameworkVersion?: number;
}

/**
 * The ranked gaps of a jurisdiction's law on `date`, with exemplars from other jurisdictions; throws
 * VALIDATION_FAILED for a bad date, JURISDICTION_NOT_FOUND, or FORBIDDEN when unpublished answers are asked
 * for without `org:read`.
 */
export async function gapReport(
  ctx: ServiceContext,
  jurisdictionId: string,
  date: string,
  options: GapOptions = {},
): Promise<GapReportWithBills> {
  if (!isIsoDate(date))
    throw new DomainError('VALIDATION_FAILED', `as-of must be a date YYYY-MM-DD, got "${date}"`);
  const include = options.include ?? 'published';
  const locale = options.locale ?? 'en';
  const report = await scoreAsOf(ctx, jurisdictionId, date, {
    include,
    ...(options.frameworkVersion !== undefined ? { frameworkVersion: options.frameworkVersion } : {}),
  });
  const jurisdiction = await requireJurisdiction(ctx, report.jurisdictionId);
  const framework = await getFramework(ctx, report.result.version);
  const others = await listAnswers(ctx.db, {
    organizationId: visibleOrg(ctx),
    frameworkId: framework.id,
    statuses: statusesIncluded(include),
    asOf: date,
  });
  const picked = pickExemplars(
    framework,
    others.map((a) => ({
      indicatorId: a.indicatorId,
      jurisdictionId: a.jurisdictionId,
      value: a.value,
      validFrom: a.validFrom,
      validTo: a.validTo,
      citations: a.citations.map((c) => ({
        provisionId: c.provisionId,
        citation: c.citation,
        quote: c.quote,
        documentId: c.documentId,
        ...(c.documentCitation !== undefined ? { documentCitation: c.documentCitation } : {}),
        ...(c.language !== undefined ? { language: c.language } : {}),
      })),
    })),
    jurisdiction.id,
    new Map(),
  );
  const names = new Map<string, string>();
  for (const list of picked.values()) {
    for (const e of list) {
      if (!names.has(e.jurisdictionId)) {
        const j = await getJurisdiction(ctx.db, e.jurisdictionId);
        names.set(e.jurisdictionId, j ? localized(j.name, locale) : e.jurisdictionId);
      }
      e.jurisdictionName = names.get(e.jurisdictionId) ?? e.jurisdictionId;
    }
  }
  const gaps = buildGapReport({
    framework,
    score: report.result,
    jurisdiction: { id: jurisdiction.id, name: localized(jurisdiction.name, locale) },
    asOf: date,
    include,
    locale,
    exemplars: picked,
    recommendations: await recommendationsForReport(ctx, framework.id, locale),
  });
  // Each gap carries the jurisdiction's live bills linked to its indicator (services/bill-links.ts).
  const ids = gaps.gaps.map((g) => g.indicatorId);
  const live = await liveBillsForIndicators(ctx, jurisdiction.id, ids);
  return { ...gaps, gaps: gaps.gaps.map((g) => ({ ...g, liveBills: live.get(g.indicatorId) ?? [] })) };
}
