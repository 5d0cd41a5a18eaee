/** Picks the search implementation of an engine. */
import type { DialectName } from '../db.ts';
import type { ProvisionSearch } from './port.ts';
import { postgresFtsSearch } from './postgres-fts.ts';
import { sqliteFts5Search } from './sqlite-fts5.ts';

/** The provision search of the engine (`Store.dialect`). */
export function searchFor(dialect: DialectName): ProvisionSearch {
  return dialect === 'sqlite' ? sqliteFts5Search : postgresFtsSearch;
}
