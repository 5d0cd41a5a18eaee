/**
 * The public portal's data. Policy: every read goes through the published-only score loaders
 * (`loadCountedRecords`, `scoreRecordsOn`, `gapReport`) as the anonymous public actor, so only published
 * answers and modifier findings of the built-in jurisdictions are ever read: never drafts, reviewed or
 * suggested records, caution notes, recommendations (which have no published state yet) or an organisation's
 * own jurisdictions. Each view carries the framework version and the publication date (the last time a
 * published record it counts changed).
 */
import { publicActor } from '../core/auth/permissions.ts';
import type { CodedModifierFinding } from '../core/coding/modifier-findings.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import type { Framework, Locale } from '../core/framework/types.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import {
  defaultModifierCap,
  type Grade,
  gradeThresholds,
  modifierCaps,
  type Tier,
  tierOfGrade,
} from '../core/scoring/grades.ts';
import { scoringMethod } from '../core/scoring/types.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { type GapReportWithBills, gapReport } from './gaps.ts';
import { listVisibleJurisdictions, requireJurisdiction } from './jurisdictions.ts';
import { type PortalQcFigures, portalQcFigures } from './portal-qc.ts';
import { answerValidOn } from './portal-rights.ts';
import { type PracticeView, practiceView } from './practice.ts';
import {
  type DatedScore,
  isCapped,
  loadCountedAnswers,
  loadCountedRecords,
  scoreRecordsOn,
} from './scores.ts';

/** How many latest publications the home page lists. */
export const latestChangeCount = 8;

/** One jurisdiction's published headline numbers. */
export interface PortalScore {
  jurisdiction: Jurisdiction;
  status: 'scored' | 'not_coded';
  total: number | null;
  grade: Grade | null;
  capped: boolean;
  /** Date (YYYY-MM-DD) a published record of the jurisdiction last changed. */
  publishedOn: string;
}

/** A recently published answer. */
export interface PortalChange {
  jurisdiction: Jurisdiction;
  indicatorId: string;
  value: string;
  publishedOn: string;
}

/** Every published score on a date, with the framework they were made under. */
export interface PortalOverview {
  framework: Framework;
  asOf: string;
  /** The latest publication date of anything shown, or null when nothing is published. */
  publishedOn: string | null;
  /** Jurisdictions with a published record, by id. */
  scores: PortalScore[];
  /** Every public jurisdiction (built-in ones), by id. */
  jurisdictions: Jurisdiction[];
  latest: PortalChange[];
}

/** One jurisdiction's report card on a date. */
export interface PortalReportCard {
  jurisdiction: Jurisdiction;
  framework: Framework;
  asOf: string;
  publishedOn: string | null;
  score: DatedScore;
  gaps: GapReportWithBills;
  /** Published enforcement figures beside the indicators they bear on: practice, never in the score. */
  practice: PracticeView;
  /** The published answers valid on `asOf` (each one's id and last-verified date for the report card). */
  answers: CodedAnswer[];
}

/** What the methodology page shows: the framework and the scoring constants the code uses. */
export interface PortalMethodology {
  method: string;
  framework: Framework;
  gradeThresholds: ReadonlyArray<{ grade: Grade; min: number }>;
  tierOfGrade: Readonly<Record<Grade, Tier>>;
  modifierCaps: Readonly<Record<string, Grade>>;
  defaultModifierCap: Grade;
  /** Agreement of double-coded published variables, per framework version (services/portal-qc.ts). */
  qc: PortalQcFigures[];
}

function publicContext(ctx: Pick<ServiceContext, 'db'>): ServiceContext {
  return { db: ctx.db, actor: publicActor };
}

function lastChange(records: ReadonlyArray<CodedAnswer | CodedModifierFinding>): string | null {
  let latest: string | null = null;
  for (const r of records) if (latest === null || r.updatedAt > latest) latest = r.updatedAt;
  return latest === null ? null : latest.slice(0, 10);
}

/**
 * Every published score on `date`, the public jurisdictions and the latest publications; reads published
 * records only, whoever calls.
 */
export async function portalOverview(ctx: Pick<ServiceContext, 'db'>, date: string): Promise<PortalOverview> {
  const pub = publicContext(ctx);
  const { framework, answers, findings } = await loadCountedRecords(pub, { include: 'published' });
  const jurisdictions = await listVisibleJurisdictions(pub);
  const byId = new Map(jurisdictions.map((j) => [j.id, j] as const));
  const grouped = new Map<string, { answers: CodedAnswer[]; findings: CodedModifierFinding[] }>();
  const entry = (id: string) => {
    const found = grouped.get(id) ?? { answers: [], findings: [] };
    grouped.set(id, found);
    return found;
  };
  for (const a of answers) entry(a.jurisdictionId).answers.push(a);
  for (const f of findings) entry(f.jurisdictionId).findings.push(f);
  const scores: PortalScore[] = [];
  for (const [id, records] of [...grouped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const jurisdiction = byId.get(id);
    if (!jurisdiction) continue;
    const { status, result } = scoreRecordsOn(framework, jurisdiction, records, date);
    scores.push({
      jurisdiction,
      status,
      total: result.totalRounded,
      grade: result.cappedGrade,
      capped: isCapped(result),
      publishedOn: lastChange([...records.answers, ...records.findings]) ?? date,
    });
  }
  const latest = [...answers]
    .filter((a) => byId.has(a.jurisdictionId))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .slice(0, latestChangeCount)
    .map((a) => ({
      jurisdiction: byId.get(a.jurisdictionId) as Jurisdiction,
      indicatorId: a.indicatorId,
      value: a.value,
      publishedOn: a.updatedAt.slice(0, 10),
    }));
  return {
    framework,
    asOf: date,
    publishedOn: lastChange([...answers, ...findings]),
    scores,
    jurisdictions,
    latest,
  };
}

/**
 * A jurisdiction's published report card on `date`: score, gaps with exemplars, publication date; throws
 * JURISDICTION_NOT_FOUND for an unknown or organisation-owned jurisdiction.
 */
export async function portalReportCard(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  date: string,
  locale: Locale,
): Promise<PortalReportCard> {
  const pub = publicContext(ctx);
  const jurisdiction = await requireJurisdiction(pub, jurisdictionId);
  const { framework, answers, findings } = await loadCountedAnswers(pub, jurisdiction.id, {
    include: 'published',
  });
  const score = scoreRecordsOn(framework, jurisdiction, { answers, findings }, date);
  const gaps = await gapReport(pub, jurisdiction.id, date, { locale, frameworkVersion: framework.version });
  return {
    jurisdiction,
    framework,
    asOf: date,
    publishedOn: lastChange([...answers, ...findings]),
    score,
    gaps,
    practice: await practiceView(pub, { jurisdiction: jurisdiction.id }),
    answers: answers.filter((a) => answerValidOn(a, date)),
  };
}

/** The framework's latest version, as the public reads it. */
export function portalFramework(ctx: Pick<ServiceContext, 'db'>): Promise<Framework> {
  return getFramework(publicContext(ctx));
}

/**
 * The framework (latest version), the scoring constants as the scoring code holds them, and the published QC
 * figures.
 */
export async function portalMethodology(ctx: Pick<ServiceContext, 'db'>): Promise<PortalMethodology> {
  const framework = await portalFramework(ctx);
  return {
    method: scoringMethod,
    framework,
    gradeThresholds,
    tierOfGrade,
    modifierCaps,
    defaultModifierCap,
    qc: await portalQcFigures(ctx),
  };
}
