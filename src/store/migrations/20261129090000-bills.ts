/**
 * Bills from Open States and LegiScan: legislative sessions, bills keyed by OCD bill id (unique when
 * present) and by (jurisdiction, session, identifier), and their sponsorships, actions, versions,
 * documents, related bills and citations in source order. `change_hash` is LegiScan's; `content_hash` is
 * ours (SHA-256 of the normalised record), so a re-import of an unchanged bill writes nothing. Action
 * classes outside the Open States vocabulary are kept in `unknown_classification_json` and flagged.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legislative_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('classification', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('legislative_sessions_key_unique', ['jurisdiction_id', 'identifier'])
    .execute();

  await db.schema
    .createTable('bills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ocd_id', 'text', (c) => c.unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('change_hash', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('legislative_sessions.id'))
    .addColumn('session_identifier', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('from_organization', 'text')
    .addColumn('classification_json', 'text', (c) => c.notNull())
    .addColumn('subjects_json', 'text', (c) => c.notNull())
    .addColumn('abstracts_json', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('latest_action', 'text')
    .addColumn('latest_action_date', 'text')
    .addColumn('flagged_actions', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bills_key_unique', ['jurisdiction_id', 'session_identifier', 'identifier'])
    .execute();
  await db.schema.createIndex('bills_source_idx').on('bills').columns(['source', 'source_id']).execute();
  await db.schema.createIndex('bills_stage_idx').on('bills').columns(['jurisdiction_id', 'stage']).execute();

  const child = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('bill_id', 'text', (c) => c.notNull().references('bills.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['bill_id', 'position']);

  await child('bill_sponsorships')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('organization_id', 'text')
    .execute();
  await child('bill_actions')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('chamber', 'text')
    .addColumn('classification_json', 'text', (c) => c.notNull())
    .addColumn('unknown_classification_json', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .execute();
  for (const name of ['bill_versions', 'bill_documents']) {
    await child(name)
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('classification', 'text')
      .addColumn('links_json', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .execute();
  }
  await child('bill_related_bills')
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('legislative_session', 'text')
    .addColumn('relation_type', 'text', (c) => c.notNull())
    .execute();
  await child('bill_citations')
    .addColumn('publication', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('citation_type', 'text', (c) => c.notNull())
    .addColumn('effective', 'text')
    .addColumn('expires', 'text')
    .addColumn('url', 'text')
    .execute();
}
