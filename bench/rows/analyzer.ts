/**
 * The analyzer alone, in process, over the provisions of 18 U.S.C. ch. 77 from the corpus (read once through
 * readDocument, flattened). Ours is `analyzeDocument` with all 66 indicators, definitions, penalties and verbatim
 * checks; the reference is a plain scan of the same provisions with one regular expression built from the same
 * lexicon words (every English concept pattern), counting matches and nothing else. Reported: provisions per
 * second (one pass analyzes every provision once); the "latency" is milliseconds per pass (p50/p99). Skipped with
 * a message when the corpus is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../src/core/analyzer/analyze.ts';
import en from '../../src/core/analyzer/lexicons/en.json' with { type: 'json' };
import type { AnalyzerDocument } from '../../src/core/analyzer/types.ts';
import { flattenProvisions } from '../../src/core/laws/types.ts';
import { readDocument } from '../../src/ingest/documents/read-document.ts';
import { currentFramework } from '../../src/services/analysis.ts';
import type { BenchRow, Measurement, MeasureSettings, TableLine } from '../measure.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const file = path.join(corpus, 'uslm/usc-t18-ch77-codexstanford-chunks.txt');

let sink = 0;

function timePasses(seconds: number, pass: () => number): number[] {
  const out: number[] = [];
  const until = performance.now() + seconds * 1000;
  do {
    const start = performance.now();
    sink += pass();
    out.push(performance.now() - start);
  } while (performance.now() < until);
  return out;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

function measurementOf(label: string, passes: number[], perPass: number): Measurement {
  const ms = passes.reduce((s, x) => s + x, 0);
  return {
    url: label,
    requestsPerSecond: ms > 0 ? (passes.length * perPass) / (ms / 1000) : 0,
    latencyP50Ms: Math.round(percentile(passes, 0.5) * 10) / 10,
    latencyP99Ms: Math.round(percentile(passes, 0.99) * 10) / 10,
    failures: 0,
  };
}

/** The analyzer row. */
export const analyzerRow: BenchRow = {
  id: 'analyzer',
  name: 'analyzer over 18 U.S.C. ch. 77 (provisions/s)',
  async run(settings: MeasureSettings): Promise<TableLine[]> {
    if (!fs.existsSync(file)) {
      process.stderr.write(`bench: corpus not found at ${file}; skipping the analyzer row\n`);
      return [];
    }
    const read = await readDocument({ fileName: path.basename(file), bytes: fs.readFileSync(file) });
    const document: AnalyzerDocument = {
      title: read.title ?? path.basename(file),
      language: 'en',
      provisions: flattenProvisions(read.provisions).map(({ node }) => ({
        citation: node.citation,
        heading: node.heading ?? '',
        text: node.text,
      })),
    };
    const framework = currentFramework();
    const words = Object.values(en.concepts as Record<string, string[]>).flat();
    const scan = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${words.map((w) => `(?:${w.replace(/ /g, '\\s+')})`).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const ours = () =>
      analyzeDocument(document, framework).suggestions.filter((s) => s.answer !== 'no').length;
    const reference = () => document.provisions.reduce((n, p) => n + (p.text.match(scan)?.length ?? 0), 0);
    if (settings.warmupSeconds > 0) {
      timePasses(settings.warmupSeconds, ours);
      timePasses(settings.warmupSeconds, reference);
    }
    const oursPasses: number[] = [];
    const refPasses: number[] = [];
    const rounds = Math.max(1, Math.min(5, settings.seconds));
    for (let round = 0; round < rounds; round++) {
      oursPasses.push(...timePasses(settings.seconds / rounds, ours));
      refPasses.push(...timePasses(settings.seconds / rounds, reference));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!Number.isFinite(sink)) throw new Error('analyzer bench produced a non-finite count');
    const n = document.provisions.length;
    const a = measurementOf('analyzeDocument', oursPasses, n);
    const b = measurementOf('lexicon regex scan', refPasses, n);
    const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
    return [
      {
        name: `analyzer over 18 U.S.C. ch. 77, ${n} provisions (provisions/s)`,
        ours: fmt(a.requestsPerSecond),
        reference: fmt(b.requestsPerSecond),
        ratio: b.requestsPerSecond > 0 ? (a.requestsPerSecond / b.requestsPerSecond).toFixed(3) : '—',
        failed: false,
        details: `analyzer: ${a.latencyP50Ms} ms per pass (p50), ${a.latencyP99Ms} ms (p99); regex scan: ${b.latencyP50Ms} ms (p50)`,
      },
    ];
  },
};
