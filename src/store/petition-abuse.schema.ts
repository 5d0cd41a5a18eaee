/** Row types of the petition abuse tables (migration 20261129285000-petition-abuse), as stored. */

/** A proof-of-work challenge already used (its HMAC signature), kept until it expires. */
export interface PetitionUsedChallengeRow {
  signature: string;
  expires_at: string;
}

/** A bulk invalidation of a petition's signatures by the moderation view (reversible). */
export interface PetitionInvalidationRow {
  id: string;
  petition_id: string;
  /** `domain` (of the address) or `ip` (the keyed hash of the client address). */
  kind: string;
  value: string;
  /** First and last hour covered, `YYYY-MM-DDTHH` (UTC). */
  from_hour: string;
  to_hour: string;
  /** How many signatures it invalidated. */
  affected: number;
  created_by: string;
  created_at: string;
  restored_at: string | null;
}

/** The abuse tables, merged into the store's Database type. */
export interface PetitionAbuseTables {
  petition_used_challenges: PetitionUsedChallengeRow;
  petition_invalidations: PetitionInvalidationRow;
}
