/**
 * Database handles. SQLite (better-sqlite3, WAL, a file under the data dir) is the embedded default;
 * PostgreSQL is used when a postgres:// URL is given. Callers get `{ db, dialect }` and pass `db` down:
 * there is no module-level handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes the connection(s). */
  destroy(): Promise<void>;
}

export interface StoreOptions {
  /** A postgres:// URL, or null for SQLite. */
  databaseUrl: string | null;
  /** Folder holding `lawgap.sqlite` (SQLite only); ':memory:' for a private in-memory database. */
  dataDir: string;
}

// PostgreSQL bigint (int8) comes back as a string by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the configured database. */
export function createStore(options: StoreOptions): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection can die under us (server restart, terminated backend): the pool drops it and the next
    // query opens a new one. Without a listener, that 'error' event would crash the whole process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    fs.mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'lawgap.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/** Statements kept per SQL text: how many before the cache starts over (a bound for ad-hoc SQL). */
const statementCacheSize = 1000;

/**
 * better-sqlite3 as Kysely sees it, with each SQL text prepared once: Kysely's driver prepares every query
 * anew, which cost about a tenth of a busy server's time. Queries run one at a time on this connection
 * (Kysely's mutex), so a kept statement is never in use twice; SQLite re-prepares it after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= statementCacheSize) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
