/**
 * Votes in the store: the bill a vote names, the people its members may be, and writing a vote with its
 * member votes whole (replaced whole when the vote changes, so a stored vote is always one imported vote).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Vote, VoteBillRef, VoteOption, VoteRecord } from '../core/bills/votes.ts';
import { nameKey, peopleByName } from './people-index.repo.ts';
import type { Database } from './schema.ts';
import { fromJson, newId } from './util.ts';

/** The stored bills a reference names (none, one, or several when a name without jurisdiction is ambiguous). */
export async function findVoteBills(
  db: Kysely<Database>,
  ref: VoteBillRef,
): Promise<{ id: string; jurisdictionId: string }[]> {
  let q = db.selectFrom('bills').select(['id', 'jurisdiction_id']);
  if (ref.kind === 'ocd') q = q.where('ocd_id', '=', ref.ocdId);
  else if (ref.kind === 'legiscan')
    q = q.where('source', '=', 'legiscan').where('source_id', '=', ref.billId);
  else {
    q = q.where('session_identifier', '=', ref.session).where('identifier', '=', ref.identifier);
    if (ref.jurisdictionId !== null) q = q.where('jurisdiction_id', '=', ref.jurisdictionId);
  }
  return (await q.execute()).map((b) => ({ id: b.id, jurisdictionId: b.jurisdiction_id }));
}

/** What member linking needs: stored person ids, people by (jurisdiction, name), LegiScan people's names. */
export interface PeopleIndex {
  known: Set<string>;
  byName: Map<string, Set<string>>;
  legiScanNames: Map<string, string>;
}

/** Reads the people index once per file. */
export async function peopleIndex(db: Kysely<Database>): Promise<PeopleIndex> {
  const { known, byName } = await peopleByName(db);
  // LegiScan roll calls carry only people_id; bill sponsorships of the same source carry the name.
  const sponsors = await db
    .selectFrom('bill_sponsorships')
    .select(['person_id', 'name'])
    .where('person_id', 'like', 'legiscan-person:%')
    .execute();
  const legiScanNames = new Map(sponsors.map((s) => [s.person_id ?? '', s.name]));
  return { known, byName, legiScanNames };
}

/** The person a member vote is: a stored id, else a name that matches exactly one person of the jurisdiction. */
export function linkMember(
  index: PeopleIndex,
  jurisdictionId: string,
  m: { voterName: string | null; voterRef: string | null },
): string | null {
  if (m.voterRef !== null && index.known.has(m.voterRef)) return m.voterRef;
  if (m.voterName === null) return null;
  const found = index.byName.get(nameKey(jurisdictionId, m.voterName));
  return found?.size === 1 ? ([...found][0] ?? null) : null;
}

/** The vote to write: the record, its bill, and each member's person (same order as the members). */
export interface ResolvedVote {
  record: VoteRecord;
  billId: string;
  personIds: (string | null)[];
}

/** SHA-256 of a resolved vote, the change test of every import. */
export function voteHash(v: ResolvedVote): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex');
}

/** The stored id and hash of a vote by its source key; undefined when not stored. */
export async function storedVote(
  db: Kysely<Database>,
  r: VoteRecord,
): Promise<{ id: string; contentHash: string } | undefined> {
  const row = await db
    .selectFrom('votes')
    .select(['id', 'content_hash'])
    .where('source', '=', r.source)
    .where('source_id', '=', r.sourceId)
    .executeTakeFirst();
  return row ? { id: row.id, contentHash: row.content_hash } : undefined;
}

/** Inserts a vote, or replaces the stored one (`existingId`) and its member votes. */
export async function writeVote(
  db: Kysely<Database>,
  v: ResolvedVote,
  hash: string,
  now: string,
  existingId?: string,
): Promise<void> {
  const r = v.record;
  const values = {
    bill_id: v.billId,
    motion_text: r.motionText,
    classification_json: JSON.stringify(r.classification),
    result: r.result,
    chamber: r.chamber,
    start_date: r.startDate,
    counts_json: JSON.stringify(r.counts),
    content_hash: hash,
    updated_at: now,
  };
  const id = existingId ?? newId();
  if (existingId) {
    await db.deleteFrom('vote_members').where('vote_id', '=', id).execute();
    await db.updateTable('votes').set(values).where('id', '=', id).execute();
  } else {
    await db
      .insertInto('votes')
      .values({ id, source: r.source, source_id: r.sourceId, created_at: now, ...values })
      .execute();
  }
  if (r.members.length === 0) return;
  await db
    .insertInto('vote_members')
    .values(
      r.members.map((m, position) => ({
        vote_id: id,
        position,
        option: m.option,
        voter_name: m.voterName,
        voter_ref: m.voterRef,
        person_id: v.personIds[position] ?? null,
      })),
    )
    .execute();
}

/** The votes of a bill, oldest first, each with its member votes in source order. */
export async function votesOfBill(db: Kysely<Database>, billId: string): Promise<Vote[]> {
  const rows = await db
    .selectFrom('votes')
    .selectAll()
    .where('bill_id', '=', billId)
    .orderBy('start_date')
    .orderBy('source_id')
    .execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('vote_members')
    .selectAll()
    .where(
      'vote_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('vote_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    billId: r.bill_id,
    source: r.source as Vote['source'],
    sourceId: r.source_id,
    motionText: r.motion_text,
    classification: fromJson<string[]>(r.classification_json),
    result: r.result as Vote['result'],
    chamber: r.chamber,
    startDate: r.start_date,
    counts: fromJson<{ option: VoteOption; value: number }[]>(r.counts_json),
    members: members
      .filter((m) => m.vote_id === r.id)
      .map((m) => ({
        option: m.option as VoteOption,
        voterName: m.voter_name,
        voterRef: m.voter_ref,
        personId: m.person_id,
      })),
  }));
}
