/**
 * Quality control: coding batches, who codes which variable (qc_assignments), each coder's independent
 * coding (qc_codings) and divergences between two codings with their reconciliation (qc_divergences).
 * Frozen. No dialect-specific step. Rates are stored as integer basis points (500 = 5%) so both engines
 * round-trip them exactly.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qc_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('jurisdictions_json', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('coders_json', 'text', (c) => c.notNull())
    .addColumn('threshold_bp', 'integer', (c) => c.notNull())
    .addColumn('sample_bp', 'integer', (c) => c.notNull())
    .addColumn('redundancy', 'text', (c) => c.notNull())
    .addColumn('previous_batch_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qc_assignments')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('qc_batches.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('coder_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('qc_assignments_pk', ['batch_id', 'jurisdiction_id', 'indicator_id', 'coder_id'])
    .execute();
  await db.schema
    .createIndex('qc_assignments_coder_idx')
    .on('qc_assignments')
    .columns(['coder_id'])
    .execute();

  await db.schema
    .createTable('qc_codings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('qc_batches.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('coder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('citations_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('qc_codings_unique', ['batch_id', 'jurisdiction_id', 'indicator_id', 'coder_id'])
    .execute();

  await db.schema
    .createTable('qc_divergences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('qc_batches.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('reason', 'text')
    .addColumn('reconciled_by', 'text')
    .addColumn('reconciled_at', 'text')
    .addColumn('answer_id', 'text', (c) => c.references('coded_answers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('qc_divergences_unique', ['batch_id', 'jurisdiction_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('qc_divergences_variable_idx')
    .on('qc_divergences')
    .columns(['jurisdiction_id', 'framework_id', 'indicator_id', 'status'])
    .execute();
}
