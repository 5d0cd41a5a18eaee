/**
 * Survivor stories of campaigns. The story text, a pending revision and the identifiers of the person it is
 * about are stored only as AES-256-GCM ciphertext (a key derived from the field key, held outside the
 * database); withdrawal wipes all three. The consent record is kept as JSON beside them (no survivor data).
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('text_ciphertext', 'text')
    .addColumn('pending_pseudonym', 'text')
    .addColumn('pending_text_ciphertext', 'text')
    .addColumn('subject_ciphertext', 'text')
    .addColumn('consent_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema
    .createIndex('campaign_stories_campaign_idx')
    .on('campaign_stories')
    .columns(['campaign_id', 'status'])
    .execute();
}
