/** Statistics imports and their figures. Figures are only ever inserted; an import's status is its only change. */
import type { Kysely, Selectable } from 'kysely';
import type {
  ExploitationForm,
  StatisticAgeGroup,
  StatisticImport,
  StatisticImportStatus,
  StatisticMeasure,
  StatisticSex,
  StatisticUnit,
} from '../core/statistics/types.ts';
import type { Database } from './schema.ts';
import type { StatisticFigureRow, StatisticImportRow } from './statistics.schema.ts';

/** A figure as read, before the service works out which figures are replaced. */
export interface StoredFigure {
  id: string;
  importId: string;
  organizationId: string;
  organizationName: string;
  jurisdictionId: string;
  year: number;
  measure: StatisticMeasure;
  form: ExploitationForm;
  sex: StatisticSex;
  ageGroup: StatisticAgeGroup;
  value: number;
  unit: StatisticUnit;
  source: string;
  sourceUrl: string | null;
  sourceDate: string;
  note: string | null;
  row: number;
  published: boolean;
  createdAt: string;
}

/** Which figures to read. */
export interface FigureFilter {
  /** Only this organisation's figures (drafts included). */
  organizationId?: string;
  /** Only figures of published imports. */
  publishedOnly?: boolean;
  jurisdictionIds?: string[];
  measure?: StatisticMeasure;
  yearFrom?: number;
  yearTo?: number;
}

/** Writes one import and all its figures (the caller runs it in a transaction). */
export async function insertImport(
  db: Kysely<Database>,
  row: StatisticImportRow,
  figures: StatisticFigureRow[],
): Promise<void> {
  await db.insertInto('statistic_imports').values(row).execute();
  // Chunks keep each statement under SQLite's bound-parameter limit (17 columns a row).
  for (let i = 0; i < figures.length; i += 50) {
    await db
      .insertInto('statistic_figures')
      .values(figures.slice(i, i + 50))
      .execute();
  }
}

async function sourcesOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('statistic_figures')
    .select(['import_id', 'source'])
    .distinct()
    .where('import_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.import_id, [...(out.get(r.import_id) ?? []), r.source]);
  // Sorted here: the engines' text collations differ.
  for (const list of out.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

function toImport(
  r: Selectable<StatisticImportRow> & { organization_name: string },
  sources: string[],
): StatisticImport {
  return {
    id: r.id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    fileName: r.file_name,
    rowCount: Number(r.row_count),
    replacedCount: Number(r.replaced_count),
    status: r.status as StatisticImportStatus,
    sources,
    createdBy: r.created_by,
    createdAt: r.created_at,
    publishedAt: r.published_at,
  };
}

function importQuery(db: Kysely<Database>) {
  return db
    .selectFrom('statistic_imports as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .selectAll('i')
    .select('o.name as organization_name');
}

/** An organisation's imports, newest first. */
export async function listImports(db: Kysely<Database>, organizationId: string): Promise<StatisticImport[]> {
  const rows = await importQuery(db)
    .where('i.organization_id', '=', organizationId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  const sources = await sourcesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toImport(r, sources.get(r.id) ?? []));
}

/** One import by id, or null. */
export async function findImport(db: Kysely<Database>, id: string): Promise<StatisticImport | null> {
  const row = await importQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toImport(row, (await sourcesOf(db, [id])).get(id) ?? []) : null;
}

/** Publishes an import or takes it back to draft. */
export async function setImportStatus(
  db: Kysely<Database>,
  id: string,
  status: StatisticImportStatus,
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('statistic_imports')
    .set(
      status === 'published'
        ? { status, published_by: by, published_at: at }
        : { status, published_by: null, published_at: null },
    )
    .where('id', '=', id)
    .execute();
}

/** Figures matching the filter, sorted by jurisdiction, year, measure and breakdown, oldest source first. */
export async function listFigures(db: Kysely<Database>, filter: FigureFilter): Promise<StoredFigure[]> {
  let q = db
    .selectFrom('statistic_figures as f')
    .innerJoin('statistic_imports as i', 'i.id', 'f.import_id')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .selectAll('f')
    .select(['i.status as import_status', 'o.name as organization_name']);
  if (filter.organizationId) q = q.where('f.organization_id', '=', filter.organizationId);
  if (filter.publishedOnly) q = q.where('i.status', '=', 'published');
  if (filter.jurisdictionIds) {
    if (filter.jurisdictionIds.length === 0) return [];
    q = q.where('f.jurisdiction_id', 'in', filter.jurisdictionIds);
  }
  if (filter.measure) q = q.where('f.measure', '=', filter.measure);
  if (filter.yearFrom !== undefined) q = q.where('f.year', '>=', filter.yearFrom);
  if (filter.yearTo !== undefined) q = q.where('f.year', '<=', filter.yearTo);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      id: r.id,
      importId: r.import_id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      jurisdictionId: r.jurisdiction_id,
      year: Number(r.year),
      measure: r.measure as StatisticMeasure,
      form: r.form as ExploitationForm,
      sex: r.sex as StatisticSex,
      ageGroup: r.age_group as StatisticAgeGroup,
      value: Number(r.value),
      unit: r.unit as StatisticUnit,
      source: r.source,
      sourceUrl: r.source_url,
      sourceDate: r.source_date,
      note: r.note,
      row: Number(r.row_number),
      published: r.import_status === 'published',
      createdAt: r.created_at,
    }))
    .sort(byBreakdown);
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted here rather than in SQL: PostgreSQL's collation would order ids with punctuation differently. */
function byBreakdown(a: StoredFigure, b: StoredFigure): number {
  return (
    cmp(a.jurisdictionId, b.jurisdictionId) ||
    cmp(a.year, b.year) ||
    cmp(a.measure, b.measure) ||
    cmp(a.form, b.form) ||
    cmp(a.sex, b.sex) ||
    cmp(a.ageGroup, b.ageGroup) ||
    cmp(a.sourceDate, b.sourceDate) ||
    cmp(a.createdAt, b.createdAt) ||
    cmp(a.id, b.id)
  );
}
