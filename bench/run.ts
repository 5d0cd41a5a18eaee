/**
 * `npm run bench [-- ROW…]`: runs every row (or the rows named by id or part of their name) in turn and prints a markdown table `name | ours | reference | ratio`
 * (ratio = ours / reference). BENCH_SECONDS sets the measured seconds per target (default 10). Loopback only;
 * a watchdog ends the run if it overstays its budget. Exits 1 when a row fails or saw failed requests.
 */
import {
  type BenchRow,
  type Measurement,
  type MeasureSettings,
  type RowResult,
  settingsFromEnv,
  type TableLine,
} from './measure.ts';
import { analyzerRow } from './rows/analyzer.ts';
import { billsImportRow } from './rows/bills-import.ts';
import { frameworkRow } from './rows/framework.ts';
import { ingestXmlRow } from './rows/ingest-xml.ts';
import { pageWeightRow } from './rows/page-weight.ts';
import { petitionIntakeRow } from './rows/petition-intake.ts';
import { petitionOverloadRow } from './rows/petition-overload.ts';
import { portalRow } from './rows/portal.ts';
import { scoreDbRow } from './rows/score-db.ts';
import { scoringRow } from './rows/scoring.ts';
import { searchRow } from './rows/search.ts';

/** Rows, in table order. A new row is a module under bench/rows/ added here. */
const allRows: BenchRow[] = [
  frameworkRow,
  scoringRow,
  scoreDbRow,
  searchRow,
  ingestXmlRow,
  analyzerRow,
  billsImportRow,
  petitionIntakeRow,
  petitionOverloadRow,
  pageWeightRow,
  portalRow,
];

// `npm run bench -- score-db search`: only the rows whose id is named, or whose name contains an argument.
const wanted = process.argv.slice(2).map((a) => a.toLowerCase());
const rows = wanted.length
  ? allRows.filter((r) => wanted.some((w) => r.id === w || r.name.toLowerCase().includes(w)))
  : allRows;
if (rows.length === 0) {
  const known = allRows.map((r) => r.id ?? r.name).join(', ');
  process.stderr.write(`bench: no row matches ${wanted.join(' ')} (rows: ${known})\n`);
  process.exit(2);
}

let settings: MeasureSettings;
try {
  settings = settingsFromEnv();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
// Each row measures two targets, each with a warm-up; allow generous slack for start-up and teardown.
// A row that generates data first declares the extra seconds it needs.
const budgetMs =
  rows.reduce(
    (sum, row) => sum + 2 * (settings.seconds + settings.warmupSeconds) + (row.extraSeconds ?? 0),
    0,
  ) *
    1000 +
  60_000;
setTimeout(() => {
  process.stderr.write(`bench: still running after ${Math.round(budgetMs / 1000)} s; giving up\n`);
  process.exit(1);
}, budgetMs).unref();

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

function cellOf(m: Measurement): string {
  return m.failures > 0 ? `${fmt(m.requestsPerSecond)} (${m.failures} failed)` : fmt(m.requestsPerSecond);
}

process.stderr.write(
  `bench: ${rows.length} row(s), ${settings.seconds} s per target after a ${settings.warmupSeconds} s warm-up, ` +
    `${settings.connections} connections, node ${process.version}\n`,
);

const lines = ['| name | ours | reference | ratio |', '| --- | ---: | ---: | ---: |'];
const details: string[] = [];
let failed = false;
for (const row of rows) {
  process.stderr.write(`bench: ${row.name}…\n`);
  let result: RowResult | TableLine[];
  try {
    result = await row.run(settings);
  } catch (err) {
    failed = true;
    lines.push(`| ${row.name} | error | error | – |`);
    details.push(`${row.name}: ${err instanceof Error ? err.message : String(err)}`);
    continue;
  }
  if (Array.isArray(result)) {
    for (const line of result) {
      if (line.failed) failed = true;
      lines.push(`| ${line.name} | ${line.ours} | ${line.reference} | ${line.ratio} |`);
      if (line.details) details.push(line.details);
    }
    continue;
  }
  const { ours, reference } = result;
  if (ours.failures > 0 || reference.failures > 0) failed = true;
  const ratio = reference.requestsPerSecond > 0 ? ours.requestsPerSecond / reference.requestsPerSecond : 0;
  lines.push(`| ${row.name} | ${cellOf(ours)} | ${cellOf(reference)} | ${ratio.toFixed(2)} |`);
  details.push(
    `${row.name}: latency p50/p99 ours ${ours.latencyP50Ms}/${ours.latencyP99Ms} ms, ` +
      `reference ${reference.latencyP50Ms}/${reference.latencyP99Ms} ms`,
  );
}

// Exit once the table is flushed: autocannon's worker threads and keep-alive sockets may linger otherwise.
process.stdout.write(`\n${lines.join('\n')}\n\n${details.join('\n')}\n`, () => process.exit(failed ? 1 : 0));
