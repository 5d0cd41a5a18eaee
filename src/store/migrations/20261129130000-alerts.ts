/**
 * Alerts: change events computed by imports (the outbox: written in the same transaction as the change, so a
 * crash never loses one), the kinds of thing each event concerns (for matching follows), follows by users,
 * each user's feed position, and webhook endpoints with their deliveries and attempt log. An event is fanned
 * out to deliveries once (`fanned_out`), in one transaction; a delivery is unique per (endpoint, event), so
 * fan-out can be retried without duplicates and receivers can dedupe on the event id.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text')
    .addColumn('bill_id', 'text')
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('fanned_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_events_created_idx').on('change_events').column('created_at').execute();
  await db.schema
    .createIndex('change_events_pending_idx')
    .on('change_events')
    .columns(['fanned_out', 'created_at'])
    .execute();
  await db.schema.createIndex('change_events_bill_idx').on('change_events').column('bill_id').execute();

  await db.schema
    .createTable('change_event_targets')
    .addColumn('event_id', 'text', (c) => c.notNull().references('change_events.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_event_targets_pk', ['event_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('change_event_targets_target_idx')
    .on('change_event_targets')
    .columns(['target_kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('follows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('email_frequency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('follows_user_target_unique', ['user_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('follows_target_idx')
    .on('follows')
    .columns(['target_kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('feed_positions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().notNull().references('users.id'))
    .addColumn('seen_until', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('event_types_json', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_org_idx')
    .on('webhook_endpoints')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('change_events.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_endpoint_event_unique', ['endpoint_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due_idx')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery_idx')
    .on('webhook_attempts')
    .column('delivery_id')
    .execute();
}
