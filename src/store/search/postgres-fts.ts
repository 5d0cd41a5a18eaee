/**
 * Provision search on PostgreSQL: the generated `search_vector` column (citation and heading weighted above
 * text) behind a GIN index, matched with `plainto_tsquery` (which accepts any text), ranked by `ts_rank`;
 * snippets by `ts_headline` for the best hits only. One GIN scan finds the provisions matching the query in
 * any language; a recheck keeps those matching in their own language. The eligible versions are computed once
 * (an array), so the planner never repeats the index scan per version.
 */
import { CompiledQuery, sql } from 'kysely';
import { eligibleVersions, hitColumns, hitDetails } from './filters.ts';
import {
  type CompiledSearch,
  type HitRow,
  hitOf,
  type ProvisionSearch,
  queryWords,
  type Snippet,
} from './port.ts';

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

function compile(
  db: Parameters<ProvisionSearch['compile']>[0],
  query: Parameters<ProvisionSearch['compile']>[1],
): CompiledSearch | null {
  const words = queryWords(query.text);
  if (words.length === 0) return null;
  const q = words.join(' ');
  const tsQuery = sql`case p.search_config
    when 'english' then plainto_tsquery('english', ${q})
    when 'spanish' then plainto_tsquery('spanish', ${q})
    when 'french' then plainto_tsquery('french', ${q})
    else plainto_tsquery('simple', ${q}) end`;
  return sql`with hits as (
      select p.id as hit_id, ts_rank(p.search_vector, ${tsQuery}) as score
      from law_provisions p
      where p.search_vector @@ (plainto_tsquery('english', ${q}) || plainto_tsquery('spanish', ${q})
          || plainto_tsquery('french', ${q}) || plainto_tsquery('simple', ${q}))
        and p.search_vector @@ ${tsQuery}
        and p.version_id = any(array(${eligibleVersions(query)}))
      order by score desc, p.id
      limit ${query.limit}
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
