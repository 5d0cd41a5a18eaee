/**
 * Case records (issue 9, slice 2): HTCDS case datasets owned by one organisation, their records, and the releases
 * published from them. A record's accepted fields are one AES-256-GCM blob (`data`), encrypted with the cases key
 * before it reaches the database; `person_key` is a keyed hash of the organisation's person reference (never the
 * reference itself), null when the file gave none. A release stores only the published (suppressed, rounded or
 * noisy) table, never a true count. Release rows are never updated or deleted.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('privacy_unit', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_datasets_name_unique', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('case_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('case_datasets.id'))
    .addColumn('person_key', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_records_dataset_idx').on('case_records').column('dataset_id').execute();

  await db.schema
    .createTable('case_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('case_datasets.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('jurisdiction', 'text')
    .addColumn('statistic', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('mechanism', 'text', (c) => c.notNull())
    .addColumn('epsilon_micros', 'bigint', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_releases_dataset_idx')
    .on('case_releases')
    .columns(['dataset_id', 'statistic'])
    .execute();
}
