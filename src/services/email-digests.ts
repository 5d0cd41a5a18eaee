/**
 * Sends the alert mail that is due, and keeps the tables lean. Policy:
 * - Immediate: each run sends every recipient one mail with all their unsent events of immediate follows.
 * - Daily: a recipient's daily events go out in one mail when their last daily mail is 24 hours old (or there
 *   was none); until then they wait in the queue.
 * - A user is one recipient for all their follows (an event two follows match is listed once, and an event sent
 *   at once is not repeated in the daily mail); each public subscription is its own recipient.
 * - Queue rows are marked sent only after the SMTP server accepted the mail, so a crash in between sends the
 *   mail again (at least once). A failed send leaves the rows for the next run.
 * - Clean-up (GDPR): pending subscriptions older than 30 days and ended ones after 30 days are deleted, and sent
 *   queue rows and digests after 30 days. Nothing here logs an address.
 */

import type { Kysely } from 'kysely';
import type { Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import {
  dropUndeliverable,
  lastDigestAt,
  type MailEvent,
  mailEvents,
  mailUser,
  purgeSent,
  recordDigest,
  type SentDigest,
  unsentFollowRows,
  unsentSubscriptionRows,
} from '../store/email-queue.repo.ts';
import { deleteStaleSubscriptions, getSubscription } from '../store/email-subscriptions.repo.ts';
import type { Database } from '../store/schema.ts';
import { startLoop } from './background-loop.ts';
import { mayContact } from './do-not-contact.ts';
import { renderDigest } from './email-digest-text.ts';
import { subscriptionUnsubscribeToken, userUnsubscribeToken } from './email-keys.ts';
import { pendingLifetimeMs } from './email-subscriptions.ts';
import { decryptField, type FieldKey } from './field-crypto.ts';
import type { Mailer, MailMessage } from './mailer.ts';

/** A daily digest goes out at most once in this time. */
export const dailyIntervalMs = 24 * 3600 * 1000;
/** Sent queue rows, digests and ended subscriptions are kept this long. */
export const retentionMs = 30 * 24 * 3600 * 1000;

export interface DigestOptions {
  mailer: Mailer;
  now?: Date;
  /** The public base URL for links (no trailing slash). */
  publicUrl: string;
  fieldKey: FieldKey;
}

/** What a run did (counts only: no addresses). */
export interface DigestRun {
  mailsSent: number;
  eventsSent: number;
  /** Mails the SMTP server refused or that could not be built; their rows wait for the next run. */
  failures: number;
  subscriptionsDeleted: number;
  rowsDropped: number;
}

interface Pending {
  immediate: Set<string>;
  daily: Set<string>;
  followIds: Set<string>;
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function localeOf(value: string | null | undefined): Locale {
  return isLocale(value) ? value : 'en';
}

async function dailyDue(
  db: Kysely<Database>,
  kind: 'user' | 'subscription',
  id: string,
  now: Date,
): Promise<boolean> {
  const last = await lastDigestAt(db, kind, id, 'daily');
  return last === null || now.getTime() - Date.parse(last) >= dailyIntervalMs;
}

/**
 * Sends and records one mail; false when sending failed (nothing is marked). An address on the do-not-contact
 * list (erased data) gets no mail unless `consentAt` (the subscription's confirmation) came after it was
 * listed; its events are recorded as handled, so they do not wait in the queue forever.
 */
async function deliver(
  db: Kysely<Database>,
  opts: DigestOptions,
  message: MailMessage,
  digest: SentDigest,
  now: Date,
  run: DigestRun,
  consentAt: string | null,
): Promise<void> {
  if (!(await mayContact(db, opts.fieldKey, message.to, consentAt))) {
    await db.transaction().execute((trx) => recordDigest(trx, digest, now.toISOString()));
    return;
  }
  try {
    await opts.mailer.send(message);
  } catch {
    // The error may quote the address: count it, say nothing.
    run.failures++;
    return;
  }
  await db.transaction().execute((trx) => recordDigest(trx, digest, now.toISOString()));
  run.mailsSent++;
  run.eventsSent += digest.eventIds.length;
}

async function sendUserMail(
  ctx: { db: Kysely<Database> },
  opts: DigestOptions,
  now: Date,
  userId: string,
  pending: Pending,
  run: DigestRun,
): Promise<void> {
  const user = await mailUser(ctx.db, userId);
  if (!user) return;
  const locale = localeOf(user.locale);
  const token = userUnsubscribeToken(opts.fieldKey, userId);
  const batches: { frequency: 'immediate' | 'daily'; ids: string[] }[] = [];
  if (pending.immediate.size > 0) batches.push({ frequency: 'immediate', ids: [...pending.immediate] });
  const daily = [...pending.daily].filter((id) => !pending.immediate.has(id));
  if (daily.length > 0 && (await dailyDue(ctx.db, 'user', userId, now))) {
    batches.push({ frequency: 'daily', ids: daily });
  }
  for (const batch of batches) {
    const events = await mailEvents(ctx.db, batch.ids);
    if (events.length === 0) continue;
    const message = renderDigest({
      to: user.email,
      locale,
      frequency: batch.frequency,
      events,
      publicUrl: opts.publicUrl,
      unsubscribeToken: token,
      manageLink: true,
    });
    await deliver(
      ctx.db,
      opts,
      message,
      {
        recipientKind: 'user',
        recipientId: userId,
        frequency: batch.frequency,
        queueKind: 'follow',
        queueRecipientIds: [...pending.followIds],
        eventIds: events.map((e) => e.id),
      },
      now,
      run,
      null,
    );
  }
}

async function sendSubscriptionMail(
  ctx: { db: Kysely<Database> },
  opts: DigestOptions,
  now: Date,
  subscriptionId: string,
  eventIds: string[],
  run: DigestRun,
): Promise<void> {
  const s = await getSubscription(ctx.db, subscriptionId);
  if (s?.status !== 'active') return;
  if (s.frequency === 'daily' && !(await dailyDue(ctx.db, 'subscription', s.id, now))) return;
  let to: string;
  try {
    to = decryptField(opts.fieldKey, s.emailCiphertext);
  } catch {
    run.failures++;
    return;
  }
  const events: MailEvent[] = await mailEvents(ctx.db, eventIds);
  if (events.length === 0) return;
  const message = renderDigest({
    to,
    locale: localeOf(s.locale),
    frequency: s.frequency,
    events,
    publicUrl: opts.publicUrl,
    unsubscribeToken: subscriptionUnsubscribeToken(opts.fieldKey, s.id).token,
    manageLink: false,
  });
  await deliver(
    ctx.db,
    opts,
    message,
    {
      recipientKind: 'subscription',
      recipientId: s.id,
      frequency: s.frequency,
      queueKind: 'subscription',
      queueRecipientIds: [s.id],
      eventIds: events.map((e) => e.id),
    },
    now,
    run,
    s.confirmedAt,
  );
}

/** Cleans up, then sends every alert mail that is due. Returns counts. */
export async function sendDueDigests(ctx: { db: Kysely<Database> }, opts: DigestOptions): Promise<DigestRun> {
  const now = opts.now ?? new Date();
  const run: DigestRun = {
    mailsSent: 0,
    eventsSent: 0,
    failures: 0,
    subscriptionsDeleted: 0,
    rowsDropped: 0,
  };
  const pendingBefore = new Date(now.getTime() - pendingLifetimeMs).toISOString();
  const retainedFrom = new Date(now.getTime() - retentionMs).toISOString();
  run.subscriptionsDeleted = await ctx.db
    .transaction()
    .execute((trx) => deleteStaleSubscriptions(trx, pendingBefore, retainedFrom));
  run.rowsDropped = await dropUndeliverable(ctx.db);
  await purgeSent(ctx.db, retainedFrom);

  const byUser = new Map<string, Pending>();
  for (const row of await unsentFollowRows(ctx.db)) {
    let p = byUser.get(row.userId);
    if (!p) {
      p = { immediate: new Set(), daily: new Set(), followIds: new Set() };
      byUser.set(row.userId, p);
    }
    p.followIds.add(row.followId);
    if (row.frequency === 'immediate') p.immediate.add(row.eventId);
    else if (row.frequency === 'daily') p.daily.add(row.eventId);
  }
  for (const [userId, pending] of byUser) await sendUserMail(ctx, opts, now, userId, pending, run);

  const bySubscription = group(await unsentSubscriptionRows(ctx.db), (r) => r.subscriptionId);
  for (const [id, rows] of bySubscription) {
    await sendSubscriptionMail(
      ctx,
      opts,
      now,
      id,
      rows.map((r) => r.eventId),
      run,
    );
  }
  return run;
}

/**
 * Runs `sendDueDigests` every `intervalMs` (never two runs at once; nothing when `intervalMs` is 0) until the
 * returned stop function is called; stop waits for a run in progress. Errors go to `onError`.
 */
export function startDigestLoop(
  ctx: { db: Kysely<Database> },
  opts: Omit<DigestOptions, 'now'>,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => Promise<void> {
  return startLoop(() => sendDueDigests(ctx, opts), intervalMs, onError);
}
