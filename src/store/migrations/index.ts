/** The forward-only migration chain, in order. Add new files at the end; never edit or remove one. */
import type { Migration } from 'kysely';
import * as initial from './20261129010000-initial.ts';

export const migrations: Record<string, Migration> = {
  '20261129010000-initial': initial,
};
