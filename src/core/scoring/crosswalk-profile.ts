/**
 * Crosswalk views: the same coded answers regrouped by an external instrument (Palermo, Polaris, GSI, …)
 * through the indicators' sources, so one coding pass yields several scorecards. Policy: an indicator is met
 * when its value is 1, unmet at 0, partial in between; a provision of the instrument (one source citation) is
 * met when every coded indicator mapped to it is met, unmet when every one is unmet, partial otherwise, and
 * `not_coded` (or `na`) when none of its indicators is coded (or applicable). No weights and no total: the
 * profile describes coverage of an instrument, it does not grade against it.
 */
import { DomainError } from '../errors.ts';
import { crosswalk, type Framework } from '../framework/types.ts';
import type { JurisdictionLevel } from '../jurisdictions/types.ts';
import { assertFrameworkScorable } from './assert-framework-scorable.ts';
import { type ResolvedIndicator, resolveAnswers } from './resolve-answers.ts';
import { type Answer, type AnswerCitation, notApplicable } from './types.ts';

/** How far the law meets an indicator or an instrument's provision. */
export type CrosswalkStatus = 'met' | 'partial' | 'unmet' | 'na' | 'not_coded';

/** One indicator mapped to the instrument, with its answer. */
export interface CrosswalkIndicator {
  id: string;
  area: string;
  /** The instrument's citations this indicator maps to. */
  sourceCitations: string[];
  value: string | null;
  normalized: number | null;
  status: CrosswalkStatus;
  /** The law the answer rests on. */
  citations: AnswerCitation[];
}

/** One citation of the instrument and what the indicators mapped to it say. */
export interface CrosswalkProvision {
  citation: string;
  indicators: string[];
  status: CrosswalkStatus;
  /** False when some applicable indicator mapped to this citation is not coded yet. */
  complete: boolean;
}

/** A jurisdiction's profile against one external instrument. */
export interface CrosswalkProfile {
  instrument: string;
  name: string;
  frameworkId: string;
  version: number;
  indicators: CrosswalkIndicator[];
  provisions: CrosswalkProvision[];
  /** How many provisions have each status. */
  summary: Record<CrosswalkStatus, number>;
}

function indicatorStatus(r: ResolvedIndicator): CrosswalkStatus {
  if (r.status !== 'scored') return r.status;
  const v = r.normalized ?? 0;
  return v >= 1 ? 'met' : v <= 0 ? 'unmet' : 'partial';
}

function provisionStatus(statuses: CrosswalkStatus[]): CrosswalkStatus {
  const coded = statuses.filter((s) => s === 'met' || s === 'partial' || s === 'unmet');
  if (coded.length === 0) return statuses.includes('not_coded') ? 'not_coded' : 'na';
  if (coded.every((s) => s === 'met')) return 'met';
  if (coded.every((s) => s === 'unmet')) return 'unmet';
  return 'partial';
}

/**
 * Regroups coded answers by an instrument marked `crosswalk` in the framework; throws VALIDATION_FAILED for an
 * unknown instrument or one that is not a crosswalk target.
 */
export function crosswalkProfile(
  framework: Framework,
  answers: readonly Answer[],
  instrument: string,
  jurisdictionLevel: JurisdictionLevel = 'national',
): CrosswalkProfile {
  assertFrameworkScorable(framework);
  const target = framework.instruments[instrument];
  if (!target?.crosswalk) {
    const known = Object.keys(framework.instruments).filter((k) => framework.instruments[k]?.crosswalk);
    throw new DomainError(
      'VALIDATION_FAILED',
      `"${instrument}" is not a crosswalk instrument of framework ${framework.id} (known: ${known.join(', ')})`,
      { instrument, known },
    );
  }
  const indicators: CrosswalkIndicator[] = [];
  const byCitation = new Map<string, CrosswalkIndicator[]>();
  for (const r of resolveAnswers(framework, answers, jurisdictionLevel)) {
    const sourceCitations = crosswalk(framework, r.indicator)[instrument];
    if (!sourceCitations) continue;
    const line: CrosswalkIndicator = {
      id: r.indicator.id,
      area: r.indicator.area,
      sourceCitations,
      value: r.status === 'not_coded' ? null : (r.answer?.value ?? notApplicable),
      normalized: r.normalized,
      status: indicatorStatus(r),
      citations: r.answer ? [...r.answer.citations] : [],
    };
    indicators.push(line);
    for (const citation of sourceCitations) {
      const list = byCitation.get(citation) ?? [];
      list.push(line);
      byCitation.set(citation, list);
    }
  }
  const summary: Record<CrosswalkStatus, number> = { met: 0, partial: 0, unmet: 0, na: 0, not_coded: 0 };
  const provisions = [...byCitation].map(([citation, lines]): CrosswalkProvision => {
    const status = provisionStatus(lines.map((l) => l.status));
    summary[status]++;
    return {
      citation,
      indicators: lines.map((l) => l.id),
      status,
      complete: lines.every((l) => l.status !== 'not_coded'),
    };
  });
  return {
    instrument,
    name: target.name,
    frameworkId: framework.id,
    version: framework.version,
    indicators,
    provisions,
    summary,
  };
}
