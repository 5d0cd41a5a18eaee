/**
 * Sign-on letters: a letter belongs to a campaign (written by its owner or an editor partner) and carries the
 * SHA-256 hash of its invite token (never the token). Signatures are organisations signing one letter: the
 * contact address is ciphertext, the optional logo is stored as bytes (PNG or JPEG, checked before storing).
 * Frozen. One dialect-specific step: the logo column is `blob` on SQLite and `bytea` on PostgreSQL. A partial
 * unique index keeps one pending or approved signature per organisation name (case-folded) per letter.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('sign_on_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invite_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_on_letters_campaign_idx')
    .on('sign_on_letters')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('sign_on_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('sign_on_letters.id'))
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('organization_key', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text')
    .addColumn('email_ciphertext', 'text', (c) => c.notNull())
    .addColumn('logo', sql.raw(bytes))
    .addColumn('logo_type', 'text')
    .addColumn('website', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_on_signatures_letter_idx')
    .on('sign_on_signatures')
    .columns(['letter_id', 'status'])
    .execute();
  await db.schema
    .createIndex('sign_on_signatures_active_org_idx')
    .unique()
    .on('sign_on_signatures')
    .columns(['letter_id', 'organization_key'])
    .where(sql.ref('status'), '<>', 'rejected')
    .execute();
}
