/**
 * What changed in a jurisdiction's coding between two dates. Policy: the answers valid on each date are keyed
 * by indicator; an indicator answered only later is `added`, only earlier `removed`, and answered on both dates
 * `changed` when its value or the provisions it cites differ (a new interval with the same value and the same
 * citations is no change). Lines follow framework order. Score deltas compare the published (rounded) totals
 * and each area's score; a side that is not counted gives a null delta.
 */
import type { Framework } from '../framework/types.ts';
import type { Grade } from '../scoring/grades.ts';
import type { AnswerCitation, ScoreResult } from '../scoring/types.ts';

/** An answer as it stood on one date: value, interval and the law it rests on. */
export interface DatedAnswer {
  indicatorId: string;
  value: string;
  validFrom: string;
  validTo: string | null;
  citations: AnswerCitation[];
}

/** How an indicator's answer moved between the two dates. */
export type AnswerChangeKind = 'added' | 'removed' | 'changed';

/** One indicator whose answer differs between the two dates. */
export interface AnswerChange {
  indicatorId: string;
  area: string;
  change: AnswerChangeKind;
  /** True when the value itself differs (false for a change of citations only). */
  valueChanged: boolean;
  before: DatedAnswer | null;
  after: DatedAnswer | null;
}

/** An area's score (0..1) on both dates. */
export interface AreaDelta {
  id: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

/** The score on both dates and the differences. */
export interface ScoreDelta {
  totalBefore: number | null;
  totalAfter: number | null;
  /** totalAfter − totalBefore, to one decimal; null unless both are scored. */
  totalDelta: number | null;
  gradeBefore: Grade | null;
  gradeAfter: Grade | null;
  areas: AreaDelta[];
}

const citationKey = (a: DatedAnswer) =>
  a.citations.map((c) => `${c.provisionId ?? ''}\u0000${c.citation}\u0000${c.quote ?? ''}`).join('\u0001');

/** The indicators whose answers differ between `before` and `after`, in framework order; [] when none. */
export function diffAnswers(
  framework: Framework,
  before: readonly DatedAnswer[],
  after: readonly DatedAnswer[],
): AnswerChange[] {
  const was = new Map(before.map((a) => [a.indicatorId, a]));
  const now = new Map(after.map((a) => [a.indicatorId, a]));
  const changes: AnswerChange[] = [];
  for (const indicator of framework.indicators) {
    const b = was.get(indicator.id) ?? null;
    const a = now.get(indicator.id) ?? null;
    if (!b && !a) continue;
    const base = { indicatorId: indicator.id, area: indicator.area, before: b, after: a };
    if (!b) changes.push({ ...base, change: 'added', valueChanged: true });
    else if (!a) changes.push({ ...base, change: 'removed', valueChanged: true });
    else if (a.value !== b.value || citationKey(a) !== citationKey(b)) {
      changes.push({ ...base, change: 'changed', valueChanged: a.value !== b.value });
    }
  }
  return changes;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The total, grade and area scores on both dates, with their differences. */
export function scoreDelta(before: ScoreResult, after: ScoreResult): ScoreDelta {
  const areaBefore = new Map(before.areas.map((a) => [a.id, a.score]));
  return {
    totalBefore: before.totalRounded,
    totalAfter: after.totalRounded,
    totalDelta:
      before.totalRounded === null || after.totalRounded === null
        ? null
        : round(after.totalRounded - before.totalRounded, 1),
    gradeBefore: before.cappedGrade,
    gradeAfter: after.cappedGrade,
    areas: after.areas.map((area) => {
      const b = areaBefore.get(area.id) ?? null;
      return {
        id: area.id,
        before: b,
        after: area.score,
        delta: b === null || area.score === null ? null : round(area.score - b, 6),
      };
    }),
  };
}

/** The years from `from` to `to` inclusive; [] when from > to. */
export function yearsBetween(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

/** True when the answer is valid on the date (validFrom inclusive, validTo exclusive). */
export function validOn(a: Pick<DatedAnswer, 'validFrom' | 'validTo'>, date: string): boolean {
  return a.validFrom <= date && (a.validTo === null || a.validTo > date);
}
