/**
 * Precision, recall and F1 from counts. Policy: a ratio whose denominator is zero is null (not 0, not 1), so an
 * indicator nobody labelled and nobody predicted shows as "—" and is left out of the macro average instead of
 * inflating or deflating it. Micro totals add the counts of every indicator first.
 */

/** True/false positives and false negatives (true negatives are not needed for P/R/F1). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Counts with their ratios; null where the denominator is zero. */
export interface Scores extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn); null where the denominator is zero. */
export function scoreCounts(counts: Counts): Scores {
  const { tp, fp, fn } = counts;
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** Adds counts. */
export function addCounts(list: readonly Counts[]): Counts {
  return list.reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
}

/** The mean of the non-null values, or null when there are none. */
function mean(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/** Micro (pooled counts) and macro (mean of per-indicator ratios that are defined) totals. */
export function totals(perIndicator: readonly Scores[]): {
  micro: Scores;
  macro: { precision: number | null; recall: number | null; f1: number | null; indicators: number };
} {
  return {
    micro: scoreCounts(addCounts(perIndicator)),
    macro: {
      precision: mean(perIndicator.map((s) => s.precision)),
      recall: mean(perIndicator.map((s) => s.recall)),
      f1: mean(perIndicator.map((s) => s.f1)),
      indicators: perIndicator.filter((s) => s.f1 !== null).length,
    },
  };
}
