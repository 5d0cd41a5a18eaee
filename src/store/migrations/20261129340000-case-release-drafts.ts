/**
 * Case release drafts and the import log (issue 9, workspace screens). A release is now created as a draft that
 * only its organisation sees (`published_at` null) and published later; releases stored before this migration
 * were public from the start, so they take their release time as their publication time. `case_imports` lists
 * each file imported into a dataset (its name as given, format and record count), never a cell of it.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_releases').addColumn('published_at', 'text').execute();
  await db
    .updateTable('case_releases')
    .set((eb) => ({ published_at: eb.ref('released_at') }))
    .execute();
  await db.schema
    .createIndex('case_releases_published_idx')
    .on('case_releases')
    .columns(['published_at', 'jurisdiction'])
    .execute();

  await db.schema
    .createTable('case_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('case_datasets.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('file_name', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_imports_organization_idx')
    .on('case_imports')
    .columns(['organization_id', 'imported_at'])
    .execute();
}
