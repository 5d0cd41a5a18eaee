/** Row types of the people and committee tables (migration 20261129100000-people), as stored; mapped in people.repo.ts. */

export interface PersonRow {
  id: string;
  name: string;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  image: string | null;
  jurisdiction_id: string | null;
  party: string | null;
  party_json: string;
  offices_json: string;
  links_json: string;
  sources_json: string;
  other_names_json: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface PersonRoleRow {
  person_id: string;
  position: number;
  type: string;
  district: string | null;
  jurisdiction_id: string | null;
  start_date: string | null;
  end_date: string | null;
  end_reason: string | null;
}

export interface CommitteeRow {
  id: string;
  name: string;
  classification: string;
  jurisdiction_id: string | null;
  parent: string | null;
  links_json: string;
  sources_json: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface CommitteeMembershipRow {
  committee_id: string;
  position: number;
  person_id: string | null;
  name: string;
  role: string;
  start_date: string | null;
  end_date: string | null;
}

/** The people tables, merged into the Database interface in schema.ts. */
export interface PeopleTables {
  people: PersonRow;
  person_roles: PersonRoleRow;
  committees: CommitteeRow;
  committee_memberships: CommitteeMembershipRow;
}
