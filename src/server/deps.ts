/** What buildApp needs. Tests build these with a private database; main.ts builds them from the config. */
import type { Config } from '../config.ts';
import type { Mailer } from '../services/mailer.ts';
import type { Store } from '../store/db.ts';
import type { RouteRecord } from './route-record.ts';

export interface AppDeps {
  store: Store;
  config: Readonly<Config>;
  mailer: Mailer;
  /** The route registry, filled as routes are declared. */
  routes: RouteRecord[];
}
