/**
 * The do-not-contact list: addresses whose data was erased. Only a keyed hash of the canonical address is kept
 * (the key is derived from the field key and never stored, so the list alone cannot be tested against guessed
 * addresses). Policy (docs/supporter-data.md):
 * - non-transactional mail (alert digests, updates from an organisation) is never sent to a listed address;
 * - transactional mail the person asks for again (the confirmation link of a new signature, letter or
 *   subscription) still goes: acting again is fresh consent given on the form and proven by the link;
 * - the entry is never deleted, but consent confirmed after it (a new alert subscription confirmed by its
 *   mailed link: an explicit double-opt-in request for exactly the mail the list suppresses) lets that mail go.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalEmail, trimEmail } from '../core/petitions/canonical-email.ts';
import type { Database } from '../store/schema.ts';
import { type FieldKey, subKey } from './field-crypto.ts';

function addressHash(key: FieldKey, purpose: string, email: string): string {
  return createHmac('sha256', subKey(key, purpose))
    .update(canonicalEmail(trimEmail(email)))
    .digest('hex');
}

/** The keyed hash of an address's canonical form as the list stores it (hex). */
export function doNotContactHash(key: FieldKey, email: string): string {
  return addressHash(key, 'do-not-contact', email);
}

/** The keyed hash of an address's canonical form that self-service data links are filed under (hex). */
export function dataLinkHash(key: FieldKey, email: string): string {
  return addressHash(key, 'supporter-data-link', email);
}

/** When the address was put on the do-not-contact list, or null when it is not on it. */
export async function doNotContactSince(
  db: Kysely<Database>,
  key: FieldKey,
  email: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('do_not_contact')
    .select('created_at')
    .where('email_hash', '=', doNotContactHash(key, email))
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Puts the address on the list (repeating it is harmless). */
export async function addDoNotContact(
  db: Kysely<Database>,
  key: FieldKey,
  email: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('do_not_contact')
    .values({ email_hash: doNotContactHash(key, email), created_at: at })
    .onConflict((oc) => oc.column('email_hash').doNothing())
    .execute();
}

/**
 * True when non-transactional mail may go to the address: it is not listed, or the consent the mail rests on
 * (`consentGivenAt`, e.g. a subscription's confirmation) was given after it was listed; null: no such consent.
 */
export async function mayContact(
  db: Kysely<Database>,
  key: FieldKey,
  email: string,
  consentGivenAt: string | null,
): Promise<boolean> {
  const since = await doNotContactSince(db, key, email);
  return since === null || (consentGivenAt !== null && consentGivenAt > since);
}
