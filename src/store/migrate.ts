/**
 * Migration runner policy: migrations run forward only, in name order, at start-up and before any CLI
 * command. A database that has applied a migration this build does not know was written by a newer build (or
 * a fork): we refuse to touch it rather than guess.
 */
import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import { DomainError } from '../core/errors.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Applies pending migrations; returns the names applied. Throws MIGRATION_UNKNOWN on an unknown applied one. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const known = new Set(Object.keys(migrations));
  const strangers = (await appliedNames(db)).filter((n) => !known.has(n));
  if (strangers.length > 0) {
    throw new DomainError(
      'MIGRATION_UNKNOWN',
      `database has applied migration(s) this version does not know: ${strangers.join(', ')}; refusing to start`,
      { unknown: strangers },
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
}

async function appliedNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own bookkeeping table is not part of our schema
  const rows = await (db as Kysely<any>).selectFrom('kysely_migration').select('name').execute();
  return rows.map((r: { name: string }) => r.name);
}
