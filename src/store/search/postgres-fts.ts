/**
 * Provision search on PostgreSQL: the generated `search_vector` column (citation and heading weighted above
 * text) behind a GIN index, matched with `plainto_tsquery` (which accepts any text), ranked by `ts_rank`;
 * snippets by `ts_headline` for the best hits only. One GIN scan finds the provisions matching the query in
 * any language; a recheck keeps those matching in their own language. Phrases use `phraseto_tsquery`. The eligible versions are computed once
 * (an array), so the planner never repeats the index scan per version.
 */
import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import { citedByIndicator, eligibleVersions, hitColumns, hitDetails } from './filters.ts';
import {
  type CompiledSearch,
  type HitRow,
  hitOf,
  type ProvisionSearch,
  type SearchConfig,
  type Snippet,
} from './port.ts';
import { isEmptyQuery, parseQuery, type QueryTerms } from './query-text.ts';

// Private-use characters mark matches: they never occur in law text, and are removed before answering.
const startMark = '\uE000';
const stopMark = '\uE001';
const headlineOptions = `StartSel="${startMark}", StopSel="${stopMark}", MaxWords=30, MinWords=15, ShortWord=2`;

/** Splits a marked `ts_headline` excerpt into text and highlight offsets. */
export function parseHeadline(marked: string): Snippet {
  let text = '';
  const highlights: Snippet['highlights'] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === startMark) start = text.length;
    else if (ch === stopMark) {
      if (start >= 0 && text.length > start) highlights.push({ start, end: text.length });
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/**
 * The tsquery of the terms in one configuration: each phrase by `phraseto_tsquery`, the loose words by
 * `plainto_tsquery`, all required (`&&`). Both functions accept any text, and the text is a bound parameter.
 */
function tsQueryIn(config: SearchConfig, terms: QueryTerms): RawBuilder<unknown> {
  const parts = terms.phrases.map((phrase) => sql`phraseto_tsquery(${sql.lit(config)}, ${phrase.join(' ')})`);
  if (terms.words.length > 0) parts.push(sql`plainto_tsquery(${sql.lit(config)}, ${terms.words.join(' ')})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}

function compile(
  db: Parameters<ProvisionSearch['compile']>[0],
  query: Parameters<ProvisionSearch['compile']>[1],
): CompiledSearch | null {
  const terms = parseQuery(query.text);
  if (isEmptyQuery(terms)) return null;
  const tsQuery = sql`case p.search_config
    when 'english' then ${tsQueryIn('english', terms)}
    when 'spanish' then ${tsQueryIn('spanish', terms)}
    when 'french' then ${tsQueryIn('french', terms)}
    else ${tsQueryIn('simple', terms)} end`;
  return sql`with hits as (
      select p.id as hit_id, ts_rank(p.search_vector, ${tsQuery}) as score
      from law_provisions p
      where p.search_vector @@ (${tsQueryIn('english', terms)} || ${tsQueryIn('spanish', terms)}
          || ${tsQueryIn('french', terms)} || ${tsQueryIn('simple', terms)})
        and p.search_vector @@ ${tsQuery}
        and p.version_id = any(array(${eligibleVersions(query)}))
        and ${citedByIndicator(sql.ref('p.id'), query)}
      order by score desc, p.id
      limit ${query.limit} offset ${query.offset ?? 0}
    )
    select ${hitColumns}, ts_headline(p.search_config::regconfig, p.text, ${tsQuery}, ${headlineOptions}) as headline
    from hits
    ${hitDetails}
    order by hits.score desc, p.id`.compile(db);
}

/** The PostgreSQL tsvector/GIN implementation of the search port. */
export const postgresFtsSearch: ProvisionSearch = {
  // The database computes the vector (a generated column): nothing to add.
  async index() {},

  async search(db, query) {
    const compiled = compile(db, query);
    if (!compiled) return [];
    const result = await db.executeQuery<HitRow & { headline: string }>(
      CompiledQuery.raw(compiled.sql, [...compiled.parameters]),
    );
    return result.rows.map((r) => hitOf(r, parseHeadline(r.headline)));
  },

  compile,
};
