/**
 * Preparing a database: run migrations, then load the built-in framework versions and jurisdictions. Both the
 * server and every CLI command call this first, so a fresh data dir is always usable.
 */
import type { Kysely } from 'kysely';
import { builtinFrameworks } from '../core/framework/builtin.ts';
import { parseFramework } from '../core/framework/parse-framework.ts';
import { builtinJurisdictions } from '../ingest/iso-jurisdictions.ts';
import { saveFrameworkVersion } from '../store/framework.repo.ts';
import { upsertBuiltinJurisdictions } from '../store/jurisdictions.repo.ts';
import { migrateToLatest } from '../store/migrate.ts';
import type { Database } from '../store/schema.ts';

export interface PrepareResult {
  migrationsApplied: string[];
  frameworksInserted: number;
  jurisdictionsInserted: number;
}

/** Migrates the database and loads built-in reference data; idempotent. */
export async function prepareDatabase(db: Kysely<Database>): Promise<PrepareResult> {
  const migrationsApplied = await migrateToLatest(db);
  let frameworksInserted = 0;
  for (const raw of builtinFrameworks) {
    if ((await saveFrameworkVersion(db, parseFramework(raw))) === 'inserted') frameworksInserted++;
  }
  const jurisdictionsInserted = await upsertBuiltinJurisdictions(db, builtinJurisdictions());
  return { migrationsApplied, frameworksInserted, jurisdictionsInserted };
}
