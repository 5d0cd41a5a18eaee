/**
 * Writes the committed OpenAPI document (openapi.json at the project root) from the app itself: it builds the
 * app on a private in-memory database and asks it for /api/v1/openapi.json, so the file is exactly what a
 * running server serves. With --check it writes nothing and exits 1 when the committed file has drifted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/services/bootstrap.ts';
import { consoleMailer } from '../src/services/mailer.ts';
import { createStore } from '../src/store/db.ts';

const target = path.resolve(import.meta.dirname, '..', 'openapi.json');

/** The OpenAPI document as served by the app, pretty-printed with a trailing newline. */
async function renderOpenApi(): Promise<string> {
  const store = createStore({ databaseUrl: null, dataDir: ':memory:' });
  try {
    await prepareDatabase(store.db);
    const app = await buildApp({ store, config: loadConfig({}), mailer: consoleMailer(), routes: [] });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      if (response.statusCode !== 200) {
        throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}: ${response.body}`);
      }
      return `${JSON.stringify(response.json(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await store.destroy();
  }
}

const check = process.argv.includes('--check');
const fresh = await renderOpenApi();
const relative = path.relative(process.cwd(), target) || 'openapi.json';
if (check) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (committed !== fresh) {
    process.stderr.write(
      committed === null
        ? `${relative} is missing: run npm run sync:openapi\n`
        : `${relative} is stale: run npm run sync:openapi\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${relative} is up to date\n`);
} else {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (committed === fresh) {
    process.stdout.write(`${relative} is up to date\n`);
  } else {
    fs.writeFileSync(target, fresh);
    process.stdout.write(`wrote ${relative}\n`);
  }
}
