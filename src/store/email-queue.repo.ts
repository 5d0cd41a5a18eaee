/**
 * The email queue: one row per (recipient, event), written by fan-out and marked sent, with the digest that
 * carried it, once the SMTP server has accepted the mail. A recipient is a follow (grouped per user when
 * mailed) or a public subscription. The primary key makes enqueueing idempotent.
 */
import type { Kysely } from 'kysely';
import type { EmailFrequency, FollowTargetKind } from '../core/alerts/types.ts';
import type { Database } from './schema.ts';
import { fromJson, newId } from './util.ts';

export type QueueRecipientKind = 'follow' | 'subscription';
export type DigestRecipientKind = 'user' | 'subscription';

/** One queue entry to add. */
export interface QueueEntry {
  recipientKind: QueueRecipientKind;
  recipientId: string;
  eventId: string;
}

/** Adds queue rows; rows already there are left alone (fan-out may be retried). */
export async function enqueueEmails(db: Kysely<Database>, entries: QueueEntry[], now: string): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('email_queue')
      .values(
        entries.slice(i, i + 200).map((e) => ({
          recipient_kind: e.recipientKind,
          recipient_id: e.recipientId,
          event_id: e.eventId,
          created_at: now,
          sent_at: null,
          digest_id: null,
        })),
      )
      .onConflict((oc) => oc.columns(['recipient_kind', 'recipient_id', 'event_id']).doNothing())
      .execute();
  }
}

/** A follow that wants mail. */
export interface EmailFollow {
  id: string;
  userId: string;
  kind: FollowTargetKind;
  targetId: string;
  emailFrequency: EmailFrequency;
}

/** Follows with an email frequency other than `none` on any of the targets. */
export async function emailFollowsOf(
  db: Kysely<Database>,
  targets: { kind: string; id: string }[],
): Promise<EmailFollow[]> {
  const ids = [...new Set(targets.map((t) => t.id))];
  const wanted = new Set(targets.map((t) => `${t.kind} ${t.id}`));
  const found: EmailFollow[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db
      .selectFrom('follows')
      .select(['id', 'user_id', 'target_kind', 'target_id', 'email_frequency'])
      .where('email_frequency', '!=', 'none')
      .where('target_id', 'in', ids.slice(i, i + 200))
      .execute();
    for (const r of rows) {
      if (!wanted.has(`${r.target_kind} ${r.target_id}`)) continue;
      found.push({
        id: r.id,
        userId: r.user_id,
        kind: r.target_kind as FollowTargetKind,
        targetId: r.target_id,
        emailFrequency: r.email_frequency as EmailFrequency,
      });
    }
  }
  return found;
}

/**
 * Deletes unsent rows nobody should get any more: of follows removed or set to `none`, of disabled users, and
 * of subscriptions no longer active. Returns how many went.
 */
export async function dropUndeliverable(db: Kysely<Database>): Promise<number> {
  const follows = await db
    .deleteFrom('email_queue')
    .where('recipient_kind', '=', 'follow')
    .where('sent_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follows as f')
            .innerJoin('users as u', 'u.id', 'f.user_id')
            .select('f.id')
            .whereRef('f.id', '=', 'email_queue.recipient_id')
            .where('f.email_frequency', '!=', 'none')
            .where('u.disabled', '=', 0),
        ),
      ),
    )
    .executeTakeFirst();
  const subscriptions = await db
    .deleteFrom('email_queue')
    .where('recipient_kind', '=', 'subscription')
    .where('sent_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('email_subscriptions as s')
            .select('s.id')
            .whereRef('s.id', '=', 'email_queue.recipient_id')
            .where('s.status', '=', 'active'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(follows.numDeletedRows) + Number(subscriptions.numDeletedRows);
}

/** An unsent row of a follow, with the follow's user and current frequency. */
export interface UnsentFollowRow {
  followId: string;
  userId: string;
  frequency: EmailFrequency;
  eventId: string;
}

/** Unsent rows of follows (deliverable ones: run dropUndeliverable first), oldest event first. */
export async function unsentFollowRows(db: Kysely<Database>): Promise<UnsentFollowRow[]> {
  const rows = await db
    .selectFrom('email_queue as q')
    .innerJoin('follows as f', 'f.id', 'q.recipient_id')
    .select(['q.recipient_id', 'q.event_id', 'f.user_id', 'f.email_frequency'])
    .where('q.recipient_kind', '=', 'follow')
    .where('q.sent_at', 'is', null)
    .orderBy('q.event_id')
    .execute();
  return rows.map((r) => ({
    followId: r.recipient_id,
    userId: r.user_id,
    frequency: r.email_frequency as EmailFrequency,
    eventId: r.event_id,
  }));
}

/** An unsent row of a subscription. */
export interface UnsentSubscriptionRow {
  subscriptionId: string;
  eventId: string;
}

/** Unsent rows of subscriptions, oldest event first. */
export async function unsentSubscriptionRows(db: Kysely<Database>): Promise<UnsentSubscriptionRow[]> {
  const rows = await db
    .selectFrom('email_queue')
    .select(['recipient_id', 'event_id'])
    .where('recipient_kind', '=', 'subscription')
    .where('sent_at', 'is', null)
    .orderBy('event_id')
    .execute();
  return rows.map((r) => ({ subscriptionId: r.recipient_id, eventId: r.event_id }));
}

/** When the recipient was last sent a digest of that frequency; null when never. */
export async function lastDigestAt(
  db: Kysely<Database>,
  recipientKind: DigestRecipientKind,
  recipientId: string,
  frequency: 'immediate' | 'daily',
): Promise<string | null> {
  const row = await db
    .selectFrom('email_digests')
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('recipient_kind', '=', recipientKind)
    .where('recipient_id', '=', recipientId)
    .where('frequency', '=', frequency)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** What one sent mail covered. */
export interface SentDigest {
  recipientKind: DigestRecipientKind;
  recipientId: string;
  frequency: 'immediate' | 'daily';
  /** The queue rows it covered: their recipient kind and ids (a user's follows, or one subscription). */
  queueKind: QueueRecipientKind;
  queueRecipientIds: string[];
  eventIds: string[];
}

/** Records a sent mail and marks the queue rows it carried as sent; returns the digest id. */
export async function recordDigest(db: Kysely<Database>, d: SentDigest, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('email_digests')
    .values({
      id,
      recipient_kind: d.recipientKind,
      recipient_id: d.recipientId,
      frequency: d.frequency,
      event_count: d.eventIds.length,
      sent_at: now,
    })
    .execute();
  for (let i = 0; i < d.eventIds.length; i += 200) {
    await db
      .updateTable('email_queue')
      .set({ sent_at: now, digest_id: id })
      .where('recipient_kind', '=', d.queueKind)
      .where('recipient_id', 'in', d.queueRecipientIds)
      .where('event_id', 'in', d.eventIds.slice(i, i + 200))
      .where('sent_at', 'is', null)
      .execute();
  }
  return id;
}

/** Deletes sent queue rows and digests older than `before`; returns how many queue rows went. */
export async function purgeSent(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db.deleteFrom('email_queue').where('sent_at', '<', before).executeTakeFirst();
  await db
    .deleteFrom('email_digests')
    .where('sent_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('email_queue as q')
            .select('q.event_id')
            .whereRef('q.digest_id', '=', 'email_digests.id'),
        ),
      ),
    )
    .execute();
  return Number(r.numDeletedRows);
}

/** An event as a mail lists it. */
export interface MailEvent {
  id: string;
  type: string;
  billId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Events by id, oldest first. */
export async function mailEvents(db: Kysely<Database>, ids: string[]): Promise<MailEvent[]> {
  const out: MailEvent[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 200) {
    const rows = await db
      .selectFrom('change_events')
      .select(['id', 'type', 'bill_id', 'payload_json', 'created_at'])
      .where('id', 'in', unique.slice(i, i + 200))
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        type: r.type,
        billId: r.bill_id,
        payload: fromJson<Record<string, unknown>>(r.payload_json),
        createdAt: r.created_at,
      });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A user as mail needs them: the address (users' addresses are account data, stored as given) and locale. */
export async function mailUser(
  db: Kysely<Database>,
  userId: string,
): Promise<{ email: string; locale: string | null } | undefined> {
  return db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('id', '=', userId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Sets every follow of the user to no email and drops their unsent rows (the follows themselves stay). */
export async function stopFollowMail(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('follows').set({ email_frequency: 'none' }).where('user_id', '=', userId).execute();
  await db
    .deleteFrom('email_queue')
    .where('recipient_kind', '=', 'follow')
    .where('sent_at', 'is', null)
    .where('recipient_id', 'in', (eb) => eb.selectFrom('follows').select('id').where('user_id', '=', userId))
    .execute();
}

/** True when a user with this id exists. */
export async function userExists(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
