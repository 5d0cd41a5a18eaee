/**
 * What the file-import commands (bills, votes, events, people) share: paths and folders expanded to files,
 * a progress bar, and the printed report.
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { DomainError } from '../../core/errors.ts';
import type { BillFileInput } from '../../services/bills.ts';
import type { ServiceContext } from '../../services/context.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

/** The files named by the paths, folders expanded to their files matching `readable` (recursively, sorted). */
export function filesOf(paths: string[], readable: RegExp = /\.json$/, kinds = '.json'): BillFileInput[] {
  const found: string[] = [];
  const walk = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      bad(`cannot read ${p}`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory() || readable.test(name)) walk(child);
      }
    } else found.push(p);
  };
  for (const p of paths) walk(p);
  if (found.length === 0) bad(`no ${kinds} files found in the given paths`);
  return found.map((file) => ({ name: file, content: () => fs.readFileSync(file, 'utf8') }));
}

/** A progress bar on a terminal for imports of several files; nothing otherwise. */
export function progress(total: number): {
  tick: (done: number, newTotal?: number) => void;
  stop: () => void;
} {
  if (total < 2 || !process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'bills {bar} {value}/{total} files', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    // A zip's entries are counted once it is opened, so the total may grow.
    tick: (done, newTotal) => {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** Runs an import inside a service context with a progress bar that is stopped however the import ends. */
export async function importWithProgress<R>(
  total: number,
  run: (ctx: ServiceContext, onFile: (done: number, total?: number) => void) => Promise<R>,
): Promise<R> {
  const bar = progress(total);
  return withContext(async (ctx) => {
    try {
      return await run(ctx, bar.tick);
    } finally {
      bar.stop();
    }
  });
}

/** The report fields every file import prints. */
interface PrintableImport {
  files: {
    status: 'imported' | 'refused';
    error: string | null;
    rejected: { index: number; record: string; reason: string }[];
  }[];
  totals: { new: number; changed: number; unchanged: number; rejected: number; refusedFiles: number };
}

/**
 * Prints an import report (JSON only with `json`), each refused file with its reasons, then one summary line
 * with `tail` appended; a refused file sets exit code 2.
 */
export function printImport(report: PrintableImport, fileCount: number, json: boolean, tail = ''): void {
  if (report.totals.refusedFiles > 0) process.exitCode = 2;
  if (json) {
    printJson(report);
    return;
  }
  for (const f of report.files.filter((x) => x.status === 'refused')) {
    info(`refused ${f.error}`);
    for (const r of f.rejected) info(`  record ${r.index + 1} (${r.record}): ${r.reason}`);
  }
  const t = report.totals;
  info(
    `${fileCount} file(s): ${t.new} new, ${t.changed} changed, ${t.unchanged} unchanged, ` +
      `${t.rejected} rejected, ${t.refusedFiles} file(s) refused${tail}`,
  );
}
