/** Row types of the recoding tables (migration 20261129160000-recoding-tasks), as stored; mapped in recoding.repo.ts. */

export interface RecodingTaskRow {
  id: string;
  bill_id: string;
  jurisdiction_id: string;
  /** `open`, `applied`, `done` or `dismissed`. */
  status: string;
  /** `YYYY-MM-DD`, or null until known. */
  effective_date: string | null;
  /** `citation`, `became-law` or `analyst`. */
  effective_source: string | null;
  /** `[{ documentId, citation, title, source: "bill" | "analyst", billCitation }]`. */
  targets_json: string;
  /** Bill citations that named no library document. */
  unmatched_json: string;
  /** `[{ documentId, versionId, effectiveFrom, origin: "bill-text" | "analyst-file", applied }]`. */
  new_versions_json: string;
  suggestion_count: number;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  applied_by: string | null;
  applied_at: string | null;
}

/** One change of a task: opened, applied, dismissed, done. */
export interface RecodingTaskHistoryRow {
  id: string;
  task_id: string;
  at: string;
  actor: string;
  action: string;
  details_json: string;
}

export interface RecodingTables {
  recoding_tasks: RecodingTaskRow;
  recoding_task_history: RecodingTaskHistoryRow;
}
