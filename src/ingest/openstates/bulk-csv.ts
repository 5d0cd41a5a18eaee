/**
 * Open States per-session CSV zip ("CSV Format Version: 2.1", openstates.org `bulk_export.py`): entries
 * `{st}/{session}/{st}_{session}_<table>.csv` whose rows relate by id — `bills` (id, identifier, title,
 * classification, subject, session_identifier, jurisdiction, organization_classification) and the child tables
 * `bill_abstracts`, `bill_actions`, `bill_sources`, `bill_sponsorships`, `bill_related_bills`,
 * `bill_versions` + `bill_version_links`, `bill_documents` + `bill_document_links` (by `bill_id`,
 * `version_id`, `document_id`), and `organizations` (an action's `organization_id` → name and chamber).
 * Policy: the zip is one unit. A malformed CSV (an unclosed quote, a row whose cells do not match the header),
 * a missing column, a row pointing at a bill the zip does not have, or a bad cell refuses the whole zip, each
 * problem naming `zip!entry` and the line. `bill_titles` and `bill_identifiers` have no place in the bill
 * model; `votes` (with `vote_counts` and `vote_people`) are returned as vote events for the vote import
 * (`bulk-votes.ts`); `vote_sources` are not kept.
 * List cells are read as the exporter writes them (Python's list repr `['passage']`; JSON arrays too).
 */
import { splitClassification } from '../../core/bills/classification.ts';
import {
  type BillAction,
  type BillDocument,
  type BillRecord,
  type Link,
  normalizeIdentifier,
} from '../../core/bills/types.ts';
import { parseCsv } from '../../core/csv.ts';
import { DomainError } from '../../core/errors.ts';
import type { BillFileRecord } from '../bill-fields.ts';
import type { ZipArchive } from '../zip.ts';
import {
  type BulkRead,
  type BulkReadOptions,
  boolCell,
  bulkJurisdiction,
  type CsvRow,
  chamberOfOrganization,
  fuzzyDate,
  listCell,
  withBillZip,
} from './bulk-common.ts';
import { votesOfCsv } from './bulk-votes.ts';

/** The tables read, with the columns each must have. */
const tables = {
  bills: ['id', 'identifier', 'title', 'session_identifier'],
  bill_abstracts: ['bill_id', 'abstract'],
  bill_actions: ['bill_id', 'description', 'date'],
  bill_sources: ['bill_id', 'url'],
  bill_sponsorships: ['bill_id', 'name'],
  bill_related_bills: ['bill_id', 'identifier'],
  bill_versions: ['id', 'bill_id'],
  bill_version_links: ['version_id', 'url'],
  bill_documents: ['id', 'bill_id'],
  bill_document_links: ['document_id', 'url'],
  organizations: ['id', 'name'],
  votes: ['id', 'motion_text', 'start_date', 'result', 'bill_id'],
  vote_counts: ['vote_event_id', 'option', 'value'],
  vote_people: ['vote_event_id', 'option'],
} as const;
type Table = keyof typeof tables;

/** Longest names first, so `bill_related_bills.csv` is not taken for `bills.csv`. */
const tableNames = (Object.keys(tables) as Table[]).sort((a, b) => b.length - a.length);

/** A CSV row: its cells by column, where it came from. */
type Row = CsvRow;

/** True when the zip holds an Open States CSV export (a `…_bills.csv` entry). */
export function isOpenStatesCsvZip(zip: ZipArchive): boolean {
  return zip.entries.some((e) => tableOf(e.path) === 'bills');
}

function tableOf(path: string): Table | null {
  const base = path.split('/').at(-1) ?? path;
  if (!base.toLowerCase().endsWith('.csv')) return null;
  const stem = base.slice(0, -4);
  return tableNames.find((t) => stem === t || stem.endsWith(`_${t}`)) ?? null;
}

function fileError(message: string, details: Record<string, unknown>): never {
  throw new DomainError('BILL_FILE_INVALID', message, details);
}

/** Every row of every entry of the zip, by table; structure problems throw BILL_FILE_INVALID. */
function readTables(zip: ZipArchive): Map<Table, Row[]> {
  const out = new Map<Table, Row[]>();
  for (const e of zip.entries) {
    const table = tableOf(e.path);
    if (table === null) continue;
    const entry = `${zip.name}!${e.path}`;
    const { records, problem } = parseCsv(zip.text(e.path));
    if (problem) fileError(`${entry}: ${problem}`, { file: zip.name, entry: e.path });
    const [header, ...data] = records;
    if (!header) continue;
    const columns = new Map(header.cells.map((c, i) => [c.trim().toLowerCase(), i]));
    const missing = tables[table].filter((c) => !columns.has(c));
    if (missing.length > 0)
      fileError(`${entry} line ${header.line}: missing column(s) ${missing.join(', ')}`, {
        file: zip.name,
        entry: e.path,
        line: header.line,
      });
    const rows = out.get(table) ?? [];
    for (const r of data) {
      if (r.cells.length !== header.cells.length)
        fileError(
          `${entry} line ${r.line}: has ${r.cells.length} cells, the header has ${header.cells.length}`,
          { file: zip.name, entry: e.path, line: r.line },
        );
      rows.push({
        get: (c) => {
          const i = columns.get(c);
          return i === undefined ? '' : (r.cells[i] ?? '').trim();
        },
        where: `${entry} line ${r.line}`,
      });
    }
    out.set(table, rows);
  }
  return out;
}

/** Cell readers that collect problems (`where: what`) instead of stopping at the first. */
class Cells {
  readonly problems: string[] = [];
  fail(row: Row, what: string): void {
    this.problems.push(`${row.where}: ${what}`);
  }
  req(row: Row, column: string): string {
    const v = row.get(column);
    if (v === '') this.fail(row, `${column} is empty`);
    return v;
  }
  opt(row: Row, column: string): string | null {
    const v = row.get(column);
    return v === '' ? null : v;
  }
  date(row: Row, column: string, required: boolean): string | null {
    const v = row.get(column);
    if (v === '') {
      if (required) this.fail(row, `${column} is empty`);
      return null;
    }
    if (!fuzzyDate.test(v)) this.fail(row, `${column} "${v}" is not a date`);
    return v;
  }
  list(row: Row, column: string): string[] {
    const v = listCell(row.get(column));
    if (v === null) this.fail(row, `${column} "${row.get(column)}" is not a list`);
    return v ?? [];
  }
  bool(row: Row, column: string): boolean {
    const v = boolCell(row.get(column));
    if (v === null) this.fail(row, `${column} "${row.get(column)}" is not true or false`);
    return v ?? false;
  }
  int(row: Row, column: string, fallback: number): number {
    const v = row.get(column);
    if (v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n)) this.fail(row, `${column} "${v}" is not a whole number`);
    return Number.isInteger(n) ? n : fallback;
  }
}

/** Groups child rows by a parent id column, refusing rows whose parent is not in `parents`. */
function byParent(rows: Row[], column: string, parents: Set<string>, what: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const id = row.get(column);
    if (!parents.has(id))
      fileError(`${row.where}: ${column} "${id}" names no ${what} of this zip`, { where: row.where });
    const list = out.get(id) ?? [];
    list.push(row);
    out.set(id, list);
  }
  return out;
}

function documents(
  cells: Cells,
  rows: Row[],
  links: Map<string, Row[]>,
  linkText: boolean,
): { billId: string; doc: BillDocument }[] {
  return rows.map((row) => {
    const docLinks: Link[] = (links.get(row.get('id')) ?? []).map((l) => ({
      url: cells.req(l, 'url'),
      mediaType: cells.opt(l, 'media_type'),
    }));
    const text = linkText
      ? ((links.get(row.get('id')) ?? []).map((l) => l.get('text')).find((t) => t !== '') ?? null)
      : null;
    return {
      billId: row.get('bill_id'),
      doc: {
        note: row.get('note'),
        date: cells.date(row, 'date', false),
        classification: cells.opt(row, 'classification'),
        links: docLinks,
        text,
      },
    };
  });
}

/**
 * Reads an Open States CSV v2.1 zip into bill records (one per row of the bills table); throws
 * BILL_FILE_INVALID naming the entry and line for a malformed CSV or a dangling id. A bill with a bad cell is
 * a rejected record whose reason names every entry and line at fault.
 */
export function readOpenStatesCsvZip(
  name: string,
  data: Uint8Array | ZipArchive,
  options: BulkReadOptions = {},
): BulkRead {
  return withBillZip(name, data, (zip) => readCsvZip(zip, options));
}

function readCsvZip(zip: ZipArchive, options: BulkReadOptions): BulkRead {
  const t = readTables(zip);
  const rows = (name: Table) => t.get(name) ?? [];
  const billRows = rows('bills');
  if (!t.has('bills'))
    fileError(`${zip.name}: has no …_bills.csv entry: not an Open States CSV zip`, { file: zip.name });
  const billIds = new Set<string>();
  for (const row of billRows) {
    const id = row.get('id');
    if (billIds.has(id)) fileError(`${row.where}: bill id "${id}" is twice in the zip`, { where: row.where });
    billIds.add(id);
  }
  const orgs = new Map(rows('organizations').map((r) => [r.get('id'), r]));
  const child = (name: Table) => byParent(rows(name), 'bill_id', billIds, 'bill');
  const versionRows = rows('bill_versions');
  const documentRows = rows('bill_documents');
  const versionLinks = byParent(
    rows('bill_version_links'),
    'version_id',
    new Set(versionRows.map((r) => r.get('id'))),
    'version',
  );
  const documentLinks = byParent(
    rows('bill_document_links'),
    'document_id',
    new Set(documentRows.map((r) => r.get('id'))),
    'document',
  );
  const abstracts = child('bill_abstracts');
  const actions = child('bill_actions');
  const sources = child('bill_sources');
  const sponsorships = child('bill_sponsorships');
  const related = child('bill_related_bills');
  const versionsOf = new Map<string, BillDocument[]>();
  const documentsOf = new Map<string, BillDocument[]>();
  const docCells = new Cells();
  byParent(versionRows, 'bill_id', billIds, 'bill');
  byParent(documentRows, 'bill_id', billIds, 'bill');
  for (const { billId, doc } of documents(docCells, versionRows, versionLinks, true))
    versionsOf.set(billId, [...(versionsOf.get(billId) ?? []), doc]);
  for (const { billId, doc } of documents(docCells, documentRows, documentLinks, false))
    documentsOf.set(billId, [...(documentsOf.get(billId) ?? []), doc]);
  const records = billRows.map((row, index): BillFileRecord => {
    const id = row.get('id');
    const c = new Cells();
    const label = row.get('identifier') || `row ${row.where}`;
    const where = bulkJurisdiction(c.opt(row, 'jurisdiction'), options);
    if ('problem' in where) c.fail(row, where.problem);
    const jurisdictionId = 'id' in where ? where.id : '';
    const session = c.req(row, 'session_identifier');
    const ocdId = id.startsWith('ocd-bill/') ? id.toLowerCase() : `ocd-bill/${id.toLowerCase()}`;
    if (!/^ocd-bill\/[0-9a-f-]{36}$/.test(ocdId)) c.fail(row, `id "${id}" is not an OCD bill id`);
    const billActions = (actions.get(id) ?? []).map((a, i): BillAction => {
      const org = orgs.get(a.get('organization_id'));
      const name = org ? org.get('name') || null : null;
      const { known, unknown } = splitClassification(c.list(a, 'classification'));
      return {
        order: c.int(a, 'order', i),
        date: c.date(a, 'date', true) ?? '',
        description: c.req(a, 'description'),
        organization: name,
        // A committee's classification names no chamber: its name may ("Senate Committee on …").
        chamber: org
          ? (chamberOfOrganization(org.get('classification') || null) ?? chamberOfOrganization(name))
          : chamberOfOrganization(a.get('organization_id') || null),
        classification: known,
        unknownClassification: unknown,
      };
    });
    billActions.sort((a, b) => a.order - b.order);
    const record: BillRecord = {
      source: 'openstates',
      ocdId,
      sourceId: null,
      changeHash: null,
      jurisdictionId,
      session: {
        jurisdictionId,
        identifier: session,
        name: session,
        classification: null,
        startDate: null,
        endDate: null,
      },
      identifier: normalizeIdentifier(c.req(row, 'identifier')),
      title: c.req(row, 'title'),
      fromOrganization: c.opt(row, 'organization_classification'),
      classification: c.list(row, 'classification'),
      subjects: c.list(row, 'subject'),
      abstracts: (abstracts.get(id) ?? []).map((a) => ({
        abstract: c.req(a, 'abstract'),
        note: c.opt(a, 'note'),
        date: c.date(a, 'date', false),
      })),
      sponsorships: (sponsorships.get(id) ?? []).map((s) => {
        const primary = c.bool(s, 'primary');
        const entityType = c.opt(s, 'entity_type') ?? 'person';
        if (entityType !== 'person' && entityType !== 'organization')
          c.fail(s, `entity_type "${entityType}" is not person or organization`);
        const personId = c.opt(s, 'person_id');
        return {
          name: c.req(s, 'name'),
          primary,
          classification: c.opt(s, 'classification') ?? (primary ? 'primary' : 'cosponsor'),
          entityType: entityType === 'organization' ? 'organization' : 'person',
          personId: personId?.startsWith('ocd-person/') ? personId : null,
          organizationId: c.opt(s, 'organization_id'),
        };
      }),
      actions: billActions,
      versions: versionsOf.get(id) ?? [],
      documents: documentsOf.get(id) ?? [],
      relatedBills: (related.get(id) ?? []).map((r) => ({
        identifier: normalizeIdentifier(c.req(r, 'identifier')),
        legislativeSession: c.opt(r, 'legislative_session'),
        relationType: c.opt(r, 'relation_type') ?? 'related',
      })),
      citations: [],
      sources: (sources.get(id) ?? []).map((s) => c.req(s, 'url')),
    };
    if (c.problems.length > 0) return { index, label, record: null, reason: c.problems.join('; ') };
    return { index, label: `${record.identifier} (${session})`, record, reason: null };
  });
  if (docCells.problems.length > 0)
    fileError(`${zip.name}: ${docCells.problems.join('; ')}`, { file: zip.name });
  const { votes, skipped } = votesOfCsv(
    { votes: rows('votes'), counts: rows('vote_counts'), people: rows('vote_people') },
    orgs,
    billIds,
  );
  return { records, votes, skippedVotes: skipped };
}
