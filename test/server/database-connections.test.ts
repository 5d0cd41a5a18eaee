/**
 * The server outlives its database connections: when PostgreSQL terminates idle backends (a restart, an
 * administrator, a failover), the pool drops them quietly and the next request reconnects. Before the pool had
 * an error listener, the first such event crashed the process.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { startApp } from './helpers.ts';

describeEachEngine('database connections', (getStore, dialect) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ app } = await startApp(getStore()));
  });
  afterAll(async () => {
    await app?.close();
  });

  it.runIf(dialect === 'postgres')('keeps serving after PostgreSQL terminates idle connections', async () => {
    const db = getStore().db;
    // Open a few pooled connections, then have one of them terminate the others while they sit idle.
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(db)));
    const killed = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
    expect(killed.rows[0]?.n).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.json()).toEqual({ status: 'ok', database: 'postgres' });
    }
  });

  it('answers health with the engine in use', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });
});
