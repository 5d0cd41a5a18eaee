/** Row types of the story table (migration 20261129180000-stories), as stored; mapped in stories.repo.ts. */

export interface CampaignStoryRow {
  id: string;
  campaign_id: string;
  /** The organisation that recorded the story and holds its consent. */
  organization_id: string;
  /** `draft`, `published`, `expired` or `withdrawn`. */
  status: string;
  pseudonym: string;
  /** The approved text, encrypted; null once withdrawn. */
  text_ciphertext: string | null;
  pending_pseudonym: string | null;
  /** An edit of a published story awaiting re-approval, encrypted. */
  pending_text_ciphertext: string | null;
  /** The person's identifiers (name, aliases, phones, emails, details) as encrypted JSON; null once withdrawn. */
  subject_ciphertext: string | null;
  consent_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
  approved_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** The story table, merged into the store's Database type. */
export interface StoryTables {
  campaign_stories: CampaignStoryRow;
}
