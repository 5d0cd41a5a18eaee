/** Starts the server: load config, open and prepare the database, print the setup link on first run, listen. */
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { issueSetupToken } from '../services/accounts.ts';
import { startAlertLoop } from '../services/alert-dispatch.ts';
import { prepareDatabase } from '../services/bootstrap.ts';
import { startDigestLoop } from '../services/email-digests.ts';
import { loadFieldKey } from '../services/field-crypto.ts';
import { consoleMailer } from '../services/mailer.ts';
import { threadedSmtpMailer } from '../services/mailer-thread.ts';
import { petitionLoopIntervalMs, startPetitionLoop } from '../services/petition-jobs.ts';
import { createStore } from '../store/db.ts';
import { buildApp } from './app.ts';
import type { AppDeps } from './deps.ts';
import { petitionPageCache } from './pages/petition-cache.ts';

/** Opens the database, builds the app and listens; returns a function that stops it. */
export async function startServer(config: Readonly<Config>): Promise<() => Promise<void>> {
  const store = createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const prepared = await prepareDatabase(store.db);
  if (prepared.migrationsApplied.length > 0) {
    process.stdout.write(`lawgap: applied migrations ${prepared.migrationsApplied.join(', ')}\n`);
  }
  const mailer = config.smtpUrl ? threadedSmtpMailer(config.smtpUrl, config.mailFrom) : consoleMailer();
  const deps: AppDeps = { store, config, mailer, routes: [] };
  const app = await buildApp(deps, {
    logger: true,
    rateLimitPerMinute: config.rateLimitPerMinute,
    shedLoad: true,
  });
  await app.listen({ port: config.port, host: config.host });
  const where = store.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`lawgap: serving ${config.publicUrl} (${where})\n`);
  const fieldKey = loadFieldKey(config);
  const stopAlerts = startAlertLoop(
    { db: store.db, fieldKey, allowPrivateHosts: config.allowPrivateWebhookHosts },
    config.alertsIntervalSeconds * 1000,
    (err) => app.log.error({ err }, 'alert dispatch failed'),
  );
  // Alert mail only goes out through a real SMTP server (the console fallback is for one-off links).
  const stopDigests = config.smtpUrl
    ? startDigestLoop(
        { db: store.db },
        { mailer, publicUrl: config.publicUrl, fieldKey },
        config.alertsIntervalSeconds * 1000,
        (err) => app.log.error({ code: (err as { code?: string }).code ?? 'unknown' }, 'alert mail failed'),
      )
    : async () => undefined;
  // Petition confirmation mail, count aggregation and the 30-day purge (console mail without SMTP_URL).
  const stopPetitions = startPetitionLoop(
    { db: store.db, fieldKey, mailer, leaseMs: config.mailLeaseSeconds * 1000 },
    petitionLoopIntervalMs,
    (err) => app.log.error({ code: (err as { code?: string }).code ?? 'unknown' }, 'petition jobs failed'),
    (slugs) => petitionPageCache(app).invalidate(slugs),
  );
  const setupToken = await issueSetupToken(store.db);
  if (setupToken) {
    process.stdout.write(
      `\nlawgap: no users yet. Create the first administrator with this one-time link:\n  ${config.publicUrl}/app/setup#token=${setupToken}\n\n`,
    );
  }
  return async () => {
    await stopAlerts();
    await stopDigests();
    await stopPetitions();
    await app.close();
    mailer.close?.();
    await store.destroy();
  };
}

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) {
  try {
    const stop = await startServer(loadConfig());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  } catch (err) {
    process.stderr.write(
      `lawgap: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
}
