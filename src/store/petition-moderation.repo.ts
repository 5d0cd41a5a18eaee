/** The moderation view's queries: per-hour trends of a petition's signatures, and bulk (in)validation. */
import { type Kysely, sql } from 'kysely';
import type { PetitionInvalidationRow } from './petition-abuse.schema.ts';
import type { Database } from './schema.ts';

/** One group of signatures in an hour. */
export interface HourGroup {
  hour: string;
  value: string | null;
  n: number;
  marked: number;
  unsolved: number;
}

/** Signatures of a petition since a time, not invalidated, grouped by hour and a column. */
export async function hourGroups(
  db: Kysely<Database>,
  petitionId: string,
  column: 'email_domain' | 'ip_hash',
  since: string,
): Promise<HourGroup[]> {
  const hour = sql<string>`substr(created_at, 1, 13)`;
  const rows = await db
    .selectFrom('petition_signatures')
    .select([
      hour.as('hour'),
      sql<string | null>`${sql.ref(column)}`.as('value'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when marked is null then 0 else 1 end)`.as('marked'),
      sql<number>`sum(case when challenge = 'none' then 1 else 0 end)`.as('unsolved'),
    ])
    .where('petition_id', '=', petitionId)
    .where('created_at', '>=', since)
    .where('invalidation_id', 'is', null)
    .groupBy([hour, sql.ref(column)])
    .execute();
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    marked: Number(r.marked ?? 0),
    unsolved: Number(r.unsolved ?? 0),
  }));
}

/** The invalidations of a petition, newest first. */
export async function listInvalidations(db: Kysely<Database>, petitionId: string) {
  return db
    .selectFrom('petition_invalidations')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One invalidation of a petition, or undefined. */
export async function findInvalidation(db: Kysely<Database>, petitionId: string, id: string) {
  return db
    .selectFrom('petition_invalidations')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Puts a petition's signatures matching a domain or client hash in `[from, to)` under a new invalidation (not
 * counted); returns how many it took. Signatures already under one stay where they are.
 */
export async function invalidateSignatures(
  db: Kysely<Database>,
  row: PetitionInvalidationRow,
  from: string,
  to: string,
): Promise<number> {
  await db.insertInto('petition_invalidations').values(row).execute();
  const r = await db
    .updateTable('petition_signatures')
    .set({ invalidation_id: row.id, counted: 0 })
    .where('petition_id', '=', row.petition_id)
    .where(row.kind === 'domain' ? 'email_domain' : 'ip_hash', '=', row.value)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('invalidation_id', 'is', null)
    .executeTakeFirst();
  const affected = Number(r.numUpdatedRows);
  await db.updateTable('petition_invalidations').set({ affected }).where('id', '=', row.id).execute();
  return affected;
}

/**
 * Lifts an invalidation: its signatures leave it, and each validated, unmarked one counts again unless the same
 * person already has a counted signature on the petition. Returns how many signatures it released.
 */
export async function restoreSignatures(
  db: Kysely<Database>,
  invalidation: Pick<PetitionInvalidationRow, 'id' | 'petition_id'>,
  at: string,
): Promise<number> {
  const rows = await db
    .selectFrom('petition_signatures')
    .select(['id', 'email_hash', 'status', 'marked'])
    .where('invalidation_id', '=', invalidation.id)
    .orderBy('created_at')
    .execute();
  for (const r of rows) {
    let counted: 0 | 1 = 0;
    if (r.status === 'validated' && !r.marked) {
      const other = await db
        .selectFrom('petition_signatures')
        .select('id')
        .where('petition_id', '=', invalidation.petition_id)
        .where('email_hash', '=', r.email_hash)
        .where('counted', '=', 1)
        .executeTakeFirst();
      counted = other ? 0 : 1;
    }
    await db
      .updateTable('petition_signatures')
      .set({ invalidation_id: null, counted })
      .where('id', '=', r.id)
      .execute();
  }
  await db
    .updateTable('petition_invalidations')
    .set({ restored_at: at })
    .where('id', '=', invalidation.id)
    .execute();
  return rows.length;
}
