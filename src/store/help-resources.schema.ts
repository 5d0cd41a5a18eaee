/** Row types of migration 20261129270000-help-resources, as stored; mapped in help-resources.repo.ts. */

export interface HelpResourceRow {
  id: string;
  organization_id: string;
  jurisdiction_id: string;
  /** `hotline`, `legal_aid`, `shelter` or `other`. */
  kind: string;
  name: string;
  /** E.164. */
  phone: string | null;
  /** https only. */
  url: string | null;
  /** JSON array of language codes. */
  languages_json: string;
  hours: string | null;
  description: string | null;
  last_verified: string;
  /** 0 or 1. */
  published: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AnswerErrorReportRow {
  id: string;
  answer_id: string;
  jurisdiction_id: string;
  indicator_id: string;
  /** The organisation that published the answer (its review queue); null when no organisation did. */
  organization_id: string | null;
  message: string;
  /** The reporter's contact address, encrypted; null when none was given. */
  contact_ciphertext: string | null;
  locale: string;
  /** `open` or `resolved`. */
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

/** The tables, merged into the store's Database type. */
export interface HelpResourceTables {
  help_resources: HelpResourceRow;
  answer_error_reports: AnswerErrorReportRow;
}
