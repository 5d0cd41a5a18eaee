/**
 * Coding spreadsheets as CSV. Policy: RFC 4180 (comma separated, double-quoted cells with "" for a quote,
 * line breaks allowed inside quotes, CRLF or LF), UTF-8 with an optional byte-order mark. The first row is the
 * header; `jurisdiction`, `indicator`, `value`, `provision` and `quote` are required, `valid_from`, `valid_to`,
 * `note` and `status` (suggested or coded) are optional, and any other column is refused, so a misspelt
 * column never drops data silently. One row is one answer with one citation. Rows are numbered as a
 * spreadsheet shows them: the header is row 1. Problems are collected for every row, not only the first.
 */
import { parseCsv } from '../csv.ts';
import { isIsoDate } from '../laws/intervals.ts';
import { initialStatuses } from './status.ts';
import { type CodingStatus, codingLimits } from './types.ts';

const required = ['jurisdiction', 'indicator', 'value', 'provision', 'quote'] as const;
const optional = ['valid_from', 'valid_to', 'note', 'status'] as const;
type Column = (typeof required)[number] | (typeof optional)[number];

/** One CSV row read into an answer to set. */
export interface CsvAnswerRow {
  /** The spreadsheet row number (header = 1). */
  row: number;
  jurisdictionId: string;
  indicatorId: string;
  value: string;
  provisionId: string;
  quote: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
  status?: CodingStatus;
}

/** A problem with one row (row 1 is the header; row 0 is the file as a whole). */
export interface RowProblem {
  row: number;
  message: string;
}

/** CSV text into records of cells (moved to core/csv.ts; re-exported for the callers of this module). */
export { parseCsv };

function checkHeader(header: string[]): { columns: Column[]; problems: string[] } {
  const known = new Set<string>([...required, ...optional]);
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: string[] = [];
  for (const n of names) if (!known.has(n)) problems.push(`unknown column "${n}"`);
  for (const r of required) if (!names.includes(r)) problems.push(`missing column "${r}"`);
  if (new Set(names).size !== names.length) problems.push('a column is named twice');
  return { columns: names as Column[], problems };
}

function rowOf(row: number, get: (c: Column) => string): { answer: CsvAnswerRow | null; problems: string[] } {
  const problems: string[] = [];
  for (const r of required) if (get(r) === '') problems.push(`${r} is empty`);
  const value = get('value');
  if (value.length > codingLimits.valueChars) problems.push('value is too long');
  if (get('quote').length > codingLimits.quoteChars) problems.push('quote is too long');
  if (get('note').length > codingLimits.noteChars) problems.push('note is too long');
  for (const c of ['valid_from', 'valid_to'] as const) {
    const d = get(c);
    if (d !== '' && !isIsoDate(d)) problems.push(`${c} must be a date YYYY-MM-DD, got "${d}"`);
  }
  const status = get('status');
  if (status !== '' && !(initialStatuses as readonly string[]).includes(status)) {
    problems.push(`status must be one of ${initialStatuses.join(', ')}, got "${status}"`);
  }
  if (problems.length) return { answer: null, problems };
  const answer: CsvAnswerRow = {
    row,
    jurisdictionId: get('jurisdiction'),
    indicatorId: get('indicator'),
    value,
    provisionId: get('provision'),
    quote: get('quote'),
  };
  if (get('valid_from')) answer.validFrom = get('valid_from');
  if (get('valid_to')) answer.validTo = get('valid_to');
  if (get('note')) answer.note = get('note');
  if (status) answer.status = status as CodingStatus;
  return { answer, problems };
}

/** Reads a coding spreadsheet into rows to set, with every problem found (row numbers as a spreadsheet shows). */
export function readCodingCsv(text: string): { rows: CsvAnswerRow[]; problems: RowProblem[] } {
  if (text.length > codingLimits.importChars)
    return { rows: [], problems: [{ row: 0, message: 'the file is too large' }] };
  const { records, problem } = parseCsv(text);
  if (problem) return { rows: [], problems: [{ row: 0, message: problem }] };
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ row: 0, message: 'the file is empty' }] };
  const { columns, problems: headerProblems } = checkHeader(header.cells);
  if (headerProblems.length)
    return { rows: [], problems: headerProblems.map((message) => ({ row: 1, message })) };
  if (data.length === 0)
    return { rows: [], problems: [{ row: 0, message: 'the file has no rows below its header' }] };
  if (data.length > codingLimits.importRows) {
    return {
      rows: [],
      problems: [{ row: 0, message: `at most ${codingLimits.importRows} rows per import` }],
    };
  }
  const rows: CsvAnswerRow[] = [];
  const problems: RowProblem[] = [];
  data.forEach((record, i) => {
    const row = i + 2;
    if (record.cells.length !== columns.length) {
      problems.push({ row, message: `has ${record.cells.length} cells, the header has ${columns.length}` });
      return;
    }
    const get = (c: Column) => (record.cells[columns.indexOf(c)] ?? '').trim();
    const read = rowOf(row, get);
    for (const message of read.problems) problems.push({ row, message });
    if (read.answer) rows.push(read.answer);
  });
  return { rows, problems };
}
