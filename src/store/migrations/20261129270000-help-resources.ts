/**
 * Help resources for the public "know your rights" pages, and error reports sent from the public report card.
 * A help resource belongs to the organisation that maintains it; only published ones are public. An error
 * report names the published answer it is about and is routed to the organisation that published the answer
 * (`organization_id`, null when a system actor published it); the reporter's optional contact address is
 * stored encrypted only. Dates are ISO text, flags 0/1 integers, as elsewhere.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('help_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('url', 'text')
    .addColumn('languages_json', 'text', (c) => c.notNull())
    .addColumn('hours', 'text')
    .addColumn('description', 'text')
    .addColumn('last_verified', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('help_resources_jurisdiction_idx')
    .on('help_resources')
    .columns(['jurisdiction_id', 'published'])
    .execute();

  await db.schema
    .createTable('answer_error_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('coded_answers.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact_ciphertext', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('answer_error_reports_org_idx')
    .on('answer_error_reports')
    .columns(['organization_id', 'status', 'created_at'])
    .execute();
}
