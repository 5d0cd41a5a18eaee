/**
 * Shared pieces of the bill readers: one file's records with a per-record rejection reason, JSON parsing
 * that names the file and position, and field readers that throw a reason naming the JSON path.
 */
import type { BillRecord } from '../core/bills/types.ts';
import { DomainError } from '../core/errors.ts';
import { JsonSyntaxError, parseJsonAt } from './json-position.ts';

/** One record of a file: the bill read, or why it was rejected. `label` names it for people. */
export interface BillFileRecord {
  index: number;
  label: string;
  record: BillRecord | null;
  reason: string | null;
}

/** A record-level problem; the reader turns it into a rejection reason. */
export class RecordProblem extends Error {}

/** Throws a record problem naming the JSON path. */
export function problem(path: string, what: string): never {
  throw new RecordProblem(`${path}: ${what}`);
}

/** Parses a file's JSON; throws BILL_FILE_INVALID naming the file, line and column. */
export function parseBillFile(fileName: string, content: string): unknown {
  try {
    return parseJsonAt(content);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const { line, column, offset } = err.place;
    throw new DomainError(
      'BILL_FILE_INVALID',
      `${fileName}: invalid JSON at line ${line}, column ${column}: ${err.message}`,
      { file: fileName, line, column, offset },
    );
  }
}

export type Obj = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or a problem. */
export function obj(value: unknown, path: string): Obj {
  if (!isObj(value)) problem(path, 'must be an object');
  return value;
}

/** An optional string field (null or absent → null; numbers are taken as text). */
export function optStr(o: Obj, key: string, path: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') problem(`${path}.${key}`, 'must be a string');
  return v.trim() === '' ? null : v.trim();
}

/** A required non-empty string field. */
export function reqStr(o: Obj, key: string, path: string): string {
  const v = optStr(o, key, path);
  if (v === null) problem(`${path}.${key}`, 'is required');
  return v;
}

/** An optional list field (absent or null → []). */
export function list(o: Obj, key: string, path: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) problem(`${path}.${key}`, 'must be a list');
  return v;
}

/** A list of strings. */
export function strList(o: Obj, key: string, path: string): string[] {
  return list(o, key, path).map((v, i) => {
    if (typeof v !== 'string') problem(`${path}.${key}[${i}]`, 'must be a string');
    return v;
  });
}

const fuzzyDate = /^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** A required fuzzy date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with time). */
export function reqDate(o: Obj, key: string, path: string): string {
  const v = reqStr(o, key, path);
  if (!fuzzyDate.test(v)) problem(`${path}.${key}`, `"${v}" is not a date`);
  return v;
}

/** An optional fuzzy date. */
export function optDate(o: Obj, key: string, path: string): string | null {
  const v = optStr(o, key, path);
  if (v !== null && !fuzzyDate.test(v)) problem(`${path}.${key}`, `"${v}" is not a date`);
  return v;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key an Open States scrape record is recognised by: its OCD id (`id` or `_id`, bare UUID or
 * `ocd-<kind>/UUID`, lower-cased), else its `dedupe_key`; a problem when it has neither or a bad id.
 */
export function scrapeSourceId(o: Obj, path: string, kind: 'event' | 'vote'): string {
  const rawId = optStr(o, 'id', path) ?? optStr(o, '_id', path);
  const prefix = `ocd-${kind}/`;
  const ocdId = rawId === null ? null : rawId.startsWith(prefix) ? rawId : `${prefix}${rawId}`;
  if (ocdId !== null && !uuid.test(ocdId.slice(prefix.length)))
    problem(`${path}._id`, `"${rawId}" is not an OCD ${kind} id`);
  const sourceId = ocdId?.toLowerCase() ?? optStr(o, 'dedupe_key', path);
  if (sourceId === null) problem(path, 'has no _id, id or dedupe_key to recognise it by');
  return sourceId;
}

/**
 * The records of a JSON file holding one record or a list (or, with `listKey`, an object whose `listKey` field
 * is the list), each with its JSON path; throws BILL_FILE_INVALID for malformed JSON.
 */
export function jsonRecords(
  fileName: string,
  content: string,
  listKey?: string,
): { item: unknown; path: string }[] {
  const parsed = parseBillFile(fileName, content);
  if (Array.isArray(parsed)) return parsed.map((item, i) => ({ item, path: `$[${i}]` }));
  const inner = listKey !== undefined && isObj(parsed) ? parsed[listKey] : undefined;
  if (Array.isArray(inner)) return inner.map((item, i) => ({ item, path: `$.${listKey}[${i}]` }));
  return [{ item: parsed, path: '$' }];
}

/** Runs one record's reader, turning a record problem into a rejection labelled `fallback`. */
export function readLabelled<R>(
  index: number,
  fallback: string,
  read: () => R,
  labelOf: (record: R) => string,
): { index: number; label: string; record: R | null; reason: string | null } {
  try {
    const record = read();
    return { index, label: labelOf(record), record, reason: null };
  } catch (err) {
    if (err instanceof RecordProblem) return { index, label: fallback, record: null, reason: err.message };
    throw err;
  }
}

/** Runs one bill record's reader, turning a record problem into a rejection. */
export function readRecord(index: number, label: string, read: () => BillRecord): BillFileRecord {
  return readLabelled(index, label, read, (record) => `${record.identifier} (${record.session.identifier})`);
}
