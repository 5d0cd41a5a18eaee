/** Row type of campaign_identifiers (migration 20261129200000-campaign-identifiers). */

export interface CampaignIdentifierRow {
  campaign_id: string;
  /** `system:id`, as the other system wrote it. */
  identifier: string;
  /** `campaign`, `bill`, `target` or `outreach`. */
  record_type: string;
  /** The campaign id, the bill id, the target key or the interaction id. */
  record_key: string;
  created_at: string;
}

/** The identifier table, merged into the store's Database type. */
export interface CampaignIdentifierTables {
  campaign_identifiers: CampaignIdentifierRow;
}
