/**
 * Stored bills out as Open States "CSV Format Version 2.1" tables (openstates.org `bulk_export.py`), one set
 * per session: `{st}/{session}/{st}_{session}_bills.csv`, `…_bill_actions.csv`, and so on, plus the
 * `organizations` table the actions point to. Pure; the policy is in export-openstates.ts. Columns follow the
 * Open States tables; an action's organization is an `ocd-organization/…` id made from the jurisdiction and
 * the organization's name, listed in the organizations table with its chamber as classification.
 */
import { csvCell } from '../export/dataset.ts';
import { billChamber } from './export-openstates.ts';
import type { Bill, BillDocument } from './types.ts';

/** One file of the CSV export: its path inside the zip and its text. */
export interface CsvExportFile {
  path: string;
  text: string;
}

type Cell = string | number | boolean | null | readonly string[];

/** A string as Python's repr writes it (the quotes Python would choose, its escapes). */
function pythonString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** A cell as Open States' exporter writes it: lists as Python lists, booleans as True/False, null empty. */
export function openStatesCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return csvCell(value);
  return csvCell(`[${value.map(pythonString).join(', ')}]`);
}

/** A table as CSV text: header, then one CRLF-ended line per row. */
export function csvTable(columns: readonly string[], rows: readonly Cell[][]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(row.map(openStatesCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A UUID made from a text (a 128-bit mix of it, version 8), so a child row's id is the same on every export.
 * Not cryptographic: it only has to keep ids of one export apart.
 */
export function derivedUuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let h3 = 0x85ebca6b;
  let h4 = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2d);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  const fmix = (h: number, salt: number) => {
    let x = (h ^ salt) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  const words = [fmix(h1, h4), fmix(h2, h1), fmix(h3, h2), fmix(h4, h3)];
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The key a bill has in the CSV tables: its OCD id, else one made from its lawgap id. */
export function csvBillId(bill: Bill): string {
  return bill.ocdId ?? `ocd-bill/${bill.id}`;
}

// Session identifiers are free text (`2019 Regular Session`): file names keep letters, digits, `.`, `-`, `_`.
const pathPart = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');

/** The short code of a jurisdiction in file names: the last part of its division id (`state:tx` → `tx`). */
export function jurisdictionCode(jurisdictionId: string): string {
  const last = jurisdictionId.split('/').at(-1) ?? jurisdictionId;
  return pathPart(last.slice(last.indexOf(':') + 1));
}

const columns = {
  bills: [
    'id',
    'identifier',
    'title',
    'classification',
    'subject',
    'session_identifier',
    'jurisdiction',
    'organization_classification',
  ],
  bill_abstracts: ['id', 'bill_id', 'abstract', 'note', 'date'],
  bill_actions: ['id', 'bill_id', 'organization_id', 'description', 'date', 'classification', 'order'],
  bill_sources: ['id', 'note', 'url', 'bill_id'],
  bill_related_bills: [
    'id',
    'bill_id',
    'related_bill_id',
    'identifier',
    'legislative_session',
    'relation_type',
  ],
  bill_sponsorships: [
    'id',
    'name',
    'entity_type',
    'organization_id',
    'person_id',
    'bill_id',
    'primary',
    'classification',
  ],
  bill_documents: ['id', 'bill_id', 'note', 'date', 'classification', 'extras'],
  bill_versions: ['id', 'bill_id', 'note', 'date', 'classification', 'extras'],
  bill_document_links: ['id', 'media_type', 'url', 'text', 'document_id'],
  bill_version_links: ['id', 'media_type', 'url', 'text', 'version_id'],
  organizations: ['id', 'name', 'classification', 'jurisdiction_id'],
} as const;
type Table = keyof typeof columns;

/** The tables of one session's bills, in Open States' file order. */
function sessionTables(
  bills: Bill[],
  jurisdictionId: string,
  jurisdictionName: string,
): Map<Table, Cell[][]> {
  const t = new Map<Table, Cell[][]>(Object.keys(columns).map((k) => [k as Table, []]));
  const push = (table: Table, row: Cell[]) => t.get(table)?.push(row);
  const organizations = new Map<string, { id: string; chamber: string | null }>();
  const organizationId = (name: string | null, chamber: string | null): string | null => {
    const key = name ?? chamber;
    if (key === null) return null;
    const found = organizations.get(key);
    if (found) return found.id;
    const id = `ocd-organization/${derivedUuid(`${jurisdictionId} organization ${key}`)}`;
    organizations.set(key, { id, chamber });
    return id;
  };
  const docs = (billId: string, list: BillDocument[], kind: 'document' | 'version') => {
    for (const [i, d] of list.entries()) {
      const id = derivedUuid(`${billId} ${kind} ${i}`);
      push(kind === 'document' ? 'bill_documents' : 'bill_versions', [
        id,
        billId,
        d.note,
        d.date,
        d.classification,
        '{}',
      ]);
      for (const [k, l] of d.links.entries()) {
        push(kind === 'document' ? 'bill_document_links' : 'bill_version_links', [
          derivedUuid(`${billId} ${kind} ${i} link ${k}`),
          l.mediaType,
          l.url,
          k === 0 ? d.text : null,
          id,
        ]);
      }
    }
  };
  for (const b of bills) {
    const id = csvBillId(b);
    const child = (kind: string, i: number) => derivedUuid(`${id} ${kind} ${i}`);
    push('bills', [
      id,
      b.identifier,
      b.title,
      b.classification,
      b.subjects,
      b.sessionIdentifier,
      jurisdictionName,
      billChamber(b),
    ]);
    for (const [i, a] of b.abstracts.entries())
      push('bill_abstracts', [child('abstract', i), id, a.abstract, a.note, a.date]);
    for (const [i, a] of b.actions.entries()) {
      push('bill_actions', [
        child('action', i),
        id,
        organizationId(a.organization, a.chamber),
        a.description,
        a.date,
        [...a.classification, ...a.unknownClassification],
        a.order,
      ]);
    }
    for (const [i, url] of b.sources.entries()) push('bill_sources', [child('source', i), '', url, id]);
    for (const [i, r] of b.relatedBills.entries()) {
      push('bill_related_bills', [
        child('related', i),
        id,
        null,
        r.identifier,
        r.legislativeSession,
        r.relationType,
      ]);
    }
    for (const [i, s] of b.sponsorships.entries()) {
      push('bill_sponsorships', [
        child('sponsorship', i),
        s.name,
        s.entityType,
        s.organizationId,
        s.personId,
        id,
        s.primary,
        s.classification,
      ]);
    }
    docs(id, b.documents, 'document');
    docs(id, b.versions, 'version');
  }
  const government = jurisdictionId.replace(/^ocd-division\//, 'ocd-jurisdiction/');
  for (const [name, o] of organizations) {
    push('organizations', [o.id, name, o.chamber, `${government}/government`]);
  }
  return t;
}

/** The README Open States puts in each CSV zip, naming the format version. */
export function csvReadme(args: {
  jurisdictionName: string;
  sessions: string[];
  generatedAt: string;
}): string {
  return [
    'Open States Data Export (written by lawgap)',
    '',
    `State: ${args.jurisdictionName}`,
    `Session: ${args.sessions.join(', ')}`,
    `Generated At: ${args.generatedAt}`,
    'CSV Format Version: 2.1',
    '',
    'One folder per session holds one UTF-8 CSV table per kind ({st}_{session}_bills.csv, bill_actions,',
    'bill_sponsorships, bill_abstracts, bill_sources, bill_versions, bill_version_links, bill_documents,',
    'bill_document_links, bill_related_bills, organizations); child tables name their bill by bill_id.',
    "List cells are written as Open States writes them (['bill']), booleans as True/False, dates as ISO 8601.",
    '',
  ].join('\n');
}

/**
 * The CSV v2.1 files of bills of one jurisdiction: every table of every session (tables with no rows keep
 * their header), under `{st}/{session}/`. Sessions in the order of their first bill.
 */
export function billsToOpenStatesCsv(
  bills: Bill[],
  jurisdiction: { id: string; name: string },
): CsvExportFile[] {
  const st = jurisdictionCode(jurisdiction.id);
  const bySession = new Map<string, Bill[]>();
  for (const b of bills) {
    const list = bySession.get(b.sessionIdentifier);
    if (list) list.push(b);
    else bySession.set(b.sessionIdentifier, [b]);
  }
  const files: CsvExportFile[] = [];
  for (const [identifier, list] of bySession) {
    const session = pathPart(identifier);
    const tables = sessionTables(list, jurisdiction.id, jurisdiction.name);
    for (const [table, rows] of tables) {
      const name = table === 'bills' ? 'bills' : table;
      files.push({
        path: `${st}/${session}/${st}_${session}_${name}.csv`,
        text: csvTable(columns[table], rows),
      });
    }
  }
  return files;
}
