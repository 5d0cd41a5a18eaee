/** Small helpers shared by the repositories: clock, ids, JSON columns, history rows. */
import { randomBytes, randomUUID } from 'node:crypto';
import { type SqlBool, sql } from 'kysely';

/** Current time as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

/** A new random id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

let lastSortable = { ms: 0, seq: 0 };

/**
 * A new UUID v7 (48 bits of Unix milliseconds, a 12-bit counter, random bits). Ids made by one process sort in
 * the order they were made, so rows written within the same millisecond keep their order (the audit trail).
 */
export function newSortableId(now: number = Date.now()): string {
  let ms = Math.max(now, lastSortable.ms);
  let seq = ms === lastSortable.ms ? lastSortable.seq + 1 : 0;
  if (seq > 0xfff) {
    ms += 1;
    seq = 0;
  }
  lastSortable = { ms, seq };
  const random = randomBytes(8);
  random[0] = (random[0]! & 0x3f) | 0x80; // RFC 9562 variant bits
  const hex = `${ms.toString(16).padStart(12, '0')}${(0x7000 | seq).toString(16)}${random.toString('hex')}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Parses a JSON column written by this store. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** One change as the history tables store it (answers, modifier findings, treaty parties). */
export interface HistoryChange<S, A extends string> {
  actor: string;
  action: A;
  before: S | null;
  after: S;
}

/** The columns every history row shares, for a change made now (the caller adds the owner id). */
export function historyRowValues<S, A extends string>(e: HistoryChange<S, A>) {
  return {
    id: newSortableId(),
    at: nowIso(),
    actor: e.actor,
    action: e.action,
    before_json: e.before ? JSON.stringify(e.before) : null,
    after_json: JSON.stringify(e.after),
  };
}

/** A stored history row's change columns as domain fields (the caller adds the row and owner ids). */
export function historyEntryOf<S, A extends string>(r: {
  at: string;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string;
}): { at: string } & HistoryChange<S, A> {
  return {
    at: r.at,
    actor: r.actor,
    action: r.action as A,
    before: r.before_json === null ? null : fromJson<S>(r.before_json),
    after: fromJson<S>(r.after_json),
  };
}

/**
 * Rows whose jurisdiction (joined as `j`) an organization may see: shared jurisdictions plus its own; `null` for
 * shared ones only. Callers skip it for 'all'.
 */
export function visibleToOrganization(org: string | null) {
  return org === null
    ? sql<SqlBool>`j.organization_id is null`
    : sql<SqlBool>`(j.organization_id is null or j.organization_id = ${org})`;
}

/** Rows of the table aliased `alias` whose half-open validity interval contains the date. */
export function validOn(alias: string, date: string) {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} > ${date}))`;
}
