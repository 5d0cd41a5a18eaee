/**
 * Identifiers other systems gave a campaign's records (OSDI `identifiers`, `system:id`), kept so an export
 * carries them again unchanged and a later import matches the record instead of duplicating it. One row per
 * identifier; `record_type` is campaign, bill, target or outreach and `record_key` the campaign id, the bill
 * id, the target key (`custom:<id>` or `person:<ocd person id>`) or the interaction id. Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_identifiers')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_identifiers_pk', ['campaign_id', 'identifier'])
    .execute();
  await db.schema
    .createIndex('campaign_identifiers_identifier_idx')
    .on('campaign_identifiers')
    .column('identifier')
    .execute();
}
