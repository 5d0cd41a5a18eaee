/**
 * `npm run eval [-- --json | --markdown]`: reads every labelled corpus document, runs the analyzer and the
 * keyword baseline on it, and prints per-indicator precision, recall and F1 for both, with micro and macro
 * totals, the evidence-in-the-right-provision rate, false alarms on unrelated documents and non-verbatim quotes.
 * Exits 1 when any analyzer quote is not verbatim, 0 otherwise (also when the corpus is absent: it says so).
 */
import { builtinFrameworks } from '../src/core/framework/builtin.ts';
import { parseFramework } from '../src/core/framework/parse-framework.ts';
import { analyzeWithKeywords, baselineVersion } from './baseline.ts';
import { compareDocument, type DocumentResult, summarize } from './compare.ts';
import { analyzeCorpusDocument, corpusPresent, corpusRoot } from './corpus.ts';
import { loadLabelFiles } from './labels.ts';
import { type EvalReport, formatMarkdown, formatText } from './report.ts';

/** Runs the whole evaluation over the labelled documents found in the corpus. */
export async function runEvaluation(corpus: string): Promise<EvalReport> {
  const framework = parseFramework(builtinFrameworks[0]);
  const indicatorIds = framework.indicators.map((i) => i.id);
  const analyzerResults: DocumentResult[] = [];
  const baselineResults: DocumentResult[] = [];
  const documents: EvalReport['documents'] = [];
  const skipped: EvalReport['skipped'] = [];
  let analyzerVersion = '';
  for (const labels of loadLabelFiles()) {
    let analyzed: Awaited<ReturnType<typeof analyzeCorpusDocument>>;
    try {
      analyzed = await analyzeCorpusDocument(corpus, labels.document, labels.format);
    } catch (error) {
      skipped.push({ document: labels.document, reason: (error as Error).message });
      continue;
    }
    const { doc, analysis } = analyzed;
    analyzerVersion = analysis.analyzerVersion;
    analyzerResults.push(compareDocument(labels, doc, analysis));
    baselineResults.push(compareDocument(labels, doc, analyzeWithKeywords(doc.analyzerDocument, framework)));
    documents.push({
      document: labels.document,
      relevance: labels.relevance,
      provisions: doc.analyzerDocument.provisions.length,
    });
  }
  return {
    analyzerVersion,
    baselineVersion,
    framework: `${framework.id} v${framework.version}`,
    documents,
    skipped,
    analyzer: summarize(analyzerResults, indicatorIds),
    baseline: summarize(baselineResults, indicatorIds),
  };
}

async function main(argv: string[]): Promise<number> {
  const corpus = corpusRoot();
  if (!corpusPresent(corpus)) {
    console.log(`eval: corpus not found at ${corpus} (set LAWGAP_CORPUS); nothing to evaluate`);
    return 0;
  }
  const report = await runEvaluation(corpus);
  if (argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else if (argv.includes('--markdown')) console.log(formatMarkdown(report));
  else console.log(formatText(report));
  if (report.analyzer.badQuotes.length > 0) {
    console.error(`eval: ${report.analyzer.badQuotes.length} analyzer quote(s) are not verbatim`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
