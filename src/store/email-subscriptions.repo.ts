/**
 * Public email subscriptions (double opt-in). The address is stored only as ciphertext plus a keyed hash; the
 * service encrypts and hashes, this file never sees a plaintext address. Tokens are looked up by their hash.
 */
import type { Kysely } from 'kysely';
import type { FollowTargetKind } from '../core/alerts/types.ts';
import type { EmailSubscriptionRow } from './email-alerts.schema.ts';
import type { Database } from './schema.ts';

export type SubscriptionStatus = 'pending' | 'active' | 'unsubscribed';
export type SubscriptionFrequency = 'immediate' | 'daily';

/** A subscription as the services see it (the address still encrypted). */
export interface EmailSubscription {
  id: string;
  emailCiphertext: string;
  emailHash: string;
  targetKind: FollowTargetKind;
  targetId: string;
  frequency: SubscriptionFrequency;
  status: SubscriptionStatus;
  locale: string;
  consentVersion: string;
  confirmationSentAt: string | null;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

function toSubscription(r: EmailSubscriptionRow): EmailSubscription {
  return {
    id: r.id,
    emailCiphertext: r.email_ciphertext,
    emailHash: r.email_hash,
    targetKind: r.target_kind as FollowTargetKind,
    targetId: r.target_id,
    frequency: r.frequency as SubscriptionFrequency,
    status: r.status as SubscriptionStatus,
    locale: r.locale,
    consentVersion: r.consent_version,
    confirmationSentAt: r.confirmation_sent_at,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  };
}

/** The subscription of an address (by hash) to a target; undefined when none. */
export async function findSubscription(
  db: Kysely<Database>,
  emailHash: string,
  targetKind: string,
  targetId: string,
): Promise<EmailSubscription | undefined> {
  const row = await db
    .selectFrom('email_subscriptions')
    .selectAll()
    .where('email_hash', '=', emailHash)
    .where('target_kind', '=', targetKind)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** One subscription by id; undefined when none. */
export async function getSubscription(
  db: Kysely<Database>,
  id: string,
): Promise<EmailSubscription | undefined> {
  const row = await db.selectFrom('email_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** The pending subscription whose confirmation token has this hash; undefined when none. */
export async function findByConfirmToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<EmailSubscription | undefined> {
  const row = await db
    .selectFrom('email_subscriptions')
    .selectAll()
    .where('confirm_token_hash', '=', tokenHash)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** The subscription whose unsubscribe token has this hash (in any status); undefined when none. */
export async function findByUnsubscribeToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<EmailSubscription | undefined> {
  const row = await db
    .selectFrom('email_subscriptions')
    .selectAll()
    .where('unsubscribe_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** What a new or renewed pending subscription stores. */
export interface PendingSubscription {
  id: string;
  emailCiphertext: string;
  emailHash: string;
  targetKind: string;
  targetId: string;
  frequency: SubscriptionFrequency;
  locale: string;
  consentVersion: string;
  confirmTokenHash: string;
  unsubscribeTokenHash: string;
}

/** Inserts a pending subscription; false when the address already has one for the target (a race). */
export async function insertPendingSubscription(
  db: Kysely<Database>,
  s: PendingSubscription,
  now: string,
): Promise<boolean> {
  const r = await db
    .insertInto('email_subscriptions')
    .values({
      id: s.id,
      email_ciphertext: s.emailCiphertext,
      email_hash: s.emailHash,
      target_kind: s.targetKind,
      target_id: s.targetId,
      frequency: s.frequency,
      status: 'pending',
      confirm_token_hash: s.confirmTokenHash,
      unsubscribe_token_hash: s.unsubscribeTokenHash,
      locale: s.locale,
      consent_version: s.consentVersion,
      confirmation_sent_at: now,
      created_at: now,
      confirmed_at: null,
      unsubscribed_at: null,
    })
    .onConflict((oc) => oc.columns(['email_hash', 'target_kind', 'target_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Puts an existing (pending or unsubscribed) subscription back to pending with a new confirmation token. */
export async function renewPendingSubscription(
  db: Kysely<Database>,
  id: string,
  s: Pick<
    PendingSubscription,
    'emailCiphertext' | 'frequency' | 'locale' | 'consentVersion' | 'confirmTokenHash'
  >,
  now: string,
): Promise<void> {
  await db
    .updateTable('email_subscriptions')
    .set({
      email_ciphertext: s.emailCiphertext,
      frequency: s.frequency,
      locale: s.locale,
      consent_version: s.consentVersion,
      confirm_token_hash: s.confirmTokenHash,
      status: 'pending',
      confirmation_sent_at: now,
      created_at: now,
      confirmed_at: null,
      unsubscribed_at: null,
    })
    .where('id', '=', id)
    .where('status', '!=', 'active')
    .execute();
}

/** Activates a pending subscription and spends its confirmation token; false when it was not pending. */
export async function activateSubscription(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('email_subscriptions')
    .set({ status: 'active', confirm_token_hash: null, confirmed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Ends a subscription: the address ciphertext is erased at once (nothing more will be sent), and its unsent
 * queue rows go. The row stays until the clean-up, so a second click on the link still says "stopped".
 */
export async function endSubscription(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await db
    .updateTable('email_subscriptions')
    .set({ status: 'unsubscribed', email_ciphertext: '', confirm_token_hash: null, unsubscribed_at: now })
    .where('id', '=', id)
    .where('status', '!=', 'unsubscribed')
    .execute();
  await db
    .deleteFrom('email_queue')
    .where('recipient_kind', '=', 'subscription')
    .where('recipient_id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/**
 * Deletes pending subscriptions created before `pendingBefore` and ended ones before `endedBefore`, with their
 * queue rows; returns how many subscriptions went.
 */
export async function deleteStaleSubscriptions(
  db: Kysely<Database>,
  pendingBefore: string,
  endedBefore: string,
): Promise<number> {
  const stale = await db
    .selectFrom('email_subscriptions')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('created_at', '<', pendingBefore)]),
        eb.and([eb('status', '=', 'unsubscribed'), eb('unsubscribed_at', '<', endedBefore)]),
      ]),
    )
    .execute();
  const ids = stale.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    await db
      .deleteFrom('email_queue')
      .where('recipient_kind', '=', 'subscription')
      .where('recipient_id', 'in', chunk)
      .execute();
    await db.deleteFrom('email_subscriptions').where('id', 'in', chunk).execute();
  }
  return ids.length;
}

/** Active subscriptions to any of the targets (kind and id), for fan-out. */
export async function activeSubscriptionsOf(
  db: Kysely<Database>,
  targets: { kind: string; id: string }[],
): Promise<EmailSubscription[]> {
  if (targets.length === 0) return [];
  const ids = [...new Set(targets.map((t) => t.id))];
  const wanted = new Set(targets.map((t) => `${t.kind} ${t.id}`));
  const found: EmailSubscription[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db
      .selectFrom('email_subscriptions')
      .selectAll()
      .where('status', '=', 'active')
      .where('target_id', 'in', ids.slice(i, i + 200))
      .execute();
    for (const r of rows) if (wanted.has(`${r.target_kind} ${r.target_id}`)) found.push(toSubscription(r));
  }
  return found;
}

/** How many confirmation mails went to the address (by hash), for any target, since `since`. */
export async function confirmationsSince(
  db: Kysely<Database>,
  emailHash: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('email_subscriptions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('email_hash', '=', emailHash)
    .where('confirmation_sent_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
