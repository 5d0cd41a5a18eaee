/** Row types of the statistics tables (migration 20261129220000-statistics), as stored; mapped in statistics.repo.ts. */

export interface StatisticImportRow {
  id: string;
  organization_id: string;
  file_name: string | null;
  row_count: number;
  replaced_count: number;
  /** `draft` or `published`. */
  status: string;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
}

export interface StatisticFigureRow {
  id: string;
  import_id: string;
  organization_id: string;
  jurisdiction_id: string;
  year: number;
  measure: string;
  form: string;
  sex: string;
  age_group: string;
  value: number;
  unit: string;
  source: string;
  source_url: string | null;
  source_date: string;
  note: string | null;
  /** The spreadsheet row it came from (header = 1). */
  row_number: number;
  created_at: string;
}

/** The statistics tables, merged into the store's Database type. */
export interface StatisticTables {
  statistic_imports: StatisticImportRow;
  statistic_figures: StatisticFigureRow;
}
