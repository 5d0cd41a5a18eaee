/** Row types of the bill-review tables (migration 20261129150000-bill-review), as stored; mapped in bill-review.repo.ts. */

export interface BillActionOverrideRow {
  id: string;
  bill_id: string;
  action_order: number;
  action_date: string;
  description_hash: string;
  action_description: string;
  /** The action's order at the last import; null while orphaned. */
  matched_order: number | null;
  classification_json: string;
  imported_classification_json: string;
  reason: string;
  status: string;
  orphaned_at: string | null;
  created_by: string;
  created_at: string;
  ended_by: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface BillIndicatorLinkRow {
  bill_id: string;
  indicator_id: string;
  status: string;
  origin: string;
  projected_answer: string | null;
  current_answer: string | null;
  direction: string | null;
  evidence_json: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  analyzer_version: string | null;
  created_at: string;
  updated_at: string;
}

/** The bill-review tables, merged into the store's Database type. */
export interface BillReviewTables {
  bill_action_overrides: BillActionOverrideRow;
  bill_indicator_links: BillIndicatorLinkRow;
}
