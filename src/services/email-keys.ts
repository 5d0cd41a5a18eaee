/**
 * Keys and tokens for email alerts, all derived from the field key (services/field-crypto.ts), so the database
 * alone reveals no address and forges no link:
 * - the address hash (look-up and de-duplication) is an HMAC of the normalised address;
 * - unsubscribe tokens are HMACs of the recipient (a subscription, or a user for their follows' mail), so every
 *   mail can carry the link again without storing it; a subscription also stores the token's SHA-256 for look-up;
 * - confirmation tokens are random, stored as SHA-256 only.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../store/sessions.repo.ts';
import { type FieldKey, subKey } from './field-crypto.ts';

/** The longest address accepted (RFC 5321 path limit). */
export const maxEmailLength = 254;

/** Trims and lower-cases an address for hashing and sending; NFC so equal-looking addresses hash alike. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** True for a plausible single address: one `@`, a dotted domain, no spaces or angle brackets. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= maxEmailLength && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email);
}

function mac(key: FieldKey, purpose: string, value: string): string {
  return createHmac('sha256', subKey(key, purpose)).update(value).digest('base64url');
}

/** The keyed hash of an address (hex), as stored in `email_hash`. */
export function emailHash(key: FieldKey, email: string): string {
  return createHmac('sha256', subKey(key, 'email-hash')).update(normaliseEmail(email)).digest('hex');
}

/** A fresh confirmation token and the hash to store. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

/** The unsubscribe token of a subscription (stable for its id) and the hash stored for look-up. */
export function subscriptionUnsubscribeToken(
  key: FieldKey,
  subscriptionId: string,
): { token: string; hash: string } {
  const token = `s.${mac(key, 'unsubscribe', `subscription:${subscriptionId}`)}`;
  return { token, hash: hashSecret(token) };
}

/** The unsubscribe token of a user's follow mail: `u.<user id>.<mac>`. */
export function userUnsubscribeToken(key: FieldKey, userId: string): string {
  return `u.${userId}.${mac(key, 'unsubscribe', `user:${userId}`)}`;
}

/** The user a `u.` token names when its MAC is right; null otherwise. */
export function verifyUserUnsubscribeToken(key: FieldKey, token: string): string | null {
  const m = /^u\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(key, 'unsubscribe', `user:${m[1]}`));
  const given = Buffer.from(m[2] ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given) ? (m[1] ?? null) : null;
}

/** The shape every token we mail has (confirm: 43 base64url; unsubscribe: `s.` or `u.` forms). */
export function isTokenShaped(token: string): boolean {
  return /^(?:[A-Za-z0-9_-]{43}|s\.[A-Za-z0-9_-]{43}|u\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43})$/.test(token);
}
