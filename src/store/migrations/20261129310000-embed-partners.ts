/**
 * Partner attribution of public actions made through an embed (`?partner=<organisation slug>` on an
 * `/embed/…` page): the partner organisation is recorded on each petition signature, letter and call report
 * (`partner_org_id`, null when none or unknown), with an index per action for the per-partner counts.
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  const tables = [
    ['petition_signatures', 'petition_id'],
    ['letters', 'action_id'],
    ['call_reports', 'action_id'],
  ] as const;
  for (const [table, parent] of tables) {
    await db.schema.alterTable(table).addColumn('partner_org_id', 'text').execute();
    await db.schema
      .createIndex(`${table}_partner_idx`)
      .on(table)
      .columns([parent, 'partner_org_id'])
      .execute();
  }
}
