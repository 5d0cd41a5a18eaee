/**
 * Treaty parties: each jurisdiction's standing under a treaty document of the law library, as recorded by
 * analysts from a cited source. Policy: one record per treaty and jurisdiction, whose status moves on (a
 * signature later becomes a ratification) by updates kept in history. A jurisdiction is a *party* on a date
 * when it has consented to be bound (ratification, accession, succession, acceptance or approval) and the
 * treaty has entered into force for it on or before that date; a signature alone never binds, and a consent
 * without a known entry-into-force date is not counted as in force.
 */

/** How a jurisdiction expressed its standing: a signature, or one of the ways of consenting to be bound. */
export const partyActions = [
  'signature',
  'ratification',
  'accession',
  'succession',
  'acceptance',
  'approval',
] as const;
/** One of `partyActions`. */
export type PartyAction = (typeof partyActions)[number];

/** The standing of a record on a date: bound and in force, consented but not yet in force, signed only, or none yet. */
export type PartyStanding = 'party' | 'consented' | 'signatory' | 'none';

/** Limits on a record's free text. */
export const treatyPartyLimits = { sourceChars: 500, noteChars: 2_000 } as const;

/**
 * The international jurisdiction where treaty documents are filed. OCD has no division above countries, but it
 * keys supranational divisions at the country level (`ocd-division/country:eu`); ISO 3166-1 keeps XA–XZ as
 * user-assigned codes that will never name a country, so `xz` stays well formed for every OCD check and never
 * collides with a real state. Its level is `international`, which keeps it out of country lists, maps and ranks.
 */
export const internationalJurisdictionId = 'ocd-division/country:xz';

/** What an analyst records (or changes): the action, its dates, the source relied on and an optional note. */
export interface TreatyPartyInput {
  action: PartyAction;
  /** `YYYY-MM-DD`; required for a signature, absent for an accession. */
  signedOn: string | null;
  /** `YYYY-MM-DD` of the consent to be bound (deposit of the instrument); required unless a signature. */
  consentedOn: string | null;
  /** `YYYY-MM-DD` when the treaty entered into force for this jurisdiction; null while unknown or not yet. */
  inForceOn: string | null;
  /** Reservations, declarations or objections, in the analyst's words. */
  note: string | null;
  /** Where the facts come from: an http(s) URL or a bibliographic citation. Required. */
  source: string;
}

/** A stored record of one jurisdiction's standing under one treaty document. */
export interface TreatyParty extends TreatyPartyInput {
  id: string;
  /** The law document (of type `treaty`). */
  treatyId: string;
  jurisdictionId: string;
  /** Who last recorded it (`user:<id>`, `token:<id>`, `system:cli`). */
  recordedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A record with its standing on the date asked about. */
export interface TreatyPartyStatus extends TreatyParty {
  standing: PartyStanding;
}

/** A record with the treaty's title and citation, for listings by jurisdiction. */
export interface JurisdictionTreaty extends TreatyPartyStatus {
  treatyTitle: string;
  treatyCitation: string;
}

/** The record's fields as kept in history (before and after each change). */
export type TreatyPartySnapshot = TreatyPartyInput & { jurisdictionId: string; treatyId: string };

/** One change to a record: who, when, and the record before and after (before is null on create). */
export interface TreatyPartyHistoryEntry {
  id: string;
  partyId: string;
  at: string;
  actor: string;
  action: 'create' | 'update';
  before: TreatyPartySnapshot | null;
  after: TreatyPartySnapshot;
}

/** True when the value names a party action. */
export function isPartyAction(value: string): value is PartyAction {
  return (partyActions as readonly string[]).includes(value);
}

/** The fields of a record kept in history. */
export function treatyPartySnapshot(p: TreatyParty): TreatyPartySnapshot {
  return {
    treatyId: p.treatyId,
    jurisdictionId: p.jurisdictionId,
    action: p.action,
    signedOn: p.signedOn,
    consentedOn: p.consentedOn,
    inForceOn: p.inForceOn,
    note: p.note,
    source: p.source,
  };
}
