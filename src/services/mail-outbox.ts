/**
 * Delivery of the mail outbox (store/mail-outbox.repo.ts). Policy: at least once, never lost. A message is
 * queued in the same transaction as the action that causes it; the sender leases a batch of due rows (one
 * statement), hands them to the SMTP server a few at a time, and only then marks them sent (erasing their
 * content), in groups. A crash between the two sends a message again after the lease, with the same
 * Message-ID, so the copy is recognisable. A refused or failed send is retried with a
 * growing delay (30 s doubling, at most 6 hours); only the error's code is kept, never its text.
 */
import type { Kysely } from 'kysely';
import { dueMail, enqueueMail, leaseMail, markMailFailed, markMailSent } from '../store/mail-outbox.repo.ts';
import type { MailOutboxRow } from '../store/petitions.schema.ts';
import type { Database } from '../store/schema.ts';
import { newSortableId } from '../store/util.ts';
import { decryptField, encryptField, type FieldKey } from './field-crypto.ts';
import type { Mailer, MailMessage } from './mailer.ts';

/** How long a sender holds a message before another may take it. */
export const mailLeaseMs = 2 * 60 * 1000;
/** The first retry delay; each failure doubles it, up to `maxRetryDelayMs`. */
export const firstRetryDelayMs = 30 * 1000;
export const maxRetryDelayMs = 6 * 3600 * 1000;

/** A queued message (the content the outbox stores encrypted). */
export type OutboxMessage = Required<Pick<MailMessage, 'from' | 'to' | 'subject' | 'text'>> &
  Pick<MailMessage, 'headers'>;

/** The message as the outbox stores it: encrypted JSON. */
export function outboxPayload(key: FieldKey, message: OutboxMessage): string {
  return encryptField(key, JSON.stringify(message));
}

/** The outbox row of a message due now, under a Message-ID of the public host, its content encrypted. */
export function outboxRow(
  key: FieldKey,
  args: { publicUrl: string; kind: string; subjectId: string; message: OutboxMessage; now: Date },
): MailOutboxRow {
  const id = newSortableId(args.now.getTime());
  const at = args.now.toISOString();
  return {
    id,
    message_id: `<${id}@${new URL(args.publicUrl).hostname}>`,
    kind: args.kind,
    subject_id: args.subjectId,
    payload_ciphertext: outboxPayload(key, args.message),
    attempts: 0,
    next_attempt_at: at,
    lease_until: null,
    last_error: null,
    created_at: at,
    sent_at: null,
  };
}

/**
 * Queues a message due now (call inside the transaction of the action that causes it); `subjectId` names the
 * row it is about (for erasure).
 */
export async function queueMail(
  db: Kysely<Database>,
  key: FieldKey,
  args: { publicUrl: string; kind: string; subjectId: string; message: OutboxMessage; now: Date },
): Promise<void> {
  await enqueueMail(db, outboxRow(key, args));
}

/** What delivery needs. */
export interface OutboxDeps {
  db: Kysely<Database>;
  fieldKey: FieldKey;
  mailer: Mailer;
  now?: () => Date;
  /** How long a sender holds a message (default `mailLeaseMs`); the server reads MAIL_LEASE_SECONDS. */
  leaseMs?: number;
}

/** The delay before the next try after `attempts` failures. */
export function retryDelayMs(attempts: number): number {
  return Math.min(maxRetryDelayMs, firstRetryDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** Messages handed to the SMTP server at once (each send waits on the network, not on us). */
const parallelSends = 8;
/** One run keeps taking batches while they come full, for at most this long (wall clock). */
const runBudgetMs = 5000;

type Tally = { sent: number; failed: number };

/** Sent messages are marked in groups of this many (and at the end of a batch). */
const markEvery = 25;

/**
 * Delivers one batch of due rows: leases them all in one statement, sends those it holds a few at a time,
 * and marks the sent ones in groups (a crash before a group is marked sends its messages again after the
 * lease, under the same Message-IDs).
 */
async function deliverBatch(deps: OutboxDeps, rows: MailOutboxRow[], result: Tally): Promise<void> {
  const clock = deps.now ?? (() => new Date());
  const now = clock();
  const leaseUntil = new Date(now.getTime() + (deps.leaseMs ?? mailLeaseMs)).toISOString();
  const withContent = rows.filter((r) => r.payload_ciphertext !== null);
  const held = await leaseMail(
    deps.db,
    withContent.map((r) => r.id),
    now.toISOString(),
    leaseUntil,
  );
  const mine = withContent.filter((r) => held.has(r.id));
  let sent: string[] = [];
  const markSent = async () => {
    const ids = sent;
    sent = [];
    await markMailSent(deps.db, ids, clock().toISOString());
    result.sent += ids.length;
  };
  let next = 0;
  const worker = async () => {
    while (next < mine.length) {
      const row = mine[next++]!;
      try {
        const message = JSON.parse(decryptField(deps.fieldKey, row.payload_ciphertext!)) as OutboxMessage;
        await deps.mailer.send({ ...message, messageId: row.message_id });
      } catch (err) {
        await markFailed(deps, row, err);
        result.failed += 1;
        continue;
      }
      sent.push(row.id);
      if (sent.length >= markEvery) await markSent();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelSends, mine.length) }, worker));
  await markSent();
}

async function markFailed(deps: OutboxDeps, row: MailOutboxRow, err: unknown): Promise<void> {
  const clock = deps.now ?? (() => new Date());
  const attempts = row.attempts + 1;
  const next = new Date(clock().getTime() + retryDelayMs(attempts)).toISOString();
  const e = err as { code?: unknown; responseCode?: unknown };
  const code =
    typeof e.responseCode === 'number'
      ? `SMTP ${e.responseCode}`
      : typeof e.code === 'string'
        ? e.code
        : 'unknown';
  await markMailFailed(deps.db, row.id, attempts, next, code.slice(0, 40));
}

/**
 * Sends the due messages, `limit` per batch, a few at a time; a full batch is followed by another (a backlog
 * after a burst drains in one run) until the run has taken `runBudgetMs`. Returns how many went and failed.
 */
export async function deliverOutbox(deps: OutboxDeps, limit = 100): Promise<Tally> {
  const clock = deps.now ?? (() => new Date());
  const result = { sent: 0, failed: 0 };
  const until = Date.now() + runBudgetMs;
  for (;;) {
    const rows = await dueMail(deps.db, clock().toISOString(), limit);
    await deliverBatch(deps, rows, result);
    if (rows.length < limit || Date.now() > until) return result;
  }
}
