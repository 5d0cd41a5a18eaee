/** Signature and consent rows. They hold ciphertext and hashes only; services encrypt and decrypt. */
import { type Kysely, sql } from 'kysely';
import type { PetitionConsentRow, PetitionSignatureRow } from './petitions.schema.ts';
import type { Database } from './schema.ts';

/**
 * Stores a signature unless its idempotency key was used on the petition or the same person already has a
 * pending signature on it (`pending_person`); false when either unique key held it back.
 */
export async function insertSignature(db: Kysely<Database>, row: PetitionSignatureRow): Promise<boolean> {
  const r = await db
    .insertInto('petition_signatures')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Marks a proof-of-work challenge used; false when it already was (a replay). */
export async function markChallengeUsed(
  db: Kysely<Database>,
  row: { signature: string; expires_at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('petition_used_challenges')
    .values(row)
    .onConflict((oc) => oc.column('signature').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Forgets used challenges that have expired (they can no longer verify anyway); returns how many. */
export async function purgeUsedChallenges(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('petition_used_challenges').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A signature of a petition by its idempotency key, or undefined. */
export async function findSignatureByKey(db: Kysely<Database>, petitionId: string, key: string) {
  return db
    .selectFrom('petition_signatures')
    .select('id')
    .where('petition_id', '=', petitionId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Stores the consents given with a signature. */
export async function insertConsents(db: Kysely<Database>, rows: PetitionConsentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('petition_consents').values(rows).execute();
}

/** Signatures of one person (by address hash) on a petition since a time. */
export async function signaturesSince(
  db: Kysely<Database>,
  petitionId: string,
  emailHash: string,
  since: string,
): Promise<number> {
  const r = await db
    .selectFrom('petition_signatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('petition_id', '=', petitionId)
    .where('email_hash', '=', emailHash)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A signature by a column holding a token hash, or undefined. */
export async function findSignatureBy(
  db: Kysely<Database>,
  column: 'confirm_token_hash' | 'unsubscribe_token_hash',
  hash: string,
): Promise<PetitionSignatureRow | undefined> {
  return db.selectFrom('petition_signatures').selectAll().where(column, '=', hash).executeTakeFirst();
}

/**
 * Validates a pending signature: counted when it is not marked (over a limit) nor invalidated, and no other
 * signature of the same person on the petition is counted. The partial unique index settles two confirmations
 * racing: the loser is validated uncounted.
 * Returns false when the signature was no longer pending.
 */
export async function validateSignature(
  db: Kysely<Database>,
  row: Pick<PetitionSignatureRow, 'id' | 'petition_id' | 'email_hash' | 'marked' | 'invalidation_id'>,
  at: string,
): Promise<boolean> {
  const attempt = (counted: 0 | 1) =>
    db
      .updateTable('petition_signatures')
      .set({ status: 'validated', confirmed_at: at, confirm_token_hash: null, counted, pending_person: null })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
  const others = await db
    .selectFrom('petition_signatures')
    .select('id')
    .where('petition_id', '=', row.petition_id)
    .where('email_hash', '=', row.email_hash)
    .where('counted', '=', 1)
    .executeTakeFirst();
  if (others || row.marked || row.invalidation_id) return Number((await attempt(0)).numUpdatedRows) === 1;
  try {
    return Number((await attempt(1)).numUpdatedRows) === 1;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return Number((await attempt(0)).numUpdatedRows) === 1;
  }
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The consents of a signature. */
export async function consentsOf(db: Kysely<Database>, signatureId: string): Promise<PetitionConsentRow[]> {
  return db
    .selectFrom('petition_consents')
    .selectAll()
    .where('signature_id', '=', signatureId)
    .orderBy('purpose')
    .execute();
}

/** Withdraws every consent of a signature not yet withdrawn; returns how many were. */
export async function withdrawConsents(
  db: Kysely<Database>,
  signatureId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('petition_consents')
    .set({ withdrawn_at: at })
    .where('signature_id', '=', signatureId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Voids a signature's confirmation link (it can no longer be confirmed). */
export async function voidConfirmation(db: Kysely<Database>, signatureId: string): Promise<void> {
  await db
    .updateTable('petition_signatures')
    .set({ confirm_token_hash: null, pending_person: null })
    .where('id', '=', signatureId)
    .execute();
}

/**
 * Deletes pending signatures created before `before`, with their consents and queued mail (in one
 * transaction); returns how many signatures went.
 */
export async function purgePendingSignatures(db: Kysely<Database>, before: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stale = trx
      .selectFrom('petition_signatures')
      .select('id')
      .where('status', '=', 'pending')
      .where('created_at', '<', before);
    await trx.deleteFrom('petition_consents').where('signature_id', 'in', stale).execute();
    await trx.deleteFrom('mail_outbox').where('subject_id', 'in', stale).execute();
    const r = await trx
      .deleteFrom('petition_signatures')
      .where('status', '=', 'pending')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  });
}

/**
 * Erases the keyed client-address hash of signatures made before `before` (petition by petition, along the
 * (petition, created_at) index); returns how many lost it.
 */
export async function forgetClientHashes(db: Kysely<Database>, before: string): Promise<number> {
  let forgotten = 0;
  for (const { id } of await db.selectFrom('petitions').select('id').execute()) {
    const r = await db
      .updateTable('petition_signatures')
      .set({ ip_hash: null })
      .where('petition_id', '=', id)
      .where('created_at', '<', before)
      .where('ip_hash', 'is not', null)
      .executeTakeFirst();
    forgotten += Number(r.numUpdatedRows);
  }
  return forgotten;
}

/** Signatures of a petition by status (ids only, for tests and the workspace count). */
export async function signatureStatuses(db: Kysely<Database>, petitionId: string) {
  return db
    .selectFrom('petition_signatures')
    .select(['id', 'status', sql<number>`counted`.as('counted')])
    .where('petition_id', '=', petitionId)
    .orderBy('created_at')
    .execute();
}
