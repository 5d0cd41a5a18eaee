import { describe, expect, it } from 'vitest';
import type { Analysis, Suggestion } from '../src/core/analyzer/types.ts';
import type { ReadDocument } from '../src/ingest/documents/types.ts';
import { analyzeWithKeywords, baselineKeywords } from './baseline.ts';
import { compareDocument, summarize } from './compare.ts';
import { sameProvision, toEvalDocument } from './corpus.ts';
import type { LabelFile } from './labels.ts';
import { scoreCounts, totals } from './metrics.ts';

describe('scoreCounts', () => {
  it('computes precision, recall and F1 from hand counts', () => {
    const s = scoreCounts({ tp: 6, fp: 2, fn: 4 });
    expect(s.precision).toBeCloseTo(0.75, 10);
    expect(s.recall).toBeCloseTo(0.6, 10);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6), 10);
  });

  it('gives null, not 0 or 1, where a denominator is zero', () => {
    expect(scoreCounts({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: null, recall: null, f1: null });
    expect(scoreCounts({ tp: 0, fp: 0, fn: 3 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(scoreCounts({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
});

describe('totals', () => {
  it('pools counts for micro and averages defined ratios for macro', () => {
    const per = [
      scoreCounts({ tp: 1, fp: 0, fn: 1 }),
      scoreCounts({ tp: 3, fp: 1, fn: 0 }),
      scoreCounts({ tp: 0, fp: 0, fn: 0 }),
    ];
    const { micro, macro } = totals(per);
    expect(micro).toMatchObject({ tp: 4, fp: 1, fn: 1 });
    expect(micro.precision).toBeCloseTo(0.8, 10);
    expect(micro.recall).toBeCloseTo(0.8, 10);
    // F1s are 2/3 and 6/7; the empty indicator is left out of the mean.
    expect(macro.f1).toBeCloseTo((2 / 3 + 6 / 7) / 2, 10);
    expect(macro.precision).toBeCloseTo((1 + 0.75) / 2, 10);
    expect(macro.indicators).toBe(2);
  });
});

const read: ReadDocument = {
  format: 'text',
  title: 'Test Act',
  citation: null,
  language: 'en',
  effectiveFrom: null,
  type: null,
  notes: [],
  provisions: [
    {
      kind: 'chapter',
      citation: 'ch. 1',
      heading: 'Offences',
      text: '',
      children: [
        {
          kind: 'section',
          citation: '§ 1',
          heading: 'Trafficking',
          text: 'Whoever recruits a person shall be punished.',
          children: [
            {
              kind: 'subsection',
              citation: '§ 1(a)',
              heading: null,
              text: 'Consent is no defence.',
              children: [],
            },
          ],
        },
        {
          kind: 'section',
          citation: '§ 2',
          heading: 'Restitution',
          text: 'The court shall order restitution.',
          children: [],
        },
      ],
    },
  ],
};

function suggestion(indicator: string, citation?: string, quote?: string, start = 0): Suggestion {
  const evidence = citation && quote ? [{ citation, quote, start, end: start + quote.length }] : [];
  return { indicator, answer: citation ? 'yes' : 'no', confidence: 0.9, evidence, rationale: 'test' };
}

const labels: LabelFile = {
  file: 'test.json',
  document: 'test.txt',
  format: 'text',
  framework: 'lawgap-v1',
  relevance: 'trafficking',
  unlisted: 'no',
  notes: [],
  labels: [
    { indicator: 'CR-01', answer: 'yes', evidence: [{ citation: '§ 1', quote: 'recruits a person' }] },
    { indicator: 'CR-06', answer: 'yes', evidence: [{ citation: '§ 1(a)', quote: 'Consent is no defence' }] },
    { indicator: 'PN-04', answer: 'partial', evidence: [{ citation: '§ 2', quote: 'order restitution' }] },
  ],
};

describe('compareDocument and summarize', () => {
  const doc = toEvalDocument(read, 'test.txt');

  it('relates citations through the tree but not through containers', () => {
    expect(sameProvision(doc, '§ 1', '§ 1(a)')).toBe(true);
    expect(sameProvision(doc, '§ 1(a)', '§ 1')).toBe(true);
    expect(sameProvision(doc, 'ch. 1', '§ 1(a)')).toBe(false);
    expect(sameProvision(doc, '§ 2', '§ 1')).toBe(false);
  });

  it('counts TP/FP/FN, right evidence and bad quotes per indicator', () => {
    const analysis: Analysis = {
      analyzerVersion: 'test/1',
      frameworkId: 'lawgap-v1',
      frameworkVersion: 1,
      suggestions: [
        suggestion('CR-01', '§ 1(a)', 'Consent'), // TP, evidence in a descendant: right
        suggestion('CR-06', '§ 2', 'restitution', 22), // TP, wrong provision
        suggestion('PN-04'), // FN
        suggestion('PN-06', '§ 2', 'the court'), // FP, and not verbatim (case differs)
      ],
    };
    const result = compareDocument(labels, doc, analysis);
    const summary = summarize([result], ['CR-01', 'CR-06', 'PN-04', 'PN-06']);
    const by = Object.fromEntries(summary.perIndicator.map((s) => [s.indicator, s]));
    expect(by['CR-01']).toMatchObject({ tp: 1, fp: 0, fn: 0, evidenceRight: 1 });
    expect(by['CR-06']).toMatchObject({ tp: 1, fp: 0, fn: 0, evidenceRight: 0 });
    expect(by['PN-04']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(by['PN-06']).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(summary.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(summary.evidence).toEqual({ right: 1, truePositives: 2, rate: 0.5 });
    expect(summary.badQuotes.map((q) => q.indicator)).toEqual(['PN-06']);
    expect(summary.falseAlarms.total).toBe(0);
  });

  it('catches quotes whose offsets do not hold them, and false alarms on unrelated documents', () => {
    const analysis: Analysis = {
      analyzerVersion: 'test/1',
      frameworkId: 'lawgap-v1',
      frameworkVersion: 1,
      suggestions: [suggestion('PN-04', '§ 2', 'restitution', 0), suggestion('CR-01')],
    };
    const result = compareDocument({ ...labels, relevance: 'unrelated', labels: [] }, doc, analysis);
    expect(result.badQuotes).toHaveLength(1);
    expect(result.badQuotes[0]!.reason).toMatch(/offsets/);
    expect(result.falseAlarms).toEqual(['PN-04']);
  });

  it('runs the keyword baseline with verbatim evidence', () => {
    expect(Object.keys(baselineKeywords)).toHaveLength(66);
    const framework = {
      id: 'lawgap-v1',
      version: 1,
      indicators: [{ id: 'PN-04' }, { id: 'CR-06' }, { id: 'PV-05' }],
    } as unknown as Parameters<typeof analyzeWithKeywords>[1];
    const analysis = analyzeWithKeywords(doc.analyzerDocument, framework);
    expect(analysis.suggestions.map((s) => s.answer)).toEqual(['yes', 'yes', 'no']);
    expect(analysis.suggestions[0]!.evidence[0]).toMatchObject({ citation: '§ 2', quote: 'restitution' });
    expect(analysis.suggestions[1]!.evidence[0]).toMatchObject({ citation: '§ 1(a)', quote: 'Consent' });
    const result = compareDocument(labels, doc, analysis);
    expect(result.badQuotes).toEqual([]);
  });
});
