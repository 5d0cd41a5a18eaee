/**
 * Store tests run on every engine: SQLite in memory always, PostgreSQL when TEST_DATABASE_URL (or a local
 * server at 127.0.0.1:5432) answers. Each PostgreSQL test database is created fresh and dropped afterwards,
 * so test files can run in parallel. With REQUIRE_PG=1 an unreachable server fails instead of skipping.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { prepareDatabase } from '../src/services/bootstrap.ts';
import { createStore, type DialectName, type Store } from '../src/store/db.ts';
import { adminQuery, adminUrl, postgresReachable } from './engines-admin.ts';

export { adminQuery, adminUrl, postgresReachable };

/** The engines to run on; throws with REQUIRE_PG=1 when PostgreSQL is not reachable. */
export async function engines(): Promise<DialectName[]> {
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  if (process.env.REQUIRE_PG === '1') {
    throw new Error(`REQUIRE_PG=1 but PostgreSQL is not reachable at ${adminUrl}`);
  }
  console.warn(`PostgreSQL not reachable at ${adminUrl}: running the SQLite half only`);
  return ['sqlite'];
}

/** Opens a fresh, empty database of the given engine; `destroy` also drops a PostgreSQL one. */
export async function openEmptyStore(dialect: DialectName): Promise<Store> {
  return openStore(dialect, null);
}

/** A copy of `template` (a prepared database), or an empty database when it is null. */
async function openStore(dialect: DialectName, template: string | null): Promise<Store> {
  if (dialect === 'sqlite') return createStore({ databaseUrl: null, dataDir: ':memory:' });
  const name = `lawgap_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = createStore({ databaseUrl: url.toString(), dataDir: ':memory:' });
  return {
    ...store,
    async destroy() {
      await store.destroy();
      // Connections may still be closing after the pool ends; wait for them rather than kill them, which
      // would surface as "terminating connection due to administrator command" in a pool that is still open.
      for (let attempt = 0; ; attempt++) {
        try {
          await adminQuery(`drop database if exists ${name}`);
          return;
        } catch (err) {
          if (attempt >= 20) {
            await adminQuery(`drop database if exists ${name} with (force)`);
            return;
          }
          if (!String(err).includes('being accessed by other users')) throw err;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
  };
}

/** Opens a fresh database of the engine, migrated and loaded with the built-in framework and jurisdictions. */
export async function openPreparedStore(dialect: DialectName): Promise<Store> {
  const template = dialect === 'postgres' ? preparedTemplate() : null;
  if (template) return openStore(dialect, template);
  const store = await openEmptyStore(dialect);
  await prepareDatabase(store.db);
  return store;
}

/**
 * The run's prepared PostgreSQL template (test/pg-template-setup.ts), copied instead of migrating each test
 * database; null outside a Vitest run with that setup (the crash suite, benchmarks), which then prepare their own.
 */
function preparedTemplate(): string | null {
  try {
    return inject('pgTemplate') ?? null;
  } catch {
    return null;
  }
}

const engineList = await engines();

/**
 * Declares a suite once per engine. `get()` returns that engine's prepared store (one per suite, opened in
 * beforeAll and destroyed in afterAll).
 */
export function describeEachEngine(
  name: string,
  body: (get: () => Store, dialect: DialectName) => void,
): void {
  for (const dialect of engineList) {
    describe(`${name} [${dialect}]`, () => {
      let store: Store | null = null;
      beforeAll(async () => {
        store = await openPreparedStore(dialect);
      }, 60_000);
      afterAll(async () => {
        await store?.destroy();
      });
      body(() => {
        if (!store) throw new Error('store not open yet');
        return store;
      }, dialect);
    });
  }
}
