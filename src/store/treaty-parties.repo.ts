/**
 * Treaty parties and their history. One row per treaty document and jurisdiction (a unique pair); history rows
 * are only ever appended. Listings join the jurisdiction so the caller's visibility (built-in jurisdictions plus
 * the organization's own) applies, and order by jurisdiction id, then treaty title, so output is stable.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  JurisdictionTreaty,
  PartyAction,
  TreatyParty,
  TreatyPartyHistoryEntry,
  TreatyPartyInput,
  TreatyPartySnapshot,
} from '../core/treaties/types.ts';
import type { Database, TreatyPartyRow } from './schema.ts';
import { visibleJurisdiction } from './search/filters.ts';
import type { Visibility } from './search/port.ts';
import { historyEntryOf, historyRowValues, newId, nowIso } from './util.ts';

function toParty(r: Selectable<TreatyPartyRow>): TreatyParty {
  return {
    id: r.id,
    treatyId: r.treaty_id,
    jurisdictionId: r.jurisdiction_id,
    action: r.action as PartyAction,
    signedOn: r.signed_on,
    consentedOn: r.consented_on,
    inForceOn: r.in_force_on,
    note: r.note,
    source: r.source,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function fields(p: TreatyPartyInput) {
  return {
    action: p.action,
    signed_on: p.signedOn,
    consented_on: p.consentedOn,
    in_force_on: p.inForceOn,
    note: p.note,
    source: p.source,
  };
}

/** Inserts a record; the caller has checked it and that the pair is free. Returns the stored record. */
export async function insertTreatyParty(
  db: Kysely<Database>,
  p: TreatyPartyInput & { treatyId: string; jurisdictionId: string; recordedBy: string },
): Promise<TreatyParty> {
  const at = nowIso();
  const row = {
    id: newId(),
    treaty_id: p.treatyId,
    jurisdiction_id: p.jurisdictionId,
    ...fields(p),
    recorded_by: p.recordedBy,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('treaty_parties').values(row).execute();
  return toParty(row);
}

/** Replaces a record's fields; returns the stored record, or null for an unknown id. */
export async function updateTreatyPartyRow(
  db: Kysely<Database>,
  id: string,
  p: TreatyPartyInput & { recordedBy: string },
): Promise<TreatyParty | null> {
  await db
    .updateTable('treaty_parties')
    .set({ ...fields(p), recorded_by: p.recordedBy, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  return getTreatyParty(db, id);
}

/** One record by id, or null. */
export async function getTreatyParty(db: Kysely<Database>, id: string): Promise<TreatyParty | null> {
  const row = await db.selectFrom('treaty_parties').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toParty(row) : null;
}

/** The record of a jurisdiction under a treaty, or null. */
export async function findTreatyParty(
  db: Kysely<Database>,
  treatyId: string,
  jurisdictionId: string,
): Promise<TreatyParty | null> {
  const row = await db
    .selectFrom('treaty_parties')
    .selectAll()
    .where('treaty_id', '=', treatyId)
    .where('jurisdiction_id', '=', jurisdictionId)
    .executeTakeFirst();
  return row ? toParty(row) : null;
}

/** The records of a jurisdiction under any of these treaties (for the citation check). */
export async function listPartiesOfJurisdiction(
  db: Kysely<Database>,
  jurisdictionId: string,
  treatyIds: readonly string[],
): Promise<TreatyParty[]> {
  if (treatyIds.length === 0) return [];
  const rows = await db
    .selectFrom('treaty_parties')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('treaty_id', 'in', [...new Set(treatyIds)])
    .execute();
  return rows.map(toParty);
}

/** Every record under a treaty whose jurisdiction the visibility allows, by jurisdiction id. */
export async function listPartiesOfTreaty(
  db: Kysely<Database>,
  treatyId: string,
  visibility: Visibility,
): Promise<TreatyParty[]> {
  let q = db
    .selectFrom('treaty_parties as t')
    .innerJoin('jurisdictions as j', 'j.id', 't.jurisdiction_id')
    .selectAll('t')
    .where('t.treaty_id', '=', treatyId);
  if (visibility !== 'all') q = q.where(visibleJurisdiction(visibility));
  return (await q.orderBy('t.jurisdiction_id').execute()).map(toParty);
}

/** Every record of a jurisdiction under a treaty the visibility allows, with its title and citation, by title. */
export async function listTreatiesOfJurisdiction(
  db: Kysely<Database>,
  jurisdictionId: string,
  visibility: Visibility,
): Promise<Array<Omit<JurisdictionTreaty, 'standing'>>> {
  let q = db
    .selectFrom('treaty_parties as t')
    .innerJoin('law_documents as d', 'd.id', 't.treaty_id')
    .innerJoin('jurisdictions as j', 'j.id', 'd.jurisdiction_id')
    .selectAll('t')
    .select(['d.title as treaty_title', 'd.citation as treaty_citation'])
    .where('t.jurisdiction_id', '=', jurisdictionId);
  if (visibility !== 'all') q = q.where(visibleJurisdiction(visibility));
  const rows = await q.orderBy('d.title').orderBy('t.id').execute();
  return rows.map((r) => ({ ...toParty(r), treatyTitle: r.treaty_title, treatyCitation: r.treaty_citation }));
}

/** Appends one change to a record's history. */
export async function appendTreatyPartyHistory(
  db: Kysely<Database>,
  e: {
    partyId: string;
    actor: string;
    action: 'create' | 'update';
    before: TreatyPartySnapshot | null;
    after: TreatyPartySnapshot;
  },
): Promise<void> {
  await db
    .insertInto('treaty_party_history')
    .values({ ...historyRowValues(e), party_id: e.partyId })
    .execute();
}

/** Every change to a record, oldest first (empty for an unknown record). */
export async function listTreatyPartyHistory(
  db: Kysely<Database>,
  partyId: string,
): Promise<TreatyPartyHistoryEntry[]> {
  const rows = await db
    .selectFrom('treaty_party_history')
    .selectAll()
    .where('party_id', '=', partyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partyId: r.party_id,
    ...historyEntryOf<TreatyPartySnapshot, 'create' | 'update'>(r),
  }));
}
