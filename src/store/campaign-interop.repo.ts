/**
 * What campaign export and import read and write beyond the campaign tables' own repositories: the identifiers
 * other systems gave a campaign's records, the campaign's bills by session and identifier, and in-place updates
 * of custom targets and interactions matched by identifier. Callers have already checked that the organisation
 * may see (and, to write, edit) the campaign.
 */
import type { Kysely } from 'kysely';
import type { CampaignIdentifierRow } from './campaign-identifiers.schema.ts';
import type { Database } from './schema.ts';

/** The stored foreign identifiers of a campaign's records, in the order they were stored. */
export async function listIdentifiers(
  db: Kysely<Database>,
  campaignId: string,
): Promise<CampaignIdentifierRow[]> {
  return db
    .selectFrom('campaign_identifiers')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .orderBy('identifier')
    .execute();
}

/** Campaign ids holding any of these identifiers for the campaign itself (the caller filters visibility). */
export async function campaignsByIdentifier(
  db: Kysely<Database>,
  identifiers: readonly string[],
): Promise<string[]> {
  if (identifiers.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_identifiers')
    .select('campaign_id')
    .where('record_type', '=', 'campaign')
    .where('identifier', 'in', [...identifiers])
    .execute();
  return [...new Set(rows.map((r) => r.campaign_id))];
}

/** Stores identifiers of one record; an identifier the campaign already holds is moved to this record. */
export async function storeIdentifiers(
  db: Kysely<Database>,
  args: {
    campaignId: string;
    recordType: string;
    recordKey: string;
    identifiers: readonly string[];
    now: string;
  },
): Promise<void> {
  for (const identifier of args.identifiers) {
    const updated = await db
      .updateTable('campaign_identifiers')
      .set({ record_type: args.recordType, record_key: args.recordKey })
      .where('campaign_id', '=', args.campaignId)
      .where('identifier', '=', identifier)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) continue;
    await db
      .insertInto('campaign_identifiers')
      .values({
        campaign_id: args.campaignId,
        identifier,
        record_type: args.recordType,
        record_key: args.recordKey,
        created_at: args.now,
      })
      .execute();
  }
}

/** Bills by id: their session and identifier (for the export). */
export async function billNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Array<{ id: string; session: string; identifier: string }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('bills')
    .select(['id', 'session_identifier as session', 'identifier'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The jurisdiction's bills of these sessions (for the import to find bills by session and identifier). */
export async function billsOfSessions(
  db: Kysely<Database>,
  jurisdictionId: string,
  sessions: readonly string[],
): Promise<Array<{ id: string; session: string; identifier: string }>> {
  if (sessions.length === 0) return [];
  return db
    .selectFrom('bills')
    .select(['id', 'session_identifier as session', 'identifier'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('session_identifier', 'in', [...new Set(sessions)])
    .execute();
}

/** Changes a custom target's name, office and person. */
export async function updateCustomTarget(
  db: Kysely<Database>,
  id: string,
  fields: { name: string; office: string | null; person_id: string | null },
): Promise<void> {
  await db.updateTable('campaign_custom_targets').set(fields).where('id', '=', id).execute();
}

/** Changes an interaction's target, kind, date and note. */
export async function updateInteraction(
  db: Kysely<Database>,
  id: string,
  fields: { target_key: string; kind: string; date: string; note: string | null },
): Promise<void> {
  await db.updateTable('campaign_interactions').set(fields).where('id', '=', id).execute();
}
