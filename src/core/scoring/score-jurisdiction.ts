/**
 * The lawgap scoring method (`lawgap-score-1`). Policy: an answer's value is its response type's number
 * (Y 1, P 0.5, N 0; G 0/1/2 as 0, 0.5, 1 in v1). An area's score is Σ(weight × value) ÷ Σ(weight) over its
 * scored indicators: N/A answers leave the denominator, and so do indicators not coded yet, which are counted
 * and reported instead (coverage = scored ÷ applicable; `complete` is false while any applicable indicator or
 * any negative modifier is uncoded). The total is Σ(area score × share) ÷ Σ(share of counted areas) × 100; an
 * area with no scored indicator is left out and the total renormalised over the others (`renormalized`,
 * `excludedAreas`), so an uncoded area neither drags the total to zero nor inflates it. With every area
 * counted this is exactly Σ(area score × share). Negative modifiers cap the grade and never the total. Sums run
 * in framework order, never answer order, so the same coding always gives the same bits.
 */
import type { Framework } from '../framework/types.ts';
import { assertFrameworkScorable } from './assert-framework-scorable.ts';
import { type Grade, gradeFor, roundTotal, tierOfGrade, worseGrade } from './grades.ts';
import { type ResolvedIndicator, resolveAnswers, resolveModifiers } from './resolve-answers.ts';
import {
  type AreaScore,
  type Coverage,
  type IndicatorScore,
  type ModifierResult,
  notApplicable,
  type ScoreInput,
  type ScoreResult,
  scoringMethod,
} from './types.ts';

function indicatorLine(r: ResolvedIndicator): IndicatorScore {
  const { indicator, answer, status, normalized } = r;
  const line: IndicatorScore = {
    id: indicator.id,
    weight: indicator.weight,
    value: status === 'na' ? notApplicable : (answer?.value ?? null),
    normalized,
    contribution: normalized === null ? null : indicator.weight * normalized,
    status,
    citations: answer ? [...answer.citations] : [],
  };
  if (r.naReason) line.naReason = r.naReason;
  if (answer?.status) line.answerStatus = answer.status;
  return line;
}

function areaLine(area: Framework['areas'][number], lines: IndicatorScore[]): AreaScore {
  let applicableWeight = 0;
  let earnedWeight = 0;
  let notCodedWeight = 0;
  for (const line of lines) {
    // Both sums run over the same lines in the same order, so earnedWeight never exceeds applicableWeight.
    if (line.status === 'scored') {
      applicableWeight += line.weight;
      earnedWeight += line.contribution ?? 0;
    } else if (line.status === 'not_coded') {
      notCodedWeight += line.weight;
    }
  }
  const score = applicableWeight > 0 ? earnedWeight / applicableWeight : null;
  return {
    id: area.id,
    share: area.share,
    applicableWeight,
    earnedWeight,
    score,
    points: score === null ? null : score * area.share,
    notCodedWeight,
    indicators: lines,
  };
}

function coverageOf(lines: IndicatorScore[]): Coverage {
  let scored = 0;
  let na = 0;
  let notCoded = 0;
  for (const line of lines) {
    if (line.status === 'scored') scored++;
    else if (line.status === 'na') na++;
    else notCoded++;
  }
  const applicable = scored + notCoded;
  return {
    indicators: lines.length,
    applicable,
    scored,
    na,
    notCoded,
    ratio: applicable === 0 ? 1 : scored / applicable,
  };
}

function capsOf(grade: Grade, modifiers: ModifierResult[]) {
  let capped = grade;
  const reasons: Array<{ modifierId: string; cap: Grade }> = [];
  for (const m of modifiers) {
    if (m.status !== 'applies' || m.cap === null) continue;
    // A reason only when this cap is below the grade the total earned (it actually lowered it).
    if (worseGrade(grade, m.cap) !== grade) reasons.push({ modifierId: m.id, cap: m.cap });
    capped = worseGrade(capped, m.cap);
  }
  return { capped, reasons };
}

/**
 * Scores one jurisdiction's coded answers under a framework; the result carries every number needed to
 * recompute it by hand. Throws FRAMEWORK_INVALID for an unscorable framework and VALIDATION_FAILED for an
 * answer that does not fit its indicator.
 */
export function scoreJurisdiction(framework: Framework, input: ScoreInput): ScoreResult {
  assertFrameworkScorable(framework);
  const resolved = resolveAnswers(framework, input.answers, input.jurisdictionLevel);
  const modifiers = resolveModifiers(framework, input.modifiers ?? []);

  const linesByArea = new Map<string, IndicatorScore[]>();
  for (const area of framework.areas) linesByArea.set(area.id, []);
  const allLines: IndicatorScore[] = [];
  for (const r of resolved) {
    const line = indicatorLine(r);
    allLines.push(line);
    linesByArea.get(r.indicator.area)?.push(line);
  }
  const areas = framework.areas.map((area) => areaLine(area, linesByArea.get(area.id) ?? []));

  let countedShare = 0;
  let pointsSum = 0;
  const excludedAreas: string[] = [];
  for (const area of areas) {
    if (area.points === null) {
      excludedAreas.push(area.id);
      continue;
    }
    countedShare += area.share;
    pointsSum += area.points;
  }
  // pointsSum ≤ countedShare term by term (every score ≤ 1), so the total stays within 0..100.
  const total = countedShare > 0 ? (pointsSum / countedShare) * 100 : null;
  const totalRounded = total === null ? null : roundTotal(total);
  const grade = totalRounded === null ? null : gradeFor(totalRounded);
  const caps = grade === null ? null : capsOf(grade, modifiers);
  const coverage = coverageOf(allLines);

  return {
    method: scoringMethod,
    frameworkId: framework.id,
    version: framework.version,
    jurisdictionLevel: input.jurisdictionLevel,
    total,
    totalRounded,
    grade,
    cappedGrade: caps?.capped ?? null,
    tier: caps ? tierOfGrade[caps.capped] : null,
    capReasons: caps?.reasons ?? [],
    complete: coverage.notCoded === 0 && modifiers.every((m) => m.status !== 'not_coded'),
    coverage,
    countedShare,
    renormalized: excludedAreas.length > 0 && countedShare > 0,
    excludedAreas,
    uncited: allLines
      .filter((l) => l.status === 'scored' && (l.normalized ?? 0) > 0 && l.citations.length === 0)
      .map((l) => l.id),
    areas,
    modifiers,
  };
}
