/**
 * Comparing one analysis with one label file. Policy:
 * - positive = `yes` or `partial`, on both sides; an indicator missing from the analysis counts as `no`;
 * - a true positive's evidence is "in the right provision" when any of the suggestion's evidence citations is a
 *   label citation or a non-container ancestor or descendant of one in the reader's tree (`sameProvision`);
 * - a quote is verbatim when its citation exists in the document and `text.slice(start, end) === quote`
 *   (non-empty); anything else is counted as non-verbatim, with the reason;
 * - on a document labelled `unrelated`, every positive suggestion is a false alarm.
 */
import type { Analysis, SuggestedAnswer } from '../src/core/analyzer/types.ts';
import { type EvalDocument, sameProvision } from './corpus.ts';
import type { LabelFile } from './labels.ts';
import { addCounts, type Counts, type Scores, scoreCounts, totals } from './metrics.ts';

/** How one indicator came out on one document. */
export interface IndicatorOutcome {
  indicator: string;
  expected: SuggestedAnswer;
  predicted: SuggestedAnswer;
  outcome: 'tp' | 'fp' | 'fn' | 'tn';
  /** For true positives: whether the evidence points at a labelled provision; null otherwise. */
  evidenceRight: boolean | null;
}

/** A quote that is not a verbatim substring of the provision it cites. */
export interface BadQuote {
  document: string;
  indicator: string;
  citation: string;
  quote: string;
  reason: string;
}

/** The comparison of one analysis with one label file. */
export interface DocumentResult {
  document: string;
  relevance: LabelFile['relevance'];
  outcomes: IndicatorOutcome[];
  badQuotes: BadQuote[];
  /** Positive suggestions on a document labelled unrelated. */
  falseAlarms: string[];
}

const positive = (answer: SuggestedAnswer) => answer !== 'no';

/** Checks every quote of the analysis against the document's provision texts. */
export function findBadQuotes(document: string, doc: EvalDocument, analysis: Analysis): BadQuote[] {
  const bad: BadQuote[] = [];
  for (const suggestion of analysis.suggestions) {
    for (const evidence of suggestion.evidence) {
      const text = doc.texts.get(evidence.citation);
      const base = {
        document,
        indicator: suggestion.indicator,
        citation: evidence.citation,
        quote: evidence.quote,
      };
      if (text === undefined) bad.push({ ...base, reason: 'no provision has this citation' });
      else if (evidence.quote.length === 0) bad.push({ ...base, reason: 'empty quote' });
      else if (!text.includes(evidence.quote))
        bad.push({ ...base, reason: 'not a substring of the provision' });
      else if (text.slice(evidence.start, evidence.end) !== evidence.quote) {
        bad.push({ ...base, reason: `offsets ${evidence.start}..${evidence.end} do not hold the quote` });
      }
    }
  }
  return bad;
}

/** Compares one analysis with the labels of its document. */
export function compareDocument(labels: LabelFile, doc: EvalDocument, analysis: Analysis): DocumentResult {
  const byIndicator = new Map(analysis.suggestions.map((s) => [s.indicator, s]));
  const labelled = new Map(labels.labels.map((l) => [l.indicator, l]));
  const indicators = [...new Set([...byIndicator.keys(), ...labelled.keys()])];
  const outcomes: IndicatorOutcome[] = indicators.map((indicator) => {
    const label = labelled.get(indicator);
    const suggestion = byIndicator.get(indicator);
    const expected: SuggestedAnswer = label?.answer ?? 'no';
    const predicted: SuggestedAnswer = suggestion?.answer ?? 'no';
    const want = positive(expected);
    const got = positive(predicted);
    const outcome = want && got ? 'tp' : got ? 'fp' : want ? 'fn' : 'tn';
    let evidenceRight: boolean | null = null;
    if (outcome === 'tp' && label && suggestion) {
      evidenceRight = suggestion.evidence.some((e) =>
        label.evidence.some((l) => sameProvision(doc, e.citation, l.citation)),
      );
    }
    return { indicator, expected, predicted, outcome, evidenceRight };
  });
  return {
    document: labels.document,
    relevance: labels.relevance,
    outcomes,
    badQuotes: findBadQuotes(labels.document, doc, analysis),
    falseAlarms:
      labels.relevance === 'unrelated'
        ? analysis.suggestions.filter((s) => positive(s.answer)).map((s) => s.indicator)
        : [],
  };
}

/** Per-indicator scores with the evidence tally of its true positives. */
export interface IndicatorSummary extends Scores {
  indicator: string;
  evidenceRight: number;
}

/** The figures of one system (analyzer or baseline) over the whole development set. */
export interface Summary {
  perIndicator: IndicatorSummary[];
  micro: Scores;
  macro: ReturnType<typeof totals>['macro'];
  evidence: { right: number; truePositives: number; rate: number | null };
  falseAlarms: { total: number; documents: Array<{ document: string; indicators: string[] }> };
  badQuotes: BadQuote[];
  /** False positives, false negatives and true positives with evidence elsewhere, for whoever tunes the rules. */
  mistakes: Array<{
    document: string;
    indicator: string;
    outcome: string;
    expected: string;
    predicted: string;
  }>;
}

/** Adds up document results per indicator, in the order of `indicatorIds`. */
export function summarize(results: readonly DocumentResult[], indicatorIds: readonly string[]): Summary {
  const perIndicator = indicatorIds.map((indicator) => {
    const outcomes = results.flatMap((r) => r.outcomes.filter((o) => o.indicator === indicator));
    const counts: Counts = addCounts(
      outcomes.map((o) => ({
        tp: o.outcome === 'tp' ? 1 : 0,
        fp: o.outcome === 'fp' ? 1 : 0,
        fn: o.outcome === 'fn' ? 1 : 0,
      })),
    );
    return {
      indicator,
      ...scoreCounts(counts),
      evidenceRight: outcomes.filter((o) => o.evidenceRight === true).length,
    };
  });
  const { micro, macro } = totals(perIndicator);
  const right = perIndicator.reduce((n, s) => n + s.evidenceRight, 0);
  const alarmed = results.filter((r) => r.falseAlarms.length > 0);
  return {
    perIndicator,
    micro,
    macro,
    evidence: { right, truePositives: micro.tp, rate: micro.tp === 0 ? null : right / micro.tp },
    falseAlarms: {
      total: alarmed.reduce((n, r) => n + r.falseAlarms.length, 0),
      documents: alarmed.map((r) => ({ document: r.document, indicators: r.falseAlarms })),
    },
    badQuotes: results.flatMap((r) => r.badQuotes),
    mistakes: results.flatMap((r) =>
      r.outcomes
        .filter((o) => o.outcome === 'fp' || o.outcome === 'fn' || o.evidenceRight === false)
        .map((o) => ({
          document: r.document,
          indicator: o.indicator,
          outcome: o.outcome === 'tp' ? 'tp, evidence elsewhere' : o.outcome,
          expected: o.expected,
          predicted: o.predicted,
        })),
    ),
  };
}
