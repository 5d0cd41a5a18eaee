/**
 * Open States people and committee files into records. Shapes read (docs/bills.md, "People and committees"):
 * - people repo YAML (one person per file): `id`, `name`, `party[]`, `roles[]`, `offices[]`, `links`, `sources`;
 * - person scrape JSON: `_id` (bare UUID), `name`, `contact_details[]` (grouped into offices by note);
 * - committee YAML/JSON: `id` or `_id`, `classification`, `chamber` or `parent_id`, `members[]`/`memberships[]`.
 * A file holds one record or a list. Syntax errors name the file and line; a record with a bad field is
 * rejected with the path at fault.
 */
import { LineCounter, parseDocument } from 'yaml';
import { divisionOfJurisdiction } from '../../core/bills/jurisdiction.ts';
import { DomainError } from '../../core/errors.ts';
import {
  type CommitteeMembership,
  type CommitteeRecord,
  ocdOrganizationId,
  ocdPersonId,
  type PersonLink,
  type PersonOffice,
  type PersonRecord,
  type PersonRole,
} from '../../core/people/types.ts';
import {
  isObj,
  list,
  type Obj,
  obj,
  optDate,
  optStr,
  parseBillFile,
  problem,
  RecordProblem,
  reqStr,
  strList,
} from '../bill-fields.ts';

/** One record of a file: a person or committee read, or why it was rejected. */
export type PeopleFileRecord =
  | { index: number; label: string; kind: 'person'; person: PersonRecord; reason: null }
  | { index: number; label: string; kind: 'committee'; committee: CommitteeRecord; reason: null }
  | { index: number; label: string; kind: 'rejected'; reason: string };

/** Options for files that do not carry their jurisdiction (person scrape JSON). */
export interface PeopleReadOptions {
  jurisdiction?: string;
}

/** Parses YAML or JSON (by file extension); throws PEOPLE_FILE_INVALID naming the file and line. */
export function parsePeopleFile(fileName: string, content: string): unknown {
  if (!/\.ya?ml$/i.test(fileName)) {
    try {
      return parseBillFile(fileName, content);
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError('PEOPLE_FILE_INVALID', err.message, err.details);
      throw err;
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(content, { prettyErrors: false, lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const { line, col: column } = lines.linePos(error.pos[0]);
    throw new DomainError(
      'PEOPLE_FILE_INVALID',
      `${fileName}: invalid YAML at line ${line}, column ${column}: ${error.message.split('\n')[0]}`,
      { file: fileName, line, column },
    );
  }
  return doc.toJS();
}

function jurisdictionOf(value: string | null, path: string): string | null {
  if (value === null) return null;
  const division = divisionOfJurisdiction(value);
  if (division === null) problem(path, `"${value}" is not an OCD jurisdiction or division id`);
  return division;
}

function links(o: Obj, key: string, path: string): PersonLink[] {
  return list(o, key, path).map((v, i) => {
    const l = obj(v, `${path}.${key}[${i}]`);
    return { url: reqStr(l, 'url', `${path}.${key}[${i}]`), note: optStr(l, 'note', `${path}.${key}[${i}]`) };
  });
}

function roles(o: Obj, path: string, fallback: string | null): PersonRole[] {
  return list(o, 'roles', path).map((v, i) => {
    const p = `${path}.roles[${i}]`;
    const r = obj(v, p);
    return {
      type: reqStr(r, 'type', p),
      district: optStr(r, 'district', p),
      jurisdictionId: jurisdictionOf(optStr(r, 'jurisdiction', p), `${p}.jurisdiction`) ?? fallback,
      startDate: optDate(r, 'start_date', p),
      endDate: optDate(r, 'end_date', p),
      endReason: optStr(r, 'end_reason', p),
    };
  });
}

function offices(o: Obj, path: string): PersonOffice[] {
  return list(o, 'offices', path).map((v, i) => {
    const p = `${path}.offices[${i}]`;
    const f = obj(v, p);
    return {
      classification: reqStr(f, 'classification', p),
      name: optStr(f, 'name', p),
      address: optStr(f, 'address', p),
      voice: optStr(f, 'voice', p),
      fax: optStr(f, 'fax', p),
      email: optStr(f, 'email', p),
    };
  });
}

/** Scrape `contact_details` grouped by note into offices; an email without a note is the person's. */
function contactOffices(o: Obj, path: string): { offices: PersonOffice[]; email: string | null } {
  const byNote = new Map<string, PersonOffice>();
  let email: string | null = null;
  for (const [i, v] of list(o, 'contact_details', path).entries()) {
    const p = `${path}.contact_details[${i}]`;
    const c = obj(v, p);
    const type = reqStr(c, 'type', p);
    const value = reqStr(c, 'value', p);
    const note = optStr(c, 'note', p);
    if (type === 'email' && note === null) {
      email = value;
      continue;
    }
    const key = note ?? 'primary';
    const office = byNote.get(key) ?? {
      classification: /district/i.test(key) ? 'district' : /capitol/i.test(key) ? 'capitol' : 'primary',
      name: note,
      address: null,
      voice: null,
      fax: null,
      email: null,
    };
    if (type === 'address' || type === 'voice' || type === 'fax' || type === 'email') office[type] = value;
    else problem(`${p}.type`, `"${type}" is not address, voice, fax or email`);
    byNote.set(key, office);
  }
  return { offices: [...byNote.values()], email };
}

function readPerson(o: Obj, path: string, option: string | null, fileId: string | null): PersonRecord {
  const rawId = optStr(o, 'id', path) ?? optStr(o, '_id', path) ?? fileId;
  if (rawId === null) problem(`${path}.id`, 'is required (or a file named by the record UUID)');
  const own = jurisdictionOf(optStr(o, 'jurisdiction', path), `${path}.jurisdiction`) ?? option;
  const roleList = roles(o, path, own);
  const contact = contactOffices(o, path);
  const partyValue = o.party;
  const party =
    typeof partyValue === 'string'
      ? [{ name: partyValue, startDate: null, endDate: null }]
      : list(o, 'party', path).map((v, i) => {
          const p = `${path}.party[${i}]`;
          const a = obj(v, p);
          return {
            name: reqStr(a, 'name', p),
            startDate: optDate(a, 'start_date', p),
            endDate: optDate(a, 'end_date', p),
          };
        });
  return {
    id: ocdPersonId(rawId),
    name: reqStr(o, 'name', path),
    givenName: optStr(o, 'given_name', path),
    familyName: optStr(o, 'family_name', path),
    email: optStr(o, 'email', path) ?? contact.email,
    image: optStr(o, 'image', path),
    jurisdictionId: own ?? roleList.find((r) => r.jurisdictionId !== null)?.jurisdictionId ?? null,
    roles: roleList,
    party,
    offices: [...offices(o, path), ...contact.offices],
    links: links(o, 'links', path),
    sources: links(o, 'sources', path),
    otherNames: list(o, 'other_names', path).map((v, i) =>
      isObj(v)
        ? reqStr(v, 'name', `${path}.other_names[${i}]`)
        : (strList({ v: [v] }, 'v', `${path}.other_names[${i}]`)[0] as string),
    ),
  };
}

function readCommittee(o: Obj, path: string, option: string | null, fileId: string | null): CommitteeRecord {
  const rawId = optStr(o, 'id', path) ?? optStr(o, '_id', path) ?? fileId;
  if (rawId === null) problem(`${path}.id`, 'is required (or a file named by the record UUID)');
  const members = [...list(o, 'members', path), ...list(o, 'memberships', path)].map(
    (v, i): CommitteeMembership => {
      const p = `${path}.members[${i}]`;
      const m = obj(v, p);
      const personId = optStr(m, 'person_id', p);
      return {
        personId: personId === null || personId.startsWith('~') ? null : ocdPersonId(personId),
        name: optStr(m, 'name', p) ?? optStr(m, 'person_name', p) ?? problem(`${p}.name`, 'is required'),
        role: optStr(m, 'role', p) ?? 'member',
        startDate: optDate(m, 'start_date', p),
        endDate: optDate(m, 'end_date', p),
      };
    },
  );
  const parentId = optStr(o, 'parent_id', path);
  const pseudo = parentId?.startsWith('~') ? /"classification":\s*"(\w+)"/.exec(parentId)?.[1] : undefined;
  return {
    id: ocdOrganizationId(rawId),
    name: reqStr(o, 'name', path),
    classification: optStr(o, 'classification', path) ?? 'committee',
    jurisdictionId: jurisdictionOf(optStr(o, 'jurisdiction', path), `${path}.jurisdiction`) ?? option,
    parent: optStr(o, 'chamber', path) ?? pseudo ?? parentId,
    links: links(o, 'links', path),
    sources: links(o, 'sources', path),
    members,
  };
}

function isCommittee(o: Obj): boolean {
  const id = String(o.id ?? '');
  return id.startsWith('ocd-organization/') || 'classification' in o || 'members' in o || 'parent_id' in o;
}

/** Reads a people or committee file; throws PEOPLE_FILE_INVALID only when the file itself is unreadable. */
export function readPeopleFile(
  fileName: string,
  content: string,
  opts: PeopleReadOptions = {},
): PeopleFileRecord[] {
  const data = parsePeopleFile(fileName, content);
  const items = Array.isArray(data) ? data : [data];
  let option: string | null = null;
  if (opts.jurisdiction !== undefined) {
    option = divisionOfJurisdiction(opts.jurisdiction);
    if (option === null) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `"${opts.jurisdiction}" is not an OCD jurisdiction or division id`,
      );
    }
  }
  // Scraper output and the people repo name one-record files by the record's UUID when the body has no id.
  const fileId =
    items.length === 1
      ? (/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|ya?ml)$/i.exec(
          fileName,
        )?.[1] ?? null)
      : null;
  return items.map((item, index): PeopleFileRecord => {
    const path = Array.isArray(data) ? `$[${index}]` : '$';
    const label = isObj(item) && typeof item.name === 'string' ? item.name : `record ${index + 1}`;
    try {
      const o = obj(item, path);
      if (isCommittee(o))
        return {
          index,
          label,
          kind: 'committee',
          committee: readCommittee(o, path, option, fileId),
          reason: null,
        };
      return { index, label, kind: 'person', person: readPerson(o, path, option, fileId), reason: null };
    } catch (err) {
      if (err instanceof RecordProblem) return { index, label, kind: 'rejected', reason: err.message };
      throw err;
    }
  });
}
