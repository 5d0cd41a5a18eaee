/**
 * Email alerts: subscriptions by people without an account (double opt-in: pending until the mailed link is
 * confirmed), the mail queue filled by fan-out (one row per recipient and event, so a retried fan-out never
 * mails an event twice), and the digests sent (when a recipient was last mailed, for the daily rhythm).
 * Addresses are stored encrypted, with a keyed hash beside them for look-up and de-duplication; no client
 * address is stored. Tokens are stored as SHA-256 hashes.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_ciphertext', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('confirmation_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addUniqueConstraint('email_subscriptions_address_target_unique', [
      'email_hash',
      'target_kind',
      'target_id',
    ])
    .execute();
  await db.schema
    .createIndex('email_subscriptions_target_idx')
    .on('email_subscriptions')
    .columns(['target_kind', 'target_id', 'status'])
    .execute();
  await db.schema
    .createIndex('email_subscriptions_confirm_idx')
    .on('email_subscriptions')
    .column('confirm_token_hash')
    .execute();
  await db.schema
    .createIndex('email_subscriptions_unsubscribe_idx')
    .on('email_subscriptions')
    .column('unsubscribe_token_hash')
    .execute();

  await db.schema
    .createTable('email_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_digests_recipient_idx')
    .on('email_digests')
    .columns(['recipient_kind', 'recipient_id', 'frequency', 'sent_at'])
    .execute();

  await db.schema
    .createTable('email_queue')
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('change_events.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('digest_id', 'text', (c) => c.references('email_digests.id'))
    .addPrimaryKeyConstraint('email_queue_pk', ['recipient_kind', 'recipient_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('email_queue_unsent_idx')
    .on('email_queue')
    .columns(['sent_at', 'recipient_kind'])
    .execute();
}
