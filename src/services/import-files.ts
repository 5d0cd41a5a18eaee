/**
 * The outer loop every file import shares (bills, people, votes, events): each file is imported on its own
 * (its own all-or-nothing transaction inside `importOne`), progress is reported after each, and the totals
 * add up the per-file counts.
 */
import { type ErrorCode, isDomainError } from '../core/errors.ts';

/** The per-file fields the totals are summed from. */
export interface FileOutcome {
  status: 'imported' | 'refused';
  new: number;
  changed: number;
  unchanged: number;
  rejected: unknown[];
}

/** Totals over all files of one import. */
export interface ImportTotals {
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  refusedFiles: number;
}

/** Imports files one by one in order, calling `onFile` after each; returns the per-file reports and totals. */
export async function importEachFile<F, R extends FileOutcome>(
  files: F[],
  onFile: ((done: number, total: number) => void) | undefined,
  importOne: (file: F) => Promise<R>,
): Promise<{ files: R[]; totals: ImportTotals }> {
  const reports: R[] = [];
  for (const [i, file] of files.entries()) {
    reports.push(await importOne(file));
    onFile?.(i + 1, files.length);
  }
  const sum = (k: 'new' | 'changed' | 'unchanged') => reports.reduce((n, f) => n + f[k], 0);
  return {
    files: reports,
    totals: {
      new: sum('new'),
      changed: sum('changed'),
      unchanged: sum('unchanged'),
      rejected: reports.reduce((n, f) => n + f.rejected.length, 0),
      refusedFiles: reports.filter((f) => f.status === 'refused').length,
    },
  };
}

/**
 * A file's records, read by `read` from its text, or the refusal message when `read` finds the file itself
 * invalid (`invalidCode`, e.g. malformed JSON); any other error is thrown.
 */
export function readFileRecords<T>(
  file: { content: string | (() => string) },
  invalidCode: ErrorCode,
  read: (content: string) => T[],
): { records: T[] } | { error: string } {
  try {
    return { records: read(typeof file.content === 'string' ? file.content : file.content()) };
  } catch (err) {
    if (isDomainError(err) && err.code === invalidCode) return { error: err.message };
    throw err;
  }
}

/** Why a file with rejected records was refused as a whole. */
export function rejectedMessage(fileName: string, rejected: number, total: number): string {
  return `${fileName}: ${rejected} of ${total} record(s) rejected, nothing imported from this file`;
}
