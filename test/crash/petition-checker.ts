/**
 * The crash-test checker (shared by test/crash/petition-crash.test.ts and the petition-overload bench row):
 * given the signatures the server acknowledged (2xx) and the mail the SMTP sink received, it finds every
 * acknowledged signature missing from or duplicated in the database, and every acknowledged signature whose
 * confirmation mail is missing or came under more than one Message-ID (or not under its outbox row's).
 */
import type { Kysely } from 'kysely';
import type { FieldKey } from '../../src/services/field-crypto.ts';
import { signerHash } from '../../src/services/petition-signing.ts';
import type { Database } from '../../src/store/schema.ts';

/** A signature the server answered 2xx to. */
export interface AcknowledgedSignature {
  email: string;
  idempotencyKey: string;
}

/** A message as the sink received it (AlertMail fits). */
export interface ReceivedMail {
  to: string[];
  headers: Record<string, string>;
}

/** What the checker found; `ok` when nothing acknowledged was lost, duplicated or left without its mail. */
export interface CrashCheck {
  ok: boolean;
  acknowledged: number;
  /** Signature rows of the petition (acknowledged or not). */
  rows: number;
  /** Acknowledged idempotency keys with no row, or whose row is another address's. */
  missing: string[];
  /** Acknowledged idempotency keys with more than one row, or addresses stored more than once. */
  duplicated: string[];
  /** Acknowledged addresses that received no confirmation mail. */
  mailMissing: string[];
  /** Acknowledged addresses whose copies carry more than one Message-ID, or not their outbox row's. */
  mailSplit: string[];
  /** Mail received for acknowledged signatures, and how many of those were repeats (same Message-ID). */
  mails: number;
  repeats: number;
}

/** Checks the acknowledged signatures of a petition against the database and the received mail. */
export async function checkAcknowledged(
  db: Kysely<Database>,
  fieldKey: FieldKey,
  petitionId: string,
  acknowledged: AcknowledgedSignature[],
  received: ReceivedMail[],
): Promise<CrashCheck> {
  const rows = await db
    .selectFrom('petition_signatures')
    .select(['id', 'idempotency_key', 'email_hash'])
    .where('petition_id', '=', petitionId)
    .execute();
  const outbox = await db
    .selectFrom('mail_outbox')
    .select(['subject_id', 'message_id'])
    .where('kind', '=', 'petition.confirm')
    .execute();
  const byKey = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r]);
  const hashes = new Map<string, number>();
  for (const r of rows) hashes.set(r.email_hash, (hashes.get(r.email_hash) ?? 0) + 1);
  const messageIdOf = new Map(outbox.map((o) => [o.subject_id, o.message_id]));
  const mailTo = new Map<string, string[]>();
  for (const m of received)
    for (const to of m.to) mailTo.set(to, [...(mailTo.get(to) ?? []), m.headers['message-id'] ?? '']);

  const result: CrashCheck = {
    ok: false,
    acknowledged: acknowledged.length,
    rows: rows.length,
    missing: [],
    duplicated: [],
    mailMissing: [],
    mailSplit: [],
    mails: 0,
    repeats: 0,
  };
  for (const ack of acknowledged) {
    const found = byKey.get(ack.idempotencyKey) ?? [];
    const hash = signerHash(fieldKey, ack.email);
    const row = found[0];
    if (!row || row.email_hash !== hash) result.missing.push(ack.idempotencyKey);
    else if (found.length > 1 || (hashes.get(hash) ?? 0) > 1) result.duplicated.push(ack.idempotencyKey);
    const ids = mailTo.get(ack.email) ?? [];
    result.mails += ids.length;
    result.repeats += Math.max(0, ids.length - 1);
    if (ids.length === 0) result.mailMissing.push(ack.email);
    else if (new Set(ids).size > 1 || (row && ids[0] !== messageIdOf.get(row.id)))
      result.mailSplit.push(ack.email);
  }
  result.ok =
    result.missing.length === 0 &&
    result.duplicated.length === 0 &&
    result.mailMissing.length === 0 &&
    result.mailSplit.length === 0;
  return result;
}

/** A one-line summary of a check (first few offenders of each kind). */
export function describeCheck(c: CrashCheck): string {
  const few = (xs: string[]) => (xs.length ? `${xs.length} (${xs.slice(0, 3).join(', ')})` : '0');
  return (
    `${c.acknowledged} acknowledged, ${c.rows} rows; missing ${few(c.missing)}, duplicated ${few(c.duplicated)}, ` +
    `mail missing ${few(c.mailMissing)}, mail under several Message-IDs ${few(c.mailSplit)}; ` +
    `${c.mails} mails (${c.repeats} repeats)`
  );
}

/** Waits until every acknowledged address has mail in `received` (polled), or the deadline passes. */
export async function waitForMail(
  acknowledged: AcknowledgedSignature[],
  received: ReceivedMail[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = new Set(received.flatMap((m) => m.to));
    if (acknowledged.every((a) => got.has(a.email)) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
