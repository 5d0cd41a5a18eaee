/** Row types of the supporter consent and data-rights tables (migration 20261129300000-supporter-data), as stored. */
import type { PetitionConsentRow } from './petitions.schema.ts';

/** A consent given with a letter: the same record as a petition signature's. */
export type LetterConsentRow = Omit<PetitionConsentRow, 'signature_id'> & { letter_id: string };

/** A mailed self-service data link: only the token's SHA-256 is kept; erasing deletes every link of the address. */
export interface SupporterDataLinkRow {
  token_hash: string;
  /** The address the link was asked for, encrypted with the field key. */
  email_ciphertext: string;
  /** Keyed hash of the canonical address (rate limit, and voiding every link of an erased address). */
  email_hash: string;
  locale: string;
  created_at: string;
  expires_at: string;
}

/** An erased address that non-transactional mail must skip: a keyed hash only. */
export interface DoNotContactRow {
  email_hash: string;
  created_at: string;
}

/** The tables, merged into the store's Database type. */
export interface SupporterDataTables {
  letter_consents: LetterConsentRow;
  supporter_data_links: SupporterDataLinkRow;
  do_not_contact: DoNotContactRow;
}
