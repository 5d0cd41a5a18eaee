/**
 * Analyzer suggestions: the machine's proposed answer for one indicator of one stored law version, kept apart
 * from coded answers so that no score, export or QC query can ever count one by mistake. A suggestion is reviewed
 * once (accepted, edited then accepted, or rejected); accepting creates a coded answer whose id is kept here.
 * Frozen. No dialect-specific step. `confidence` is a double; evidence and dropped quotes are JSON text.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analyzer_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('law_versions.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('dropped_json', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('analyzer_version', 'text', (c) => c.notNull())
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('answer_id', 'text', (c) => c.references('coded_answers.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('analyzer_suggestions_unique', ['version_id', 'framework_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('analyzer_suggestions_jurisdiction_idx')
    .on('analyzer_suggestions')
    .columns(['jurisdiction_id', 'review_status'])
    .execute();
}
