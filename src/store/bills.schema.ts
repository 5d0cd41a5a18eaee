/** Row types of the bill tables (migration 20261129090000-bills), as stored; mapped in bills.repo.ts. */

export interface LegislativeSessionRow {
  id: string;
  jurisdiction_id: string;
  identifier: string;
  name: string;
  classification: string | null;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
}

export interface BillRow {
  id: string;
  ocd_id: string | null;
  source: string;
  source_id: string | null;
  change_hash: string | null;
  content_hash: string;
  jurisdiction_id: string;
  session_id: string;
  session_identifier: string;
  identifier: string;
  title: string;
  from_organization: string | null;
  classification_json: string;
  subjects_json: string;
  abstracts_json: string;
  sources_json: string;
  stage: string;
  latest_action: string | null;
  latest_action_date: string | null;
  flagged_actions: number;
  created_at: string;
  updated_at: string;
}

interface ChildRow {
  bill_id: string;
  position: number;
}

export interface BillSponsorshipRow extends ChildRow {
  name: string;
  is_primary: number;
  classification: string;
  entity_type: string;
  person_id: string | null;
  organization_id: string | null;
}

export interface BillActionRow extends ChildRow {
  date: string;
  description: string;
  organization: string | null;
  chamber: string | null;
  classification_json: string;
  unknown_classification_json: string;
  flagged: number;
}

export interface BillDocumentRow extends ChildRow {
  note: string;
  date: string | null;
  classification: string | null;
  links_json: string;
  text: string | null;
}

export interface BillRelatedRow extends ChildRow {
  identifier: string;
  legislative_session: string | null;
  relation_type: string;
}

export interface BillCitationRow extends ChildRow {
  publication: string;
  citation: string;
  citation_type: string;
  effective: string | null;
  expires: string | null;
  url: string | null;
}

/** The bill tables, merged into the store's Database type. */
export interface BillTables {
  legislative_sessions: LegislativeSessionRow;
  bills: BillRow;
  bill_sponsorships: BillSponsorshipRow;
  bill_actions: BillActionRow;
  bill_versions: BillDocumentRow;
  bill_documents: BillDocumentRow;
  bill_related_bills: BillRelatedRow;
  bill_citations: BillCitationRow;
}
