/**
 * Events in the store: resolving agenda bills to stored bills, writing an event whole (its bill links
 * replaced with it), and the events of a bill.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgendaBill, EventRecord, EventStatus, HearingEvent } from '../core/bills/events.ts';
import type { Database } from './schema.ts';
import { fromJson, newId } from './util.ts';

/**
 * The stored bill an agenda item names: by OCD id, else by identifier in the event's jurisdiction; when
 * several sessions hold the identifier, the one whose dates contain the event. Null when not exactly one.
 */
export async function resolveAgendaBill(
  db: Kysely<Database>,
  jurisdictionId: string,
  date: string,
  b: AgendaBill,
): Promise<string | null> {
  if (b.ocdId !== null) {
    const row = await db.selectFrom('bills').select('id').where('ocd_id', '=', b.ocdId).executeTakeFirst();
    if (row) return row.id;
  }
  const rows = await db
    .selectFrom('bills as b')
    .innerJoin('legislative_sessions as s', 's.id', 'b.session_id')
    .select(['b.id', 's.start_date', 's.end_date'])
    .where('b.jurisdiction_id', '=', jurisdictionId)
    .where('b.identifier', '=', b.identifier)
    .execute();
  if (rows.length <= 1) return rows[0]?.id ?? null;
  const day = date.slice(0, 10);
  const within = rows.filter(
    (r) =>
      r.start_date !== null &&
      r.start_date.slice(0, 10) <= day &&
      (r.end_date === null || day <= r.end_date.slice(0, 10)),
  );
  return within.length === 1 ? (within[0]?.id ?? null) : null;
}

/** SHA-256 of an event with its resolved bills, the change test of every import. */
export function eventHash(record: EventRecord, billIds: string[]): string {
  return createHash('sha256').update(JSON.stringify({ record, billIds })).digest('hex');
}

/** The stored id and hash of an event by its source id; undefined when not stored. */
export async function storedEvent(
  db: Kysely<Database>,
  sourceId: string,
): Promise<{ id: string; contentHash: string } | undefined> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'content_hash'])
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row ? { id: row.id, contentHash: row.content_hash } : undefined;
}

/** Inserts an event, or replaces the stored one (`existingId`) and its bill links. */
export async function writeEvent(
  db: Kysely<Database>,
  r: EventRecord,
  billIds: string[],
  hash: string,
  now: string,
  existingId?: string,
): Promise<void> {
  const values = {
    jurisdiction_id: r.jurisdictionId,
    name: r.name,
    start_date: r.startDate,
    end_date: r.endDate,
    all_day: r.allDay ? 1 : 0,
    status: r.status,
    classification: r.classification,
    description: r.description,
    location: r.location,
    participants_json: JSON.stringify(r.participants),
    agenda_json: JSON.stringify(r.agenda),
    links_json: JSON.stringify(r.links),
    content_hash: hash,
    updated_at: now,
  };
  const id = existingId ?? newId();
  if (existingId) {
    await db.deleteFrom('event_bills').where('event_id', '=', id).execute();
    await db.updateTable('events').set(values).where('id', '=', id).execute();
  } else {
    await db
      .insertInto('events')
      .values({ id, source_id: r.sourceId, created_at: now, ...values })
      .execute();
  }
  const unique = [...new Set(billIds)];
  if (unique.length > 0)
    await db
      .insertInto('event_bills')
      .values(unique.map((bill_id) => ({ event_id: id, bill_id })))
      .execute();
}

/** The events whose agenda names a bill, oldest first. */
export async function eventsOfBill(db: Kysely<Database>, billId: string): Promise<HearingEvent[]> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('event_bills as eb', 'eb.event_id', 'e.id')
    .selectAll('e')
    .where('eb.bill_id', '=', billId)
    .orderBy('e.start_date')
    .orderBy('e.source_id')
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('event_bills')
    .selectAll()
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('bill_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    jurisdictionId: r.jurisdiction_id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    allDay: r.all_day === 1,
    status: r.status as EventStatus,
    classification: r.classification,
    description: r.description,
    location: r.location,
    participants: fromJson<EventRecord['participants']>(r.participants_json),
    agenda: fromJson<EventRecord['agenda']>(r.agenda_json),
    links: fromJson<EventRecord['links']>(r.links_json),
    billIds: links.filter((l) => l.event_id === r.id).map((l) => l.bill_id),
  }));
}
