/** Row types of the district tables (migration 20261129250000-districts), as stored; mapped in districts.repo.ts. */

export interface DistrictImportRow {
  id: string;
  /** `boundaries` or `postcodes`. */
  kind: string;
  file: string;
  rows: number;
  created_by: string;
  created_at: string;
}

export interface DistrictBoundaryRow {
  id: string;
  import_id: string;
  jurisdiction_id: string;
  chamber: string;
  district: string;
  name: string | null;
  valid_from: string;
  /** Exclusive; null while the plan is open-ended. */
  valid_to: string | null;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  /** `{type, polygons}` (core DistrictGeometry) as JSON. */
  geometry_json: string;
}

export interface PostcodeDistrictRow {
  jurisdiction_id: string;
  /** Normalised: upper case, no spaces. */
  postcode: string;
  chamber: string;
  district: string;
  share: number | null;
  import_id: string;
}

/** The district tables, merged into the Database interface in schema.ts. */
export interface DistrictTables {
  district_imports: DistrictImportRow;
  district_boundaries: DistrictBoundaryRow;
  postcode_districts: PostcodeDistrictRow;
}
