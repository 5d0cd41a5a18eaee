/**
 * The first sheet of an .xlsx workbook as rows of text cells, for imports that also take CSV. An .xlsx is a zip
 * of XML: we open it with our zip reader (size-capped) and read xl/workbook.xml, its relationships, the shared
 * strings and the first worksheet with saxes, building no DOM. Cells are taken as text: shared and inline
 * strings as written, numbers and booleans as their stored text (a date cell is a serial number; write dates as
 * text). Rows keep their spreadsheet numbers: a missing row becomes an empty one.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DomainError } from '../core/errors.ts';
import { openZip, ZipError } from './zip.ts';

const limits = { entryBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024, entries: 2_000 };
const maxRows = 100_000;
const maxColumns = 500;

function unreadable(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `the workbook cannot be read: ${message}`, { field: 'xlsx' });
}

function walk(
  xml: string,
  onOpen: (tag: SaxesTagPlain) => void,
  onClose: (name: string) => void,
  onText: (t: string) => void,
): void {
  const parser = new SaxesParser();
  parser.on('opentag', onOpen);
  parser.on('closetag', (tag) => onClose(tag.name));
  parser.on('text', onText);
  parser.on('error', (error) => {
    throw unreadable(error.message.split('\n')[0] ?? 'malformed XML');
  });
  parser.write(xml).close();
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const found = Object.entries(tag.attributes).find(([k]) => k === name || local(k) === name);
  return found?.[1];
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = /^([A-Z]{1,3})\d*$/.exec(ref ?? '')?.[1];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function firstSheetPath(text: (path: string) => string, has: (path: string) => boolean): string {
  const found: { relId?: string; target?: string } = {};
  walk(
    text('xl/workbook.xml'),
    (tag) => {
      if (found.relId === undefined && local(tag.name) === 'sheet') {
        const id = attr(tag, 'id');
        if (id !== undefined) found.relId = id;
      }
    },
    () => {},
    () => {},
  );
  if (found.relId !== undefined && has('xl/_rels/workbook.xml.rels')) {
    walk(
      text('xl/_rels/workbook.xml.rels'),
      (tag) => {
        const target = attr(tag, 'Target');
        if (local(tag.name) === 'Relationship' && attr(tag, 'Id') === found.relId && target !== undefined) {
          found.target = target;
        }
      },
      () => {},
      () => {},
    );
  }
  const target = found.target;
  if (target === undefined) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  walk(
    xml,
    (tag) => {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    (name) => {
      const n = local(name);
      if (n === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inText = false;
    },
    (t) => {
      if (inText && current !== null) current += t;
    },
  );
  return strings;
}

/** The first sheet's rows of text cells; throws VALIDATION_FAILED for a file that is not a readable workbook. */
export function readXlsxFirstSheet(bytes: Uint8Array): string[][] {
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip('upload.xlsx', bytes, limits);
    const paths = new Set(zip.entries.map((e) => e.path));
    const has = (p: string) => paths.has(p);
    if (!has('xl/workbook.xml')) throw unreadable('it is not an .xlsx workbook');
    const sheet = firstSheetPath((p) => zip.text(p), has);
    if (!has(sheet)) throw unreadable('its first sheet is missing');
    const strings = has('xl/sharedStrings.xml') ? sharedStrings(zip.text('xl/sharedStrings.xml')) : [];
    const rows: string[][] = [];
    let row: string[] | null = null;
    let cell: { column: number; type: string; text: string } | null = null;
    let reading = false;
    walk(
      zip.text(sheet),
      (tag) => {
        const name = local(tag.name);
        if (name === 'row') {
          const r = Number(attr(tag, 'r') ?? rows.length + 1);
          if (!Number.isSafeInteger(r) || r < 1 || r > maxRows) throw unreadable(`more than ${maxRows} rows`);
          while (rows.length < r - 1) rows.push([]);
          row = [];
          rows.push(row);
        } else if (name === 'c' && row) {
          const column = columnIndex(attr(tag, 'r'), row.length);
          if (column >= maxColumns) throw unreadable(`more than ${maxColumns} columns`);
          cell = { column, type: attr(tag, 't') ?? 'n', text: '' };
        } else if ((name === 'v' || name === 't') && cell) reading = true;
      },
      (name) => {
        const n = local(name);
        if (n === 'v' || n === 't') reading = false;
        else if (n === 'c' && cell && row) {
          const value = cell.type === 's' ? (strings[Number(cell.text)] ?? '') : cell.text;
          while (row.length < cell.column) row.push('');
          row[cell.column] = value;
          cell = null;
        } else if (n === 'row') row = null;
      },
      (t) => {
        if (reading && cell) cell.text += t;
      },
    );
    return rows;
  } catch (error) {
    if (error instanceof ZipError) throw unreadable(error.message);
    throw error;
  }
}
