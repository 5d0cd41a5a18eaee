/**
 * Negative-modifier findings, stored like coded answers: the finding, its citations (a stored provision and a
 * verbatim quote each) and every change made to it. Frozen. No dialect-specific step. `applies` is an integer
 * 0/1. The unique index stops two findings for the same jurisdiction, framework version and modifier starting on
 * the same day; wider overlaps are refused by the service.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('modifier_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('modifier_id', 'text', (c) => c.notNull())
    .addColumn('applies', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('caution_note', 'text')
    .addColumn('coder', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('modifier_findings_from_unique', [
      'jurisdiction_id',
      'framework_id',
      'modifier_id',
      'valid_from',
    ])
    .execute();
  await db.schema
    .createIndex('modifier_findings_status_idx')
    .on('modifier_findings')
    .columns(['status'])
    .execute();

  await db.schema
    .createTable('modifier_finding_citations')
    .addColumn('finding_id', 'text', (c) => c.notNull().references('modifier_findings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('provision_id', 'text', (c) => c.notNull().references('law_provisions.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('modifier_finding_citations_pk', ['finding_id', 'position'])
    .execute();

  await db.schema
    .createTable('modifier_finding_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('finding_id', 'text', (c) => c.notNull().references('modifier_findings.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('modifier_finding_history_finding_idx')
    .on('modifier_finding_history')
    .columns(['finding_id', 'id'])
    .execute();
}
