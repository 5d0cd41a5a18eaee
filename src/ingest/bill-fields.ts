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

/** Runs one record's reader, turning a record problem into a rejection. */
export function readRecord(index: number, label: string, read: () => BillRecord): BillFileRecord {
  try {
    const record = read();
    return { index, label: `${record.identifier} (${record.session.identifier})`, record, reason: null };
  } catch (err) {
    if (err instanceof RecordProblem) return { index, label, record: null, reason: err.message };
    throw err;
  }
}
