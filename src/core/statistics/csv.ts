/**
 * Statistics tables as CSV (the declared schema is docs/statistics.md). Policy: RFC 4180 through core/csv.ts
 * (UTF-8, optional byte-order mark, CRLF or LF). The first row is the header; a column outside the schema is
 * refused and a required one missing is named, so a misspelt column never drops data silently. `source` and
 * `source_date` may be left out of the file when the import gives them once for every row. Empty breakdown
 * cells (form_of_exploitation, sex, age_group) mean `all`. Rows are numbered as a spreadsheet shows them (the
 * header is row 1; row 0 is the file as a whole) and every problem names its row and column; problems are
 * collected for every row, not only the first.
 */
import { parseCsv } from '../csv.ts';
import { isIsoDate } from '../laws/intervals.ts';
import {
  type ExploitationForm,
  exploitationForms,
  type StatisticAgeGroup,
  type StatisticMeasure,
  type StatisticSex,
  type StatisticUnit,
  statisticAgeGroups,
  statisticLimits,
  statisticMeasures,
  statisticSexes,
  statisticUnits,
} from './types.ts';

/** Every column of the schema, in the documented order. */
export const statisticColumns = [
  'jurisdiction',
  'year',
  'measure',
  'form_of_exploitation',
  'sex',
  'age_group',
  'value',
  'unit',
  'source',
  'source_url',
  'source_date',
  'note',
] as const;
export type StatisticColumn = (typeof statisticColumns)[number];

const alwaysRequired: StatisticColumn[] = ['jurisdiction', 'year', 'measure', 'value', 'unit'];

/** A problem with one cell, one row (column null) or the file (row 0). */
export interface StatisticRowProblem {
  row: number;
  column: StatisticColumn | null;
  message: string;
}

/** What an import gives once for every row that leaves the cell empty (or has no such column). */
export interface StatisticDefaults {
  source?: string;
  sourceUrl?: string;
  sourceDate?: string;
}

/** One CSV row read into a figure, before its jurisdiction is looked up. */
export interface CsvFigureRow {
  /** The spreadsheet row number (header = 1). */
  row: number;
  /** As written: an OCD division id or an ISO 3166 code. */
  jurisdiction: string;
  year: number;
  measure: StatisticMeasure;
  form: ExploitationForm;
  sex: StatisticSex;
  ageGroup: StatisticAgeGroup;
  value: number;
  unit: StatisticUnit;
  source: string;
  sourceUrl: string | null;
  sourceDate: string;
  note: string | null;
}

/** True for an absolute http or https address. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Problems with the import's own defaults (named by their CSV column). */
export function checkDefaults(d: StatisticDefaults): StatisticRowProblem[] {
  const problems: StatisticRowProblem[] = [];
  const at = (column: StatisticColumn, message: string) => problems.push({ row: 0, column, message });
  if (d.source !== undefined && (d.source.trim() === '' || d.source.length > statisticLimits.sourceChars))
    at('source', `the import's source must be 1–${statisticLimits.sourceChars} characters`);
  if (d.sourceUrl !== undefined && !isHttpUrl(d.sourceUrl))
    at('source_url', `the import's source_url must be an http or https address, got "${d.sourceUrl}"`);
  if (d.sourceDate !== undefined && !isIsoDate(d.sourceDate))
    at('source_date', `the import's source_date must be a date YYYY-MM-DD, got "${d.sourceDate}"`);
  return problems;
}

function checkHeader(cells: string[], d: StatisticDefaults): StatisticRowProblem[] {
  const known = new Set<string>(statisticColumns);
  const names = cells.map((h) => h.trim().toLowerCase());
  const problems: StatisticRowProblem[] = [];
  const required = [...alwaysRequired];
  if (d.source === undefined) required.push('source');
  if (d.sourceDate === undefined) required.push('source_date');
  names.forEach((n, i) => {
    if (!known.has(n))
      problems.push({
        row: 1,
        column: null,
        message: `unknown column "${n}" (column ${i + 1}); the columns are ${statisticColumns.join(', ')}`,
      });
    else if (names.indexOf(n) !== i)
      problems.push({ row: 1, column: n as StatisticColumn, message: `column "${n}" is named twice` });
  });
  for (const r of required)
    if (!names.includes(r)) problems.push({ row: 1, column: r, message: `missing column "${r}"` });
  return problems;
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  column: StatisticColumn,
  fallback: T | null,
  problem: (column: StatisticColumn, message: string) => void,
): T {
  const v = value.toLowerCase();
  if (v === '' && fallback !== null) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  problem(column, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return allowed[0] as T;
}

function readRow(
  row: number,
  get: (c: StatisticColumn) => string,
  d: StatisticDefaults,
): { figure: CsvFigureRow | null; problems: StatisticRowProblem[] } {
  const problems: StatisticRowProblem[] = [];
  const problem = (column: StatisticColumn, message: string) => problems.push({ row, column, message });
  const jurisdiction = get('jurisdiction');
  if (jurisdiction === '') problem('jurisdiction', 'is empty');
  else if (jurisdiction.length > 200) problem('jurisdiction', 'is too long');
  const yearText = get('year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= statisticLimits.minYear && year <= statisticLimits.maxYear))
    problem(
      'year',
      `must be a year from ${statisticLimits.minYear} to ${statisticLimits.maxYear}, got "${yearText}"`,
    );
  const measure = oneOf(get('measure'), statisticMeasures, 'measure', null, problem);
  const form = oneOf(get('form_of_exploitation'), exploitationForms, 'form_of_exploitation', 'all', problem);
  const sex = oneOf(get('sex'), statisticSexes, 'sex', 'all', problem);
  const ageGroup = oneOf(get('age_group'), statisticAgeGroups, 'age_group', 'all', problem);
  const valueText = get('value');
  const value = /^\d{1,10}$/.test(valueText) ? Number(valueText) : Number.NaN;
  if (!(value <= statisticLimits.maxValue))
    problem(
      'value',
      /^-?\d+(\.\d*)?$/.test(valueText) && Number(valueText) <= statisticLimits.maxValue
        ? `must be a whole number, 0 or more, got "${valueText}"`
        : valueText === ''
          ? 'is empty'
          : `must be a whole number from 0 to ${statisticLimits.maxValue}, got "${valueText}"`,
    );
  const unit = oneOf(get('unit'), statisticUnits, 'unit', null, problem);
  const source = get('source') || d.source?.trim() || '';
  if (source === '') problem('source', 'is empty: name the publisher and title');
  else if (source.length > statisticLimits.sourceChars)
    problem('source', `is longer than ${statisticLimits.sourceChars} characters`);
  const sourceUrl = get('source_url') || d.sourceUrl || '';
  if (sourceUrl !== '' && (sourceUrl.length > statisticLimits.urlChars || !isHttpUrl(sourceUrl)))
    problem('source_url', `must be an http or https address, got "${sourceUrl.slice(0, 80)}"`);
  const sourceDate = get('source_date') || d.sourceDate || '';
  if (!isIsoDate(sourceDate))
    problem(
      'source_date',
      sourceDate === '' ? 'is empty' : `must be a date YYYY-MM-DD, got "${sourceDate.slice(0, 40)}"`,
    );
  else if (year <= statisticLimits.maxYear && Number(sourceDate.slice(0, 4)) < year)
    problem('year', `${year} is after the source's date ${sourceDate}`);
  const note = get('note');
  if (note.length > statisticLimits.noteChars)
    problem('note', `is longer than ${statisticLimits.noteChars} characters`);
  if (problems.length) return { figure: null, problems };
  return {
    figure: {
      row,
      jurisdiction,
      year,
      measure,
      form,
      sex,
      ageGroup,
      value,
      unit,
      source,
      sourceUrl: sourceUrl || null,
      sourceDate,
      note: note || null,
    },
    problems,
  };
}

/** Reads a statistics CSV into figures, with every problem found (row numbers as a spreadsheet shows). */
export function readStatisticsCsv(
  text: string,
  defaults: StatisticDefaults = {},
): { rows: CsvFigureRow[]; problems: StatisticRowProblem[] } {
  const fail = (row: number, message: string) => ({
    rows: [],
    problems: [{ row, column: null, message }],
  });
  if (text.length > statisticLimits.importChars)
    return fail(0, `the file is larger than ${statisticLimits.importChars} characters`);
  const defaultProblems = checkDefaults(defaults);
  if (defaultProblems.length) return { rows: [], problems: defaultProblems };
  const { records, problem } = parseCsv(text);
  if (problem) return fail(0, problem);
  const [header, ...data] = records;
  if (!header || header.cells.every((c) => c.trim() === ''))
    return fail(1, `the file is empty: the first row must name the columns (${statisticColumns.join(', ')})`);
  const headerProblems = checkHeader(header.cells, defaults);
  if (headerProblems.length) return { rows: [], problems: headerProblems };
  if (data.length === 0) return fail(2, 'the file has no rows below its header');
  if (data.length > statisticLimits.importRows)
    return fail(0, `at most ${statisticLimits.importRows} rows per import, the file has ${data.length}`);
  const columns = header.cells.map((h) => h.trim().toLowerCase() as StatisticColumn);
  const rows: CsvFigureRow[] = [];
  const problems: StatisticRowProblem[] = [];
  data.forEach((record, i) => {
    const row = i + 2;
    if (record.cells.length !== columns.length) {
      problems.push({
        row,
        column: null,
        message: `has ${record.cells.length} cells, the header has ${columns.length}`,
      });
      return;
    }
    const get = (c: StatisticColumn) => {
      const at = columns.indexOf(c);
      return at < 0 ? '' : (record.cells[at] ?? '').trim();
    };
    const read = readRow(row, get, defaults);
    problems.push(...read.problems);
    if (read.figure) rows.push(read.figure);
  });
  return { rows, problems };
}

/** One problem as a line for people: `row 4, column value: must be …`. */
export function describeProblem(p: StatisticRowProblem): string {
  const where = p.row === 0 ? 'the file' : `row ${p.row}`;
  return `${where}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}
