/** Printing the evaluation: a plain table for the terminal, a Markdown table for notes, or JSON. */
import type { Summary } from './compare.ts';
import type { Scores } from './metrics.ts';

/** Everything one run measured. */
export interface EvalReport {
  analyzerVersion: string;
  baselineVersion: string;
  framework: string;
  documents: Array<{ document: string; relevance: string; provisions: number }>;
  skipped: Array<{ document: string; reason: string }>;
  analyzer: Summary;
  baseline: Summary;
}

function fmt(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

function pct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function cells(s: Pick<Scores, 'tp' | 'fp' | 'fn' | 'precision' | 'recall' | 'f1'>): string[] {
  return [String(s.tp), String(s.fp), String(s.fn), fmt(s.precision), fmt(s.recall), fmt(s.f1)];
}

const header = ['indicator', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'base TP', 'FP', 'FN', 'P', 'R', 'F1'];

function rows(report: EvalReport): string[][] {
  const { analyzer, baseline } = report;
  const out = analyzer.perIndicator.map((a, i) => {
    const b = baseline.perIndicator[i]!;
    return [a.indicator, ...cells(a), ...cells(b)];
  });
  out.push(['micro', ...cells(analyzer.micro), ...cells(baseline.micro)]);
  const macro = (m: Summary['macro']) => ['', '', '', fmt(m.precision), fmt(m.recall), fmt(m.f1)];
  out.push(['macro', ...macro(analyzer.macro), ...macro(baseline.macro)]);
  return out;
}

function footer(report: EvalReport): string[] {
  const line = (name: string, s: Summary) =>
    `${name}: evidence in the right provision ${s.evidence.right}/${s.evidence.truePositives} true positives ` +
    `(${pct(s.evidence.rate)}); false alarms on unrelated documents ${s.falseAlarms.total}` +
    (s.falseAlarms.documents.length > 0
      ? ` (${s.falseAlarms.documents.map((d) => `${d.document.split('/').pop()}: ${d.indicators.length}`).join(', ')})`
      : '') +
    `; non-verbatim quotes ${s.badQuotes.length}`;
  const out = [line(report.analyzerVersion, report.analyzer), line(report.baselineVersion, report.baseline)];
  for (const s of report.skipped) out.push(`skipped ${s.document}: ${s.reason}`);
  for (const q of report.analyzer.badQuotes.slice(0, 20)) {
    out.push(`non-verbatim: ${q.document} ${q.indicator} [${q.citation}] "${q.quote}": ${q.reason}`);
  }
  return out;
}

/** A fixed-width table with the analyzer on the left and the baseline on the right. */
export function formatText(report: EvalReport): string {
  const all = [header, ...rows(report)];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const render = (r: string[]) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  return [
    `${report.documents.length} labelled documents, framework ${report.framework}; ` +
      `analyzer ${report.analyzerVersion} (left) vs ${report.baselineVersion} (right); positive = yes or partial`,
    render(all[0]!),
    ...all.slice(1).map(render),
    '',
    ...footer(report),
  ].join('\n');
}

/** The same table in Markdown (pipes in cells escaped), for the closing note. */
export function formatMarkdown(report: EvalReport): string {
  const esc = (cell: string) => cell.replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
  const mdHeader = [
    'indicator',
    'TP',
    'FP',
    'FN',
    'P',
    'R',
    'F1',
    'baseline TP',
    'baseline FP',
    'baseline FN',
    'baseline P',
    'baseline R',
    'baseline F1',
  ];
  return [
    line(mdHeader),
    line(mdHeader.map(() => '---')),
    ...rows(report).map(line),
    '',
    ...footer(report).map((l) => `- ${l}`),
  ].join('\n');
}
