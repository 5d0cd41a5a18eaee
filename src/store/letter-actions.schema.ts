/** Row types of the letter and call action tables (migration 20261129260000-letter-actions), as stored. */

export interface LetterActionRow {
  id: string;
  campaign_id: string;
  organization_id: string;
  /** `letter` or `call`. */
  kind: string;
  slug: string;
  title: string;
  /** The campaign message (kind letter or call_script) the action uses. */
  message_id: string;
  jurisdiction_id: string;
  sender_name: string | null;
  sender_email: string | null;
  hourly_per_recipient: number;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface LetterRow {
  id: string;
  action_id: string;
  idempotency_key: string;
  email_ciphertext: string | null;
  email_hash: string;
  name_ciphertext: string | null;
  text_ciphertext: string | null;
  target_ids_json: string;
  locale: string;
  status: string;
  consent_version: string;
  consent_channel: string;
  consent_given_at: string;
  consent_withdrawn_at: string | null;
  confirm_token_hash: string | null;
  unsubscribe_token_hash: string;
  created_at: string;
  confirmed_at: string | null;
  /** The campaign partner the letter came through (an embed's `?partner=`), null when none. */
  partner_org_id?: string | null;
}

export interface LetterDeliveryRow {
  id: string;
  letter_id: string;
  action_id: string;
  person_id: string;
  channel: string;
  /** `queued` or `no-address`; whether a queued one went is read from its outbox row. */
  status: string;
  outbox_id: string | null;
  scheduled_at: string;
  created_at: string;
}

export interface CallReportRow {
  id: string;
  action_id: string;
  person_id: string;
  outcome: string;
  created_at: string;
  /** The campaign partner the report came through (an embed's `?partner=`), null when none. */
  partner_org_id?: string | null;
}

export interface LetterActionTables {
  letter_actions: LetterActionRow;
  letters: LetterRow;
  letter_deliveries: LetterDeliveryRow;
  call_reports: CallReportRow;
}
