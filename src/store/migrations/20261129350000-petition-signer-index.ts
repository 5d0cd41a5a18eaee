/**
 * The per-address hourly limit counts one signer's signatures on a petition since an hour ago. With only
 * (petition_id, email_hash) and (petition_id, created_at) indexed, SQLite's planner chose the second and
 * scanned every signature of the last hour, so each signature cost more as a burst went on. One index on
 * (petition_id, email_hash, created_at) answers the count from the index alone and replaces the two-column one
 * (its prefix). Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('petition_signatures_signer_time_idx')
    .on('petition_signatures')
    .columns(['petition_id', 'email_hash', 'created_at'])
    .execute();
  await db.schema.dropIndex('petition_signatures_person_idx').execute();
}
