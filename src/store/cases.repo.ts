/**
 * Case dataset, record and release rows. Records arrive already encrypted and leave still encrypted: this file
 * never sees a case field in the clear. Callers check access first and pass the organisation explicitly, so a
 * dataset of another organisation is simply not found.
 */
import type { Kysely } from 'kysely';
import type { CaseDatasetRow, CaseImportRow, CaseRecordRow, CaseReleaseRow } from './cases.schema.ts';
import type { Database } from './schema.ts';

/** A stored dataset: counts only. */
export interface StoredCaseDataset {
  id: string;
  organizationId: string;
  name: string;
  jurisdiction: string | null;
  privacyUnit: string;
  records: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored release: the published table only. */
export interface StoredCaseRelease {
  id: string;
  datasetId: string;
  organizationId: string;
  jurisdiction: string | null;
  statistic: string;
  attributes: string[];
  year: number | null;
  mechanism: 'suppressed' | 'noisy';
  epsilonMicros: number;
  k: number;
  published: string;
  releasedBy: string;
  releasedAt: string;
  /** Null while the release is a draft. */
  publishedAt: string | null;
}

function toDataset(r: CaseDatasetRow): StoredCaseDataset {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    jurisdiction: r.jurisdiction,
    privacyUnit: r.privacy_unit,
    records: Number(r.record_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A release row as the services see it. */
export function toRelease(r: CaseReleaseRow): StoredCaseRelease {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    organizationId: r.organization_id,
    jurisdiction: r.jurisdiction,
    statistic: r.statistic,
    attributes: JSON.parse(r.attributes) as string[],
    year: r.year === null ? null : Number(r.year),
    mechanism: r.mechanism === 'noisy' ? 'noisy' : 'suppressed',
    epsilonMicros: Number(r.epsilon_micros),
    k: Number(r.k),
    published: r.published,
    releasedBy: r.released_by,
    releasedAt: r.released_at,
    publishedAt: r.published_at ?? null,
  };
}

/** The organisation's dataset by id or name, or null. */
export async function findCaseDataset(
  db: Kysely<Database>,
  organizationId: string,
  idOrName: string,
): Promise<StoredCaseDataset | null> {
  const row = await db
    .selectFrom('case_datasets')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  return row ? toDataset(row) : null;
}

/** The organisation's datasets, by name. */
export async function listCaseDatasets(
  db: Kysely<Database>,
  organizationId: string,
): Promise<StoredCaseDataset[]> {
  const rows = await db
    .selectFrom('case_datasets')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
  return rows.map(toDataset);
}

/** Inserts a dataset row. */
export async function insertCaseDataset(db: Kysely<Database>, row: CaseDatasetRow): Promise<void> {
  await db.insertInto('case_datasets').values(row).execute();
}

/** Adds n records to a dataset's count and stamps it. */
export async function addCaseDatasetRecords(
  db: Kysely<Database>,
  id: string,
  added: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('case_datasets')
    .set((eb) => ({ record_count: eb('record_count', '+', added), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/** Inserts encrypted records in batches. */
export async function insertCaseRecords(db: Kysely<Database>, rows: CaseRecordRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('case_records')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** A dataset's records, still encrypted. */
export async function listCaseRecords(
  db: Kysely<Database>,
  datasetId: string,
): Promise<Pick<CaseRecordRow, 'id' | 'person_key' | 'data'>[]> {
  return db
    .selectFrom('case_records')
    .select(['id', 'person_key', 'data'])
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
}

/**
 * True when the dataset already has a release (draft or published) over the same attributes and year, whatever
 * countries it named: two un-noised tables of one statistic with different country lists would let their
 * `Other` cells be subtracted.
 */
export async function hasCaseRelease(
  db: Kysely<Database>,
  datasetId: string,
  of: { attributes: readonly string[]; year: number | null },
): Promise<boolean> {
  let q = db
    .selectFrom('case_releases')
    .select('id')
    .where('dataset_id', '=', datasetId)
    .where('attributes', '=', JSON.stringify(of.attributes));
  q = of.year === null ? q.where('year', 'is', null) : q.where('year', '=', of.year);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Inserts a release row. */
export async function insertCaseRelease(db: Kysely<Database>, row: CaseReleaseRow): Promise<void> {
  await db.insertInto('case_releases').values(row).execute();
}

/**
 * Releases, newest first: of one organisation (drafts included), or (organisation null) every organisation's
 * published ones, optionally in one jurisdiction.
 */
export async function listCaseReleases(
  db: Kysely<Database>,
  filter: { organizationId: string | null; jurisdiction?: string },
): Promise<StoredCaseRelease[]> {
  let q = db.selectFrom('case_releases').selectAll();
  if (filter.organizationId !== null) q = q.where('organization_id', '=', filter.organizationId);
  else q = q.where('published_at', 'is not', null);
  if (filter.jurisdiction !== undefined) q = q.where('jurisdiction', '=', filter.jurisdiction);
  const rows = await q.orderBy('released_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
  return rows.map(toRelease);
}

/** The organisation's release by id, or null. */
export async function findCaseRelease(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<StoredCaseRelease | null> {
  const row = await db
    .selectFrom('case_releases')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRelease(row) : null;
}

/** Publishes a draft release; false when it was already published (or is not the organisation's). */
export async function markCaseReleasePublished(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('case_releases')
    .set({ published_at: at })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A stored import: the file's name and count. */
export interface StoredCaseImport {
  id: string;
  datasetId: string;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  records: number;
  importedBy: string;
  importedAt: string;
}

/** Inserts an import row. */
export async function insertCaseImport(db: Kysely<Database>, row: CaseImportRow): Promise<void> {
  await db.insertInto('case_imports').values(row).execute();
}

/** The organisation's imports, newest first (at most 1000). */
export async function listCaseImports(
  db: Kysely<Database>,
  organizationId: string,
): Promise<StoredCaseImport[]> {
  const rows = await db
    .selectFrom('case_imports')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    datasetId: r.dataset_id,
    fileName: r.file_name,
    format: r.format === 'xlsx' ? 'xlsx' : 'csv',
    records: Number(r.record_count),
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}

/** A dataset's privacy unit by id (any organisation: the unit is not secret), or null. */
export async function caseDatasetPrivacyUnit(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('case_datasets')
    .select('privacy_unit')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.privacy_unit ?? null;
}
