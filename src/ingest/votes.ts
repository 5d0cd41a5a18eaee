/**
 * Readers of vote files: Open States scrape-format vote events (`openstates-core scrape/schemas/vote_event.py`:
 * `_id`, `motion_text`, `motion_classification`, `start_date`, `result`, `organization`, `legislative_session`,
 * `bill`, `votes[{option, voter_name, voter_id}]`, `counts[{option, value}]`, `dedupe_key`) and LegiScan
 * getRollCall answers (`roll_call{roll_call_id, bill_id, date, desc, yea, nay, nv, absent, passed, chamber,
 * votes[{people_id, vote_id, vote_text}]}`). A file holds one record or a list; each bad record is rejected
 * with a reason naming its JSON path, malformed JSON refuses the file naming line and column.
 */
import { divisionOfJurisdiction } from '../core/bills/jurisdiction.ts';
import { normalizeIdentifier } from '../core/bills/types.ts';
import { isVoteOption, type VoteBillRef, type VoteOption, type VoteRecord } from '../core/bills/votes.ts';
import {
  isObj,
  jsonRecords,
  list,
  type Obj,
  obj,
  optStr,
  problem,
  readLabelled,
  reqDate,
  reqStr,
  scrapeSourceId,
  strList,
} from './bill-fields.ts';

/** One record of a vote file: the vote read, or why it was rejected. */
export interface VoteFileRecord {
  index: number;
  label: string;
  record: VoteRecord | null;
  reason: string | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The match criteria of a scrape pseudo id (`~{"classification": "lower"}`), or null for a plain value. */
function pseudo(value: string, path: string): Obj | null {
  if (!value.startsWith('~')) return null;
  try {
    const parsed: unknown = JSON.parse(value.slice(1));
    if (isObj(parsed)) return parsed;
  } catch {
    // reported below
  }
  return problem(path, `"${value}" is not a pseudo id`);
}

function billRef(o: Obj, path: string, session: string | null, jurisdictionId: string | null): VoteBillRef {
  const raw = reqStr(o, 'bill', path);
  if (raw.startsWith('ocd-bill/')) return { kind: 'ocd', ocdId: raw.toLowerCase() };
  if (uuid.test(raw)) return { kind: 'ocd', ocdId: `ocd-bill/${raw.toLowerCase()}` };
  const criteria = pseudo(raw, `${path}.bill`);
  const identifier = criteria ? criteria.identifier : raw;
  const billSession =
    criteria && typeof criteria.legislative_session === 'string' ? criteria.legislative_session : session;
  if (typeof identifier !== 'string' || identifier.trim() === '')
    problem(`${path}.bill`, 'names no bill identifier');
  if (billSession === null)
    problem(`${path}.legislative_session`, 'is required to find the bill by identifier');
  return { kind: 'name', jurisdictionId, session: billSession, identifier: normalizeIdentifier(identifier) };
}

function option(value: string | null, path: string): VoteOption {
  if (value === null || !isVoteOption(value)) problem(path, `"${value}" is not a vote option`);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    problem(path, 'must be a whole number ≥ 0');
  return value;
}

function openStatesVote(o: Obj, path: string, jurisdiction: string | undefined): VoteRecord {
  const rawJurisdiction = optStr(o, 'jurisdiction', path) ?? jurisdiction ?? null;
  const jurisdictionId = rawJurisdiction === null ? null : divisionOfJurisdiction(rawJurisdiction);
  if (rawJurisdiction !== null && jurisdictionId === null)
    problem(`${path}.jurisdiction`, `"${rawJurisdiction}" is not an OCD jurisdiction id`);
  const sourceId = scrapeSourceId(o, path, 'vote');
  const result = reqStr(o, 'result', path);
  if (result !== 'pass' && result !== 'fail') problem(`${path}.result`, `"${result}" is not pass or fail`);
  const org = optStr(o, 'organization', path);
  const orgCriteria = org === null ? null : pseudo(org, `${path}.organization`);
  const chamber = typeof orgCriteria?.classification === 'string' ? orgCriteria.classification : null;
  return {
    source: 'openstates',
    sourceId,
    bill: billRef(o, path, optStr(o, 'legislative_session', path), jurisdictionId),
    motionText: reqStr(o, 'motion_text', path),
    classification: strList(o, 'motion_classification', path),
    result,
    chamber,
    startDate: reqDate(o, 'start_date', path),
    counts: list(o, 'counts', path).map((c, i) => {
      const e = obj(c, `${path}.counts[${i}]`);
      return {
        option: option(optStr(e, 'option', path), `${path}.counts[${i}].option`),
        value: count(e.value, `${path}.counts[${i}].value`),
      };
    }),
    members: list(o, 'votes', path).map((v, i) => {
      const e = obj(v, `${path}.votes[${i}]`);
      const voterId = optStr(e, 'voter_id', path);
      const voterName = optStr(e, 'voter_name', path);
      if (voterName === null && voterId === null) problem(`${path}.votes[${i}]`, 'names no voter');
      const criteria = voterId === null ? null : pseudo(voterId, `${path}.votes[${i}].voter_id`);
      return {
        option: option(optStr(e, 'option', path), `${path}.votes[${i}].option`),
        voterName: voterName ?? (typeof criteria?.name === 'string' ? criteria.name : null),
        voterRef: criteria ? null : voterId,
      };
    }),
  };
}

const legiScanOptions: Record<number, VoteOption> = { 1: 'yes', 2: 'no', 3: 'not voting', 4: 'absent' };
const legiScanChambers: Record<string, string> = { H: 'lower', A: 'lower', S: 'upper', J: 'legislature' };

function legiScanVote(o: Obj, path: string): VoteRecord {
  const id = count(o.roll_call_id, `${path}.roll_call_id`);
  const billId = count(o.bill_id, `${path}.bill_id`);
  const counts = (['yea', 'nay', 'nv', 'absent'] as const).map((k, i) => ({
    option: legiScanOptions[i + 1] as VoteOption,
    value: count(o[k] ?? 0, `${path}.${k}`),
  }));
  const passed = o.passed;
  if (passed !== 0 && passed !== 1) problem(`${path}.passed`, 'must be 0 or 1');
  const chamber = optStr(o, 'chamber', path);
  return {
    source: 'legiscan',
    sourceId: `legiscan-roll-call:${id}`,
    bill: { kind: 'legiscan', billId: String(billId) },
    motionText: reqStr(o, 'desc', path),
    classification: [],
    result: passed === 1 ? 'pass' : 'fail',
    chamber: chamber === null ? null : (legiScanChambers[chamber.toUpperCase()] ?? null),
    startDate: reqDate(o, 'date', path),
    counts,
    members: list(o, 'votes', path).map((v, i) => {
      const e = obj(v, `${path}.votes[${i}]`);
      const code = count(e.vote_id, `${path}.votes[${i}].vote_id`);
      const opt =
        legiScanOptions[code] ?? problem(`${path}.votes[${i}].vote_id`, `${code} is not a vote code 1–4`);
      return {
        option: opt,
        voterName: null,
        voterRef: `legiscan-person:${count(e.people_id, `${path}.votes[${i}].people_id`)}`,
      };
    }),
  };
}

/** Reads a vote file of the given format; throws BILL_FILE_INVALID for malformed JSON, rejects bad records. */
export function readVoteFile(
  format: 'openstates' | 'legiscan',
  fileName: string,
  content: string,
  opts: { jurisdiction?: string } = {},
): VoteFileRecord[] {
  return jsonRecords(fileName, content).map(({ item, path }, i) => {
    const wrapped = isObj(item) && isObj(item.roll_call);
    const inner = wrapped ? (item as Obj).roll_call : item;
    const innerPath = wrapped ? `${path}.roll_call` : path;
    return readLabelled(
      i,
      `record ${i + 1}`,
      () => {
        if (format === 'legiscan' && isObj(item) && item.status !== undefined && item.status !== 'OK')
          problem(`${path}.status`, `LegiScan answered "${String(item.status)}", not OK`);
        const o = obj(inner, innerPath);
        if (format === 'legiscan' && o.roll_call_id === undefined)
          problem(innerPath, 'not a LegiScan roll call (it has no roll_call_id)');
        if (format === 'openstates' && o.motion_text === undefined)
          problem(innerPath, 'not an Open States vote event (it has no motion_text)');
        return format === 'legiscan'
          ? legiScanVote(o, innerPath)
          : openStatesVote(o, innerPath, opts.jurisdiction);
      },
      (record) => `${record.startDate} ${record.motionText}`,
    );
  });
}
