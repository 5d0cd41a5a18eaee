/** Row types of the email alert tables (migration 20261129140000-email-alerts), as stored. */

/** A public (account-free) email subscription to one target, confirmed by a mailed link. */
export interface EmailSubscriptionRow {
  id: string;
  /** The address, encrypted with the field key (services/field-crypto.ts); '' once unsubscribed. */
  email_ciphertext: string;
  /** HMAC-SHA-256 of the normalised address under a key derived from the field key: look-up and de-duplication. */
  email_hash: string;
  /** A follow target kind (core/alerts/types.ts). */
  target_kind: string;
  target_id: string;
  /** `immediate` or `daily`. */
  frequency: string;
  /** `pending` (mailed, not confirmed), `active` or `unsubscribed`. */
  status: string;
  /** SHA-256 of the confirmation token; null once confirmed. */
  confirm_token_hash: string | null;
  /** SHA-256 of the unsubscribe token (the List-Unsubscribe link). */
  unsubscribe_token_hash: string;
  /** `en`, `es` or `fr`: the language of the pages and mail. */
  locale: string;
  /** Which consent wording the person agreed to. */
  consent_version: string;
  /** When the last confirmation mail went out (a new request within the cooldown sends none). */
  confirmation_sent_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** One mail sent to one recipient, covering the queue rows that name it. */
export interface EmailDigestRow {
  id: string;
  /** `user` (follows of a user, grouped) or `subscription`. */
  recipient_kind: string;
  recipient_id: string;
  /** `immediate` or `daily`. */
  frequency: string;
  event_count: number;
  sent_at: string;
}

/** An event waiting to be mailed to one recipient (a follow or a subscription). */
export interface EmailQueueRow {
  /** `follow` or `subscription`. */
  recipient_kind: string;
  recipient_id: string;
  event_id: string;
  created_at: string;
  /** Set once the SMTP server accepted the mail that carried it. */
  sent_at: string | null;
  digest_id: string | null;
}

/** The email alert tables, merged into the store's Database type. */
export interface EmailAlertTables {
  email_subscriptions: EmailSubscriptionRow;
  email_digests: EmailDigestRow;
  email_queue: EmailQueueRow;
}
