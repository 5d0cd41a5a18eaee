/**
 * The alert dispatcher: turns the outbox (change events written by imports) into webhook deliveries and mail
 * queue rows, and sends due deliveries. Policy:
 * - fan-out runs in one transaction per batch of events: deliveries for every active endpoint that wants the
 *   event (type and jurisdiction filters; endpoints created after the event do not get it), the email fan-out
 *   hook (services/email-fan-out.ts), then `fanned_out = 1`. A crash before commit leaves the events pending,
 *   and a retry adds nothing twice (deliveries are unique per endpoint and event);
 * - sending is at-least-once: an attempt is logged after the request, so a crash in between resends; every
 *   send carries the event id as `webhook-id`, stable across retries, for receivers to dedupe on;
 * - failures retry after 30 s, 2 min, 10 min, 1 h and 6 h (core/alerts/standard-webhooks.ts), then the delivery
 *   is dead until redelivered by hand.
 */

import type { Kysely } from 'kysely';
import { nextAttemptAt, webhookBody } from '../core/alerts/standard-webhooks.ts';
import type { WebhookDelivery } from '../core/alerts/webhooks.ts';
import { endpointWants } from '../core/alerts/webhooks.ts';
import { getChangeEvent, markFannedOut, pendingFanOut } from '../store/alerts.repo.ts';
import type { Database } from '../store/schema.ts';
import { nowIso } from '../store/util.ts';
import {
  claimDelivery,
  dueDeliveries,
  getDelivery,
  getEndpoint,
  insertDeliveries,
  listEndpoints,
  recordAttempt,
} from '../store/webhooks.repo.ts';
import { startLoop } from './background-loop.ts';
import { fanOutEmails } from './email-fan-out.ts';
import { decryptField, type FieldKey } from './field-crypto.ts';
import { type FetchLike, sendWebhook } from './webhook-send.ts';

/** What the dispatcher needs: the database, the key of the stored secrets and the private-host policy. */
export interface DispatchContext {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  allowPrivateHosts: boolean;
}

/** Options of a sending run; tests pass their own clock. */
export interface DeliverOptions {
  fetch?: FetchLike;
  now?: () => Date;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Deliveries per run (default 100). */
  limit?: number;
}

/** Fans out every pending event (in batches, one transaction each); returns counts. */
export async function fanOut(
  ctx: Pick<DispatchContext, 'db'>,
  now: () => Date = () => new Date(),
): Promise<{ events: number; deliveries: number; emails: number }> {
  const total = { events: 0, deliveries: 0, emails: 0 };
  for (;;) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      const events = await pendingFanOut(trx, 200);
      if (events.length === 0) return false;
      const endpoints = (await listEndpoints(trx, null)).filter((e) => e.active);
      const pairs = events.flatMap((event) =>
        endpoints
          .filter((e) => endpointWants(e, event))
          .map((e) => ({ endpointId: e.id, eventId: event.id })),
      );
      const stamp = nowIso(now);
      total.deliveries += await insertDeliveries(trx, pairs, stamp);
      total.emails += await fanOutEmails(trx, events, stamp);
      await markFannedOut(
        trx,
        events.map((e) => e.id),
      );
      total.events += events.length;
      return true;
    });
    if (!done) return total;
  }
}

/** What one send did to a delivery. */
export type DeliveryResult = 'delivered' | 'retrying' | 'dead' | 'skipped';

/** Sends one delivery now and records the attempt; returns what became of it. */
export async function deliverOne(
  ctx: DispatchContext,
  delivery: WebhookDelivery,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const now = options.now ?? (() => new Date());
  const endpoint = await getEndpoint(ctx.db, delivery.endpointId);
  const event = await getChangeEvent(ctx.db, delivery.eventId);
  if (!endpoint || !event) return 'skipped';
  const startedMs = now().getTime();
  let secret: string | null = null;
  try {
    secret = decryptField(ctx.fieldKey, endpoint.secretCiphertext);
  } catch {
    // A changed key fails this endpoint's deliveries (logged, retried), not the whole run.
  }
  const outcome =
    secret === null
      ? {
          ok: false,
          statusCode: null,
          error: 'the signing secret cannot be decrypted with the configured key',
          responseExcerpt: null,
          durationMs: 0,
        }
      : await sendWebhook({
          url: endpoint.url,
          secret,
          id: event.id,
          body: webhookBody(event),
          nowMs: startedMs,
          fetch: options.fetch ?? fetch,
          timeoutMs: options.timeoutMs ?? 10_000,
          allowPrivateHosts: ctx.allowPrivateHosts,
        });
  const attempt = delivery.attempts + 1;
  const endedMs = now().getTime();
  const next = outcome.ok ? null : nextAttemptAt(attempt, endedMs);
  const status = outcome.ok ? 'delivered' : next === null ? 'dead' : 'pending';
  await recordAttempt(
    ctx.db,
    {
      deliveryId: delivery.id,
      attempt,
      startedAt: new Date(startedMs).toISOString(),
      durationMs: outcome.durationMs,
      statusCode: outcome.statusCode,
      error: outcome.error,
      responseExcerpt: outcome.responseExcerpt,
    },
    {
      status,
      nextAttemptAt: next,
      deliveredAt: outcome.ok ? new Date(endedMs).toISOString() : null,
      now: new Date(endedMs).toISOString(),
    },
  );
  return status === 'pending' ? 'retrying' : status;
}

/** Sends the deliveries due now (claimed first, so two dispatchers rarely send one twice); returns counts. */
export async function deliverDue(
  ctx: DispatchContext,
  options: DeliverOptions = {},
): Promise<Record<DeliveryResult, number>> {
  const now = options.now ?? (() => new Date());
  const counts: Record<DeliveryResult, number> = { delivered: 0, retrying: 0, dead: 0, skipped: 0 };
  const due = await dueDeliveries(ctx.db, nowIso(now), options.limit ?? 100);
  const leaseMs = (options.timeoutMs ?? 10_000) + 60_000;
  for (const d of due) {
    if (!(await claimDelivery(ctx.db, d, new Date(now().getTime() + leaseMs).toISOString()))) continue;
    const claimed = await getDelivery(ctx.db, d.id);
    if (!claimed) continue;
    counts[await deliverOne(ctx, claimed, options)]++;
  }
  return counts;
}

/** Fans out pending events and sends due deliveries once (the CLI's `alerts deliver`, the server loop). */
export async function dispatchAlerts(ctx: DispatchContext, options: DeliverOptions = {}) {
  const fanned = await fanOut(ctx, options.now);
  const sent = await deliverDue(ctx, options);
  return { ...fanned, ...sent };
}

/**
 * Runs `dispatchAlerts` every `intervalMs` (never two runs at once) until the returned stop function is
 * called (an interval of 0 runs nothing); stop waits for a run in progress. Errors go to `onError` and the
 * loop goes on.
 */
export function startAlertLoop(
  ctx: DispatchContext,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => Promise<void> {
  return startLoop(() => dispatchAlerts(ctx), intervalMs, onError);
}
