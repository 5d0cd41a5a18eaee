/**
 * Petitions of a campaign, their signatures with per-purpose consent, the per-petition counts refreshed by the
 * background loop (the signing POST never touches a counter, so no row is hot), and a general mail outbox
 * (a message is queued in the transaction of the action that causes it and delivered afterwards, under a
 * stable Message-ID). Signer addresses, names and postcodes are stored encrypted; the address's keyed hash of
 * its canonical form sits beside them for de-duplication. At most one signature per person and petition is
 * counted (a partial unique index backs the rule). Tokens are stored as SHA-256 hashes.
 * Frozen. No dialect-specific step.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('target_description', 'text', (c) => c.notNull())
    .addColumn('goal', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_email', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('petitions_campaign_idx').on('petitions').column('campaign_id').execute();

  await db.schema
    .createTable('petition_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('email_ciphertext', 'text')
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('name_ciphertext', 'text')
    .addColumn('postcode_ciphertext', 'text')
    .addColumn('country', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addUniqueConstraint('petition_signatures_idempotency_unique', ['petition_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('petition_signatures_person_idx')
    .on('petition_signatures')
    .columns(['petition_id', 'email_hash'])
    .execute();
  // At most one counted signature per person and petition, whatever the timing of two confirmations.
  await db.schema
    .createIndex('petition_signatures_counted_unique')
    .on('petition_signatures')
    .columns(['petition_id', 'email_hash'])
    .unique()
    .where(sql.ref('counted'), '=', 1)
    .execute();
  await db.schema
    .createIndex('petition_signatures_status_idx')
    .on('petition_signatures')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('petition_signatures_confirm_idx')
    .on('petition_signatures')
    .column('confirm_token_hash')
    .execute();
  await db.schema
    .createIndex('petition_signatures_unsubscribe_idx')
    .on('petition_signatures')
    .column('unsubscribe_token_hash')
    .execute();

  await db.schema
    .createTable('petition_consents')
    .addColumn('signature_id', 'text', (c) => c.notNull().references('petition_signatures.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('wording_version', 'text', (c) => c.notNull())
    .addColumn('wording_locale', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addPrimaryKeyConstraint('petition_consents_pk', ['signature_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('petition_counts')
    .addColumn('petition_id', 'text', (c) => c.primaryKey().notNull().references('petitions.id'))
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull())
    .addColumn('validated', 'integer', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payload_ciphertext', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due_idx')
    .on('mail_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('mail_outbox_subject_idx').on('mail_outbox').column('subject_id').execute();
}
