/**
 * Roll-call votes of stored bills (Open States vote events, LegiScan roll calls): one row per vote keyed by
 * (source, source_id), counts as JSON, and member votes in source order with the person linked when known.
 * `content_hash` makes a re-import of an unchanged vote write nothing. Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('motion_text', 'text', (c) => c.notNull())
    .addColumn('classification_json', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('chamber', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('votes_source_key', ['source', 'source_id'])
    .execute();
  await db.schema.createIndex('votes_bill_idx').on('votes').columns(['bill_id', 'start_date']).execute();

  await db.schema
    .createTable('vote_members')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('option', 'text', (c) => c.notNull())
    .addColumn('voter_name', 'text')
    .addColumn('voter_ref', 'text')
    .addColumn('person_id', 'text')
    .addPrimaryKeyConstraint('vote_members_pk', ['vote_id', 'position'])
    .execute();
  await db.schema.createIndex('vote_members_person_idx').on('vote_members').column('person_id').execute();
}
