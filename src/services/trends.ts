import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import type { Grade } from '../core/scoring/grades.ts';
import type { Coverage } from '../core/scoring/types.ts';
import {
  type AnswerChange,
  type DatedAnswer,
  diffAnswers,
  type ScoreDelta,
  scoreDelta,
  validOn,
  yearsBetween,
} from '../core/trends/answer-changes.ts';
import type { ServiceContext } from './context.ts';
import {
  isCapped,
  loadCountedAnswers,
  type ScoreInclude,
  scoreRecordsOn,
  today,
  toScoringAnswer,
  versionOf,
} from './scores.ts';

/** The longest trend served, in years. */
export const maxTrendYears = 200;

/** One year of a trend: the score on 1 January. */
export interface TrendPoint {
  year: number;
  asOf: string;
  status: 'scored' | 'not_coded';
  total: number | null;
  grade: Grade | null;
  /** Whether a negative-modifier finding in force that day capped the grade. */
  capped: boolean;
  coverage: Coverage;
  complete: boolean;
  answerCount: number;
}

/** A jurisdiction's yearly scores. */
export interface ScoreTrend {
  jurisdictionId: string;
  include: ScoreInclude;
  frameworkId: string;
  version: number;
  from: number;
  to: number;
  points: TrendPoint[];
}

/** What changed between two dates. */
export interface ScoreChanges {
  jurisdictionId: string;
  include: ScoreInclude;
  frameworkId: string;
  version: number;
  from: string;
  to: string;
  counts: { added: number; removed: number; changed: number };
  changes: AnswerChange[];
  score: ScoreDelta;
}

function bad(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('VALIDATION_FAILED', message, details);
}

function checkYear(year: number | undefined, name: string): void {
  if (year !== undefined && (!Number.isInteger(year) || year < 1000 || year > 9999)) {
    bad(`${name} must be a year between 1000 and 9999, got ${year}`, { field: name });
  }
}

/** What a trend or a change list counts (published answers unless `include` says more), with that include. */
async function loadCounted(
  ctx: ServiceContext,
  jurisdictionId: string,
  options: { include?: ScoreInclude; frameworkVersion?: number },
) {
  const include = options.include ?? 'published';
  return { include, ...(await loadCountedAnswers(ctx, jurisdictionId, { include, ...versionOf(options) })) };
}

/**
 * The score on 1 January of each year from `from` to `to`; throws VALIDATION_FAILED for bad years or from > to,
 * JURISDICTION_NOT_FOUND, or FORBIDDEN.
 */
export async function scoreTrend(
  ctx: ServiceContext,
  jurisdictionId: string,
  options: { from?: number; to?: number; include?: ScoreInclude; frameworkVersion?: number } = {},
): Promise<ScoreTrend> {
  checkYear(options.from, 'from');
  checkYear(options.to, 'to');
  const {
    include,
    jurisdiction,
    framework,
    answers: stored,
    findings,
  } = await loadCounted(ctx, jurisdictionId, options);
  const thisYear = Number(today().slice(0, 4));
  const earliest = stored.reduce((min, a) => Math.min(min, Number(a.validFrom.slice(0, 4))), Infinity);
  const from = options.from ?? (Number.isFinite(earliest) ? earliest : (options.to ?? thisYear));
  const to = options.to ?? Math.max(thisYear, from);
  if (from > to) bad(`from (${from}) is after to (${to})`, { from, to });
  if (to - from + 1 > maxTrendYears) bad(`a trend covers at most ${maxTrendYears} years`, { from, to });
  const points = yearsBetween(from, to).map((year): TrendPoint => {
    const asOf = `${year}-01-01`;
    const {
      status,
      answerCount,
      result: r,
    } = scoreRecordsOn(framework, jurisdiction, { answers: stored, findings }, asOf);
    return {
      year,
      asOf,
      status,
      total: r.totalRounded,
      grade: r.cappedGrade,
      capped: isCapped(r),
      coverage: r.coverage,
      complete: r.complete,
      answerCount,
    };
  });
  return {
    jurisdictionId: jurisdiction.id,
    include,
    frameworkId: framework.id,
    version: framework.version,
    from,
    to,
    points,
  };
}

/**
 * The answers added, removed or changed between `from` and `to`, and the score deltas; throws VALIDATION_FAILED
 * for a bad date or from > to, JURISDICTION_NOT_FOUND, or FORBIDDEN.
 */
export async function scoreChanges(
  ctx: ServiceContext,
  jurisdictionId: string,
  from: string,
  to: string,
  options: { include?: ScoreInclude; frameworkVersion?: number } = {},
): Promise<ScoreChanges> {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(value)) bad(`${name} must be a date YYYY-MM-DD, got "${value}"`, { field: name });
  }
  if (from > to) bad(`from (${from}) is after to (${to})`, { from, to });
  const {
    include,
    jurisdiction,
    framework,
    answers: stored,
    findings,
  } = await loadCounted(ctx, jurisdictionId, options);
  const on = (date: string) => stored.filter((a) => validOn(a, date));
  const dated = (list: typeof stored): DatedAnswer[] =>
    list.map((a) => ({
      indicatorId: a.indicatorId,
      value: a.value,
      validFrom: a.validFrom,
      validTo: a.validTo,
      citations: toScoringAnswer(a).citations,
    }));
  const before = on(from);
  const after = on(to);
  const changes = diffAnswers(framework, dated(before), dated(after));
  const score = (date: string) =>
    scoreRecordsOn(framework, jurisdiction, { answers: stored, findings }, date).result;
  return {
    jurisdictionId: jurisdiction.id,
    include,
    frameworkId: framework.id,
    version: framework.version,
    from,
    to,
    counts: {
      added: changes.filter((c) => c.change === 'added').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      changed: changes.filter((c) => c.change === 'changed').length,
    },
    changes,
    score: scoreDelta(score(from), score(to)),
  };
}
