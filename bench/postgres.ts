/** The PostgreSQL server the benchmarks create their scratch databases on, and one statement run there. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server as the tests use it. */
export const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement (create or drop a database) on the admin connection. */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty scratch database: its name and URL, or why the server could not be reached. */
export async function createScratchDatabase(): Promise<
  { name: string; url: string } | { unreachable: string }
> {
  const name = `lawgap_bench_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(`create database ${name}`);
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a scratch database, closing any connection still open to it. */
export async function dropScratchDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
}
