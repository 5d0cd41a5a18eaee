/**
 * District boundaries, the postcode table and the district-to-people join, in the store. Writes take the
 * transaction of their import; reads map rows to core types (geometry parsed, dates as text).
 */
import type { Kysely } from 'kysely';
import type { DistrictPlan, PostcodeDistrict } from '../core/districts/lookup.ts';
import type { BBox, DistrictBoundary, DistrictRef } from '../core/districts/types.ts';
import type { DistrictBoundaryRow } from './districts.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newSortableId, validOn } from './util.ts';

const chunk = 200;

/** The plans stored for the jurisdictions and chambers named, with the import that wrote each. */
export async function storedPlans(
  db: Kysely<Database>,
  keys: ReadonlyArray<{ jurisdictionId: string; chamber: string }>,
): Promise<DistrictPlan[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('district_boundaries')
    .select(['jurisdiction_id', 'chamber', 'valid_from', 'valid_to', 'import_id'])
    .where('jurisdiction_id', 'in', [...new Set(keys.map((k) => k.jurisdictionId))])
    .groupBy(['jurisdiction_id', 'chamber', 'valid_from', 'valid_to', 'import_id'])
    .orderBy('valid_from')
    .execute();
  return rows
    .filter((r) => keys.some((k) => k.jurisdictionId === r.jurisdiction_id && k.chamber === r.chamber))
    .map((r) => ({
      jurisdictionId: r.jurisdiction_id,
      chamber: r.chamber,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      importId: r.import_id,
    }));
}

/** Records an import and returns its id. */
export async function insertDistrictImport(
  db: Kysely<Database>,
  v: { kind: 'boundaries' | 'postcodes'; file: string; rows: number; createdBy: string; createdAt: string },
): Promise<string> {
  const id = newSortableId();
  await db
    .insertInto('district_imports')
    .values({
      id,
      kind: v.kind,
      file: v.file,
      rows: v.rows,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .execute();
  return id;
}

/** Ends an open-ended stored plan on a date (the first day of the plan after it). */
export async function closePlan(db: Kysely<Database>, plan: DistrictPlan, validTo: string): Promise<void> {
  await db
    .updateTable('district_boundaries')
    .set({ valid_to: validTo })
    .where('jurisdiction_id', '=', plan.jurisdictionId)
    .where('chamber', '=', plan.chamber)
    .where('valid_from', '=', plan.validFrom)
    .where('valid_to', 'is', null)
    .execute();
}

/** Stores boundaries read from one file. */
export async function insertBoundaries(
  db: Kysely<Database>,
  importId: string,
  boundaries: readonly DistrictBoundary[],
): Promise<void> {
  for (let i = 0; i < boundaries.length; i += chunk) {
    await db
      .insertInto('district_boundaries')
      .values(
        boundaries.slice(i, i + chunk).map((b) => ({
          id: newSortableId(),
          import_id: importId,
          jurisdiction_id: b.jurisdictionId,
          chamber: b.chamber,
          district: b.district,
          name: b.name,
          valid_from: b.validFrom,
          valid_to: b.validTo,
          min_lon: b.bbox.minLon,
          min_lat: b.bbox.minLat,
          max_lon: b.bbox.maxLon,
          max_lat: b.bbox.maxLat,
          geometry_json: JSON.stringify(b.geometry),
        })),
      )
      .execute();
  }
}

/** Replaces the postcode table of every jurisdiction the rows name, whole. */
export async function replacePostcodes(
  db: Kysely<Database>,
  importId: string,
  rows: readonly PostcodeDistrict[],
): Promise<void> {
  const jurisdictions = [...new Set(rows.map((r) => r.jurisdictionId))];
  if (jurisdictions.length > 0)
    await db.deleteFrom('postcode_districts').where('jurisdiction_id', 'in', jurisdictions).execute();
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto('postcode_districts')
      .values(
        rows.slice(i, i + chunk).map((r) => ({
          jurisdiction_id: r.jurisdictionId,
          postcode: r.postcode,
          chamber: r.chamber,
          district: r.district,
          share: r.share,
          import_id: importId,
        })),
      )
      .execute();
  }
}

function boundary(r: DistrictBoundaryRow): DistrictBoundary {
  return {
    jurisdictionId: r.jurisdiction_id,
    chamber: r.chamber,
    district: r.district,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    geometry: fromJson(r.geometry_json),
    bbox: { minLon: r.min_lon, minLat: r.min_lat, maxLon: r.max_lon, maxLat: r.max_lat },
  };
}

/** Boundaries of the jurisdiction valid on the date whose bounding box meets the box (the SQL prefilter). */
export async function boundariesMeeting(
  db: Kysely<Database>,
  jurisdictionId: string,
  box: BBox,
  date: string,
): Promise<DistrictBoundary[]> {
  const rows = await db
    .selectFrom('district_boundaries as b')
    .selectAll()
    .where('b.jurisdiction_id', '=', jurisdictionId)
    .where(validOn('b', date))
    .where('b.min_lon', '<=', box.maxLon)
    .where('b.max_lon', '>=', box.minLon)
    .where('b.min_lat', '<=', box.maxLat)
    .where('b.max_lat', '>=', box.minLat)
    .orderBy('b.chamber')
    .orderBy('b.district')
    .execute();
  return rows.map(boundary);
}

/** The number of boundaries of the jurisdiction valid on the date. */
export async function countBoundariesOn(
  db: Kysely<Database>,
  jurisdictionId: string,
  date: string,
): Promise<number> {
  const row = await db
    .selectFrom('district_boundaries as b')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('b.jurisdiction_id', '=', jurisdictionId)
    .where(validOn('b', date))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The postcode table's rows for one normalised postcode of a jurisdiction. */
export async function postcodeRows(
  db: Kysely<Database>,
  jurisdictionId: string,
  postcode: string,
): Promise<PostcodeDistrict[]> {
  const rows = await db
    .selectFrom('postcode_districts')
    .select(['postcode', 'jurisdiction_id', 'chamber', 'district', 'share'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('postcode', '=', postcode)
    .orderBy('chamber')
    .orderBy('district')
    .execute();
  return rows.map((r) => ({
    postcode: r.postcode,
    jurisdictionId: r.jurisdiction_id,
    chamber: r.chamber,
    district: r.district,
    share: r.share === null ? null : Number(r.share),
  }));
}

/** True when the jurisdiction has any postcode row. */
export async function hasPostcodes(db: Kysely<Database>, jurisdictionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('postcode_districts')
    .select('postcode')
    .where('jurisdiction_id', '=', jurisdictionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A district offered in the "choose your district" list, with its boundary's name when one is stored. */
export interface KnownDistrict extends DistrictRef {
  name: string | null;
}

/**
 * The districts of a jurisdiction on a date: those with a boundary valid then and those a sitting member's
 * role names, by chamber then district.
 */
export async function knownDistricts(
  db: Kysely<Database>,
  jurisdictionId: string,
  date: string,
): Promise<KnownDistrict[]> {
  const [bounded, seated] = await Promise.all([
    db
      .selectFrom('district_boundaries as b')
      .select(['b.chamber', 'b.district', 'b.name'])
      .where('b.jurisdiction_id', '=', jurisdictionId)
      .where(validOn('b', date))
      .execute(),
    db
      .selectFrom('person_roles as r')
      .select(['r.type', 'r.district'])
      .where('r.jurisdiction_id', '=', jurisdictionId)
      .where('r.district', 'is not', null)
      .where((eb) => eb.or([eb('r.start_date', 'is', null), eb('r.start_date', '<=', date)]))
      .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', date)]))
      .distinct()
      .execute(),
  ]);
  const all = new Map<string, KnownDistrict>();
  for (const b of bounded)
    all.set(`${b.chamber}|${b.district}`, {
      jurisdictionId,
      chamber: b.chamber,
      district: b.district,
      name: b.name,
    });
  for (const r of seated) {
    const key = `${r.type}|${r.district}`;
    if (!all.has(key))
      all.set(key, { jurisdictionId, chamber: r.type, district: r.district as string, name: null });
  }
  return [...all.values()].sort(
    (a, b) =>
      a.chamber.localeCompare(b.chamber) ||
      a.district.localeCompare(b.district, undefined, { numeric: true }),
  );
}

/** The ids of the people sitting on the date in one of the districts (a role of that chamber and district). */
export async function sittingInDistricts(
  db: Kysely<Database>,
  districts: readonly DistrictRef[],
  date: string,
): Promise<Array<{ personId: string } & DistrictRef>> {
  if (districts.length === 0) return [];
  const rows = await db
    .selectFrom('person_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'r.jurisdiction_id', 'r.type', 'r.district', 'p.name'])
    .where((eb) =>
      eb.or(
        districts.map((d) =>
          eb.and([
            eb('r.jurisdiction_id', '=', d.jurisdictionId),
            eb('r.type', '=', d.chamber),
            eb('r.district', '=', d.district),
          ]),
        ),
      ),
    )
    .where((eb) => eb.or([eb('r.start_date', 'is', null), eb('r.start_date', '<=', date)]))
    .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', date)]))
    .orderBy('r.type')
    .orderBy('r.district')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    jurisdictionId: r.jurisdiction_id as string,
    chamber: r.type,
    district: r.district as string,
  }));
}
