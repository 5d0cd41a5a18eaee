/**
 * District boundaries and the postcode → district table, for finding lawmakers without outside services.
 * A boundary row is one district of one plan (jurisdiction, chamber, validity interval) with its geometry as
 * GeoJSON text and its bounding box in four columns, so a point lookup prefilters in SQL and tests exactly in
 * code. Every row names the import that wrote it (`district_imports`). Coordinates are double precision on
 * both engines (SQLite gives the declared type REAL affinity).
 * Frozen. No dialect-specific step.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed loosely on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('district_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('district_boundaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('district_imports.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('geometry_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('district_boundaries_lookup_idx')
    .on('district_boundaries')
    .columns(['jurisdiction_id', 'min_lon', 'max_lon'])
    .execute();
  await db.schema
    .createIndex('district_boundaries_plan_idx')
    .on('district_boundaries')
    .columns(['jurisdiction_id', 'chamber', 'valid_from'])
    .execute();

  await db.schema
    .createTable('postcode_districts')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('share', 'double precision')
    .addColumn('import_id', 'text', (c) => c.notNull().references('district_imports.id'))
    .addPrimaryKeyConstraint('postcode_districts_pk', ['jurisdiction_id', 'postcode', 'chamber', 'district'])
    .execute();
}
