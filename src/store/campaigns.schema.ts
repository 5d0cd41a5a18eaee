/** Row types of the campaign tables (migration 20261129170000-campaigns), as stored; mapped in campaigns.repo.ts. */

export interface CampaignRow {
  id: string;
  organization_id: string;
  title: string;
  summary: string;
  status: string;
  jurisdiction_id: string;
  start_date: string | null;
  end_date: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** 1 when the portal shows the campaign (migration 20261129330000-campaign-public). */
  public: number;
  public_slug: string | null;
}

export interface CampaignPartnerRow {
  campaign_id: string;
  organization_id: string;
  role: string;
  added_by: string;
  added_at: string;
}

export interface CampaignGapRow {
  campaign_id: string;
  indicator_id: string;
  position: number;
}

export interface CampaignBillRow {
  campaign_id: string;
  bill_id: string;
  position: number;
}

export interface CampaignMilestoneRow {
  id: string;
  campaign_id: string;
  organization_id: string;
  date: string;
  title: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface CampaignCustomTargetRow {
  id: string;
  campaign_id: string;
  person_id: string | null;
  name: string;
  office: string | null;
  created_by: string;
  created_at: string;
}

interface TargetLogRow {
  id: string;
  campaign_id: string;
  /** `person:<ocd person id>` or `custom:<custom target id>`. */
  target_key: string;
  date: string;
  note: string | null;
  organization_id: string;
  recorded_by: string;
  created_at: string;
}

export interface CampaignPositionRow extends TargetLogRow {
  position: string;
  source: string | null;
}

export interface CampaignInteractionRow extends TargetLogRow {
  kind: string;
}

export interface CampaignFactRow {
  id: string;
  campaign_id: string;
  statement: string;
  source: string;
  source_url: string | null;
  date: string;
  jurisdiction_id: string | null;
  organization_id: string;
  created_by: string;
  created_at: string;
}

export interface CampaignMessageRow {
  id: string;
  campaign_id: string;
  /** `talking_points`, `letter` or `call_script`. */
  kind: string;
  /** A target group the message is for (core/campaigns/targets.ts), or null for everyone. */
  target_group: string | null;
  title: string;
  body: string;
  /** The gap a talking-points draft came from. */
  indicator_id: string | null;
  organization_id: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** The campaign tables, merged into the store's Database type. */
export interface CampaignTables {
  campaigns: CampaignRow;
  campaign_partners: CampaignPartnerRow;
  campaign_gaps: CampaignGapRow;
  campaign_bills: CampaignBillRow;
  campaign_milestones: CampaignMilestoneRow;
  campaign_custom_targets: CampaignCustomTargetRow;
  campaign_positions: CampaignPositionRow;
  campaign_interactions: CampaignInteractionRow;
  campaign_facts: CampaignFactRow;
  campaign_messages: CampaignMessageRow;
}
