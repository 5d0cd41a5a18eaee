/**
 * The bill import's files: `.json` files as text and `.zip` archives as bytes (both read only when imported),
 * and its printed report with the votes (bulk files, LegiScan datasets) and what was skipped.
 */
import fs from 'node:fs';
import type { BulkFileInput, BulkImportReport } from '../../services/bill-bulk.ts';
import { info, printJson } from '../output.ts';
import { filesOf, printImport } from './bill-files.ts';

/** The files named by the paths (folders: their `.json` and `.zip` files), zips as lazily read bytes. */
export function bulkFilesOf(paths: string[]): BulkFileInput[] {
  return filesOf(paths, /\.(json|zip)$/i, '.json or .zip').map((f) =>
    /\.zip$/i.test(f.name) ? { name: f.name, bytes: () => fs.readFileSync(f.name) } : f,
  );
}

/** Prints a bulk import report: the bill files, then refused vote files, vote and skipped counts. */
export function printBulkImport(report: BulkImportReport, fileCount: number, json: boolean): void {
  if (json) {
    if (report.totals.refusedFiles + (report.votes?.totals.refusedFiles ?? 0) > 0) process.exitCode = 2;
    printJson(report);
    return;
  }
  const votes = report.votes;
  const skippedVotes = report.skipped.reduce((n, s) => n + s.votes, 0);
  const skippedPeople = report.skipped.reduce((n, s) => n + s.people, 0);
  const tail = [
    votes
      ? `; votes: ${votes.totals.new} new, ${votes.totals.changed} changed, ${votes.totals.unchanged} unchanged, ${votes.totals.refusedFiles} refused`
      : '',
    skippedVotes > 0 ? `; ${skippedVotes} vote(s) skipped` : '',
    skippedPeople > 0 ? `; ${skippedPeople} LegiScan people entr(ies) skipped` : '',
  ].join('');
  printImport(report, fileCount, false, tail);
  if (votes && votes.totals.refusedFiles > 0) {
    process.exitCode = 2;
    for (const f of votes.files.filter((x) => x.status === 'refused')) {
      info(`refused ${f.error}`);
      for (const r of f.rejected) info(`  record ${r.index + 1} (${r.record}): ${r.reason}`);
    }
  }
}
