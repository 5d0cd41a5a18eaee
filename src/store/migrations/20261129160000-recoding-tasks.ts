/**
 * Recoding tasks (docs/bill-to-law.md): when a tracked bill is enacted, a task to turn its text into new versions
 * of the law documents it amends. One task per bill (unique), so opening is idempotent even under concurrent
 * imports. Targets, new version ids and suggestion counts are JSON columns (small lists read with the task);
 * every change appends a history row. Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recoding_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('effective_source', 'text')
    .addColumn('targets_json', 'text', (c) => c.notNull())
    .addColumn('unmatched_json', 'text', (c) => c.notNull())
    .addColumn('new_versions_json', 'text', (c) => c.notNull())
    .addColumn('suggestion_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text')
    .addColumn('applied_at', 'text')
    .addUniqueConstraint('recoding_tasks_bill_unique', ['bill_id'])
    .execute();
  await db.schema
    .createIndex('recoding_tasks_jurisdiction_idx')
    .on('recoding_tasks')
    .columns(['jurisdiction_id', 'status'])
    .execute();

  await db.schema
    .createTable('recoding_task_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('recoding_tasks.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recoding_task_history_task_idx')
    .on('recoding_task_history')
    .columns(['task_id', 'at'])
    .execute();
}
