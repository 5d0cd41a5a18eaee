/**
 * Reading HTCDS case records from a table of cells (a CSV file, or the first sheet of a workbook). Policy: the
 * first row is the header of HTCDS field names (exact spelling); rows are numbered as a spreadsheet shows them
 * (the header is row 1, row 0 is the file as a whole). Every problem of every row is collected, each naming its
 * row and column, and NO problem ever quotes a cell: a cell may hold a name or a story, so messages say what is
 * wrong, never what was written. A rejected column of the standard (htcds-fields.ts) may be present only when
 * every cell in it is empty. Picklists are exact; a multiselect picklist separates its values with `;`; numbers
 * are whole; dates are YYYY-MM-DD. The year of the record is the year of cas_IncomingReferralDate.
 */
import { isIsoDate } from '../laws/intervals.ts';
import { acceptedField, type HtcdsField, personRefColumn, rejectedFields } from './htcds-fields.ts';

/** One accepted record: accepted fields only (multiselects as lists), the referral year, the person reference. */
export interface CaseRecordInput {
  row: number;
  /** The organisation's pseudonymous person reference (ext_PersonRef), to be hashed before storage; or null. */
  personRef: string | null;
  year: number | null;
  fields: Record<string, string | string[] | number>;
}

/** A problem with one cell (row and column), one column (row 1) or the file (row 0, column null). */
export interface CaseRowProblem {
  row: number;
  column: string | null;
  message: string;
}

/** Size limits of one import. */
export const caseLimits = { rows: 50_000, cellChars: 500, columns: 200, problemsListed: 100 } as const;

/** Writes one problem as text: `row 3, prs_Gender: …`. */
export function describeCaseProblem(p: CaseRowProblem): string {
  const where = p.row === 0 ? 'file' : `row ${p.row}`;
  return p.column ? `${where}, ${p.column}: ${p.message}` : `${where}: ${p.message}`;
}

/**
 * Reads header and rows into records, or every problem found; never quotes a cell in a problem. Country fields
 * are checked against `countryCodes` (ISO 3166-1 alpha-2, upper case): with none given, every country is refused.
 */
export function readCaseTable(
  table: readonly (readonly string[])[],
  countryCodes: ReadonlySet<string> = new Set(),
): {
  records: CaseRecordInput[];
  problems: CaseRowProblem[];
} {
  const problems: CaseRowProblem[] = [];
  const [header, ...rows] = table;
  if (!header || rows.length === 0) {
    return { records: [], problems: [{ row: 0, column: null, message: 'the file has no records' }] };
  }
  if (rows.length > caseLimits.rows || header.length > caseLimits.columns) {
    const message = `at most ${caseLimits.rows} records and ${caseLimits.columns} columns per file`;
    return { records: [], problems: [{ row: 0, column: null, message }] };
  }
  const columns = header.map((cell) => cell.trim());
  const nonEmpty = (c: number) => rows.some((r) => (r[c] ?? '').trim() !== '');
  columns.forEach((name, c) => {
    const at = (message: string) => problems.push({ row: 1, column: name || null, message });
    if (name === '') {
      if (nonEmpty(c)) at(`column ${c + 1} has values but no name`);
    } else if (columns.indexOf(name) !== c) at('the column is named twice');
    else if (rejectedFields.has(name)) {
      if (nonEmpty(c))
        at(
          `refused: ${rejectedFields.get(name)}; this column must be left empty or removed (values are not shown)`,
        );
    } else if (name !== personRefColumn && !acceptedField(name)) {
      at(`unknown column (column ${c + 1}): not an HTCDS v2.0 field accepted for statistics`);
    }
  });
  if (problems.length > 0) return { records: [], problems };
  if (rows.every((cells) => cells.every((cell) => cell.trim() === ''))) {
    return { records: [], problems: [{ row: 0, column: null, message: 'the file has no records' }] };
  }
  const accepted = columns
    .map((name, c) => ({ field: acceptedField(name), c }))
    .filter((x): x is { field: HtcdsField; c: number } => x.field !== undefined);
  const refIndex = columns.indexOf(personRefColumn);
  const records: CaseRecordInput[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const fields: CaseRecordInput['fields'] = {};
    let year: number | null = null;
    for (const { field, c } of accepted) {
      const raw = (cells[c] ?? '').trim();
      if (raw === '') continue;
      const at = (message: string) => problems.push({ row, column: field.name, message });
      if (raw.length > caseLimits.cellChars) {
        at(`longer than ${caseLimits.cellChars} characters`);
        continue;
      }
      const value = field.iso3166 ? readCountries(field, raw, countryCodes, at) : readCell(field, raw, at);
      if (value === undefined) continue;
      fields[field.name] = value;
      if (field.name === 'cas_IncomingReferralDate' && typeof value === 'string')
        year = Number(value.slice(0, 4));
    }
    const ref = refIndex >= 0 ? (cells[refIndex] ?? '').trim() : '';
    if (ref.length > caseLimits.cellChars) {
      problems.push({
        row,
        column: personRefColumn,
        message: `longer than ${caseLimits.cellChars} characters`,
      });
    }
    records.push({ row, personRef: ref === '' ? null : ref, year, fields });
  });
  return problems.length > 0 ? { records: [], problems } : { records, problems };
}

function readCountries(
  field: HtcdsField,
  raw: string,
  codes: ReadonlySet<string>,
  at: (message: string) => void,
): string | string[] | undefined {
  const multiple = field.type === 'Multiselect Picklist';
  const parts = (multiple ? raw.split(';') : [raw])
    .map((p) => p.trim().toUpperCase())
    .filter((p) => p !== '');
  const bad = parts.filter((p) => !codes.has(p)).length;
  if (bad > 0 || parts.length === 0) {
    at(
      `${bad || 1} value(s) not an ISO 3166-1 alpha-2 country code (values not shown${multiple ? '; separate codes with ;' : ''})`,
    );
    return undefined;
  }
  return multiple ? [...new Set(parts)].sort() : parts[0];
}

function readCell(
  field: HtcdsField,
  raw: string,
  at: (message: string) => void,
): string | string[] | number | undefined {
  const values = field.values ?? [];
  switch (field.type) {
    case 'Picklist':
      if (values.includes(raw)) return raw;
      at('not one of the HTCDS picklist values of this field (value not shown)');
      return undefined;
    case 'Multiselect Picklist': {
      const parts = raw
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const bad = parts.filter((p) => !values.includes(p)).length;
      if (bad > 0 || parts.length === 0) {
        at(
          `${bad || 1} value(s) not in the HTCDS picklist of this field (values not shown; separate values with ;)`,
        );
        return undefined;
      }
      return [...new Set(parts)].sort();
    }
    case 'Number': {
      if (!/^\d{1,3}$/.test(raw) || Number(raw) > 120) {
        at('must be a whole number from 0 to 120');
        return undefined;
      }
      return Number(raw);
    }
    case 'Date':
      if (isIsoDate(raw)) return raw;
      at('must be a date YYYY-MM-DD');
      return undefined;
    case 'Text':
      // Free text is never accepted: only coded text fields (iso3166) reach here, read above.
      at('not accepted as free text');
      return undefined;
  }
}
