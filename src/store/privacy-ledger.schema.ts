/** Row types of the privacy ledger tables (migration 20261129210000-privacy-ledger), mapped in the repo. */

export interface PrivacyLedgerRow {
  id: string;
  organization_id: string;
  dataset: string;
  year: number;
  privacy_unit: string;
  /** bigint columns (int8 is parsed as a number by store/db.ts). */
  epsilon_cap_micros: number;
  delta_cap_picos: number;
  spent_epsilon_micros: number;
  spent_delta_picos: number;
  releases: number;
  created_at: string;
  updated_at: string;
}

export interface PrivacyReleaseRow {
  id: string;
  ledger_id: string;
  /** What was released: a statistic's name, as the releasing service wrote it (never case data). */
  statistic: string;
  epsilon_micros: number;
  delta_picos: number;
  privacy_unit: string;
  released_by: string;
  released_at: string;
}

/** The privacy ledger tables, merged into the store's Database type. */
export interface PrivacyLedgerTables {
  privacy_ledgers: PrivacyLedgerRow;
  privacy_releases: PrivacyReleaseRow;
}
