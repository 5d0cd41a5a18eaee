/**
 * Email fan-out: called by the alert dispatcher inside its fan-out transaction, so an event is queued for mail
 * exactly when it is marked fanned out. Each event is queued for every follow that wants mail (email frequency
 * other than `none`) and every active public subscription whose target is one of the event's targets. Queue
 * rows are unique per (recipient, event), so a retried fan-out adds nothing twice.
 */
import type { Kysely } from 'kysely';
import type { ChangeEvent } from '../core/alerts/types.ts';
import { emailFollowsOf, enqueueEmails, type QueueEntry } from '../store/email-queue.repo.ts';
import { activeSubscriptionsOf } from '../store/email-subscriptions.repo.ts';
import type { Database } from '../store/schema.ts';
import { nowIso } from '../store/util.ts';

/** Queues mail for the events; returns how many (recipient, event) pairs matched. */
export async function fanOutEmails(
  trx: Kysely<Database>,
  events: readonly ChangeEvent[],
  now: string = nowIso(),
): Promise<number> {
  const targets = events.flatMap((e) => e.targets);
  if (targets.length === 0) return 0;
  // One after the other: a transaction holds one connection.
  const follows = await emailFollowsOf(trx, targets);
  const subscriptions = await activeSubscriptionsOf(trx, targets);
  if (follows.length === 0 && subscriptions.length === 0) return 0;
  const entries = new Map<string, QueueEntry>();
  for (const event of events) {
    const keys = new Set(event.targets.map((t) => `${t.kind} ${t.id}`));
    for (const f of follows) {
      if (!keys.has(`${f.kind} ${f.targetId}`)) continue;
      entries.set(`follow ${f.id} ${event.id}`, {
        recipientKind: 'follow',
        recipientId: f.id,
        eventId: event.id,
      });
    }
    for (const s of subscriptions) {
      if (!keys.has(`${s.targetKind} ${s.targetId}`)) continue;
      entries.set(`subscription ${s.id} ${event.id}`, {
        recipientKind: 'subscription',
        recipientId: s.id,
        eventId: event.id,
      });
    }
  }
  await enqueueEmails(trx, [...entries.values()], now);
  return entries.size;
}
