/**
 * Open States per-session bulk JSON (openstates.org `bulk_export.py`, "JSON Format Version 1.0"): a list of
 * bills, each `id, legislative_session, jurisdiction_name, identifier, title, chamber, classification,
 * subject, abstracts, other_titles, other_identifiers, actions[organization__name, description, date,
 * classification, order], related_bills[related_bill_id], sponsors[name, primary, classification],
 * documents/versions[note, date, links[url, media_type]], sources[url], votes[…], raw_text, raw_text_url`.
 * Read from a `.json` file (a list or one bill) or from the session zip (`{st}/{session}/{st}_{session}_bills.json`).
 * - The jurisdiction comes from `jurisdiction_name` (or the `--jurisdiction` option when the name is not known);
 *   an action's chamber from its organization's name ("Senate" → upper).
 * - `related_bills` name the related bill by OCD id only: it is resolved to an identifier among the bills of
 *   the same file, else left out (an identifier is what lawgap keeps). Full related-bill rows
 *   (`identifier`, `legislative_session`, `relation_type`) are read as they are.
 * - `raw_text` becomes the text of the version whose link is `raw_text_url`.
 * - `other_titles` and `other_identifiers` have no place in the bill model and are not kept; `votes` are
 *   returned as vote events for the vote import (`bulk-votes.ts`).
 */
import { splitClassification } from '../../core/bills/classification.ts';
import {
  type BillAction,
  type BillCitation,
  type BillDocument,
  type BillRecord,
  normalizeIdentifier,
  type RelatedBill,
} from '../../core/bills/types.ts';
import { DomainError } from '../../core/errors.ts';
import {
  type BillFileRecord,
  isObj,
  jsonRecords,
  list,
  type Obj,
  obj,
  optDate,
  optStr,
  parseBillFile,
  problem,
  readRecord,
  reqDate,
  reqStr,
  strList,
} from '../bill-fields.ts';
import type { ZipArchive } from '../zip.ts';
import {
  type BulkRead,
  type BulkReadOptions,
  bulkJurisdiction,
  chamberOfOrganization,
  withBillZip,
} from './bulk-common.ts';
import { votesOfBulkJson } from './bulk-votes.ts';

/** True when JSON text looks like Open States bulk JSON (its bills carry `jurisdiction_name`). */
export function isOpenStatesBulkJson(text: string): boolean {
  return /"jurisdiction_name"\s*:/.test(text.slice(0, 64 * 1024));
}

function action(value: unknown, index: number, path: string): BillAction {
  const o = obj(value, path);
  const organization = optStr(o, 'organization__name', path) ?? optStr(o, 'organization', path);
  const { known, unknown } = splitClassification(strList(o, 'classification', path));
  const order = o.order;
  if (order !== undefined && order !== null && !Number.isInteger(order))
    problem(`${path}.order`, 'must be a whole number');
  return {
    order: typeof order === 'number' ? order : index,
    date: reqDate(o, 'date', path),
    description: reqStr(o, 'description', path),
    organization,
    chamber: chamberOfOrganization(optStr(o, 'organization__classification', path) ?? organization),
    classification: known,
    unknownClassification: unknown,
  };
}

function document(value: unknown, path: string, rawText: { url: string | null; text: string | null }) {
  const o = obj(value, path);
  const links = list(o, 'links', path).map((l, i) => {
    const link = obj(l, `${path}.links[${i}]`);
    return {
      url: reqStr(link, 'url', `${path}.links[${i}]`),
      mediaType: optStr(link, 'media_type', `${path}.links[${i}]`),
    };
  });
  const hasRaw = rawText.url !== null && links.some((l) => l.url === rawText.url);
  return {
    note: optStr(o, 'note', path) ?? '',
    date: optDate(o, 'date', path),
    classification: optStr(o, 'classification', path),
    links,
    text: optStr(o, 'text', path) ?? (hasRaw ? rawText.text : null),
  } satisfies BillDocument;
}

const citationTypes = ['proposed', 'chapter', 'final', 'other'] as const;

/** A citation, when the file carries them (Open States' export does not; lawgap's export does). */
function citation(value: unknown, path: string): BillCitation {
  const o = obj(value, path);
  const type = optStr(o, 'citation_type', path) ?? 'other';
  if (!(citationTypes as readonly string[]).includes(type))
    problem(`${path}.citation_type`, `"${type}" is not one of ${citationTypes.join(', ')}`);
  return {
    publication: reqStr(o, 'publication', path),
    citation: reqStr(o, 'citation', path),
    citationType: type as BillCitation['citationType'],
    effective: optDate(o, 'effective', path),
    expires: optDate(o, 'expires', path),
    url: optStr(o, 'url', path),
  };
}

/** Identifier and session of each bill of the file by OCD id, to resolve `related_bill_id`. */
type Known = Map<string, { identifier: string; session: string }>;

function relatedBill(value: unknown, path: string, known: Known): RelatedBill | null {
  const o = obj(value, path);
  const identifier = optStr(o, 'identifier', path);
  if (identifier !== null) {
    return {
      identifier: normalizeIdentifier(identifier),
      legislativeSession: optStr(o, 'legislative_session', path),
      relationType: optStr(o, 'relation_type', path) ?? 'related',
    };
  }
  const id = optStr(o, 'related_bill_id', path);
  const other = id === null ? undefined : known.get(id.toLowerCase());
  if (!other) return null;
  return {
    identifier: normalizeIdentifier(other.identifier),
    legislativeSession: other.session,
    relationType: optStr(o, 'relation_type', path) ?? 'related',
  };
}

function bill(o: Obj, path: string, options: BulkReadOptions, known: Known): BillRecord {
  const session = reqStr(o, 'legislative_session', path);
  const where = bulkJurisdiction(optStr(o, 'jurisdiction_name', path), options);
  if ('problem' in where) problem(`${path}.jurisdiction_name`, where.problem);
  const jurisdictionId = where.id;
  const rawId = optStr(o, 'id', path);
  const ocdId = rawId === null ? null : rawId.startsWith('ocd-bill/') ? rawId : `ocd-bill/${rawId}`;
  if (ocdId !== null && !/^ocd-bill\/[0-9a-f-]{36}$/i.test(ocdId))
    problem(`${path}.id`, `"${rawId}" is not an OCD bill id`);
  const rawText = { url: optStr(o, 'raw_text_url', path), text: optStr(o, 'raw_text', path) };
  return {
    source: 'openstates',
    ocdId: ocdId?.toLowerCase() ?? null,
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
    identifier: normalizeIdentifier(reqStr(o, 'identifier', path)),
    title: reqStr(o, 'title', path),
    fromOrganization: optStr(o, 'chamber', path),
    classification: strList(o, 'classification', path),
    subjects: strList(o, 'subject', path),
    abstracts: list(o, 'abstracts', path).map((a, i) => {
      const p = `${path}.abstracts[${i}]`;
      const ab = obj(a, p);
      return {
        abstract: reqStr(ab, 'abstract', p),
        note: optStr(ab, 'note', p),
        date: optDate(ab, 'date', p),
      };
    }),
    sponsorships: list(o, 'sponsors', path).map((s, i) => {
      const p = `${path}.sponsors[${i}]`;
      const sp = obj(s, p);
      const primary = sp.primary === true;
      const entityType = optStr(sp, 'entity_type', p) ?? 'person';
      if (entityType !== 'person' && entityType !== 'organization')
        problem(`${p}.entity_type`, `"${entityType}" is not person or organization`);
      const personId = optStr(sp, 'person_id', p);
      return {
        name: reqStr(sp, 'name', p),
        primary,
        classification: optStr(sp, 'classification', p) ?? (primary ? 'primary' : 'cosponsor'),
        entityType,
        personId: personId?.startsWith('ocd-person/') ? personId : null,
        organizationId: optStr(sp, 'organization_id', p),
      };
    }),
    actions: list(o, 'actions', path).map((a, i) => action(a, i, `${path}.actions[${i}]`)),
    versions: list(o, 'versions', path).map((v, i) => document(v, `${path}.versions[${i}]`, rawText)),
    documents: list(o, 'documents', path).map((d, i) =>
      document(d, `${path}.documents[${i}]`, { url: null, text: null }),
    ),
    relatedBills: list(o, 'related_bills', path).flatMap((r, i) => {
      const related = relatedBill(r, `${path}.related_bills[${i}]`, known);
      return related ? [related] : [];
    }),
    citations: list(o, 'citations', path).map((c, i) => citation(c, `${path}.citations[${i}]`)),
    sources: list(o, 'sources', path).map((s, i) =>
      reqStr(obj(s, `${path}.sources[${i}]`), 'url', `${path}.sources[${i}]`),
    ),
  };
}

function readItems(items: { item: unknown; path: string }[], options: BulkReadOptions, first = 0): BulkRead {
  const known: Known = new Map();
  for (const { item } of items) {
    if (!isObj(item)) continue;
    const { id, identifier, legislative_session: session } = item;
    if (typeof id === 'string' && typeof identifier === 'string' && typeof session === 'string')
      known.set(id.toLowerCase(), { identifier, session });
  }
  const records = items.map(({ item, path }, i): BillFileRecord => {
    const label = isObj(item) && typeof item.identifier === 'string' ? item.identifier : `record ${i + 1}`;
    return readRecord(first + i, label, () => {
      const o = obj(item, path);
      if (o.legislative_session === undefined)
        problem(path, 'not an Open States bulk bill (it has no legislative_session)');
      return bill(o, path, options, known);
    });
  });
  const { votes, skipped } = votesOfBulkJson(items.map(({ item }) => item));
  return { records, votes, skippedVotes: skipped };
}

/**
 * Reads Open States bulk JSON text (a list of bills or one bill); throws BILL_FILE_INVALID for malformed
 * JSON; a bad bill is a rejected record naming its JSON path.
 */
export function readOpenStatesBulkJson(
  fileName: string,
  content: string,
  options: BulkReadOptions = {},
): BulkRead {
  return readItems(jsonRecords(fileName, content), options);
}

/**
 * Reads the bills of an Open States per-session JSON zip: every `.json` entry (the README is skipped), as one
 * unit whose records are numbered across entries. JSON errors name `zip!entry`. Throws BILL_FILE_INVALID when
 * the zip holds no JSON entry.
 */
export function readOpenStatesJsonZip(
  name: string,
  data: Uint8Array | ZipArchive,
  options: BulkReadOptions = {},
): BulkRead {
  return withBillZip(name, data, (zip) => readJsonZip(zip, options));
}

function readJsonZip(zip: ZipArchive, options: BulkReadOptions): BulkRead {
  const entries = zip.entries.filter((e) => /\.json$/i.test(e.path));
  if (entries.length === 0) noEntries(zip.name);
  const items: { item: unknown; path: string }[] = [];
  for (const e of entries) {
    const name = `${zip.name}!${e.path}`;
    const parsed = parseBillFile(name, zip.text(e.path));
    const list = Array.isArray(parsed) ? parsed : [parsed];
    list.forEach((item, i) => {
      items.push({ item, path: Array.isArray(parsed) ? `${e.path} $[${i}]` : `${e.path} $` });
    });
  }
  return readItems(items, options);
}

function noEntries(name: string): never {
  throw new DomainError(
    'BILL_FILE_INVALID',
    `${name}: holds no .json entry (nor a …_bills.csv one): not an Open States bulk zip`,
    { file: name },
  );
}
