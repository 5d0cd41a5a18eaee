/**
 * Webhook endpoints, deliveries and the attempt log. A delivery is unique per (endpoint, event), so fan-out
 * inserts with "on conflict do nothing" and can run again safely. Sending claims a due delivery by moving its
 * `next_attempt_at` forward first (a lease), so two dispatchers rarely send the same delivery at once; when
 * they do, receivers dedupe on the event id.
 */
import type { Kysely } from 'kysely';
import type { ChangeEventType } from '../core/alerts/types.ts';
import type {
  DeliveryStatus,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
} from '../core/alerts/webhooks.ts';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './alerts.schema.ts';
import type { Database } from './schema.ts';
import { fromJson, newId } from './util.ts';

function endpoint(r: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    organizationId: r.organization_id,
    url: r.url,
    description: r.description,
    eventTypes: fromJson<ChangeEventType[]>(r.event_types_json),
    jurisdictionId: r.jurisdiction_id,
    active: Number(r.active) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Stores a new endpoint with its encrypted secret; returns it. */
export async function insertEndpoint(
  db: Kysely<Database>,
  e: Omit<WebhookEndpoint, 'id' | 'createdAt' | 'updatedAt'> & { secretCiphertext: string },
  now: string,
): Promise<WebhookEndpoint> {
  const row: WebhookEndpointRow = {
    id: newId(),
    organization_id: e.organizationId,
    url: e.url,
    description: e.description,
    secret_ciphertext: e.secretCiphertext,
    event_types_json: JSON.stringify(e.eventTypes),
    jurisdiction_id: e.jurisdictionId,
    active: e.active ? 1 : 0,
    created_by: e.createdBy,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('webhook_endpoints').values(row).execute();
  return endpoint(row);
}

/** An organization's endpoints (all when `organizationId` is null), oldest first. */
export async function listEndpoints(
  db: Kysely<Database>,
  organizationId: string | null,
): Promise<WebhookEndpoint[]> {
  let q = db.selectFrom('webhook_endpoints').selectAll();
  if (organizationId !== null) q = q.where('organization_id', '=', organizationId);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(endpoint);
}

/** One endpoint with its encrypted secret; undefined when none. */
export async function getEndpoint(
  db: Kysely<Database>,
  id: string,
): Promise<(WebhookEndpoint & { secretCiphertext: string }) | undefined> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...endpoint(row), secretCiphertext: row.secret_ciphertext } : undefined;
}

/** Changes an endpoint's settings. */
export async function updateEndpoint(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes' | 'jurisdictionId' | 'active'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.eventTypes !== undefined ? { event_types_json: JSON.stringify(patch.eventTypes) } : {}),
      ...(patch.jurisdictionId !== undefined ? { jurisdiction_id: patch.jurisdictionId } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Deletes an endpoint with its deliveries and their attempts. */
export async function deleteEndpoint(db: Kysely<Database>, id: string): Promise<void> {
  const deliveries = db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', id);
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

/** Inserts pending deliveries due now, skipping (endpoint, event) pairs that exist; returns how many were new. */
export async function insertDeliveries(
  db: Kysely<Database>,
  pairs: { endpointId: string; eventId: string }[],
  now: string,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < pairs.length; i += 200) {
    const r = await db
      .insertInto('webhook_deliveries')
      .values(
        pairs.slice(i, i + 200).map((p) => ({
          id: newId(),
          endpoint_id: p.endpointId,
          event_id: p.eventId,
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_status_code: null,
          last_error: null,
          delivered_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

type DeliveryJoin = WebhookDeliveryRow & { event_type: string };

function delivery(r: DeliveryJoin): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type as ChangeEventType,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function deliveries(db: Kysely<Database>) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('change_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.type as event_type');
}

/** Pending deliveries due at `now`, oldest first. */
export async function dueDeliveries(
  db: Kysely<Database>,
  now: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await deliveries(db)
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map(delivery);
}

/** Claims a due delivery by moving its next attempt to `leaseUntil`; false when another dispatcher did. */
export async function claimDelivery(
  db: Kysely<Database>,
  d: WebhookDelivery,
  leaseUntil: string,
): Promise<boolean> {
  if (d.nextAttemptAt === null) return false;
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', d.nextAttemptAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A endpoint's deliveries, newest first. */
export async function listDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  limit = 100,
): Promise<WebhookDelivery[]> {
  const rows = await deliveries(db)
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.event_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(delivery);
}

/** One delivery; undefined when none. */
export async function getDelivery(db: Kysely<Database>, id: string): Promise<WebhookDelivery | undefined> {
  const row = await deliveries(db).where('d.id', '=', id).executeTakeFirst();
  return row ? delivery(row) : undefined;
}

/** Records the outcome of one attempt on the delivery and logs it. */
export async function recordAttempt(
  db: Kysely<Database>,
  a: Omit<WebhookAttempt, 'id'>,
  outcome: { status: DeliveryStatus; nextAttemptAt: string | null; deliveredAt: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      id: newId(),
      delivery_id: a.deliveryId,
      attempt: a.attempt,
      started_at: a.startedAt,
      duration_ms: a.durationMs,
      status_code: a.statusCode,
      error: a.error,
      response_excerpt: a.responseExcerpt,
    })
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: a.attempt,
      next_attempt_at: outcome.nextAttemptAt,
      last_status_code: a.statusCode,
      last_error: a.error,
      delivered_at: outcome.deliveredAt,
      updated_at: outcome.now,
    })
    .where('id', '=', a.deliveryId)
    .execute();
}

/** Makes a delivery pending and due now again (a redelivery); attempts keep counting. */
export async function requeueDelivery(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The attempts of a delivery, in order. */
export async function listAttempts(db: Kysely<Database>, deliveryId: string): Promise<WebhookAttempt[]> {
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt')
    .orderBy('started_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    deliveryId: r.delivery_id,
    attempt: Number(r.attempt),
    startedAt: r.started_at,
    durationMs: Number(r.duration_ms),
    statusCode: r.status_code === null ? null : Number(r.status_code),
    error: r.error,
    responseExcerpt: r.response_excerpt,
  }));
}
