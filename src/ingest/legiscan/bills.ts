/**
 * LegiScan getBill JSON (`{"status":"OK","bill":{…}}`, or the bare bill as in weekly dataset files) into
 * bill records. LegiScan history entries carry no classification; the bill's `progress` events do, so each
 * progress event's Open States classes (core/bills/classification.ts) are attached to the history entry of
 * the same date (the last one that day), or to an action of their own when no history entry matches. An
 * unknown progress code is kept raw as `legiscan-progress:<code>`. `change_hash` is kept so a re-import
 * skips unchanged bills.
 */
import { legiscanProgressClasses, legiscanProgressNames } from '../../core/bills/classification.ts';
import { divisionOfStateCode } from '../../core/bills/jurisdiction.ts';
import {
  type BillAction,
  type BillDocument,
  type BillRecord,
  type Chamber,
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
  optStr,
  problem,
  readRecord,
  reqDate,
  reqStr,
} from '../bill-fields.ts';

const chamberLetters: Record<string, Chamber> = { H: 'lower', A: 'lower', S: 'upper', J: 'legislature' };
const sponsorTypes: Record<number, string> = { 0: 'generic', 1: 'primary', 2: 'cosponsor', 3: 'joint' };
const sastRelations: Record<number, string> = {
  1: 'companion',
  2: 'related',
  3: 'replaced-by',
  4: 'replaces',
  5: 'companion',
  6: 'related',
  7: 'related',
  8: 'related',
  9: 'prior-session',
};
const versionTypes: Record<string, string | null> = {
  Introduced: 'introduced',
  Prefiled: 'filed',
  Draft: 'filed',
  Amended: 'amendment',
  'Committee Substitute': 'substituted',
  'Conference Substitute': 'substituted',
  Substitute: 'substituted',
  Engrossed: null,
  Enrolled: 'enrolled',
  Chaptered: 'became-law',
};
const documentTypes: Record<string, string> = {
  'Fiscal Note': 'fiscal-note',
  Analysis: 'analysis',
  'Fiscal Note/Analysis': 'fiscal-note',
  'Veto Message': 'veto-message',
  'Veto Response': 'veto-message',
  'Veto Letter': 'veto-message',
};

function chamber(value: string | null): Chamber | null {
  return value === null ? null : (chamberLetters[value.toUpperCase()] ?? null);
}

function int(o: Obj, key: string, path: string): number | null {
  const v = o[key];
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) problem(`${path}.${key}`, 'must be a whole number');
  return n;
}

function actions(o: Obj, path: string, body: Chamber | null): BillAction[] {
  const history: BillAction[] = list(o, 'history', path).map((h, i) => {
    const e = obj(h, `${path}.history[${i}]`);
    const c = chamber(optStr(e, 'chamber', `${path}.history[${i}]`));
    return {
      order: i,
      date: reqDate(e, 'date', `${path}.history[${i}]`),
      description: reqStr(e, 'action', `${path}.history[${i}]`),
      organization: c,
      chamber: c,
      classification: [],
      unknownClassification: [],
    };
  });
  const extra: BillAction[] = [];
  list(o, 'progress', path).forEach((p, i) => {
    const e = obj(p, `${path}.progress[${i}]`);
    const date = reqDate(e, 'date', `${path}.progress[${i}]`);
    const code = int(e, 'event', `${path}.progress[${i}]`);
    if (code === null) problem(`${path}.progress[${i}].event`, 'is required');
    const classes = legiscanProgressClasses(code);
    const target = history.filter((h) => h.date.slice(0, 10) === date.slice(0, 10)).at(-1);
    const action: BillAction = target ?? {
      order: history.length + extra.length,
      date,
      description: `LegiScan progress: ${legiscanProgressNames[code] ?? `code ${code}`}`,
      organization: null,
      chamber: code === 2 ? body : null,
      classification: [],
      unknownClassification: [],
    };
    if (!target) extra.push(action);
    if (classes.length === 0) action.unknownClassification.push(`legiscan-progress:${code}`);
    for (const c of classes) if (!action.classification.includes(c)) action.classification.push(c);
    // "Passed" is the final passage: when the entry names no chamber, it is the second one.
    if (code === 4 && action.chamber === null) action.chamber = body === 'upper' ? 'lower' : 'upper';
    if (code === 2 && action.chamber === null) action.chamber = body;
  });
  return [...history, ...extra]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
    .map((a, i) => ({ ...a, order: i }));
}

function texts(o: Obj, path: string): { versions: BillDocument[]; documents: BillDocument[] } {
  const versions: BillDocument[] = [];
  const documents: BillDocument[] = [];
  list(o, 'texts', path).forEach((t, i) => {
    const e = obj(t, `${path}.texts[${i}]`);
    const type = optStr(e, 'type', `${path}.texts[${i}]`) ?? '';
    const url = optStr(e, 'state_link', path) ?? optStr(e, 'url', path);
    const doc: BillDocument = {
      note: type,
      date: optStr(e, 'date', path),
      classification: null,
      links: url ? [{ url, mediaType: optStr(e, 'mime', path) }] : [],
      text: null,
    };
    if (type in documentTypes) documents.push({ ...doc, classification: documentTypes[type] ?? null });
    else versions.push({ ...doc, classification: versionTypes[type] ?? null });
  });
  list(o, 'supplements', path).forEach((s, i) => {
    const e = obj(s, `${path}.supplements[${i}]`);
    const type = optStr(e, 'type', path) ?? '';
    const url = optStr(e, 'state_link', path) ?? optStr(e, 'url', path);
    documents.push({
      note: optStr(e, 'title', path) ?? type,
      date: optStr(e, 'date', path),
      classification: documentTypes[type] ?? null,
      links: url ? [{ url, mediaType: optStr(e, 'mime', path) }] : [],
      text: null,
    });
  });
  return { versions, documents };
}

function bill(o: Obj, path: string): BillRecord {
  const state = reqStr(o, 'state', path);
  const jurisdictionId = divisionOfStateCode(state);
  if (jurisdictionId === null) problem(`${path}.state`, `"${state}" is not a two-letter state code`);
  const session = obj(o.session, `${path}.session`);
  const sessionName = reqStr(session, 'session_name', `${path}.session`);
  const yearStart = int(session, 'year_start', `${path}.session`);
  const yearEnd = int(session, 'year_end', `${path}.session`);
  const body = chamber(optStr(o, 'body', path));
  const sponsorships: Sponsorship[] = list(o, 'sponsors', path).map((s, i) => {
    const e = obj(s, `${path}.sponsors[${i}]`);
    const type = int(e, 'sponsor_type_id', `${path}.sponsors[${i}]`) ?? 0;
    const peopleId = optStr(e, 'people_id', path);
    return {
      name: reqStr(e, 'name', `${path}.sponsors[${i}]`),
      primary: type === 1,
      classification: sponsorTypes[type] ?? `type ${type}`,
      entityType: int(e, 'committee_sponsor', path) === 1 ? 'organization' : 'person',
      personId: peopleId ? `legiscan-person:${peopleId}` : null,
      organizationId: null,
    };
  });
  const description = optStr(o, 'description', path);
  const title = optStr(o, 'title', path) ?? description;
  if (title === null) problem(`${path}.title`, 'is required');
  return {
    source: 'legiscan',
    ocdId: null,
    sourceId: String(int(o, 'bill_id', path) ?? problem(`${path}.bill_id`, 'is required')),
    changeHash: reqStr(o, 'change_hash', path),
    jurisdictionId,
    session: {
      jurisdictionId,
      identifier: sessionName,
      name: sessionName,
      classification: int(session, 'special', path) === 1 ? 'special' : 'primary',
      startDate: yearStart === null ? null : String(yearStart),
      endDate: yearEnd === null ? null : String(yearEnd),
    },
    identifier: normalizeIdentifier(reqStr(o, 'bill_number', path)),
    title,
    fromOrganization: body,
    classification: [optStr(o, 'bill_type', path) === 'R' ? 'resolution' : 'bill'],
    subjects: list(o, 'subjects', path).map((s, i) =>
      reqStr(obj(s, `${path}.subjects[${i}]`), 'subject_name', path),
    ),
    abstracts:
      description && description !== title ? [{ abstract: description, note: null, date: null }] : [],
    sponsorships,
    actions: actions(o, path, body),
    ...texts(o, path),
    relatedBills: list(o, 'sasts', path).map((s, i) => {
      const e = obj(s, `${path}.sasts[${i}]`);
      const type = int(e, 'type_id', `${path}.sasts[${i}]`) ?? 8;
      return {
        identifier: normalizeIdentifier(reqStr(e, 'sast_bill_number', `${path}.sasts[${i}]`)),
        legislativeSession: null,
        relationType: sastRelations[type] ?? 'related',
      };
    }),
    citations: [],
    sources: [optStr(o, 'state_link', path), optStr(o, 'url', path)].filter((u): u is string => u !== null),
  };
}

/** Reads a LegiScan getBill file; throws BILL_FILE_INVALID for malformed JSON, rejects bad records. */
export function readLegiScanBills(fileName: string, content: string): BillFileRecord[] {
  return jsonRecords(fileName, content).map(({ item, path }, i) => {
    const inner = isObj(item) && isObj(item.bill) ? item.bill : item;
    const label =
      isObj(inner) && typeof inner.bill_number === 'string' ? inner.bill_number : `record ${i + 1}`;
    return readRecord(i, label, () => {
      if (isObj(item) && item.status !== undefined && item.status !== 'OK') {
        problem(`${path}.status`, `LegiScan answered "${String(item.status)}", not OK`);
      }
      const o = obj(inner, isObj(item) && isObj(item.bill) ? `${path}.bill` : path);
      if (o.bill_id === undefined) problem(path, 'not a LegiScan bill (it has no bill_id)');
      return bill(o, isObj(item) && isObj(item.bill) ? `${path}.bill` : path);
    });
  });
}
