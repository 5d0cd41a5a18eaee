/**
 * Group commit of petition signatures. A burst of signatures would otherwise be a burst of small transactions,
 * each writing the same index pages and paying its own commit; here the signatures that arrive while one
 * transaction runs wait for it and then go together in the next (a quiet moment's signature goes at once,
 * alone). Each signature's promise settles only after the transaction holding it commits, so "answered after
 * the commit" holds for every one of them.
 *
 * A batch is a few many-row statements (store/signature-batch.repo.ts) whatever its size:
 * 1. the hourly per-address limit is checked from one query, just before the transaction (`limited`, nothing
 *    written);
 * 2. the signatures are inserted, a unique key holding back a repeat (same idempotency key, or the person
 *    already has a pending signature on the petition: `repeat`);
 * 3. the challenges of the written ones are marked used; a signature whose challenge was already used (or is
 *    used by an earlier signature of the batch) is deleted again in the same transaction (`replayed`);
 * 4. the consents and 5. the confirmation mails of the rest are inserted (`stored` or `marked`).
 * When a batch's transaction fails for any other reason, each of its signatures is written again alone, so one
 * bad signature fails only its own request.
 */
import type { Kysely } from 'kysely';
import { enqueueMail } from '../store/mail-outbox.repo.ts';
import { insertConsents } from '../store/petition-signatures.repo.ts';
import type { MailOutboxRow, PetitionConsentRow, PetitionSignatureRow } from '../store/petitions.schema.ts';
import type { Database } from '../store/schema.ts';
import {
  deleteSignatures,
  insertSignatures,
  markChallengesUsed,
  signatureTimes,
} from '../store/signature-batch.repo.ts';

/** Everything one signature writes, prepared before the transaction. */
export interface PlannedSignature {
  signature: PetitionSignatureRow;
  /** The verified challenge to mark used, or null (no challenge was solved). */
  challenge: { signature: string; expires_at: string } | null;
  consents: PetitionConsentRow[];
  mail: MailOutboxRow;
  /** The start of the hour the per-address limit counts. */
  since: string;
  /** At most this many signatures of one address per petition since `since`. */
  perHour: number;
}

/** What became of a planned signature. */
export type WriteOutcome = 'stored' | 'marked' | 'repeat' | 'limited' | 'replayed';

/** Writes planned signatures in one transaction; returns each one's outcome in order. */
export async function writeSignatures(
  db: Kysely<Database>,
  plans: PlannedSignature[],
): Promise<WriteOutcome[]> {
  // Read before the transaction, as one address's hourly count needs no more precision: on SQLite a
  // transaction that reads first cannot wait for another process's write lock, so it begins with its write.
  const since = plans.map((p) => p.since).sort()[0] ?? '';
  const times = await signatureTimes(
    db,
    plans.map((p) => ({ petitionId: p.signature.petition_id, hash: p.signature.email_hash })),
    since,
  );
  return db.transaction().execute(async (trx) => {
    const outcomes: (WriteOutcome | null)[] = plans.map(() => null);
    const admitted: number[] = [];
    plans.forEach((p, i) => {
      const list = times.get(`${p.signature.petition_id}|${p.signature.email_hash}`) ?? [];
      if (list.filter((at) => at >= p.since).length >= p.perHour) outcomes[i] = 'limited';
      else admitted.push(i);
    });
    const written = await insertSignatures(
      trx,
      admitted.map((i) => plans[i]!.signature),
    );
    const kept: number[] = [];
    const owners = new Map<string, number>();
    for (const i of admitted) {
      const p = plans[i]!;
      if (!written.has(p.signature.id)) outcomes[i] = 'repeat';
      else if (p.challenge && owners.has(p.challenge.signature)) outcomes[i] = 'replayed';
      else {
        if (p.challenge) owners.set(p.challenge.signature, i);
        kept.push(i);
      }
    }
    const used = await markChallengesUsed(
      trx,
      kept.flatMap((i) => plans[i]!.challenge ?? []),
    );
    const stored: number[] = [];
    for (const i of kept) {
      const c = plans[i]!.challenge;
      if (c && !used.has(c.signature)) outcomes[i] = 'replayed';
      else stored.push(i);
    }
    const dropped = plans.filter(
      (_p, i) => outcomes[i] === 'replayed' && written.has(plans[i]!.signature.id),
    );
    if (dropped.length > 0)
      await deleteSignatures(
        trx,
        dropped.map((p) => p.signature.id),
      );
    await insertConsents(
      trx,
      stored.flatMap((i) => plans[i]!.consents),
    );
    await enqueueMail(
      trx,
      stored.map((i) => plans[i]!.mail),
    );
    for (const i of stored) outcomes[i] = plans[i]!.signature.marked ? 'marked' : 'stored';
    return outcomes as WriteOutcome[];
  });
}

interface Waiting {
  plan: PlannedSignature;
  resolve(outcome: WriteOutcome): void;
  reject(err: unknown): void;
}

/** How a writer batches. */
export interface WriterOptions {
  /** Transactions at once (1 on SQLite's one connection; a few on a PostgreSQL pool). */
  parallel: number;
  /**
   * Signatures in one transaction at most; 400 keeps the consent and outbox inserts (one statement each) well
   * inside both engines' bound-parameter limits.
   */
  maxBatch: number;
  /** How long a batch may wait for more signatures while they keep arriving (ms). */
  settleMs: number;
}

/**
 * Collects signatures into batches: one transaction at a time (`parallel` at a time on an engine with a pool of
 * connections), each taking every signature that waited, up to `maxBatch`. Before a batch starts it lets the
 * event loop turn while signatures keep arriving (at most `settleMs`): a transaction on SQLite runs without
 * yielding, so without this pause every signature of a burst would still be alone in its transaction. A
 * signature arriving when nothing else is waits one turn of the event loop.
 */
export class SignatureWriter {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private settling = false;
  /** Transactions begun and signatures handed in so far (for tests and measurements). */
  readonly stats = { transactions: 0, signatures: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WriterOptions = { parallel: 1, maxBatch: 400, settleMs: 4 },
  ) {}

  /** Writes a signature with those waiting beside it; settles after its transaction commits. */
  write(plan: PlannedSignature): Promise<WriteOutcome> {
    this.stats.signatures += 1;
    return new Promise((resolve, reject) => {
      this.waiting.push({ plan, resolve, reject });
      this.settle();
    });
  }

  private settle(): void {
    if (this.settling || this.running >= this.options.parallel || this.waiting.length === 0) return;
    this.settling = true;
    const until = performance.now() + this.options.settleMs;
    let seen = this.waiting.length;
    const turn = () => {
      const arrived = this.waiting.length > seen;
      seen = this.waiting.length;
      if (arrived && seen < this.options.maxBatch && performance.now() < until) {
        setImmediate(turn);
        return;
      }
      this.settling = false;
      this.start();
    };
    setImmediate(turn);
  }

  private start(): void {
    while (this.running < this.options.parallel && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.flush(batch).finally(() => {
        this.running -= 1;
        this.settle();
      });
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    this.stats.transactions += 1;
    try {
      const outcomes = await writeSignatures(
        this.db,
        batch.map((w) => w.plan),
      );
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i]!);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const w of batch) {
        this.stats.transactions += 1;
        await writeSignatures(this.db, [w.plan]).then(
          (o) => w.resolve(o[0]!),
          (e: unknown) => w.reject(e),
        );
      }
    }
  }
}
