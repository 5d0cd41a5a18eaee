/** What every service receives: the database (or a transaction) and who is acting. */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/auth/permissions.ts';
import type { Database } from '../store/schema.ts';

export interface ServiceContext {
  db: Kysely<Database>;
  actor: Actor;
}

/** The actor used by the command-line tool: a local system actor, recorded as such. */
export const cliActor: Actor = { kind: 'system', name: 'cli' };
