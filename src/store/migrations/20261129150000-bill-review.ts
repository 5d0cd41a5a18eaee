/**
 * Analysts' bill corrections. `bill_action_overrides`: one row per override ever made (history kept): the
 * action named by (order, date, description hash) so it survives re-imports, the classes put in force, the
 * imported classes at the time, a required reason, who and when; `status` active/superseded/removed with
 * who ended it, when and why; `orphaned_at` set while a re-import no longer has the action.
 * `bill_indicator_links`: one row per (bill, indicator), suggested by the analyzer or added by a person,
 * confirmed or rejected by a person. Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bill_action_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('action_order', 'integer', (c) => c.notNull())
    .addColumn('action_date', 'text', (c) => c.notNull())
    .addColumn('description_hash', 'text', (c) => c.notNull())
    .addColumn('action_description', 'text', (c) => c.notNull())
    .addColumn('matched_order', 'integer')
    .addColumn('classification_json', 'text', (c) => c.notNull())
    .addColumn('imported_classification_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('orphaned_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_by', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('bill_action_overrides_bill_idx')
    .on('bill_action_overrides')
    .columns(['bill_id', 'status'])
    .execute();

  await db.schema
    .createTable('bill_indicator_links')
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('projected_answer', 'text')
    .addColumn('current_answer', 'text')
    .addColumn('direction', 'text')
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('analyzer_version', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bill_indicator_links_pk', ['bill_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('bill_indicator_links_indicator_idx')
    .on('bill_indicator_links')
    .columns(['indicator_id', 'status'])
    .execute();
}
