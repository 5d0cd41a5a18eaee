/**
 * Gap reports: what a jurisdiction's law lacks against the framework, and where other jurisdictions already
 * meet it. Policy: the gaps are the scored indicators below full marks: `unmet` at 0, `partial` above 0 and
 * below 1. Each is worth `maxPoints = weight ÷ area applicable weight × area share × 100 ÷ counted share` of
 * the current total (the same normalisation as the score breakdown, so the total plus every gap's
 * `pointsAvailable = maxPoints × (1 − normalized)` is exactly 100 when the total is defined); gaps are ranked
 * by points available, then framework order. N/A indicators are not gaps. Indicators not coded yet are listed
 * separately: they are outside the score, so no points are claimed for them. Exemplars are other
 * jurisdictions' answers at full marks for the indicator (up to 3, by jurisdiction id), with their citations
 * and quotes. A reader's own organization's recommendation, when it has one, rides on each gap (resolved by
 * the caller: the asked locale, else English marked as a fallback); anonymous reports carry none.
 */
import type { Framework, Indicator, Locale } from '../framework/types.ts';
import { localized } from '../jurisdictions/types.ts';
import type { ResolvedRecommendation } from '../recommendations/types.ts';
import type { ScoreResult } from '../scoring/types.ts';

/** The most exemplary provisions shown per gap. */
export const exemplarLimit = 3;

/** A standard an indicator comes from: an instrument of the framework and the citation in it. */
export interface GapStandard {
  instrument: string;
  instrumentName: string;
  citation: string;
  verify?: boolean;
}

/** One answer by another jurisdiction that meets an indicator in full, with the law it rests on. */
export interface Exemplar {
  jurisdictionId: string;
  jurisdictionName: string;
  value: string;
  validFrom: string;
  validTo: string | null;
  citations: GapCitation[];
}

/** A citation in a gap report: the provision, and (when known) its document and the document's language. */
export interface GapCitation {
  provisionId?: string;
  citation: string;
  quote?: string;
  documentId?: string;
  documentCitation?: string;
  language?: string;
}

/** An answer as exemplar selection needs it (any jurisdiction). */
export interface ExemplarCandidate extends Omit<Exemplar, 'jurisdictionName'> {
  indicatorId: string;
}

/** One indicator the jurisdiction does not meet in full. */
export interface Gap {
  indicatorId: string;
  area: string;
  question: string;
  status: 'unmet' | 'partial';
  weight: number;
  value: string;
  normalized: number;
  /** The codes that earn full marks (value 1) for the indicator's response type. */
  fullMarks: string[];
  /** What is missing, in words: the value held against full marks. */
  missing: string;
  /** What the indicator is worth in the current total (0..100 scale). */
  maxPoints: number;
  /** maxPoints × (1 − normalized): what meeting the indicator in full would add to the total. */
  pointsAvailable: number;
  citations: GapCitation[];
  standards: GapStandard[];
  exemplars: Exemplar[];
  /** The reader's organization's recommendation for the indicator, or null. */
  recommendation: ResolvedRecommendation | null;
}

/** An applicable indicator with no answer yet. */
export interface NotCodedIndicator {
  indicatorId: string;
  area: string;
  question: string;
  weight: number;
  standards: GapStandard[];
}

/** A jurisdiction's gaps on a date, ranked, with the indicators not coded yet. */
export interface GapReport {
  jurisdictionId: string;
  jurisdictionName: string;
  asOf: string;
  include: 'published' | 'reviewed' | 'coded';
  locale: Locale;
  frameworkId: string;
  frameworkVersion: number;
  method: ScoreResult['method'];
  totalRounded: number | null;
  coverage: ScoreResult['coverage'];
  /** Σ pointsAvailable over the gaps. */
  pointsAvailable: number;
  gaps: Gap[];
  notCoded: NotCodedIndicator[];
  /** Kept for older readers: always null; each gap carries its own `recommendation`. */
  recommendations: null;
}

/** What the report is built from: the score of the jurisdiction's answers and the chosen exemplars. */
export interface GapReportInput {
  framework: Framework;
  score: ScoreResult;
  jurisdiction: { id: string; name: string };
  asOf: string;
  include: GapReport['include'];
  locale: Locale;
  /** Exemplars by indicator id (see `pickExemplars`). */
  exemplars: ReadonlyMap<string, Exemplar[]>;
  /** The reader's organization's recommendations by indicator id (none for anonymous readers). */
  recommendations?: ReadonlyMap<string, ResolvedRecommendation>;
}

/** The indicator's sources with their instruments' names (the id stands in for an unknown instrument). */
export function standardsOf(framework: Framework, indicator: Indicator): GapStandard[] {
  return indicator.sources.map((s) => ({
    instrument: s.instrument,
    instrumentName: framework.instruments[s.instrument]?.name ?? s.instrument,
    citation: s.citation,
    ...(s.verify ? { verify: true } : {}),
  }));
}

/** The codes of the indicator's response type worth full marks. */
export function fullMarksOf(framework: Framework, indicator: Indicator): string[] {
  const values = framework.responseTypes[indicator.type].values;
  return Object.keys(values).filter((code) => values[code] === 1);
}

/**
 * Picks up to `limit` exemplars per indicator from other jurisdictions' answers at full marks, ordered by
 * jurisdiction id then start date; names come from `names` (the id when unknown). Returns an empty map when
 * none qualifies.
 */
export function pickExemplars(
  framework: Framework,
  candidates: readonly ExemplarCandidate[],
  excludeJurisdictionId: string,
  names: ReadonlyMap<string, string>,
  limit = exemplarLimit,
): Map<string, Exemplar[]> {
  const byId = new Map(framework.indicators.map((i) => [i.id, i]));
  const sorted = [...candidates].sort(
    (a, b) =>
      a.jurisdictionId.localeCompare(b.jurisdictionId) ||
      a.validFrom.localeCompare(b.validFrom) ||
      a.indicatorId.localeCompare(b.indicatorId),
  );
  const out = new Map<string, Exemplar[]>();
  for (const c of sorted) {
    const indicator = byId.get(c.indicatorId);
    if (!indicator || c.jurisdictionId === excludeJurisdictionId) continue;
    if (framework.responseTypes[indicator.type].values[c.value] !== 1) continue;
    const list = out.get(c.indicatorId) ?? [];
    // One exemplar per jurisdiction: a second interval of the same law adds nothing new.
    if (list.length >= limit || list.some((e) => e.jurisdictionId === c.jurisdictionId)) continue;
    const { indicatorId: _, ...rest } = c;
    list.push({ ...rest, jurisdictionName: names.get(c.jurisdictionId) ?? c.jurisdictionId });
    out.set(c.indicatorId, list);
  }
  return out;
}

function missingText(value: string, normalized: number, fullMarks: string[]): string {
  const full = fullMarks.join(' or ');
  return normalized === 0
    ? `answered ${value} (0 of 1); full marks need ${full}`
    : `answered ${value} (${normalized} of 1); full marks need ${full}`;
}

/** Builds the ranked gap report from a jurisdiction's score breakdown; pure. */
export function buildGapReport(input: GapReportInput): GapReport {
  const { framework, score, locale } = input;
  const indicators = new Map(framework.indicators.map((i) => [i.id, i]));
  const gaps: Gap[] = [];
  const notCoded: NotCodedIndicator[] = [];
  let order = 0;
  const position = new Map<string, number>();
  for (const area of score.areas) {
    for (const line of area.indicators) {
      const indicator = indicators.get(line.id);
      if (!indicator) continue;
      position.set(line.id, order++);
      const question = localized(indicator.question, locale);
      const standards = standardsOf(framework, indicator);
      if (line.status === 'not_coded') {
        notCoded.push({ indicatorId: line.id, area: area.id, question, weight: line.weight, standards });
        continue;
      }
      if (line.status !== 'scored' || line.normalized === null || line.normalized >= 1) continue;
      const fullMarks = fullMarksOf(framework, indicator);
      // Same normalisation as the breakdown: the indicator's share of its area, the area's share of the total.
      const maxPoints =
        area.applicableWeight > 0 && score.countedShare > 0
          ? (((line.weight / area.applicableWeight) * area.share) / score.countedShare) * 100
          : 0;
      const value = line.value ?? '';
      gaps.push({
        indicatorId: line.id,
        area: area.id,
        question,
        status: line.normalized === 0 ? 'unmet' : 'partial',
        weight: line.weight,
        value,
        normalized: line.normalized,
        fullMarks,
        missing: missingText(value, line.normalized, fullMarks),
        maxPoints,
        pointsAvailable: maxPoints * (1 - line.normalized),
        citations: line.citations.map((c) => ({ ...c })),
        standards,
        exemplars: input.exemplars.get(line.id) ?? [],
        recommendation: input.recommendations?.get(line.id) ?? null,
      });
    }
  }
  gaps.sort(
    (a, b) =>
      b.pointsAvailable - a.pointsAvailable ||
      (position.get(a.indicatorId) ?? 0) - (position.get(b.indicatorId) ?? 0),
  );
  return {
    jurisdictionId: input.jurisdiction.id,
    jurisdictionName: input.jurisdiction.name,
    asOf: input.asOf,
    include: input.include,
    locale,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    method: score.method,
    totalRounded: score.totalRounded,
    coverage: score.coverage,
    pointsAvailable: gaps.reduce((s, g) => s + g.pointsAvailable, 0),
    gaps,
    notCoded,
    recommendations: null,
  };
}
