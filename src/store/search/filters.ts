/**
 * The parts of a provision search both engines share (see port.ts). Filters select the eligible versions
 * first (a few rows: one per document), so matching provisions are filtered by a set lookup on their version
 * and the joins to documents are made only for the best hits.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { SearchQuery, Visibility } from './port.ts';

/** The condition on jurisdictions `j` a visibility allows: built-in ones, plus the organization's own. */
export function visibleJurisdiction(visibility: Exclude<Visibility, 'all'>): RawBuilder<SqlBool> {
  const org = visibility.organizationId;
  return org === null
    ? sql<SqlBool>`j.organization_id is null`
    : sql<SqlBool>`(j.organization_id is null or j.organization_id = ${org})`;
}

/** A subquery of the ids of the versions a query may match (filters on version, document and jurisdiction). */
export function eligibleVersions(q: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (q.jurisdictionId !== undefined) parts.push(sql`d.jurisdiction_id = ${q.jurisdictionId}`);
  if (q.documentId !== undefined) parts.push(sql`d.id = ${q.documentId}`);
  if (q.type !== undefined) parts.push(sql`d.type = ${q.type}`);
  if (q.asOf !== undefined) {
    parts.push(sql`v.effective_from <= ${q.asOf} and (v.effective_to is null or v.effective_to > ${q.asOf})`);
  } else {
    parts.push(
      sql`v.effective_from = (select max(v2.effective_from) from law_versions v2 where v2.document_id = v.document_id)`,
    );
  }
  if (q.visibility !== 'all') parts.push(visibleJurisdiction(q.visibility));
  return sql`select v.id from law_versions v
    join law_documents d on d.id = v.document_id
    join jurisdictions j on j.id = d.jurisdiction_id
    where ${sql.join(parts, sql` and `)}`;
}

/** The columns of a hit (see `HitRow`), from `p`, `v` and `d` (see `hitDetails`). */
export const hitColumns = sql`p.id, p.kind, p.citation, p.heading, p.text, p.search_config,
  v.id as version_id, v.effective_from, v.effective_to,
  d.id as document_id, d.jurisdiction_id, d.type, d.title, d.citation as document_citation, d.language`;

/** Joins a best-hits table `hits(hit_id)` to its provision `p`, version `v` and document `d`. */
export const hitDetails = sql`join law_provisions p on p.id = hits.hit_id
  join law_versions v on v.id = p.version_id
  join law_documents d on d.id = v.document_id`;

/**
 * The condition that a provision id (the SQL expression `column`) is cited by an answer for the query's
 * indicator; always true without one.
 */
export function citedByIndicator(column: RawBuilder<unknown>, q: SearchQuery): RawBuilder<SqlBool> {
  const ind = q.indicator;
  if (ind === undefined) return sql<SqlBool>`1 = 1`;
  const parts: RawBuilder<unknown>[] = [sql`a.indicator_id = ${ind.id}`];
  if (ind.statuses !== null) {
    parts.push(ind.statuses.length ? sql`a.status in (${sql.join([...ind.statuses])})` : sql`1 = 0`);
  }
  if (q.jurisdictionId !== undefined) parts.push(sql`a.jurisdiction_id = ${q.jurisdictionId}`);
  if (q.asOf !== undefined) {
    parts.push(sql`a.valid_from <= ${q.asOf} and (a.valid_to is null or a.valid_to > ${q.asOf})`);
  }
  return sql<SqlBool>`${column} in (select c.provision_id from answer_citations c
    join coded_answers a on a.id = c.answer_id
    where ${sql.join(parts, sql` and `)})`;
}
