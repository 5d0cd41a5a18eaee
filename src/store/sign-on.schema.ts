/** Row types of the sign-on letter tables (migration 20261129190000-sign-on-letters), as stored; mapped in sign-on.repo.ts. */

export interface SignOnLetterRow {
  id: string;
  campaign_id: string;
  /** The organisation that wrote the letter (the campaign's owner or an editor partner). */
  organization_id: string;
  title: string;
  body: string;
  /** `draft`, `open` or `closed`. */
  status: string;
  /** SHA-256 (hex) of the invite token; the token itself is never stored. */
  invite_token_hash: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SignOnSignatureRow {
  id: string;
  letter_id: string;
  organization_name: string;
  /** The name case-folded, for the one-active-signature-per-organisation rule. */
  organization_key: string;
  signer_name: string;
  signer_title: string | null;
  /** The contact address, encrypted with the sign-on key. */
  email_ciphertext: string;
  logo: Buffer | Uint8Array | null;
  /** `image/png` or `image/jpeg`. */
  logo_type: string | null;
  website: string | null;
  /** `pending`, `approved` or `rejected`. */
  status: string;
  moderated_by: string | null;
  moderated_at: string | null;
  created_at: string;
}

/** The sign-on tables, merged into the store's Database type. */
export interface SignOnTables {
  sign_on_letters: SignOnLetterRow;
  sign_on_signatures: SignOnSignatureRow;
}
