/**
 * The many-row statements of a group commit of signatures (services/signature-writer.ts): each takes the rows
 * of a whole batch and answers which of them it wrote, so a batch of any size costs the same few statements.
 * Every insert skips a row a unique key holds back instead of failing the batch. (Consents and outbox rows go
 * through their own repositories' inserts, which take many rows too.)
 */
import type { Kysely } from 'kysely';
import type { PetitionSignatureRow } from './petitions.schema.ts';
import type { Database } from './schema.ts';

/** Rows per statement: well inside both engines' bound-parameter limits for the widest row (23 columns). */
const chunk = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunk) out.push(rows.slice(i, i + chunk));
  return out;
}

/** Stores signatures; returns the ids written (a row held back by a unique key is skipped). */
export async function insertSignatures(
  db: Kysely<Database>,
  rows: PetitionSignatureRow[],
): Promise<Set<string>> {
  const written = new Set<string>();
  for (const part of chunks(rows)) {
    const r = await db
      .insertInto('petition_signatures')
      .values(part)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    for (const { id } of r) written.add(id);
  }
  return written;
}

/** Marks challenges used; returns the challenge signatures newly marked (the others were already used). */
export async function markChallengesUsed(
  db: Kysely<Database>,
  rows: { signature: string; expires_at: string }[],
): Promise<Set<string>> {
  const marked = new Set<string>();
  for (const part of chunks(rows)) {
    const r = await db
      .insertInto('petition_used_challenges')
      .values(part)
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .execute();
    for (const { signature } of r) marked.add(signature);
  }
  return marked;
}

/** Deletes signatures by id (rows of the current transaction that must not stay). */
export async function deleteSignatures(db: Kysely<Database>, ids: string[]): Promise<void> {
  for (const part of chunks(ids))
    await db.deleteFrom('petition_signatures').where('id', 'in', part).execute();
}

/** When the given people (petition and keyed address hash) signed it since `since`: `petition|hash` → times. */
export async function signatureTimes(
  db: Kysely<Database>,
  people: { petitionId: string; hash: string }[],
  since: string,
): Promise<Map<string, string[]>> {
  const byPetition = new Map<string, Set<string>>();
  for (const p of people)
    byPetition.set(p.petitionId, (byPetition.get(p.petitionId) ?? new Set()).add(p.hash));
  const times = new Map<string, string[]>();
  for (const [petitionId, hashes] of byPetition)
    for (const part of chunks([...hashes])) {
      const rows = await db
        .selectFrom('petition_signatures')
        .select(['email_hash', 'created_at'])
        .where('petition_id', '=', petitionId)
        .where('email_hash', 'in', part)
        .where('created_at', '>=', since)
        .execute();
      for (const r of rows) {
        const key = `${petitionId}|${r.email_hash}`;
        const list = times.get(key) ?? [];
        list.push(r.created_at);
        times.set(key, list);
      }
    }
  return times;
}
