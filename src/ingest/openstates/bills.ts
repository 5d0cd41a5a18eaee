/**
 * Open States bill JSON into bill records. Two shapes are read (docs/bills.md):
 * - scrape format (openstates-core `scrape/schemas/bill.py`): `legislative_session`, `identifier`, related
 *   objects by id or by pseudo-id (`~{"classification": "upper"}`); the jurisdiction comes from a
 *   `jurisdiction` field or the importer's option, since scraper output keeps it in a separate file;
 * - API v3 (`/bills/...`): `id` (`ocd-bill/…`), `session`, `jurisdiction{id}`, organizations as objects.
 * A file holds one bill, a list of bills, or an API page `{results: [...]}`. Each record is read apart, so
 * a bad one is rejected with the path at fault while the others are still read.
 */
import { splitClassification } from '../../core/bills/classification.ts';
import { divisionOfJurisdiction } from '../../core/bills/jurisdiction.ts';
import {
  type BillAction,
  type BillCitation,
  type BillDocument,
  type BillRecord,
  type Chamber,
  chambers,
  normalizeIdentifier,
  type Sponsorship,
} from '../../core/bills/types.ts';
import {
  type BillFileRecord,
  isObj,
  jsonRecords,
  list,
  type Obj,
  obj,
  optDate,
  optStr,
  problem,
  readRecord,
  reqDate,
  reqStr,
  strList,
} from '../bill-fields.ts';

/** Options for files that do not carry their jurisdiction (scrape output). */
export interface OpenStatesReadOptions {
  /** An Open States jurisdiction id or an OCD division id. */
  jurisdiction?: string;
}

interface Org {
  name: string | null;
  chamber: Chamber | null;
}

function chamberOf(value: string | null): Chamber | null {
  return value !== null && (chambers as readonly string[]).includes(value) ? (value as Chamber) : null;
}

/** An organization given as an object, a pseudo-id `~{...}`, an ocd-organization id or a chamber word. */
function organization(value: unknown, path: string): Org {
  if (value === undefined || value === null) return { name: null, chamber: null };
  if (isObj(value)) {
    const classification = optStr(value, 'classification', path);
    return { name: optStr(value, 'name', path) ?? classification, chamber: chamberOf(classification) };
  }
  if (typeof value !== 'string') problem(path, 'must be an organization object or id');
  if (value.startsWith('~')) {
    let criteria: unknown;
    try {
      criteria = JSON.parse(value.slice(1));
    } catch {
      problem(path, `pseudo-id ${value} is not JSON`);
    }
    return organization(criteria, path);
  }
  return { name: value, chamber: chamberOf(value) };
}

function sponsorship(value: unknown, path: string): Sponsorship {
  const o = obj(value, path);
  const person = isObj(o.person) ? o.person : null;
  const entityType = optStr(o, 'entity_type', path) ?? 'person';
  if (entityType !== 'person' && entityType !== 'organization') {
    problem(`${path}.entity_type`, `"${entityType}" is not person or organization`);
  }
  const personId = optStr(o, 'person_id', path) ?? (person ? optStr(person, 'id', `${path}.person`) : null);
  return {
    name: reqStr(o, 'name', path),
    primary: o.primary === true,
    classification: optStr(o, 'classification', path) ?? (o.primary === true ? 'primary' : 'cosponsor'),
    entityType,
    personId: personId?.startsWith('~') ? null : personId,
    organizationId: optStr(o, 'organization_id', path),
  };
}

function action(value: unknown, index: number, path: string): BillAction {
  const o = obj(value, path);
  const org = organization(o.organization ?? o.organization_id, `${path}.organization`);
  const { known, unknown } = splitClassification(strList(o, 'classification', path));
  const order = o.order;
  if (order !== undefined && order !== null && !Number.isInteger(order)) {
    problem(`${path}.order`, 'must be a whole number');
  }
  return {
    order: typeof order === 'number' ? order : index,
    date: reqDate(o, 'date', path),
    description: reqStr(o, 'description', path),
    organization: org.name,
    chamber: org.chamber,
    classification: known,
    unknownClassification: unknown,
  };
}

function document(value: unknown, path: string): BillDocument {
  const o = obj(value, path);
  return {
    note: optStr(o, 'note', path) ?? '',
    date: optDate(o, 'date', path),
    classification: optStr(o, 'classification', path),
    links: list(o, 'links', path).map((l, i) => {
      const link = obj(l, `${path}.links[${i}]`);
      return { url: reqStr(link, 'url', `${path}.links[${i}]`), mediaType: optStr(link, 'media_type', path) };
    }),
    text: optStr(o, 'text', path),
  };
}

const citationTypes = ['proposed', 'chapter', 'final', 'other'] as const;

function citation(value: unknown, path: string): BillCitation {
  const o = obj(value, path);
  const type = optStr(o, 'citation_type', path) ?? 'other';
  if (!(citationTypes as readonly string[]).includes(type)) {
    problem(`${path}.citation_type`, `"${type}" is not one of ${citationTypes.join(', ')}`);
  }
  return {
    publication: reqStr(o, 'publication', path),
    citation: reqStr(o, 'citation', path),
    citationType: type as BillCitation['citationType'],
    effective: optDate(o, 'effective', path),
    expires: optDate(o, 'expires', path),
    url: optStr(o, 'url', path),
  };
}

function bill(o: Obj, path: string, options: OpenStatesReadOptions): BillRecord {
  const api = o.legislative_session === undefined;
  const sessionId = reqStr(o, api ? 'session' : 'legislative_session', path);
  const rawJurisdiction = isObj(o.jurisdiction)
    ? reqStr(o.jurisdiction, 'id', `${path}.jurisdiction`)
    : (optStr(o, 'jurisdiction', path) ?? options.jurisdiction ?? null);
  if (rawJurisdiction === null) {
    problem(`${path}.jurisdiction`, 'is missing: give the jurisdiction for scrape-format files');
  }
  const jurisdictionId = divisionOfJurisdiction(rawJurisdiction);
  if (jurisdictionId === null)
    problem(`${path}.jurisdiction`, `"${rawJurisdiction}" is not an OCD jurisdiction id`);
  const rawId = optStr(o, api ? 'id' : '_id', path);
  const ocdId = rawId === null ? null : rawId.startsWith('ocd-bill/') ? rawId : `ocd-bill/${rawId}`;
  if (ocdId !== null && !/^ocd-bill\/[0-9a-f-]{36}$/i.test(ocdId))
    problem(`${path}.id`, `"${rawId}" is not an OCD bill id`);
  const actions = list(o, 'actions', path).map((a, i) => action(a, i, `${path}.actions[${i}]`));
  const sources = list(o, 'sources', path).map((s, i) =>
    reqStr(obj(s, `${path}.sources[${i}]`), 'url', path),
  );
  return {
    source: 'openstates',
    ocdId: ocdId?.toLowerCase() ?? null,
    sourceId: null,
    changeHash: null,
    jurisdictionId,
    session: {
      jurisdictionId,
      identifier: sessionId,
      name: sessionId,
      classification: null,
      startDate: null,
      endDate: null,
    },
    identifier: normalizeIdentifier(reqStr(o, 'identifier', path)),
    title: reqStr(o, 'title', path),
    fromOrganization: organization(o.from_organization, `${path}.from_organization`).name,
    classification: strList(o, 'classification', path),
    subjects: strList(o, 'subject', path),
    abstracts: list(o, 'abstracts', path).map((a, i) => {
      const ab = obj(a, `${path}.abstracts[${i}]`);
      return {
        abstract: reqStr(ab, 'abstract', `${path}.abstracts[${i}]`),
        note: optStr(ab, 'note', path),
        date: optDate(ab, 'date', path),
      };
    }),
    sponsorships: list(o, 'sponsorships', path).map((s, i) => sponsorship(s, `${path}.sponsorships[${i}]`)),
    actions,
    versions: list(o, 'versions', path).map((v, i) => document(v, `${path}.versions[${i}]`)),
    documents: list(o, 'documents', path).map((d, i) => document(d, `${path}.documents[${i}]`)),
    relatedBills: list(o, 'related_bills', path).map((r, i) => {
      const rb = obj(r, `${path}.related_bills[${i}]`);
      return {
        identifier: normalizeIdentifier(reqStr(rb, 'identifier', `${path}.related_bills[${i}]`)),
        legislativeSession: optStr(rb, 'legislative_session', path),
        relationType: optStr(rb, 'relation_type', path) ?? 'related',
      };
    }),
    citations: list(o, 'citations', path).map((c, i) => citation(c, `${path}.citations[${i}]`)),
    sources,
  };
}

function labelOf(value: unknown, index: number): string {
  if (isObj(value) && typeof value.identifier === 'string') return value.identifier;
  return `record ${index + 1}`;
}

/** Reads an Open States bill file; throws BILL_FILE_INVALID for malformed JSON, rejects bad records. */
export function readOpenStatesBills(
  fileName: string,
  content: string,
  options: OpenStatesReadOptions = {},
): BillFileRecord[] {
  return jsonRecords(fileName, content, 'results').map(({ item, path }, i) =>
    readRecord(i, labelOf(item, i), () => {
      const o = obj(item, path);
      if (o.legislative_session === undefined && o.session === undefined) {
        problem(path, 'not an Open States bill (it has neither legislative_session nor session)');
      }
      return bill(o, path, options);
    }),
  );
}
