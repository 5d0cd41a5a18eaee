/** Row types of the petition tables and the mail outbox (migration 20261129240000-petitions), as stored. */

export interface PetitionRow {
  id: string;
  campaign_id: string;
  /** The organisation that created the petition. */
  organization_id: string;
  slug: string;
  title: string;
  text: string;
  target_description: string;
  goal: number;
  /** `draft`, `open` or `closed`. */
  status: string;
  sender_name: string;
  sender_email: string;
  partner_name: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

export interface PetitionSignatureRow {
  id: string;
  petition_id: string;
  idempotency_key: string;
  /** The address as typed (trimmed, lower-cased), encrypted; null once purged. */
  email_ciphertext: string | null;
  /** HMAC of the canonical address (core/petitions/canonical-email.ts), hex. */
  email_hash: string;
  name_ciphertext: string | null;
  postcode_ciphertext: string | null;
  country: string | null;
  locale: string;
  /** `pending` or `validated`. */
  status: string;
  /** 1 when this is the one counted signature of the person for the petition, else 0. */
  counted: number;
  confirm_token_hash: string | null;
  unsubscribe_token_hash: string;
  created_at: string;
  confirmed_at: string | null;
  /** HMAC of the client address (never the address); null for rows older than the abuse controls. */
  ip_hash?: string | null;
  /** The domain of the canonical address, for the moderation view's trends. */
  email_domain?: string | null;
  /** Why it never counts: `ip_limit`, `petition_limit`, `unsolved_limit`; null when it may count. */
  marked?: string | null;
  /** `solved` (proof-of-work) or `none` (no JavaScript). */
  challenge?: string | null;
  /** The moderation invalidation it is under (not counted while set). */
  invalidation_id?: string | null;
  /** The address hash while pending (one pending signature per person and petition), else null. */
  pending_person?: string | null;
  /** The campaign partner the signature came through (an embed's `?partner=`), null when none. */
  partner_org_id?: string | null;
}

export interface PetitionConsentRow {
  signature_id: string;
  /** `campaign`, `updates` or `partner`. */
  purpose: string;
  wording_version: string;
  wording_locale: string;
  /** Where the consent was given (`web`). */
  channel: string;
  partner_name: string | null;
  given_at: string;
  withdrawn_at: string | null;
}

export interface PetitionCountRow {
  petition_id: string;
  counted: number;
  pending: number;
  validated: number;
  refreshed_at: string;
}

export interface MailOutboxRow {
  id: string;
  /** The Message-ID header every delivery attempt carries (so a repeat is recognisable). */
  message_id: string;
  /** What the message is (`petition.confirm`). */
  kind: string;
  /** The row the message is about (a signature id), for erasure. */
  subject_id: string;
  /** The message (from, to, subject, text, headers) as encrypted JSON; null once sent. */
  payload_ciphertext: string | null;
  attempts: number;
  next_attempt_at: string;
  /** A sender holds the row until this time; another may take it after. */
  lease_until: string | null;
  /** The last failure's code (never the message, which may quote the address). */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The petition tables, merged into the store's Database type. */
export interface PetitionTables {
  petitions: PetitionRow;
  petition_signatures: PetitionSignatureRow;
  petition_consents: PetitionConsentRow;
  petition_counts: PetitionCountRow;
  mail_outbox: MailOutboxRow;
}
