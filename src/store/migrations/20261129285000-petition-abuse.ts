/**
 * Abuse controls on petition signatures: the keyed hash of the client address and the address's domain (for
 * the moderation view's per-hour trends), why a signature is never counted (`marked`: over a per-address or
 * per-petition limit, or no proof-of-work over the lower limit), whether it carried a solved challenge, a bulk
 * invalidation it belongs to (reversible), one pending signature per person and petition (`pending_person`
 * holds the address hash while pending, null otherwise; NULLs never collide), the used proof-of-work
 * challenges (single use, kept until they expire) and the moderation invalidations.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    'ip_hash',
    'email_domain',
    'marked',
    'challenge',
    'invalidation_id',
    'pending_person',
  ])
    await db.schema.alterTable('petition_signatures').addColumn(column, 'text').execute();
  await db.schema
    .createIndex('petition_signatures_pending_person_unique')
    .on('petition_signatures')
    .columns(['petition_id', 'pending_person'])
    .unique()
    .execute();
  await db.schema
    .createIndex('petition_signatures_created_idx')
    .on('petition_signatures')
    .columns(['petition_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('petition_signatures_invalidation_idx')
    .on('petition_signatures')
    .column('invalidation_id')
    .execute();

  await db.schema
    .createTable('petition_used_challenges')
    .addColumn('signature', 'text', (c) => c.primaryKey().notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('petition_used_challenges_expiry_idx')
    .on('petition_used_challenges')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('petition_invalidations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('from_hour', 'text', (c) => c.notNull())
    .addColumn('to_hour', 'text', (c) => c.notNull())
    .addColumn('affected', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .execute();
  await db.schema
    .createIndex('petition_invalidations_petition_idx')
    .on('petition_invalidations')
    .column('petition_id')
    .execute();
}
