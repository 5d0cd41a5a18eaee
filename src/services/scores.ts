/**
 * Scores from stored answers. Policy: the answers valid on the date, of the statuses included (`published` by
 * default; `reviewed` adds reviewed ones, `coded` adds coded ones; machine suggestions never count), are scored
 * by core scoring under the framework version asked for (latest by default). Anyone may see the published
 * score; counting unpublished answers needs `org:read`. A jurisdiction with nothing coded is a result, not an
 * error: status `not_coded` with the core result of no answers. Negative-modifier findings valid on the date, of
 * the same statuses, are passed along, so an applying one caps the grade and a fully coded jurisdiction is
 * `complete`.
 */
import { actorCan } from '../core/auth/permissions.ts';
import type { CodedModifierFinding } from '../core/coding/modifier-findings.ts';
import type { CodedAnswer, CodedCitation } from '../core/coding/types.ts';
import { type CodingStatus, statusesIncluded } from '../core/coding/types.ts';
import { DomainError } from '../core/errors.ts';
import { scoreJurisdiction } from '../core/scoring/score-jurisdiction.ts';
import type {
  Answer,
  AnswerCitation,
  AnswerStatus,
  ModifierFinding,
  ScoreResult,
} from '../core/scoring/types.ts';
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

/**
 * The answers a score counts: those of the included statuses under the framework version asked for (latest by
 * default), valid on `asOf` when given (every interval otherwise). Throws JURISDICTION_NOT_FOUND or FORBIDDEN.
 */
export async function loadCountedAnswers(
  ctx: ServiceContext,
  jurisdictionId: string,
  options: { include: ScoreInclude; asOf?: string; frameworkVersion?: number },
) {
  assertMayInclude(ctx, options.include);
  const jurisdiction = await requireJurisdiction(ctx, jurisdictionId);
  const framework = await getFramework(ctx, options.frameworkVersion);
  const stored = await listAnswers(ctx.db, {
    organizationId: visibleOrg(ctx),
    jurisdictionId: jurisdiction.id,
    frameworkId: framework.id,
    statuses: statusesIncluded(options.include),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  return { jurisdiction, framework, stored };
}

/** Scores a jurisdiction from its answers valid on `date`; throws JURISDICTION_NOT_FOUND or FORBIDDEN. */
export async function scoreAsOf(
  ctx: ServiceContext,
  jurisdictionId: string,
  date: string,
  options: { include?: ScoreInclude; frameworkVersion?: number } = {},
): Promise<ScoreReport> {
  const include = options.include ?? 'published';
  const { jurisdiction, framework, stored } = await loadCountedAnswers(ctx, jurisdictionId, {
    include,
    asOf: date,
    ...(options.frameworkVersion === undefined ? {} : { frameworkVersion: options.frameworkVersion }),
  });
  const answers = stored.map(toScoringAnswer);
  const findings = await listFindings(ctx.db, {
    organizationId: visibleOrg(ctx),
    jurisdictionId: jurisdiction.id,
    frameworkId: framework.id,
    statuses: statusesIncluded(include),
    asOf: date,
  });
  return {
    jurisdictionId: jurisdiction.id,
    asOf: date,
    include,
    status: answers.length === 0 ? 'not_coded' : 'scored',
    answerCount: answers.length,
    result: scoreJurisdiction(framework, {
      jurisdictionLevel: jurisdiction.level,
      answers,
      modifiers: findings.map(toScoringFinding),
    }),
  };
}
