/**
 * How coded answers meet the framework. Policy: an answer must name a known indicator, at most once, with a
 * code of that indicator's response type (read from the framework's value table, never hard-coded) or 'NA';
 * anything else is refused whole with VALIDATION_FAILED naming the indicator, because a score built on a
 * half-valid coding would be wrong without saying so. An indicator with no answer is "not coded": excluded
 * from the score, counted, and reported. Levels: an N (national-only) indicator is N/A by level for a
 * subnational or local jurisdiction unless it was answered, in which case the answer counts. S ("mainly
 * subnational") indicators are never N/A by level for a national jurisdiction: unitary states legislate on
 * child welfare and hotline notices nationally, so an N/A there must be coded explicitly.
 */
import { DomainError } from '../errors.ts';
import type { Framework, Indicator } from '../framework/types.ts';
import type { JurisdictionLevel } from '../jurisdictions/types.ts';
import { capFor } from './grades.ts';
import {
  type Answer,
  type AnswerCitation,
  type IndicatorStatus,
  type ModifierFinding,
  type ModifierResult,
  notApplicable,
} from './types.ts';

/** One indicator of the framework with the answer (if any) that settles it. */
export interface ResolvedIndicator {
  indicator: Indicator;
  answer: Answer | undefined;
  status: IndicatorStatus;
  naReason?: 'answered' | 'level';
  /** The value table's number for the answer code; null unless scored. */
  normalized: number | null;
}

const answerStatuses = new Set(['draft', 'reviewed', 'published']);

function invalid(message: string, details: Record<string, unknown>): never {
  throw new DomainError('VALIDATION_FAILED', message, details);
}

function checkCitations(citations: unknown, where: string, details: Record<string, unknown>): void {
  if (!Array.isArray(citations)) invalid(`${where}: citations must be a list`, details);
  for (const c of citations as unknown[]) {
    const citation = (c as Partial<AnswerCitation> | null)?.citation;
    if (typeof citation !== 'string' || citation.trim() === '') {
      invalid(`${where}: every citation needs a non-empty "citation"`, details);
    }
  }
}

/** True when an indicator of this level is N/A for this jurisdiction when nobody answered it. */
function naByLevel(indicator: Indicator, jurisdictionLevel: JurisdictionLevel): boolean {
  return indicator.level === 'N' && jurisdictionLevel !== 'national';
}

/**
 * Checks every answer against its indicator's response type and settles each indicator of the framework, in
 * framework order; throws VALIDATION_FAILED naming the indicator at fault.
 */
export function resolveAnswers(
  framework: Framework,
  answers: readonly Answer[],
  jurisdictionLevel: JurisdictionLevel,
): ResolvedIndicator[] {
  const byId = new Map<string, Indicator>();
  for (const indicator of framework.indicators) byId.set(indicator.id, indicator);
  const answered = new Map<string, Answer>();
  for (const answer of answers) {
    const id = answer.indicatorId;
    const indicator = byId.get(id);
    if (!indicator) invalid(`answer names unknown indicator "${String(id)}"`, { indicator: id });
    const details = { indicator: id };
    if (answered.has(id)) invalid(`indicator ${id} is answered more than once`, details);
    const values = framework.responseTypes[indicator.type].values;
    const code: unknown = answer.value;
    if (typeof code !== 'string' || (code !== notApplicable && !Object.hasOwn(values, code))) {
      const allowed = [...Object.keys(values), notApplicable].join(', ');
      invalid(`indicator ${id}: "${String(code)}" is not a ${indicator.type} answer (allowed: ${allowed})`, {
        ...details,
        value: code,
        allowed,
      });
    }
    if (answer.status !== undefined && !answerStatuses.has(answer.status)) {
      invalid(`indicator ${id}: unknown answer status "${String(answer.status)}"`, details);
    }
    checkCitations(answer.citations, `indicator ${id}`, details);
    answered.set(id, answer);
  }
  return framework.indicators.map((indicator): ResolvedIndicator => {
    const answer = answered.get(indicator.id);
    if (!answer) {
      return naByLevel(indicator, jurisdictionLevel)
        ? { indicator, answer, status: 'na', naReason: 'level', normalized: null }
        : { indicator, answer, status: 'not_coded', normalized: null };
    }
    if (answer.value === notApplicable) {
      return { indicator, answer, status: 'na', naReason: 'answered', normalized: null };
    }
    const normalized = framework.responseTypes[indicator.type].values[answer.value] ?? 0;
    return { indicator, answer, status: 'scored', normalized };
  });
}

/**
 * Checks negative-modifier findings against the framework and lists every modifier, in framework order, with
 * the cap it brings; throws VALIDATION_FAILED for an unknown or repeated modifier.
 */
export function resolveModifiers(
  framework: Framework,
  findings: readonly ModifierFinding[],
): ModifierResult[] {
  const known = new Set(framework.negativeModifiers.map((m) => m.id));
  const found = new Map<string, ModifierFinding>();
  for (const finding of findings) {
    const id = finding.modifierId;
    const details = { modifier: id };
    if (!known.has(id)) invalid(`finding names unknown negative modifier "${String(id)}"`, details);
    if (found.has(id)) invalid(`negative modifier ${id} is coded more than once`, details);
    if (typeof finding.applies !== 'boolean')
      invalid(`negative modifier ${id}: applies must be true or false`, details);
    checkCitations(finding.citations, `negative modifier ${id}`, details);
    found.set(id, finding);
  }
  return framework.negativeModifiers.map((modifier): ModifierResult => {
    const finding = found.get(modifier.id);
    if (!finding) return { id: modifier.id, status: 'not_coded', cap: null, citations: [] };
    return finding.applies
      ? { id: modifier.id, status: 'applies', cap: capFor(modifier.id), citations: [...finding.citations] }
      : { id: modifier.id, status: 'does_not_apply', cap: null, citations: [...finding.citations] };
  });
}
