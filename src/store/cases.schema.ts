/** Row types of the case tables (migration 20261129280000-case-records), as stored; mapped in cases.repo.ts. */

export interface CaseDatasetRow {
  id: string;
  organization_id: string;
  name: string;
  jurisdiction: string | null;
  /** `person` when the records carry a person reference, else `case`. */
  privacy_unit: string;
  record_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseRecordRow {
  id: string;
  dataset_id: string;
  /** HMAC of the person reference under the cases key; never the reference. */
  person_key: string | null;
  /** The accepted fields as JSON, encrypted with the cases key. */
  data: string;
  created_at: string;
}

export interface CaseReleaseRow {
  id: string;
  dataset_id: string;
  organization_id: string;
  jurisdiction: string | null;
  statistic: string;
  /** JSON list of attribute names. */
  attributes: string;
  year: number | null;
  /** `suppressed` (first release) or `noisy` (a repeat, debited on the ledger). */
  mechanism: string;
  epsilon_micros: number;
  k: number;
  /** The published table as JSON: suppressed or noisy counts only. */
  published: string;
  released_by: string;
  released_at: string;
  /** When the release was made public (migration 20261129340000); null while it is a draft. */
  published_at: string | null;
}

/** One imported file (migration 20261129340000-case-release-drafts): its name and count, never a cell. */
export interface CaseImportRow {
  id: string;
  dataset_id: string;
  organization_id: string;
  file_name: string | null;
  /** `csv` or `xlsx`. */
  format: string;
  record_count: number;
  imported_by: string;
  imported_at: string;
}

/** The case tables, merged into the store's Database type. */
export interface CaseTables {
  case_datasets: CaseDatasetRow;
  case_records: CaseRecordRow;
  case_releases: CaseReleaseRow;
  case_imports: CaseImportRow;
}
