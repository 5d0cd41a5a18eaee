/** Opening the configured database for a CLI command: every command migrates a fresh data dir first. */
import { type Config, loadConfig } from '../config.ts';
import { prepareDatabase } from '../services/bootstrap.ts';
import { cliActor, type ServiceContext } from '../services/context.ts';
import { createStore, type Store } from '../store/db.ts';

/** Runs `work` with a prepared database and the CLI's system actor, closing the database afterwards. */
export async function withContext<T>(
  work: (ctx: ServiceContext, store: Store, config: Readonly<Config>) => Promise<T>,
) {
  const config = loadConfig();
  const store = createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(store.db);
    return await work({ db: store.db, actor: cliActor }, store, config);
  } finally {
    await store.destroy();
  }
}
