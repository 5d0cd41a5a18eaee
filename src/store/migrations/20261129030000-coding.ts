/**
 * Coding: coded answers, their citations (a stored provision and a verbatim quote each) and every change made
 * to them. Frozen. No dialect-specific step. The unique index stops two answers for the same jurisdiction,
 * framework version and indicator starting on the same day; wider overlaps are refused by the service.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coded_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('caution_note', 'text')
    .addColumn('coder', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coded_answers_from_unique', [
      'jurisdiction_id',
      'framework_id',
      'indicator_id',
      'valid_from',
    ])
    .execute();
  await db.schema.createIndex('coded_answers_status_idx').on('coded_answers').columns(['status']).execute();

  await db.schema
    .createTable('answer_citations')
    .addColumn('answer_id', 'text', (c) => c.notNull().references('coded_answers.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('provision_id', 'text', (c) => c.notNull().references('law_provisions.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_citations_pk', ['answer_id', 'position'])
    .execute();

  await db.schema
    .createTable('answer_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('coded_answers.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('answer_history_answer_idx')
    .on('answer_history')
    .columns(['answer_id', 'id'])
    .execute();
}
