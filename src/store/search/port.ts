/**
 * The full-text search port over provisions, with one implementation per engine (sqlite-fts5.ts,
 * postgres-fts.ts; `searchFor` picks by `Store.dialect`). Policy:
 * - Each provision is indexed in its document's language: English, Spanish and French texts are stemmed
 *   (Snowball, as PostgreSQL's `english`, `spanish` and `french` configurations do); other languages are
 *   only lowercased (`simple`). A query is read in each language and matches a provision when all its words
 *   match in that provision's language.
 * - Queries are words and `"quoted phrases"` (query-text.ts): other punctuation and operators (`*`, `NEAR(`,
 *   `:`, `'`, `AND`, `-`, an unpaired `"`) are ignored, so no query can raise a search syntax error. At most
 *   16 words are used.
 * - With an indicator, only provisions cited by coded answers for it are searched (answers of the statuses
 *   the caller may read; with `asOf`, answers valid that day).
 * - Hits are ordered by rank, then provision id, so paging with `offset` is stable between requests.
 * - Without `asOf`, only the latest version of each document is searched; with it, the versions in force
 *   on that date. Organizations' own jurisdictions are visible only to their members.
 * - Snippets are a short excerpt of the provision text with the matching words marked by offsets (never by
 *   markup, so no client renders stored text as HTML).
 */
import type { Kysely } from 'kysely';
import type { LawDocumentType } from '../../core/laws/types.ts';
import type { Database } from '../schema.ts';

/** A text search configuration (PostgreSQL names; the SQLite side stems the same way). */
export type SearchConfig = 'english' | 'spanish' | 'french' | 'simple';

/** Every configuration a provision may be indexed in. */
export const searchConfigs: readonly SearchConfig[] = ['english', 'spanish', 'french', 'simple'];

/** The configuration for a document language: en → english, es → spanish, fr → french, else simple. */
export function searchConfigOf(language: string): SearchConfig {
  const primary = language.toLowerCase().split('-')[0];
  if (primary === 'en') return 'english';
  if (primary === 'es') return 'spanish';
  if (primary === 'fr') return 'french';
  return 'simple';
}

/** At most this many query words are used. */
export const maxQueryWords = 16;
/** Longest word kept from a query or a text (longer runs are not words). */
export const maxWordChars = 64;

/** Who may see which jurisdictions' documents: one organization's own (or none), or everything. */
export type Visibility = { organizationId: string | null } | 'all';

/** What to search for, where, and who is asking. */
export interface SearchQuery {
  text: string;
  jurisdictionId?: string;
  /** Only provisions of this document. */
  documentId?: string;
  type?: LawDocumentType;
  /** `YYYY-MM-DD`: search the versions in force that day (else each document's latest). */
  asOf?: string;
  /** Only provisions cited by answers for this indicator, of these statuses (null: any status). */
  indicator?: { id: string; statuses: readonly string[] | null };
  limit: number;
  /** Hits to skip (paging); 0 when absent. */
  offset?: number;
  visibility: Visibility;
}

/** A span of matching text: [start, end) in UTF-16 code units of `Snippet.text`. */
export interface Highlight {
  start: number;
  end: number;
}

/** An excerpt of a provision's text with the matching words marked. */
export interface Snippet {
  text: string;
  highlights: Highlight[];
}

/** One matching provision, best first. */
export interface SearchHit {
  provisionId: string;
  kind: string;
  citation: string;
  heading: string | null;
  snippet: Snippet;
  document: {
    id: string;
    jurisdictionId: string;
    type: string;
    title: string;
    citation: string;
    language: string;
  };
  version: { id: string; effectiveFrom: string; effectiveTo: string | null };
}

/** What the index needs of a provision just stored. */
export interface IndexEntry {
  provisionId: string;
  versionId: string;
  config: SearchConfig;
  citation: string;
  heading: string | null;
  text: string;
}

/** A query as the engine runs it: SQL with placeholders and their values (for benchmarks). */
export interface CompiledSearch {
  sql: string;
  parameters: readonly unknown[];
}

/** Full-text search over provisions, implemented once per engine. */
export interface ProvisionSearch {
  /** Adds provisions just inserted to the index (call inside the inserting transaction). */
  index(db: Kysely<Database>, entries: IndexEntry[]): Promise<void>;
  /** Matching provisions, best first; empty when the query has no words. */
  search(db: Kysely<Database>, query: SearchQuery): Promise<SearchHit[]>;
  /** The SQL `search` runs for this query; null when the query has no words. */
  compile(db: Kysely<Database>, query: SearchQuery): CompiledSearch | null;
}

/** The row both implementations select, mapped to a hit by `hitOf`. */
export interface HitRow {
  id: string;
  kind: string;
  citation: string;
  heading: string | null;
  text: string;
  search_config: string;
  version_id: string;
  effective_from: string;
  effective_to: string | null;
  document_id: string;
  jurisdiction_id: string;
  type: string;
  title: string;
  document_citation: string;
  language: string;
}

/** Maps a selected row and its snippet to a hit. */
export function hitOf(r: HitRow, snippet: Snippet): SearchHit {
  return {
    provisionId: r.id,
    kind: r.kind,
    citation: r.citation,
    heading: r.heading,
    snippet,
    document: {
      id: r.document_id,
      jurisdictionId: r.jurisdiction_id,
      type: r.type,
      title: r.title,
      citation: r.document_citation,
      language: r.language,
    },
    version: { id: r.version_id, effectiveFrom: r.effective_from, effectiveTo: r.effective_to },
  };
}
