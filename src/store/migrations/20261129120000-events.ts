/**
 * Events (hearings, meetings) from Open States: one row per event keyed by its source id, with agenda,
 * participants and links as JSON, and `event_bills` linking agenda items to stored bills so a bill lists its
 * hearings. `content_hash` makes a re-import of an unchanged event write nothing. Frozen. No dialect step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('classification', 'text')
    .addColumn('description', 'text')
    .addColumn('location', 'text')
    .addColumn('participants_json', 'text', (c) => c.notNull())
    .addColumn('agenda_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_jurisdiction_idx')
    .on('events')
    .columns(['jurisdiction_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('event_bills')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addPrimaryKeyConstraint('event_bills_pk', ['event_id', 'bill_id'])
    .execute();
  await db.schema.createIndex('event_bills_bill_idx').on('event_bills').column('bill_id').execute();
}
