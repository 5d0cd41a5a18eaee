/** Row types of quality control (migration 20261129040000-qc), as stored; mapped in qc.repo.ts. */

/** A coding batch; rates are integer basis points (500 = 5%). */
export interface QcBatchRow {
  id: string;
  name: string;
  framework_id: string;
  jurisdictions_json: string;
  indicators_json: string;
  coders_json: string;
  threshold_bp: number;
  sample_bp: number;
  redundancy: string;
  previous_batch_id: string | null;
  created_by: string;
  created_at: string;
}

export interface QcAssignmentRow {
  batch_id: string;
  jurisdiction_id: string;
  indicator_id: string;
  coder_id: string;
}

export interface QcCodingRow {
  id: string;
  batch_id: string;
  jurisdiction_id: string;
  indicator_id: string;
  coder_id: string;
  value: string;
  valid_from: string;
  citations_json: string;
  created_at: string;
}

export interface QcDivergenceRow {
  id: string;
  batch_id: string;
  jurisdiction_id: string;
  framework_id: string;
  indicator_id: string;
  status: string;
  value: string | null;
  reason: string | null;
  reconciled_by: string | null;
  reconciled_at: string | null;
  answer_id: string | null;
  created_at: string;
}

export interface QcTables {
  qc_batches: QcBatchRow;
  qc_assignments: QcAssignmentRow;
  qc_codings: QcCodingRow;
  qc_divergences: QcDivergenceRow;
}
