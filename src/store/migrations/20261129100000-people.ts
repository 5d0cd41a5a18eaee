/**
 * People and committees from Open States: people keyed by OCD person id with their roles in source order
 * (a table, so people can be listed by jurisdiction and chamber) and party history, offices, links and
 * sources as JSON; committees keyed by OCD organization id with memberships in source order. `content_hash`
 * (SHA-256 of the normalised record) makes a re-import of an unchanged record write nothing.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('email', 'text')
    .addColumn('image', 'text')
    .addColumn('jurisdiction_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('party', 'text')
    .addColumn('party_json', 'text', (c) => c.notNull())
    .addColumn('offices_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('other_names_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('people_jurisdiction_idx')
    .on('people')
    .columns(['jurisdiction_id', 'name'])
    .execute();

  await db.schema
    .createTable('person_roles')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('jurisdiction_id', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_reason', 'text')
    .addPrimaryKeyConstraint('person_roles_pk', ['person_id', 'position'])
    .execute();

  await db.schema
    .createTable('committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('parent', 'text')
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('committee_memberships')
    .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addPrimaryKeyConstraint('committee_memberships_pk', ['committee_id', 'position'])
    .execute();
  await db.schema
    .createIndex('committee_memberships_person_idx')
    .on('committee_memberships')
    .column('person_id')
    .execute();
}
