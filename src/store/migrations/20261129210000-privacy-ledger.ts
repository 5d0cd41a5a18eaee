/**
 * Privacy ledgers (issue 9, slice 4; security.md PUB-6): one ledger per organisation, dataset and calendar year,
 * with its privacy unit, its caps and what has been spent, and one row per release that debited it (ε, δ,
 * privacy unit, what was released, who, when). ε is stored in whole millionths and δ in whole 10⁻¹², so sums are
 * exact; δ amounts can pass 2³¹ and are bigint. Release rows are never updated or deleted.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_ledgers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('privacy_unit', 'text', (c) => c.notNull())
    .addColumn('epsilon_cap_micros', 'bigint', (c) => c.notNull())
    .addColumn('delta_cap_picos', 'bigint', (c) => c.notNull())
    .addColumn('spent_epsilon_micros', 'bigint', (c) => c.notNull())
    .addColumn('spent_delta_picos', 'bigint', (c) => c.notNull())
    .addColumn('releases', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('privacy_ledgers_dataset_year_unique', ['organization_id', 'dataset', 'year'])
    .execute();

  await db.schema
    .createTable('privacy_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ledger_id', 'text', (c) => c.notNull().references('privacy_ledgers.id'))
    .addColumn('statistic', 'text', (c) => c.notNull())
    .addColumn('epsilon_micros', 'bigint', (c) => c.notNull())
    .addColumn('delta_picos', 'bigint', (c) => c.notNull())
    .addColumn('privacy_unit', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('privacy_releases_ledger_idx')
    .on('privacy_releases')
    .column('ledger_id')
    .execute();
}
