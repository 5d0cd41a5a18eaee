/**
 * People and committees, modelled on Open States (people repo YAML and scrape JSON): a person keyed by OCD
 * person id with roles, party history, offices and links; a committee keyed by OCD organization id with its
 * parent chamber and memberships. Pure types and small helpers only.
 */

/** One seat held: chamber (or executive role type), district, jurisdiction and dates. */
export interface PersonRole {
  type: string;
  district: string | null;
  /** OCD division of the jurisdiction (lawgap's jurisdiction id), or null when the source does not say. */
  jurisdictionId: string | null;
  startDate: string | null;
  endDate: string | null;
  endReason: string | null;
}

/** One party affiliation over time. */
export interface PartyAffiliation {
  name: string;
  startDate: string | null;
  endDate: string | null;
}

/** An office: its classification (capitol, district, primary…) and how to reach it. */
export interface PersonOffice {
  classification: string;
  name: string | null;
  address: string | null;
  voice: string | null;
  fax: string | null;
  email: string | null;
}

/** A link or source. */
export interface PersonLink {
  url: string;
  note: string | null;
}

/** A person as read from a file (before storage). */
export interface PersonRecord {
  /** `ocd-person/<uuid>`. */
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  image: string | null;
  /** The person's main jurisdiction (first role's, or the importer's option). */
  jurisdictionId: string | null;
  roles: PersonRole[];
  party: PartyAffiliation[];
  offices: PersonOffice[];
  links: PersonLink[];
  sources: PersonLink[];
  otherNames: string[];
}

/** A stored person. */
export interface Person extends PersonRecord {
  createdAt: string;
  updatedAt: string;
}

/** A committee member (by OCD person id when the source gives one). */
export interface CommitteeMembership {
  personId: string | null;
  name: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
}

/** A committee (or other organization) as read from a file. */
export interface CommitteeRecord {
  /** `ocd-organization/<uuid>`. */
  id: string;
  name: string;
  classification: string;
  jurisdictionId: string | null;
  /** The parent chamber: `upper`, `lower`, `legislature`, or an OCD organization id. */
  parent: string | null;
  links: PersonLink[];
  sources: PersonLink[];
  members: CommitteeMembership[];
}

/** A stored committee. */
export interface Committee extends CommitteeRecord {
  createdAt: string;
  updatedAt: string;
}

/** The OCD person id for a scrape `_id` (a bare UUID) or an id that already has the prefix. */
export function ocdPersonId(id: string): string {
  return id.startsWith('ocd-person/') ? id : `ocd-person/${id}`;
}

/** The OCD organization id for a scrape `_id` or an id that already has the prefix. */
export function ocdOrganizationId(id: string): string {
  return id.startsWith('ocd-organization/') ? id : `ocd-organization/${id}`;
}

/** The current party: the affiliation without an end date, else the latest. */
export function currentParty(party: PartyAffiliation[]): string | null {
  const open = party.filter((p) => p.endDate === null);
  return (open.at(-1) ?? party.at(-1))?.name ?? null;
}
