/**
 * "Projected score if enacted": a bill's analyzer suggestions laid over a jurisdiction's current counted answers.
 * Policy: a `yes` suggestion projects the indicator's full code (value 1: Y, 2), a `partial` one its best
 * code strictly between 0 and 1 (P, 1; none on a yes/no indicator, so nothing is projected there); the
 * projected code replaces the current answer only when it is worth more. A `no` never lowers an answer: a bill
 * that does not mention something does not repeal it. N/A answers stay N/A, and indicators not coded yet are
 * not filled in (the current law there is unknown, so no gain can be claimed): they are listed apart. Negative-
 * modifier findings carry over unchanged. So the projection never scores below the current law. Every figure
 * is a machine projection from the bill's text, not a coded answer.
 */
import type { Suggestion } from '../analyzer/types.ts';
import type { Framework } from '../framework/types.ts';
import type { JurisdictionLevel } from '../jurisdictions/types.ts';
import type { Grade } from '../scoring/grades.ts';
import { scoreJurisdiction } from '../scoring/score-jurisdiction.ts';
import { type Answer, type ModifierFinding, notApplicable, type ScoreResult } from '../scoring/types.ts';

/** The label every impact carries: these numbers are the analyzer's reading of a bill, not coded law. */
export const impactLabel =
  'machine-projected: the analyzer’s reading of the bill text laid over the current coded law; not reviewed coding';

/** A quote from the bill text backing a projected answer. */
export interface ImpactEvidence {
  citation: string;
  quote: string;
}

/** One indicator the bill would raise. */
export interface ImpactChange {
  indicatorId: string;
  area: string;
  current: string;
  projected: string;
  /** What the change adds to the total (0..100 scale), so the changes of an area sum to its delta. */
  points: number;
  confidence: number;
  rationale: string;
  evidence: ImpactEvidence[];
}

/** An indicator not coded for the jurisdiction that the bill would meet (in part): shown, never scored. */
export interface UncodedSuggestion {
  indicatorId: string;
  suggested: string;
  evidence: ImpactEvidence[];
}

/** The headline numbers of one score. */
export interface ScoreSummary {
  total: number | null;
  totalRounded: number | null;
  grade: Grade | null;
  cappedGrade: Grade | null;
}

/** One area's points (score × share) now and projected, and the change in total points it brings. */
export interface AreaDelta {
  id: string;
  current: number | null;
  projected: number | null;
  /** Change of the total (0..100) due to this area. */
  delta: number;
}

/** The projected score of a jurisdiction if the bill were enacted. */
export interface BillImpactResult {
  label: typeof impactLabel;
  machineProjected: true;
  frameworkId: string;
  frameworkVersion: number;
  current: ScoreSummary;
  projected: ScoreSummary;
  /** projected.total − current.total; 0 when nothing is scored. */
  delta: number;
  areas: AreaDelta[];
  changes: ImpactChange[];
  uncoded: UncodedSuggestion[];
}

/** What `projectBillImpact` reads. */
export interface BillImpactInput {
  framework: Framework;
  jurisdictionLevel: JurisdictionLevel;
  /** The current counted answers (one per indicator at most), as core scoring takes them. */
  answers: readonly Answer[];
  findings: readonly ModifierFinding[];
  /** The analyzer's suggestions for the bill text. */
  suggestions: readonly Suggestion[];
  /** Cited on projected answers as the document the quotes come from, e.g. "TX HB 74 (Introduced)". */
  billCitation: string;
}

/** The code a suggestion projects for a response type's value table; null when the type has none. */
export function projectedCode(values: Record<string, number>, answer: Suggestion['answer']): string | null {
  const entries = Object.entries(values);
  if (answer === 'yes') return entries.find(([, v]) => v === 1)?.[0] ?? null;
  if (answer === 'partial') {
    const between = entries.filter(([, v]) => v > 0 && v < 1).sort((a, b) => b[1] - a[1]);
    return between[0]?.[0] ?? null;
  }
  return null;
}

function summary(r: ScoreResult): ScoreSummary {
  return { total: r.total, totalRounded: r.totalRounded, grade: r.grade, cappedGrade: r.cappedGrade };
}

function evidenceOf(s: Suggestion): ImpactEvidence[] {
  return s.evidence.map((e) => ({ citation: e.citation, quote: e.quote }));
}

/** Projects the score if the bill were enacted; throws as scoreJurisdiction does for invalid answers. */
export function projectBillImpact(input: BillImpactInput): BillImpactResult {
  const { framework } = input;
  const current = scoreJurisdiction(framework, {
    jurisdictionLevel: input.jurisdictionLevel,
    answers: input.answers,
    modifiers: input.findings,
  });
  const lines = new Map(current.areas.flatMap((a) => a.indicators.map((l) => [l.id, l] as const)));
  const suggestions = new Map(input.suggestions.map((s) => [s.indicator, s]));
  const projectedAnswers = new Map(input.answers.map((a) => [a.indicatorId, a]));
  const raised: Suggestion[] = [];
  const uncoded: UncodedSuggestion[] = [];
  for (const indicator of framework.indicators) {
    const s = suggestions.get(indicator.id);
    const line = lines.get(indicator.id);
    if (!s || !line || s.answer === 'no' || s.evidence.length === 0) continue;
    const values = framework.responseTypes[indicator.type]?.values ?? {};
    const code = projectedCode(values, s.answer);
    if (code === null) continue;
    if (line.status === 'not_coded') {
      uncoded.push({ indicatorId: indicator.id, suggested: code, evidence: evidenceOf(s) });
      continue;
    }
    if (line.status !== 'scored' || (values[code] ?? 0) <= (line.normalized ?? 0)) continue;
    raised.push(s);
    projectedAnswers.set(indicator.id, {
      indicatorId: indicator.id,
      value: code,
      citations: s.evidence.map((e) => ({
        citation: e.citation,
        quote: e.quote,
        documentCitation: input.billCitation,
      })),
    });
  }
  const projected = scoreJurisdiction(framework, {
    jurisdictionLevel: input.jurisdictionLevel,
    answers: [...projectedAnswers.values()],
    modifiers: input.findings,
  });
  // Projection only raises scored values, so the counted share (and the set of counted areas) is unchanged.
  const scale = current.countedShare > 0 ? 100 / current.countedShare : 0;
  const projectedAreas = new Map(projected.areas.map((a) => [a.id, a]));
  const changes: ImpactChange[] = raised.map((s) => {
    const indicator = framework.indicators.find((i) => i.id === s.indicator);
    const before = lines.get(s.indicator);
    const area = current.areas.find((a) => a.id === indicator?.area);
    const after = projectedAreas.get(indicator?.area ?? '')?.indicators.find((l) => l.id === s.indicator);
    const gained = (after?.contribution ?? 0) - (before?.contribution ?? 0);
    const points =
      area && area.applicableWeight > 0 ? (gained / area.applicableWeight) * area.share * scale : 0;
    return {
      indicatorId: s.indicator,
      area: indicator?.area ?? '',
      current: before?.value ?? notApplicable,
      projected: after?.value ?? notApplicable,
      points,
      confidence: s.confidence,
      rationale: s.rationale,
      evidence: evidenceOf(s),
    };
  });
  return {
    label: impactLabel,
    machineProjected: true,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    current: summary(current),
    projected: summary(projected),
    delta: current.total === null || projected.total === null ? 0 : projected.total - current.total,
    areas: current.areas.map((a) => {
      const p = projectedAreas.get(a.id)?.points ?? null;
      return { id: a.id, current: a.points, projected: p, delta: ((p ?? 0) - (a.points ?? 0)) * scale };
    }),
    changes,
    uncoded,
  };
}
