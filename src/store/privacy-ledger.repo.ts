/**
 * Privacy ledger rows. The debit is one conditional UPDATE (spend + amount ≤ cap, checked by the database on the
 * row it locks), so two releases racing for the last of a budget cannot both pass on either engine. Callers check
 * access first and run debit and release insert in one transaction.
 */
import type { Kysely } from 'kysely';
import type { LedgerState } from '../core/privacy/ledger.ts';
import type { PrivacyLedgerRow, PrivacyReleaseRow } from './privacy-ledger.schema.ts';
import type { Database } from './schema.ts';

/** A stored ledger: its id, organisation and dates beside the pure ledger state. */
export interface StoredLedger extends LedgerState {
  id: string;
  organizationId: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored release, as recorded. */
export interface StoredRelease {
  id: string;
  ledgerId: string;
  statistic: string;
  epsilonMicros: number;
  deltaPicos: number;
  privacyUnit: string;
  releasedBy: string;
  releasedAt: string;
}

function toLedger(r: PrivacyLedgerRow): StoredLedger {
  return {
    id: r.id,
    organizationId: r.organization_id,
    dataset: r.dataset,
    year: Number(r.year),
    privacyUnit: r.privacy_unit,
    epsilonCapMicros: Number(r.epsilon_cap_micros),
    deltaCapPicos: Number(r.delta_cap_picos),
    spentEpsilonMicros: Number(r.spent_epsilon_micros),
    spentDeltaPicos: Number(r.spent_delta_picos),
    releases: Number(r.releases),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRelease(r: PrivacyReleaseRow): StoredRelease {
  return {
    id: r.id,
    ledgerId: r.ledger_id,
    statistic: r.statistic,
    epsilonMicros: Number(r.epsilon_micros),
    deltaPicos: Number(r.delta_picos),
    privacyUnit: r.privacy_unit,
    releasedBy: r.released_by,
    releasedAt: r.released_at,
  };
}

/** Inserts a ledger unless the organisation already has one for that dataset and year (then does nothing). */
export async function insertLedgerIfMissing(db: Kysely<Database>, row: PrivacyLedgerRow): Promise<void> {
  await db
    .insertInto('privacy_ledgers')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'dataset', 'year']).doNothing())
    .execute();
}

/** The organisation's ledger for a dataset and year, or undefined. */
export async function findLedger(
  db: Kysely<Database>,
  organizationId: string,
  dataset: string,
  year: number,
): Promise<StoredLedger | undefined> {
  const row = await db
    .selectFrom('privacy_ledgers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('dataset', '=', dataset)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toLedger(row) : undefined;
}

/** The organisation's ledgers, newest year first, then by dataset. */
export async function listLedgers(db: Kysely<Database>, organizationId: string): Promise<StoredLedger[]> {
  const rows = await db
    .selectFrom('privacy_ledgers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('year', 'desc')
    .orderBy('dataset')
    .execute();
  return rows.map(toLedger);
}

/** Adds the amounts to the ledger's spend if both stay within the caps; false when the budget does not allow it. */
export async function debitLedger(
  db: Kysely<Database>,
  id: string,
  amounts: { epsilonMicros: number; deltaPicos: number },
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('privacy_ledgers')
    .set((eb) => ({
      spent_epsilon_micros: eb('spent_epsilon_micros', '+', amounts.epsilonMicros),
      spent_delta_picos: eb('spent_delta_picos', '+', amounts.deltaPicos),
      releases: eb('releases', '+', 1),
      updated_at: updatedAt,
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.and([
        eb(eb('spent_epsilon_micros', '+', amounts.epsilonMicros), '<=', eb.ref('epsilon_cap_micros')),
        eb(eb('spent_delta_picos', '+', amounts.deltaPicos), '<=', eb.ref('delta_cap_picos')),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRelease(db: Kysely<Database>, row: PrivacyReleaseRow): Promise<void> {
  await db.insertInto('privacy_releases').values(row).execute();
}

/** The releases that debited a ledger, oldest first. */
export async function listReleases(db: Kysely<Database>, ledgerId: string): Promise<StoredRelease[]> {
  const rows = await db
    .selectFrom('privacy_releases')
    .selectAll()
    .where('ledger_id', '=', ledgerId)
    .orderBy('released_at')
    .orderBy('id')
    .execute();
  return rows.map(toRelease);
}
