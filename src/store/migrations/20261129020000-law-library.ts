/**
 * Law library: documents, dated versions, provisions, and their full-text index. Frozen. The one dialect
 * step is the index: an FTS5 table on SQLite (filled by the store with stemmed terms), a generated tsvector
 * column with a GIN index on PostgreSQL (computed by the database with the provision's text configuration).
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('law_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('law_documents_citation_unique', ['jurisdiction_id', 'citation'])
    .execute();

  await db.schema
    .createTable('law_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('law_documents.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('provision_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('law_versions_from_unique', ['document_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('law_provisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('law_versions.id'))
    .addColumn('parent_id', 'text', (c) => c.references('law_provisions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    // Text search configuration of the provision's language: english, spanish, french or simple.
    .addColumn('search_config', 'text', (c) => c.notNull())
    .addUniqueConstraint('law_provisions_position_unique', ['version_id', 'position'])
    .addUniqueConstraint('law_provisions_citation_unique', ['version_id', 'citation'])
    .execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // Terms are written by the store: `<lang>_<stem>` tokens, so one table serves every language.
    // The version rides along so searches filter by version without reading provision rows.
    await sql`create virtual table law_provisions_fts using fts5(
      provision_id unindexed,
      version_id unindexed,
      terms,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
    )`.execute(db);
  } else {
    await sql`alter table law_provisions add column search_vector tsvector generated always as (
      setweight(to_tsvector(case search_config
        when 'english' then 'english'::regconfig
        when 'spanish' then 'spanish'::regconfig
        when 'french' then 'french'::regconfig
        else 'simple'::regconfig end, citation || ' ' || coalesce(heading, '')), 'A') ||
      setweight(to_tsvector(case search_config
        when 'english' then 'english'::regconfig
        when 'spanish' then 'spanish'::regconfig
        when 'french' then 'french'::regconfig
        else 'simple'::regconfig end, text), 'B')
    ) stored`.execute(db);
    // Laws are written rarely and searched often: no pending list, so a search never scans unmerged entries.
    await sql`create index law_provisions_search_idx on law_provisions using gin (search_vector) with (fastupdate = off)`.execute(
      db,
    );
  }
}
