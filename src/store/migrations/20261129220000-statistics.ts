/**
 * Enforcement statistics: one row per CSV import (owned by one organisation, draft until published) and one
 * row per figure with its own source, link and source date. Figures are never updated or deleted: a newer
 * source for the same breakdown is a new row, and which figure is current is worked out when reading, so the
 * history stays queryable.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('statistic_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('file_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('replaced_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('statistic_imports_org_idx')
    .on('statistic_imports')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('statistic_figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('statistic_imports.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('source_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statistic_figures_import_idx')
    .on('statistic_figures')
    .column('import_id')
    .execute();
  await db.schema
    .createIndex('statistic_figures_breakdown_idx')
    .on('statistic_figures')
    .columns(['jurisdiction_id', 'measure', 'year'])
    .execute();
}
