/**
 * Public campaigns: `public` (0/1, default 0: private) says whether the portal shows the campaign, and
 * `public_slug` is its stable address on the portal (`/campaigns/<slug>`), given the first time it is made
 * public and kept afterwards (null until then; NULLs never collide in the unique index).
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('campaigns')
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('campaigns').addColumn('public_slug', 'text').execute();
  await db.schema
    .createIndex('campaigns_public_slug_unique')
    .on('campaigns')
    .column('public_slug')
    .unique()
    .execute();
  await db.schema.createIndex('campaigns_public_idx').on('campaigns').columns(['public', 'status']).execute();
}
