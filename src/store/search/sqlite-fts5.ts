/**
 * Provision search on SQLite: an FTS5 table of prefixed stems (text-terms.ts) ranked by BM25; snippets are
 * cut in the application from the stored text. The FTS table carries each provision's version, so the best
 * hits are chosen from the index alone: a common word never makes every matching provision row be read.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { eligibleVersions, hitColumns, hitDetails } from './filters.ts';
import {
  type CompiledSearch,
  type HitRow,
  hitOf,
  type ProvisionSearch,
  queryWords,
  type SearchConfig,
} from './port.ts';
import { indexTerms, matchExpression, snippetOf } from './text-terms.ts';

const batch = 400;

function compile(
  db: Kysely<Database>,
  query: Parameters<ProvisionSearch['compile']>[1],
): CompiledSearch | null {
  const words = queryWords(query.text);
  if (words.length === 0) return null;
  return sql`with hits as (
      select f.provision_id as hit_id, bm25(law_provisions_fts) as score
      from law_provisions_fts f
      where law_provisions_fts match ${matchExpression(words)} and f.version_id in (${eligibleVersions(query)})
      order by score, f.provision_id
      limit ${query.limit}
    )
    select ${hitColumns}
    from hits
    ${hitDetails}
    order by hits.score, p.id`.compile(db);
}

/** The SQLite FTS5 implementation of the search port. */
export const sqliteFts5Search: ProvisionSearch = {
  async index(db, entries) {
    for (let i = 0; i < entries.length; i += batch) {
      await db
        .withTables<{ law_provisions_fts: { provision_id: string; version_id: string; terms: string } }>()
        .insertInto('law_provisions_fts')
        .values(
          entries.slice(i, i + batch).map((e) => ({
            provision_id: e.provisionId,
            version_id: e.versionId,
            terms: indexTerms(e.config, [e.citation, e.heading, e.text]),
          })),
        )
        .execute();
    }
  },

  async search(db, query) {
    const compiled = compile(db, query);
    if (!compiled) return [];
    const words = queryWords(query.text);
    const result = await db.executeQuery<HitRow>(CompiledQuery.raw(compiled.sql, [...compiled.parameters]));
    return result.rows.map((r) => hitOf(r, snippetOf(r.text, words, r.search_config as SearchConfig)));
  },

  compile,
};
