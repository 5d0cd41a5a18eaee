/**
 * Importing bill files of every shape, bulk ones included (docs/bills.md, "Bulk files"): plain JSON as before,
 * Open States bulk JSON, session JSON and CSV v2.1 zips, and LegiScan weekly dataset zips. Policy:
 * - an Open States file or zip is one all-or-nothing unit (a CSV zip's tables relate by id);
 * - a LegiScan dataset is opened once and each entry is its own unit, reported as `zip!entry`: bill entries go
 *   through the bill import (so `change_hash` skips hold), then roll-call entries through the vote import
 *   (their bills are stored by then); getPerson entries are counted as skipped (people are keyed by OCD id,
 *   which LegiScan does not carry);
 * - votes inside Open States bulk files go through the vote import right after their file's bills (a second
 *   unit, reported under `votes` as `<file> (votes)`); votes of a refused file, or whose bill is not in the
 *   file, are counted as skipped, never silently dropped;
 * - a damaged or unsafe zip refuses that file with a message naming it; the other files still import.
 */
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import {
  type BulkRead,
  billText,
  isZipInput,
  readLegiScanInput,
  readOpenStatesInput,
} from '../ingest/bill-bulk.ts';
import type { BillFileRecord } from '../ingest/bill-fields.ts';
import { readLegiScanDataset } from '../ingest/legiscan/dataset.ts';
import { openZip, ZipError } from '../ingest/zip.ts';
import { type BillFileInput, type BillImportReport, type ImportBillsArgs, importBills } from './bills.ts';
import type { ServiceContext } from './context.ts';
import type { ImportTotals } from './import-files.ts';
import { importVotes, type VoteImportReport } from './votes.ts';

/** One file to import: its text, or its bytes (zips); either may be a reader so files load one at a time. */
export interface BulkFileInput {
  name: string;
  content?: string | (() => string);
  bytes?: Uint8Array | (() => Uint8Array);
}

export interface ImportBillFilesArgs extends Omit<ImportBillsArgs, 'files'> {
  files: BulkFileInput[];
}

/** What a file held that was read but not imported. */
export interface SkippedInFile {
  file: string;
  votes: number;
  people: number;
  reason: string;
}

/** The bill import's report, plus the votes of bulk files and LegiScan datasets and what was skipped. */
export interface BulkImportReport extends BillImportReport {
  /** Votes of Open States bulk files and roll-call entries of LegiScan datasets (null when there were none). */
  votes: VoteImportReport | null;
  skipped: SkippedInFile[];
}

function load(file: BulkFileInput): string | Uint8Array {
  if (file.bytes !== undefined) return typeof file.bytes === 'function' ? file.bytes() : file.bytes;
  if (file.content !== undefined) return typeof file.content === 'function' ? file.content() : file.content;
  throw new DomainError('VALIDATION_FAILED', `${file.name}: has neither content nor bytes`);
}

/** An input that is refused with `message` when the import reaches it. */
function refused(name: string, message: string): BillFileInput {
  return {
    name,
    content: '',
    read: () => {
      throw new DomainError('BILL_FILE_INVALID', message, { file: name });
    },
  };
}

const votesWithoutBill = 'votes whose bill is not in the file are not imported';
const votesOfRefused = 'the file was refused, so its votes were not imported';
const peopleSkipped = 'LegiScan getPerson entries are not imported: people are keyed by OCD person id';

/** What one import step reads: bill inputs, then vote inputs. */
interface Group {
  bills: BillFileInput[];
  votes: BillFileInput[];
}

/** Sums per-file reports of several import steps into one. */
function merged<R extends { files: unknown[]; totals: ImportTotals }>(reports: R[]): R | null {
  const [first, ...rest] = reports;
  if (!first) return null;
  const out = { ...first, files: [...first.files], totals: { ...first.totals } };
  for (const r of rest) {
    out.files.push(...r.files);
    for (const k of Object.keys(out.totals) as (keyof ImportTotals)[]) out.totals[k] += r.totals[k];
  }
  return out;
}

/** The entries of a LegiScan dataset zip as a group, or the zip refused as a whole. */
function datasetGroup(file: BulkFileInput, skip: Skip): Group {
  let data: string | Uint8Array;
  try {
    data = load(file);
  } catch (err) {
    if (isDomainError(err)) throw err;
    return { bills: [refused(file.name, `${file.name}: cannot be read`)], votes: [] };
  }
  if (!isZipInput(file.name, data)) {
    const text = data;
    return {
      bills: [{ name: file.name, content: '', read: () => readLegiScanInput(file.name, text).records }],
      votes: [],
    };
  }
  try {
    const dataset = readLegiScanDataset(openZip(file.name, data));
    if (dataset.bills.length + dataset.votes.length + dataset.people.length === 0) {
      const why = `${file.name}: holds no bill/, vote/ or people/ JSON entry: not a LegiScan dataset`;
      return { bills: [refused(file.name, why)], votes: [] };
    }
    if (dataset.people.length > 0) skip(file.name, 0, dataset.people.length, peopleSkipped);
    return {
      bills: dataset.bills.map((e) => ({
        name: e.name,
        content: '',
        read: () => readLegiScanInput(e.name, entryText(e)).records,
      })),
      votes: dataset.votes.map((e) => ({ name: e.name, content: () => entryText(e) })),
    };
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    return { bills: [refused(file.name, err.message)], votes: [] };
  }
}

type Skip = (file: string, votes: number, people: number, reason: string) => void;

/**
 * Imports bill files of any shape, each unit all-or-nothing; throws FORBIDDEN without `laws:write`. LegiScan
 * dataset zips are opened one at a time (each imported before the next is read), so many datasets are never
 * held at once; progress counts a dataset's entries once it is opened.
 */
export async function importBillFiles(
  ctx: ServiceContext,
  args: ImportBillFilesArgs,
): Promise<BulkImportReport> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing bills needs laws:write');
  const skipped = new Map<string, SkippedInFile>();
  const skip: Skip = (file, votes, people, reason) => {
    const s = skipped.get(file) ?? { file, votes: 0, people: 0, reason };
    s.votes += votes;
    s.people += people;
    skipped.set(file, s);
  };
  const options = args.jurisdiction ? { jurisdiction: args.jurisdiction } : {};
  const billReports: BillImportReport[] = [];
  const voteReports: VoteImportReport[] = [];
  let done = 0;
  const run = async (group: Group, remaining: number) => {
    const size = group.bills.length + group.votes.length;
    const tick = (n: number) => args.onFile?.(done + n, done + size + remaining);
    if (group.bills.length > 0)
      billReports.push(await importBills(ctx, { format: args.format, files: group.bills, onFile: tick }));
    if (group.votes.length > 0) {
      voteReports.push(
        await importVotes(ctx, {
          format: args.format,
          files: group.votes,
          onFile: (n) => tick(group.bills.length + n),
        }),
      );
    }
    done += size;
  };
  // An Open States file is imported on its own, then its votes (their bills are stored by then).
  const openStatesFile = async (file: BulkFileInput, remaining: number) => {
    const got: { read?: BulkRead } = {};
    const read = (): BillFileRecord[] => {
      got.read = readOpenStatesInput(file.name, load(file), options);
      return got.read.records;
    };
    await run({ bills: [{ name: file.name, content: '', read }], votes: [] }, remaining);
    const status = billReports.at(-1)?.files[0]?.status;
    const { votes = [], skippedVotes = 0 } = got.read ?? {};
    delete got.read;
    if (skippedVotes > 0) skip(file.name, skippedVotes, 0, votesWithoutBill);
    if (votes.length === 0) return;
    if (status !== 'imported') {
      skip(file.name, votes.length, 0, votesOfRefused);
      return;
    }
    const content = JSON.stringify(votes);
    await run({ bills: [], votes: [{ name: `${file.name} (votes)`, content }] }, remaining);
  };
  let plain: BillFileInput[] = [];
  for (const [i, file] of args.files.entries()) {
    const remaining = args.files.length - i - 1;
    if (args.format === 'openstates') {
      await openStatesFile(file, remaining);
      continue;
    }
    if (!/\.zip$/i.test(file.name) && file.bytes === undefined) {
      plain.push({
        name: file.name,
        content: '',
        read: () => readLegiScanInput(file.name, load(file)).records,
      });
      continue;
    }
    if (plain.length > 0) await run({ bills: plain, votes: [] }, remaining + 1);
    plain = [];
    await run(datasetGroup(file, skip), remaining);
  }
  if (plain.length > 0) await run({ bills: plain, votes: [] }, 0);
  const empty = { files: [], totals: { new: 0, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 } };
  return {
    ...(merged(billReports) ?? empty),
    votes: merged(voteReports),
    skipped: [...skipped.values()],
  };
}

/** An entry's text; a corrupt entry refuses that entry (BILL_FILE_INVALID naming it). */
function entryText(e: { name: string; text: () => string }): string {
  try {
    return billText(e.name, e.text());
  } catch (err) {
    if (err instanceof ZipError) throw new DomainError('BILL_FILE_INVALID', err.message, { file: e.name });
    throw err;
  }
}
