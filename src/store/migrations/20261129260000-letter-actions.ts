/**
 * Letter and call actions of a campaign (issue 7, letters and calls): the action (a letter or a call script of
 * the campaign's messages, its sending address, its pacing), the letters supporters send (address, name and
 * final text encrypted; the canonical address's keyed hash beside them; the consent given), the per-target
 * deliveries (one per letter and person; the mail itself sits in `mail_outbox`), and anonymous call reports.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text')
    .addColumn('sender_email', 'text')
    .addColumn('hourly_per_recipient', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('letter_actions_campaign_idx')
    .on('letter_actions')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('letter_actions.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('email_ciphertext', 'text')
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('name_ciphertext', 'text')
    .addColumn('text_ciphertext', 'text')
    .addColumn('target_ids_json', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_channel', 'text', (c) => c.notNull())
    .addColumn('consent_given_at', 'text', (c) => c.notNull())
    .addColumn('consent_withdrawn_at', 'text')
    .addColumn('confirm_token_hash', 'text')
    .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addUniqueConstraint('letters_idempotency_unique', ['action_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('letters_confirm_idx').on('letters').column('confirm_token_hash').execute();
  await db.schema
    .createIndex('letters_unsubscribe_idx')
    .on('letters')
    .column('unsubscribe_token_hash')
    .execute();
  await db.schema
    .createIndex('letters_person_idx')
    .on('letters')
    .columns(['action_id', 'email_hash'])
    .execute();

  await db.schema
    .createTable('letter_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('letter_actions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text')
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('letter_deliveries_unique', ['letter_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('letter_deliveries_recipient_idx')
    .on('letter_deliveries')
    .columns(['person_id', 'scheduled_at'])
    .execute();
  await db.schema
    .createIndex('letter_deliveries_action_idx')
    .on('letter_deliveries')
    .column('action_id')
    .execute();

  await db.schema
    .createTable('call_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('letter_actions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_reports_action_idx').on('call_reports').column('action_id').execute();
}
