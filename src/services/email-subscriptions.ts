/**
 * Public email alerts without an account, by double opt-in: a request stores a pending subscription (the
 * address encrypted) and mails a confirmation link; only a confirmed subscription gets alerts. A request says
 * nothing about whether the address is known: an active subscription is left alone and no mail goes, and a
 * pending one is mailed again at most once per cooldown. Anyone holding a mail's unsubscribe link can stop it.
 */
import type { Kysely } from 'kysely';
import type { FollowTargetKind } from '../core/alerts/types.ts';
import { DomainError } from '../core/errors.ts';
import type { Locale } from '../core/framework/types.ts';
import { isLocale } from '../core/i18n/locales.ts';
import { t } from '../core/i18n/messages.ts';
import { getBill } from '../store/bills.repo.ts';
import { stopFollowMail, userExists } from '../store/email-queue.repo.ts';
import {
  activateSubscription,
  confirmationsSince,
  type EmailSubscription,
  endSubscription,
  findByConfirmToken,
  findByUnsubscribeToken,
  findSubscription,
  insertPendingSubscription,
  renewPendingSubscription,
  type SubscriptionFrequency,
} from '../store/email-subscriptions.repo.ts';
import { getJurisdiction } from '../store/jurisdictions.repo.ts';
import type { Database } from '../store/schema.ts';
import { hashSecret } from '../store/sessions.repo.ts';
import { newId } from '../store/util.ts';
import {
  emailHash,
  isPlausibleEmail,
  isTokenShaped,
  newConfirmToken,
  normaliseEmail,
  subscriptionUnsubscribeToken,
  verifyUserUnsubscribeToken,
} from './email-keys.ts';
import { encryptField, type FieldKey } from './field-crypto.ts';
import type { Mailer } from './mailer.ts';

/** The consent wording shown on the form (`follow.consent`); bump when the text's meaning changes. */
export const consentVersion = 'follow-consent-2026-11';
/** Kinds a person without an account can subscribe to. */
export const publicTargetKinds = ['bill', 'jurisdiction'] as const satisfies readonly FollowTargetKind[];
export type PublicTargetKind = (typeof publicTargetKinds)[number];
/** A pending subscription's confirmation mail is not sent again within this time. */
export const confirmationCooldownMs = 10 * 60 * 1000;
/** At most this many confirmation mails go to one address per hour, whatever the targets. */
export const maxConfirmationsPerHour = 5;
/** Pending subscriptions (and their links) last this long; the digest job deletes older ones. */
export const pendingLifetimeMs = 30 * 24 * 3600 * 1000;

/** What the subscription services need besides the database. */
export interface SubscriptionDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  mailer: Mailer;
  /** The public base URL for links (no trailing slash). */
  publicUrl: string;
  now?: Date;
}

/** True when the value names a kind the public form accepts. */
export function isPublicTargetKind(value: unknown): value is PublicTargetKind {
  return (publicTargetKinds as readonly unknown[]).includes(value);
}

/**
 * A public target as subscriptions store it (a bill's OCD id becomes its lawgap id, as events name it) with a
 * readable name in a locale (`HB 12: Title`, a jurisdiction's name); null when there is no such public target.
 */
export async function resolvePublicTarget(
  db: Kysely<Database>,
  kind: string,
  id: string,
  locale: Locale,
): Promise<{ id: string; name: string } | null> {
  if (id.length === 0 || id.length > 300) return null;
  if (kind === 'bill') {
    const bill = await getBill(db, id);
    return bill ? { id: bill.id, name: `${bill.identifier}: ${bill.title}` } : null;
  }
  if (kind === 'jurisdiction') {
    const j = await getJurisdiction(db, id);
    // An organization's own jurisdictions are private to it.
    if (!j || j.organizationId !== null) return null;
    return { id: j.id, name: j.name[locale] ?? j.name.en };
  }
  return null;
}

/** A request from the public form, validated at the edge but checked again here. */
export interface SubscriptionRequest {
  email: string;
  kind: string;
  id: string;
  frequency: string;
  locale: string;
}

/** What happened to a request (for tests and logs; the page answers the same whatever it is). */
export type RequestOutcome = 'mailed' | 'already-active' | 'cooldown';

async function mailConfirmation(
  deps: SubscriptionDeps,
  to: string,
  name: string,
  locale: Locale,
  token: string,
): Promise<void> {
  const link = `${deps.publicUrl}/follow/confirm?token=${token}`;
  await deps.mailer.send({
    to,
    subject: t(locale, 'email.confirm.subject', { name }),
    text: t(locale, 'email.confirm.body', { name, link }),
  });
}

/**
 * Stores or renews a pending subscription and mails the confirmation link. Throws VALIDATION_FAILED for a bad
 * address, kind, frequency or locale and FOLLOW_TARGET_NOT_FOUND for an unknown target.
 */
export async function requestEmailSubscription(
  deps: SubscriptionDeps,
  input: SubscriptionRequest,
): Promise<RequestOutcome> {
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email)) throw new DomainError('VALIDATION_FAILED', 'the email address is not valid');
  if (!isPublicTargetKind(input.kind)) {
    throw new DomainError('VALIDATION_FAILED', 'only bills and jurisdictions can be followed by email');
  }
  if (input.frequency !== 'immediate' && input.frequency !== 'daily') {
    throw new DomainError('VALIDATION_FAILED', 'the frequency must be immediate or daily');
  }
  if (!isLocale(input.locale)) throw new DomainError('VALIDATION_FAILED', 'the locale must be en, es or fr');
  const locale = input.locale;
  const frequency: SubscriptionFrequency = input.frequency;
  const target = await resolvePublicTarget(deps.db, input.kind, input.id, locale);
  if (target === null) throw new DomainError('FOLLOW_TARGET_NOT_FOUND', `no ${input.kind} ${input.id}`);

  const now = deps.now ?? new Date();
  const at = now.toISOString();
  const hash = emailHash(deps.fieldKey, email);
  const confirm = newConfirmToken();
  const fields = {
    emailCiphertext: encryptField(deps.fieldKey, email),
    frequency,
    locale,
    consentVersion,
    confirmTokenHash: confirm.hash,
  };
  const existing = await findSubscription(deps.db, hash, input.kind, target.id);
  if (existing?.status === 'active') return 'already-active';
  if (
    existing?.status === 'pending' &&
    existing.confirmationSentAt !== null &&
    now.getTime() - Date.parse(existing.confirmationSentAt) < confirmationCooldownMs
  ) {
    return 'cooldown';
  }
  // However many targets a request names, one address gets only a few confirmation mails an hour.
  const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
  if ((await confirmationsSince(deps.db, hash, hourAgo)) >= maxConfirmationsPerHour) return 'cooldown';
  if (existing) {
    await renewPendingSubscription(deps.db, existing.id, fields, at);
  } else {
    const id = newId();
    const inserted = await insertPendingSubscription(
      deps.db,
      {
        ...fields,
        id,
        emailHash: hash,
        targetKind: input.kind,
        targetId: target.id,
        unsubscribeTokenHash: subscriptionUnsubscribeToken(deps.fieldKey, id).hash,
      },
      at,
    );
    // A concurrent request for the same address and target won the insert and sends its own mail.
    if (!inserted) return 'cooldown';
  }
  await mailConfirmation(deps, email, target.name, locale, confirm.token);
  return 'mailed';
}

/** A subscription found by a link's token, with its target's name in its locale. */
export interface TokenSubscription {
  subscription: EmailSubscription;
  name: string;
  locale: Locale;
}

async function withName(db: Kysely<Database>, s: EmailSubscription): Promise<TokenSubscription> {
  const locale: Locale = isLocale(s.locale) ? s.locale : 'en';
  const target = await resolvePublicTarget(db, s.targetKind, s.targetId, locale);
  return { subscription: s, name: target?.name ?? s.targetId, locale };
}

/** The pending subscription a confirmation token names, unexpired; null otherwise (nothing changes). */
export async function peekConfirmation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenSubscription | null> {
  if (!isTokenShaped(token)) return null;
  const s = await findByConfirmToken(db, hashSecret(token));
  if (!s || now.getTime() - Date.parse(s.createdAt) > pendingLifetimeMs) return null;
  return withName(db, s);
}

/** Confirms a pending subscription; throws TOKEN_INVALID for a wrong, used or expired token. */
export async function confirmEmailSubscription(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenSubscription> {
  const found = await peekConfirmation(db, token, now);
  if (!found || !(await activateSubscription(db, found.subscription.id, now.toISOString()))) {
    throw new DomainError('TOKEN_INVALID', 'this confirmation link is invalid, expired or already used');
  }
  return found;
}

/** Who an unsubscribe token stops: one subscription, or every follow mail of a user. */
export type UnsubscribeTarget =
  | { kind: 'subscription'; found: TokenSubscription }
  | { kind: 'user'; userId: string };

/** What an unsubscribe token names; null when it names nothing (nothing changes). */
export async function peekUnsubscribe(
  db: Kysely<Database>,
  fieldKey: FieldKey,
  token: string,
): Promise<UnsubscribeTarget | null> {
  if (!isTokenShaped(token)) return null;
  if (token.startsWith('u.')) {
    const userId = verifyUserUnsubscribeToken(fieldKey, token);
    if (!userId) return null;
    return (await userExists(db, userId)) ? { kind: 'user', userId } : null;
  }
  const s = await findByUnsubscribeToken(db, hashSecret(token));
  return s ? { kind: 'subscription', found: await withName(db, s) } : null;
}

/**
 * Stops the mail an unsubscribe token names: ends the subscription (erasing the address), or sets every follow
 * of the user to no email (the follows stay, so the feed in the app is unchanged). Repeating it is harmless.
 * Throws TOKEN_INVALID when the token names nothing.
 */
export async function unsubscribeByToken(
  db: Kysely<Database>,
  fieldKey: FieldKey,
  token: string,
  now = new Date(),
): Promise<UnsubscribeTarget> {
  const target = await peekUnsubscribe(db, fieldKey, token);
  if (!target) throw new DomainError('TOKEN_INVALID', 'this unsubscribe link is invalid');
  if (target.kind === 'subscription') {
    await endSubscription(db, target.found.subscription.id, now.toISOString());
  } else {
    await stopFollowMail(db, target.userId);
  }
  return target;
}
