/** Story rows. They hold ciphertext only; services encrypt and decrypt. Callers check access first. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CampaignStoryRow } from './stories.schema.ts';

export async function insertStory(db: Kysely<Database>, row: CampaignStoryRow): Promise<void> {
  await db.insertInto('campaign_stories').values(row).execute();
}

/** A story of the organisation, or undefined (another organisation's story reads like a missing one). */
export async function findStory(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<CampaignStoryRow | undefined> {
  return db
    .selectFrom('campaign_stories')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The organisation's stories of a campaign, oldest first. */
export async function listStories(
  db: Kysely<Database>,
  organizationId: string,
  campaignId: string,
): Promise<CampaignStoryRow[]> {
  return db
    .selectFrom('campaign_stories')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Published stories of a campaign (expiry is checked by the caller, on its clock). */
export async function listPublishedStories(
  db: Kysely<Database>,
  campaignId: string,
): Promise<CampaignStoryRow[]> {
  return db
    .selectFrom('campaign_stories')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'published')
    .orderBy('published_at')
    .orderBy('id')
    .execute();
}

export async function updateStory(
  db: Kysely<Database>,
  id: string,
  set: Partial<
    Omit<CampaignStoryRow, 'id' | 'campaign_id' | 'organization_id' | 'created_by' | 'created_at'>
  >,
): Promise<void> {
  await db.updateTable('campaign_stories').set(set).where('id', '=', id).execute();
}

/** Published stories whose consent has expired by `today` (consent JSON read by the caller). */
export async function listPublishedAll(
  db: Kysely<Database>,
): Promise<Array<Pick<CampaignStoryRow, 'id' | 'consent_json'>>> {
  return db
    .selectFrom('campaign_stories')
    .select(['id', 'consent_json'])
    .where('status', '=', 'published')
    .execute();
}
