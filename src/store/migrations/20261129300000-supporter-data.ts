/**
 * Supporter consent and data rights (issue 7, consent and GDPR): the per-purpose consents given with a letter
 * (the same record as `petition_consents`: purpose, wording version and locale, channel, time, withdrawal),
 * the self-service data links (only the SHA-256 of the mailed token is kept; the address encrypted and its keyed
 * hash for look-up; 24 hours; deleted when it erases the data), and the do-not-contact list (a keyed hash of the canonical
 * address, the key derived from the field key and never stored). Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_consents')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('wording_version', 'text', (c) => c.notNull())
    .addColumn('wording_locale', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addPrimaryKeyConstraint('letter_consents_pk', ['letter_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('supporter_data_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('email_ciphertext', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporter_data_links_email_idx')
    .on('supporter_data_links')
    .columns(['email_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('do_not_contact')
    .addColumn('email_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
