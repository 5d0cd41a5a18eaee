/**
 * XML ingest: the largest USLM file of the corpus and a generated ~100 MB US Code title (invented text in the
 * real structure, src/ingest/documents/fixtures/generate-uslm.ts). Ours is readDocument (streamed saxes
 * reader, provision tree with citations) and then analyzeDocument over the flattened provisions; the
 * reference is a plain fast-xml-parser parse of the same bytes (decode + DOM, no provisions) in the same run.
 * Reported: MB/s of the file's bytes, ratio = ours / reference (above 1 means ours is faster), once for
 * read + split alone and once with the analysis added. Peak memory: heapUsed growth sampled between chunks
 * (ours) and with the DOM alive (reference), and the process's peak RSS. The corpus file runs in alternating
 * rounds for up to BENCH_SECONDS (at most 5 s) per side; the 100 MB title runs once per side.
 * One more line imports the 100 MB title from disk into a fresh SQLite file as `lawgap laws import` does
 * (streamed read, then one transaction), in a child process of its own (ingest-import-child.ts) so its peak
 * RSS is the import's; its reference is the same fast-xml-parser parse of the title (in memory, no storage).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { XMLParser } from 'fast-xml-parser';
import { analyzeDocument } from '../../src/core/analyzer/analyze.ts';
import { parseFramework } from '../../src/core/framework/parse-framework.ts';
import v1 from '../../src/core/framework/versions/v1.json' with { type: 'json' };
import { flattenProvisions } from '../../src/core/laws/types.ts';
import { generateUslmBytes } from '../../src/ingest/documents/fixtures/generate-uslm.ts';
import { readDocument } from '../../src/ingest/documents/read-document.ts';
import { readUslmChunks } from '../../src/ingest/documents/readers/uslm.ts';
import { chunksOf } from '../../src/ingest/documents/readers/xml-stream.ts';
import type { ReadDocument } from '../../src/ingest/documents/types.ts';
import type { BenchRow, MeasureSettings, TableLine } from '../measure.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const framework = parseFramework(v1);
const generatedBytes = 100_000_000;

const mb = (bytes: number) => bytes / 1_000_000;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

interface Timing {
  seconds: number;
  runs: number;
}

function analyze(doc: ReadDocument): number {
  const provisions = flattenProvisions(doc.provisions).map(({ node }) => ({
    citation: node.citation,
    heading: node.heading,
    text: node.text,
  }));
  const analysis = analyzeDocument(
    { title: doc.title ?? '', language: doc.language ?? 'en', provisions },
    framework,
  );
  return analysis.suggestions.length;
}

/** Ours on one buffer: read (streamed from chunks, heap sampled between them), optionally analyze. */
async function ours(fileName: string, bytes: Uint8Array, withAnalysis: boolean) {
  let peak = process.memoryUsage().heapUsed;
  function* sampled() {
    for (const chunk of chunksOf(bytes)) {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      yield chunk;
    }
  }
  const doc =
    fileName === 'generated.xml'
      ? await readUslmChunks(fileName, sampled())
      : await readDocument({ fileName, bytes });
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  if (withAnalysis && analyze(doc) !== 66) throw new Error('the analysis did not answer every indicator');
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { provisions: flattenProvisions(doc.provisions).length, peak };
}

function reference(bytes: Uint8Array) {
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(new TextDecoder().decode(bytes));
  const peak = process.memoryUsage().heapUsed;
  if (!parsed) throw new Error('fast-xml-parser returned nothing');
  return { peak };
}

/** Runs each side in alternating rounds until each has had `budget` seconds (at least `minRuns` runs). */
async function alternate(
  sides: Array<() => Promise<unknown> | unknown>,
  budget: number,
  minRuns: number,
): Promise<Timing[]> {
  const timings = sides.map(() => ({ seconds: 0, runs: 0 }));
  while (timings.some((t) => t.seconds < budget || t.runs < minRuns)) {
    for (const [i, side] of sides.entries()) {
      const t = timings[i] as Timing;
      if (t.seconds >= budget && t.runs >= minRuns) continue;
      const start = performance.now();
      await side();
      t.seconds += (performance.now() - start) / 1000;
      t.runs++;
    }
  }
  return timings;
}

async function measure(
  name: string,
  fileName: string,
  bytes: Uint8Array,
  budget: number,
  minRuns: number,
): Promise<{ lines: TableLine[]; referenceRate: number }> {
  const size = mb(bytes.length);
  const [read, full, ref] = await alternate(
    [() => ours(fileName, bytes, false), () => ours(fileName, bytes, true), () => reference(bytes)],
    budget,
    minRuns,
  );
  const rate = (t: Timing | undefined) => (t ? (size * t.runs) / t.seconds : 0);
  // Memory, one clean run per side after a collection.
  gc();
  const base = process.memoryUsage().heapUsed;
  const mine = await ours(fileName, bytes, false);
  const oursGrowth = mine.peak - base;
  gc();
  const refBase = process.memoryUsage().heapUsed;
  const theirs = reference(bytes);
  const refGrowth = theirs.peak - refBase;
  gc();
  const rss = process.resourceUsage().maxRSS / 1024;
  const line = (label: string, t: Timing | undefined): TableLine => ({
    name: `${name}: ${label}, MB/s`,
    ours: fmt(rate(t)),
    reference: fmt(rate(ref)),
    ratio: (rate(t) / rate(ref)).toFixed(2),
    failed: false,
    details: null,
  });
  const lines = [
    line('read + split', read),
    {
      ...line('read + split + analysis', full),
      details:
        `${name}: ${fmt(size)} MB, ${mine.provisions} provisions; heap growth ours ${fmt(mb(oursGrowth))} MB ` +
        `(${fmt(oursGrowth / bytes.length, 2)}× the file) vs fast-xml-parser DOM ${fmt(mb(refGrowth))} MB ` +
        `(${fmt(refGrowth / bytes.length, 2)}×); peak RSS of the bench process so far ${fmt(rss, 0)} MB; ` +
        `runs ${read?.runs}/${full?.runs}/${ref?.runs}`,
    },
  ];
  return { lines, referenceRate: rate(ref) };
}

/** Imports the title from a file into a fresh SQLite file in a child process; MB/s against the reference. */
async function importLine(bytes: Uint8Array, referenceRate: number): Promise<TableLine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-import-'));
  try {
    const file = path.join(dir, 'title.xml');
    fs.writeFileSync(file, bytes);
    const child = path.join(import.meta.dirname, 'ingest-import-child.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', child, file, path.join(dir, 'data')],
      { cwd: root, maxBuffer: 1024 * 1024 },
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      seconds: number;
      provisions: number;
      maxRssBytes: number;
      rawHeapGrowthBytes: number;
      liveHeapGrowthBytes: number;
    };
    const growth = (n: number) => `${fmt(mb(n), 0)} MB (${fmt(n / bytes.length, 2)}× the file)`;
    const rate = mb(bytes.length) / out.seconds;
    return {
      name: 'import generated 100 MB title into SQLite, MB/s',
      ours: fmt(rate),
      reference: fmt(referenceRate),
      ratio: (rate / referenceRate).toFixed(2),
      failed: false,
      details:
        `import generated 100 MB title into SQLite: ${out.provisions} provisions in ${fmt(out.seconds)} s; ` +
        `live heap growth ${growth(out.liveHeapGrowthBytes)}, raw (uncollected garbage included) ` +
        `${growth(out.rawHeapGrowthBytes)}; peak RSS of the importing process ${fmt(mb(out.maxRssBytes), 0)} MB`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The XML ingest row: corpus file and generated 100 MB title. */
export const ingestXmlRow: BenchRow = {
  name: 'ingest XML',
  extraSeconds: 300,
  async run(settings: MeasureSettings): Promise<TableLine[]> {
    const lines: TableLine[] = [];
    const dir = path.join(corpus, 'uslm');
    if (fs.existsSync(dir)) {
      const largest = fs
        .readdirSync(dir)
        .filter((f) => /\.xml$/i.test(f))
        .map((f) => ({ f, size: fs.statSync(path.join(dir, f)).size }))
        .sort((a, b) => b.size - a.size)[0];
      if (largest) {
        const bytes = new Uint8Array(fs.readFileSync(path.join(dir, largest.f)));
        const corpusLines = await measure(largest.f, largest.f, bytes, Math.min(settings.seconds, 5), 3);
        lines.push(...corpusLines.lines);
      }
    } else {
      process.stderr.write(`bench: corpus not found at ${dir}; skipping the corpus USLM line\n`);
    }
    const generated = generateUslmBytes(generatedBytes);
    const title = await measure('generated 100 MB title', 'generated.xml', generated, 0, 1);
    lines.push(...title.lines, await importLine(generated, title.referenceRate));
    return lines;
  },
};
