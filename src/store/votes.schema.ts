/** Row types of the vote tables (migration 20261129110000-votes), as stored; mapped in votes.repo.ts. */

export interface VoteRow {
  id: string;
  source: string;
  source_id: string;
  bill_id: string;
  motion_text: string;
  classification_json: string;
  result: string;
  chamber: string | null;
  start_date: string;
  counts_json: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface VoteMemberRow {
  vote_id: string;
  position: number;
  option: string;
  voter_name: string | null;
  voter_ref: string | null;
  person_id: string | null;
}

/** The vote tables, merged into the store's Database type. */
export interface VoteTables {
  votes: VoteRow;
  vote_members: VoteMemberRow;
}
