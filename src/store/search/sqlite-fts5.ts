/**
 * Provision search on SQLite: an FTS5 table of prefixed stems (text-terms.ts) ranked by BM25; snippets are
 * cut in the application from the stored text. The FTS table carries each provision's version, so the best
 * hits are chosen from the index alone: a common word never makes every matching provision row be read.
 * Phrases are FTS5 phrase strings of stems, so they match the words in order.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { citedByIndicator, eligibleVersions, hitColumns, hitDetails } from './filters.ts';
import { type CompiledSearch, type HitRow, hitOf, type ProvisionSearch, type SearchConfig } from './port.ts';
import { isEmptyQuery, parseQuery, termWords } from './query-text.ts';
import { indexTerms, snippetOf, termsExpression } from './text-terms.ts';

const batch = 400;

function compile(
  db: Kysely<Database>,
  query: Parameters<ProvisionSearch['compile']>[1],
): CompiledSearch | null {
  const terms = parseQuery(query.text);
  if (isEmptyQuery(terms)) return null;
  return sql`with hits as (
      select f.provision_id as hit_id, bm25(law_provisions_fts) as score
      from law_provisions_fts f
      where law_provisions_fts match ${termsExpression(terms)} and f.version_id in (${eligibleVersions(query)})
        and ${citedByIndicator(sql.ref('f.provision_id'), query)}
      order by score, f.provision_id
      limit ${query.limit} offset ${query.offset ?? 0}
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
    const words = termWords(parseQuery(query.text));
    const result = await db.executeQuery<HitRow>(CompiledQuery.raw(compiled.sql, [...compiled.parameters]));
    return result.rows.map((r) => hitOf(r, snippetOf(r.text, words, r.search_config as SearchConfig)));
  },

  compile,
};
