/**
 * The mail outbox: a message is queued in the transaction of the action that causes it and delivered later by
 * the background loop. A sender takes a row with a lease (an update that succeeds for one sender only), sends
 * it, then marks it sent; a crash between sending and marking sends it again after the lease, under the same
 * Message-ID, so a repeat is recognisable and nothing is lost.
 */
import type { Kysely } from 'kysely';
import type { MailOutboxRow } from './petitions.schema.ts';
import type { Database } from './schema.ts';

/** Queues a message, or several in one statement (call inside the actions' transaction). */
export async function enqueueMail(
  db: Kysely<Database>,
  rows: MailOutboxRow | MailOutboxRow[],
): Promise<void> {
  if (Array.isArray(rows) && rows.length === 0) return;
  await db.insertInto('mail_outbox').values(rows).execute();
}

/** Unsent messages due at `now` and not held by another sender, oldest first. */
export async function dueMail(db: Kysely<Database>, now: string, limit: number): Promise<MailOutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes messages for sending until `leaseUntil`; returns the ids taken (not held by another sender, unsent). */
export async function leaseMail(
  db: Kysely<Database>,
  ids: string[],
  now: string,
  leaseUntil: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await db
    .updateTable('mail_outbox')
    .set({ lease_until: leaseUntil })
    .where('id', 'in', ids)
    .where('sent_at', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('id')
    .execute();
  return new Set(r.map((x) => x.id));
}

/** Marks messages sent and erases their content (the address and link are no longer kept there). */
export async function markMailSent(db: Kysely<Database>, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: at, payload_ciphertext: null, lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .execute();
}

/** Records a failed attempt and when to try again. */
export async function markMailFailed(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  nextAttemptAt: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ attempts, next_attempt_at: nextAttemptAt, lease_until: null, last_error: error })
    .where('id', '=', id)
    .execute();
}

/** Deletes sent messages older than `before`; returns how many. */
export async function purgeSentMail(db: Kysely<Database>, before: string): Promise<number> {
  const r = await db
    .deleteFrom('mail_outbox')
    .where('sent_at', 'is not', null)
    .where('sent_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
