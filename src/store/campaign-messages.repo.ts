/** Campaign facts and messages. Callers have checked that the organisation may see the campaign. */
import type { Kysely } from 'kysely';
import type { CampaignFactRow, CampaignMessageRow } from './campaigns.schema.ts';
import type { Database } from './schema.ts';
import { newSortableId } from './util.ts';

export async function listFacts(db: Kysely<Database>, campaignId: string): Promise<CampaignFactRow[]> {
  return db
    .selectFrom('campaign_facts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('date', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertFact(
  db: Kysely<Database>,
  row: Omit<CampaignFactRow, 'id'>,
): Promise<CampaignFactRow> {
  const full = { ...row, id: newSortableId() };
  await db.insertInto('campaign_facts').values(full).execute();
  return full;
}

/** Deletes a fact of the campaign; false when it has none with that id. */
export async function deleteFact(db: Kysely<Database>, campaignId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('campaign_facts')
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listMessages(db: Kysely<Database>, campaignId: string): Promise<CampaignMessageRow[]> {
  return db
    .selectFrom('campaign_messages')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

export async function findMessage(
  db: Kysely<Database>,
  campaignId: string,
  id: string,
): Promise<CampaignMessageRow | undefined> {
  return db
    .selectFrom('campaign_messages')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMessage(
  db: Kysely<Database>,
  row: Omit<CampaignMessageRow, 'id'>,
): Promise<CampaignMessageRow> {
  const full = { ...row, id: newSortableId() };
  await db.insertInto('campaign_messages').values(full).execute();
  return full;
}

export async function updateMessage(
  db: Kysely<Database>,
  id: string,
  set: Pick<CampaignMessageRow, 'title' | 'body' | 'target_group' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('campaign_messages').set(set).where('id', '=', id).execute();
}
