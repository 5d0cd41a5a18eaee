/**
 * Row `bills-import`: 100,000 invented bills (LAWGAP_BENCH_BILLS to scale) in Open States per-session bulk
 * JSON files, imported through the real service (`importBillFiles`, as `lawgap bills import` does) into a
 * fresh SQLite file and a scratch PostgreSQL database; then the same files again, which must all be unchanged.
 * The reference is a plain `JSON.parse` of the same file texts, timed in the same run just before each import
 * (best of three passes), so the ratio says how many times slower than merely parsing the JSON an import is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBillFiles } from '../../src/services/bill-bulk.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor } from '../../src/services/context.ts';
import { createStore, type Store } from '../../src/store/db.ts';
import { type GeneratedBillFile, generateBillFiles } from '../../test/generated-bills.ts';
import type { BenchRow, TableLine } from '../measure.ts';
import { adminUrl, createScratchDatabase, dropScratchDatabase } from '../postgres.ts';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** LAWGAP_BENCH_BILLS, else 100,000. */
function billCount(): number {
  const raw = process.env.LAWGAP_BENCH_BILLS;
  const n = raw === undefined || raw === '' ? 100_000 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000) {
    throw new Error(`LAWGAP_BENCH_BILLS must be a whole number from 1 to 2000000, got "${raw}"`);
  }
  return n;
}

/** Seconds for the best of three plain parses of every file. */
function parseSeconds(files: GeneratedBillFile[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    let n = 0;
    for (const f of files) n += (JSON.parse(f.text) as unknown[]).length;
    best = Math.min(best, (performance.now() - start) / 1000);
    if (n === 0) throw new Error('no bills parsed');
  }
  return best;
}

interface Pass {
  seconds: number;
  totals: Awaited<ReturnType<typeof importBillFiles>>['totals'];
}

/** Imports every file as `lawgap bills import` does, grouped by state (the jurisdiction of its files). */
async function importAll(store: Store, files: GeneratedBillFile[]): Promise<Pass> {
  const ctx = { db: store.db, actor: cliActor };
  const byJurisdiction = new Map<string, GeneratedBillFile[]>();
  for (const f of files)
    byJurisdiction.set(f.jurisdiction, [...(byJurisdiction.get(f.jurisdiction) ?? []), f]);
  const totals = { new: 0, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 };
  const start = performance.now();
  for (const [jurisdiction, group] of byJurisdiction) {
    const report = await importBillFiles(ctx, {
      format: 'openstates',
      files: group.map((f) => ({ name: f.name, content: f.text })),
      jurisdiction,
    });
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += report.totals[k];
    const refused = report.files.find((f) => f.status === 'refused');
    if (refused)
      throw new Error(`${refused.file} refused: ${refused.error} ${refused.rejected[0]?.reason ?? ''}`);
  }
  return { seconds: (performance.now() - start) / 1000, totals };
}

function line(
  name: string,
  bills: number,
  ours: Pass,
  parse: number,
  expected: 'new' | 'unchanged',
  details: string,
): TableLine {
  const oursRate = bills / ours.seconds;
  const refRate = bills / parse;
  const wrong = ours.totals[expected] !== bills;
  return {
    name,
    ours: wrong ? `${fmt(oursRate)} (${expected} ${ours.totals[expected]} of ${bills})` : fmt(oursRate),
    reference: fmt(refRate),
    ratio: (oursRate / refRate).toFixed(3),
    failed: wrong,
    details: `${name}: ${ours.seconds.toFixed(1)} s (JSON.parse of the same files ${parse.toFixed(2)} s); ${details}`,
  };
}

/** Imports, then re-imports, on one opened store. */
async function measureOn(
  label: string,
  store: Store,
  files: GeneratedBillFile[],
  bills: number,
): Promise<TableLine[]> {
  await prepareDatabase(store.db);
  const mb = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
  const what = `${fmt(bills)} bills in ${files.length} bulk JSON files, ${mb.toFixed(0)} MB`;
  const parseFirst = parseSeconds(files);
  const first = await importAll(store, files);
  process.stderr.write(`bench: bills-import [${label}]: imported in ${first.seconds.toFixed(1)} s\n`);
  const parseAgain = parseSeconds(files);
  const again = await importAll(store, files);
  process.stderr.write(`bench: bills-import [${label}]: re-imported in ${again.seconds.toFixed(1)} s\n`);
  return [
    line(`import ${fmt(bills)} new bills [${label}] (bills/s)`, bills, first, parseFirst, 'new', what),
    line(
      `re-import ${fmt(bills)} unchanged bills [${label}] (bills/s)`,
      bills,
      again,
      parseAgain,
      'unchanged',
      what,
    ),
  ];
}

/** The bill import row: two lines per engine. */
export const billsImportRow: BenchRow = {
  id: 'bills-import',
  name: 'bills import (bills/s)',
  // Generating the files, then two imports on each engine: allow 30 bills/s (a loaded 2-core machine, PostgreSQL).
  extraSeconds: 120 + Math.ceil((Number(process.env.LAWGAP_BENCH_BILLS) || 100_000) / 30),
  async run(): Promise<TableLine[]> {
    const bills = billCount();
    const files = generateBillFiles(bills);
    const lines: TableLine[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-bills-'));
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      lines.push(...(await measureOn('sqlite', store, files, bills)));
    } finally {
      await store.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const scratch = await createScratchDatabase();
    if ('unreachable' in scratch) {
      process.stderr.write(
        `bench: bills-import: PostgreSQL not reachable at ${adminUrl} (${scratch.unreachable}); skipping its lines\n`,
      );
      for (const what of ['import', 're-import']) {
        lines.push({
          name: `${what} ${fmt(bills)} bills [postgres] (bills/s)`,
          ours: 'skipped',
          reference: 'skipped',
          ratio: '–',
          failed: false,
          details: `bills-import postgres: not reachable (${scratch.unreachable})`,
        });
      }
      return lines;
    }
    const pgStore = createStore({ databaseUrl: scratch.url, dataDir: ':memory:' });
    try {
      lines.push(...(await measureOn('postgres', pgStore, files, bills)));
    } finally {
      await pgStore.destroy();
      await dropScratchDatabase(scratch.name);
    }
    return lines;
  },
};
