/** Row types of the alert tables (migration 20261129130000-alerts), as stored; mapped in the alert repos. */

export interface ChangeEventRow {
  /** UUID v7 (sortable); also the Standard Webhooks `webhook-id`, stable across retries. */
  id: string;
  /** One of core/alerts/types.ts `changeEventTypes`. */
  type: string;
  jurisdiction_id: string | null;
  bill_id: string | null;
  /** `bill`, `vote` or `hearing`: what the event is about. */
  subject_kind: string;
  subject_id: string;
  payload_json: string;
  /** 0 until the event has been fanned out to webhook deliveries and email queues (one transaction). */
  fanned_out: number;
  created_at: string;
}

/** One thing an event concerns, for matching follows: (bill, id), (jurisdiction, id), (person, id), … */
export interface ChangeEventTargetRow {
  event_id: string;
  target_kind: string;
  target_id: string;
}

export interface FollowRow {
  id: string;
  user_id: string;
  target_kind: string;
  target_id: string;
  /** `none`, `immediate` or `daily`. */
  email_frequency: string;
  created_at: string;
}

/** Up to which event id (UUID v7) a user has seen the feed. */
export interface FeedPositionRow {
  user_id: string;
  seen_until: string;
  updated_at: string;
}

export interface WebhookEndpointRow {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  /** The signing secret, encrypted at rest (never returned after creation). */
  secret_ciphertext: string;
  /** Event types this endpoint receives; `[]` means all. */
  event_types_json: string;
  /** Only events of this jurisdiction, when set. */
  jurisdiction_id: string | null;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  /** `pending` (due at next_attempt_at), `delivered`, or `dead` (retries exhausted; redeliverable). */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptRow {
  id: string;
  delivery_id: string;
  attempt: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
}

/** The alert tables, merged into the store's Database type. */
export interface AlertTables {
  change_events: ChangeEventRow;
  change_event_targets: ChangeEventTargetRow;
  follows: FollowRow;
  feed_positions: FeedPositionRow;
  webhook_endpoints: WebhookEndpointRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_attempts: WebhookAttemptRow;
}
