/**
 * `GET /api/v1/framework` on the full app (security headers, rate limiter, auth hook, zod-declared route,
 * SQLite file database in a temporary data dir) against a bare Fastify route that sends the same JSON body.
 * The ratio is the share of a do-nothing Fastify server's throughput the real route keeps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { consoleMailer } from '../../src/services/mailer.ts';
import { createStore } from '../../src/store/db.ts';
import { type BenchRow, compare, listenOnLoopback } from '../measure.ts';

const route = '/api/v1/framework';

/** The framework row. */
export const frameworkRow: BenchRow = {
  name: `GET ${route} (req/s)`,
  async run(settings) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-'));
    const store = createStore({ databaseUrl: null, dataDir });
    const reference = Fastify();
    try {
      await prepareDatabase(store.db);
      const config = loadConfig({ LAWGAP_DATA_DIR: dataDir });
      // The global per-IP limit (600/min) would turn a load test into a 429 test; the limiter still runs.
      const ours = await buildApp(
        { store, config, mailer: consoleMailer(), routes: [] },
        { rateLimitPerMinute: Number.MAX_SAFE_INTEGER },
      );
      try {
        const oursBase = await listenOnLoopback(ours);
        const answer = await fetch(`${oursBase}${route}`);
        if (answer.status !== 200) throw new Error(`GET ${route} answered ${answer.status}`);
        const body = await answer.text();
        reference.get(route, async (_request, reply) =>
          reply.type('application/json; charset=utf-8').send(body),
        );
        const referenceBase = await listenOnLoopback(reference);
        return await compare(`${oursBase}${route}`, `${referenceBase}${route}`, settings);
      } finally {
        await ours.close();
      }
    } finally {
      await reference.close();
      await store.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
