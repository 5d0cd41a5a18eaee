/**
 * Scores from stored answers. Policy: the answers valid on the date, of the statuses included (`published` by
 * default; `reviewed` adds reviewed ones, `coded` adds coded ones; machine suggestions never count), are scored
 * by core scoring under the framework version asked for (latest by default). Anyone may see the published
 * score; counting unpublished answers needs `org:read`. A jurisdiction with nothing coded is a result, not an
 * error: status `not_coded` with the core result of no answers. Negative-modifier findings valid on the date, of
 * the same statuses, are passed along, so an applying one caps the grade and a fully coded jurisdiction is
 * `complete`. Every score view (report card, trends, changes, compare, rankings and so the map) loads through
 * `loadCountedRecords` and scores through `scoreRecordsOn`, so all agree on total, grade and cap for a date.
 */
import { actorCan } from '../core/auth/permissions.ts';
import type { CodedModifierFinding } from '../core/coding/modifier-findings.ts';
import type { CodedAnswer, CodedCitation } from '../core/coding/types.ts';
import { type CodingStatus, statusesIncluded } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import { scoreJurisdiction } from '../core/scoring/score-jurisdiction.ts';
import type {
  Answer,
  AnswerCitation,
  AnswerStatus,
  ModifierFinding,
  ScoreResult,
} from '../core/scoring/types.ts';
import { validOn } from '../core/trends/answer-changes.ts';
import { listAnswers } from '../store/coding.repo.ts';
import { listFindings } from '../store/modifier-findings.repo.ts';
import { visibleOrg } from './coding.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';
import { requireJurisdiction } from './jurisdictions.ts';

/** Which answers a score counts. */
export type ScoreInclude = 'published' | 'reviewed' | 'coded';

/** A jurisdiction's score on a date, with how it was made. */
export interface ScoreReport {
  jurisdictionId: string;
  asOf: string;
  include: ScoreInclude;
  /** `not_coded` when no answer of the included statuses is valid on the date. */
  status: 'scored' | 'not_coded';
  answerCount: number;
  result: ScoreResult;
}

// Core scoring names a person's unreviewed coding "draft".
const scoringStatus: Record<Exclude<CodingStatus, 'suggested'>, AnswerStatus> = {
  coded: 'draft',
  reviewed: 'reviewed',
  published: 'published',
};

/** Today's date (UTC) as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Throws FORBIDDEN when unpublished answers are asked for without `org:read`. */
export function assertMayInclude(ctx: ServiceContext, include: ScoreInclude): void {
  if (include !== 'published' && !actorCan(ctx.actor, 'org:read')) {
    throw new DomainError('FORBIDDEN', 'scores that count unpublished answers need org:read');
  }
}

function toScoringCitation(c: CodedCitation): AnswerCitation {
  return {
    provisionId: c.provisionId,
    citation: c.citation,
    quote: c.quote,
    documentId: c.documentId,
    ...(c.documentCitation !== undefined ? { documentCitation: c.documentCitation } : {}),
    ...(c.language !== undefined ? { language: c.language } : {}),
  };
}

/** A stored negative-modifier finding as core scoring takes it. */
export function toScoringFinding(f: CodedModifierFinding): ModifierFinding {
  return { modifierId: f.modifierId, applies: f.applies, citations: f.citations.map(toScoringCitation) };
}

/** A stored answer as core scoring takes it. */
export function toScoringAnswer(a: CodedAnswer): Answer {
  return {
    indicatorId: a.indicatorId,
    value: a.value,
    citations: a.citations.map(toScoringCitation),
    ...(a.status === 'suggested' ? {} : { status: scoringStatus[a.status] }),
  };
}

/** Which counted records to load: one jurisdiction or every visible one, on a date or on every date. */
export interface CountedScope {
  include: ScoreInclude;
  jurisdictionId?: string;
  asOf?: string;
  frameworkVersion?: number;
}

/** The answers and negative-modifier findings a score counts, under one framework version. */
export interface CountedRecords {
  framework: Framework;
  answers: CodedAnswer[];
  findings: CodedModifierFinding[];
}

/**
 * The one loader behind every score: answers and findings of the included statuses under the framework version
 * asked for (latest by default), of the jurisdictions the actor sees, valid on `asOf` when given (every
 * interval otherwise), read with one shared filter. Throws FORBIDDEN or FRAMEWORK_NOT_FOUND.
 */
export async function loadCountedRecords(ctx: ServiceContext, scope: CountedScope): Promise<CountedRecords> {
  assertMayInclude(ctx, scope.include);
  const framework = await getFramework(ctx, scope.frameworkVersion);
  const filter = {
    organizationId: visibleOrg(ctx),
    frameworkId: framework.id,
    statuses: statusesIncluded(scope.include),
    ...(scope.jurisdictionId ? { jurisdictionId: scope.jurisdictionId } : {}),
    ...(scope.asOf ? { asOf: scope.asOf } : {}),
  };
  const answers = await listAnswers(ctx.db, filter);
  const findings = await listFindings(ctx.db, filter);
  return { framework, answers, findings };
}

/**
 * The counted records of one jurisdiction, with the jurisdiction; throws JURISDICTION_NOT_FOUND, FORBIDDEN
 * or FRAMEWORK_NOT_FOUND.
 */
export async function loadCountedAnswers(
  ctx: ServiceContext,
  jurisdictionId: string,
  options: Omit<CountedScope, 'jurisdictionId'>,
) {
  assertMayInclude(ctx, options.include);
  const jurisdiction = await requireJurisdiction(ctx, jurisdictionId);
  const records = await loadCountedRecords(ctx, { ...options, jurisdictionId: jurisdiction.id });
  return { jurisdiction, ...records };
}

/** One jurisdiction's score on a date from already loaded records (answers and findings valid that day). */
export interface DatedScore {
  status: 'scored' | 'not_coded';
  answerCount: number;
  result: ScoreResult;
}

/**
 * Scores the records valid on `date` (of any jurisdiction; pass only one jurisdiction's records): the same
 * computation for the report card, trends, comparisons and rankings, so they agree on total, grade and cap.
 */
export function scoreRecordsOn(
  framework: Framework,
  jurisdiction: Pick<Jurisdiction, 'level'>,
  records: Pick<CountedRecords, 'answers' | 'findings'>,
  date: string,
): DatedScore {
  const answers = records.answers.filter((a) => validOn(a, date)).map(toScoringAnswer);
  const modifiers = records.findings.filter((f) => validOn(f, date)).map(toScoringFinding);
  return {
    status: answers.length === 0 ? 'not_coded' : 'scored',
    answerCount: answers.length,
    result: scoreJurisdiction(framework, { jurisdictionLevel: jurisdiction.level, answers, modifiers }),
  };
}

/** The framework version option, left out when not given (the latest is then used). */
export function versionOf(options: { frameworkVersion?: number }): { frameworkVersion?: number } {
  return options.frameworkVersion === undefined ? {} : { frameworkVersion: options.frameworkVersion };
}

/** Whether a score's grade was capped by a negative modifier. */
export function isCapped(result: Pick<ScoreResult, 'capReasons'>): boolean {
  return result.capReasons.length > 0;
}

/** Scores a jurisdiction from its answers valid on `date`; throws JURISDICTION_NOT_FOUND or FORBIDDEN. */
export async function scoreAsOf(
  ctx: ServiceContext,
  jurisdictionId: string,
  date: string,
  options: { include?: ScoreInclude; frameworkVersion?: number } = {},
): Promise<ScoreReport> {
  const include = options.include ?? 'published';
  const { jurisdiction, framework, answers, findings } = await loadCountedAnswers(ctx, jurisdictionId, {
    include,
    asOf: date,
    ...versionOf(options),
  });
  return {
    jurisdictionId: jurisdiction.id,
    asOf: date,
    include,
    ...scoreRecordsOn(framework, jurisdiction, { answers, findings }, date),
  };
}
