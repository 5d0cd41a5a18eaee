/**
 * Campaign rows. Every read takes the reading organisation and filters in the query itself: a campaign is
 * returned only to its owner and its partners (SEC-10: scope in the query layer, not after fetching), so an
 * id of another coalition's campaign reads exactly like an id that does not exist.
 */
import type { Kysely } from 'kysely';
import type {
  Campaign,
  CampaignAccess,
  CampaignFields,
  CampaignMilestone,
  CampaignPartner,
  CampaignStatus,
  PartnerRole,
} from '../core/campaigns/types.ts';
import type { CampaignMilestoneRow, CampaignRow } from './campaigns.schema.ts';
import type { Database } from './schema.ts';
import { newSortableId } from './util.ts';

/** Campaign ids the organisation may read (owned or partnered), as a subquery. */
function visibleIds(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('campaigns')
    .select('campaigns.id')
    .where((eb) =>
      eb.or([
        eb('campaigns.organization_id', '=', organizationId),
        eb(
          'campaigns.id',
          'in',
          eb
            .selectFrom('campaign_partners')
            .select('campaign_partners.campaign_id')
            .where('campaign_partners.organization_id', '=', organizationId),
        ),
      ]),
    );
}

async function hydrate(
  db: Kysely<Database>,
  rows: CampaignRow[],
  organizationId: string,
): Promise<Campaign[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [partners, gaps, bills, orgs] = await Promise.all([
    db
      .selectFrom('campaign_partners')
      .innerJoin('organizations', 'organizations.id', 'campaign_partners.organization_id')
      .select([
        'campaign_partners.campaign_id',
        'campaign_partners.organization_id',
        'campaign_partners.role',
        'campaign_partners.added_at',
        'organizations.name',
      ])
      .where('campaign_partners.campaign_id', 'in', ids)
      .orderBy('campaign_partners.added_at')
      .orderBy('campaign_partners.organization_id')
      .execute(),
    db.selectFrom('campaign_gaps').selectAll().where('campaign_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('campaign_bills').selectAll().where('campaign_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.organization_id))])
      .execute(),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const mine: CampaignPartner[] = partners
      .filter((p) => p.campaign_id === r.id)
      .map((p) => ({
        organizationId: p.organization_id,
        organizationName: p.name,
        role: p.role as PartnerRole,
        addedAt: p.added_at,
      }));
    const access: CampaignAccess =
      r.organization_id === organizationId
        ? 'owner'
        : (mine.find((p) => p.organizationId === organizationId)?.role ?? 'viewer');
    return {
      id: r.id,
      organizationId: r.organization_id,
      organizationName: orgName.get(r.organization_id) ?? '',
      title: r.title,
      summary: r.summary,
      status: r.status as CampaignStatus,
      jurisdictionId: r.jurisdiction_id,
      gaps: gaps.filter((g) => g.campaign_id === r.id).map((g) => g.indicator_id),
      billIds: bills.filter((b) => b.campaign_id === r.id).map((b) => b.bill_id),
      startDate: r.start_date,
      endDate: r.end_date,
      partners: mine,
      access,
      public: r.public === 1,
      publicSlug: r.public_slug,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** Campaigns the organisation owns or partners in, newest first, optionally of one status or jurisdiction. */
export async function listCampaigns(
  db: Kysely<Database>,
  organizationId: string,
  filter: { status?: CampaignStatus; jurisdictionId?: string } = {},
): Promise<Campaign[]> {
  let q = db.selectFrom('campaigns').selectAll().where('id', 'in', visibleIds(db, organizationId));
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.jurisdictionId) q = q.where('jurisdiction_id', '=', filter.jurisdictionId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return hydrate(db, rows, organizationId);
}

/** One campaign if the organisation may read it, else undefined (whether or not it exists). */
export async function findCampaign(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<Campaign | undefined> {
  const rows = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', id)
    .where('id', 'in', visibleIds(db, organizationId))
    .execute();
  return (await hydrate(db, rows, organizationId))[0];
}

async function writeLists(db: Kysely<Database>, id: string, fields: CampaignFields): Promise<void> {
  await db.deleteFrom('campaign_gaps').where('campaign_id', '=', id).execute();
  await db.deleteFrom('campaign_bills').where('campaign_id', '=', id).execute();
  if (fields.gaps.length > 0) {
    await db
      .insertInto('campaign_gaps')
      .values(fields.gaps.map((indicator_id, position) => ({ campaign_id: id, indicator_id, position })))
      .execute();
  }
  if (fields.billIds.length > 0) {
    await db
      .insertInto('campaign_bills')
      .values(fields.billIds.map((bill_id, position) => ({ campaign_id: id, bill_id, position })))
      .execute();
  }
}

/** Stores a new campaign owned by the organisation; returns its id. */
export async function insertCampaign(
  db: Kysely<Database>,
  args: { organizationId: string; fields: CampaignFields; createdBy: string; now: string },
): Promise<string> {
  const id = newSortableId();
  const f = args.fields;
  await db
    .insertInto('campaigns')
    .values({
      id,
      organization_id: args.organizationId,
      title: f.title,
      summary: f.summary,
      status: f.status,
      jurisdiction_id: f.jurisdictionId,
      start_date: f.startDate,
      end_date: f.endDate,
      public: 0,
      public_slug: null,
      created_by: args.createdBy,
      created_at: args.now,
      updated_at: args.now,
    })
    .execute();
  await writeLists(db, id, f);
  return id;
}

/** Replaces a campaign's editable fields (the jurisdiction never changes). */
export async function updateCampaign(
  db: Kysely<Database>,
  id: string,
  fields: CampaignFields,
  now: string,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({
      title: fields.title,
      summary: fields.summary,
      status: fields.status,
      start_date: fields.startDate,
      end_date: fields.endDate,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await writeLists(db, id, fields);
}

/** Adds a partner or changes its role. */
export async function upsertPartner(
  db: Kysely<Database>,
  args: { campaignId: string; organizationId: string; role: PartnerRole; addedBy: string; now: string },
): Promise<void> {
  const updated = await db
    .updateTable('campaign_partners')
    .set({ role: args.role })
    .where('campaign_id', '=', args.campaignId)
    .where('organization_id', '=', args.organizationId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('campaign_partners')
    .values({
      campaign_id: args.campaignId,
      organization_id: args.organizationId,
      role: args.role,
      added_by: args.addedBy,
      added_at: args.now,
    })
    .execute();
}

/** Removes a partner; returns false when it was not one. */
export async function deletePartner(db: Kysely<Database>, campaignId: string, organizationId: string) {
  const r = await db
    .deleteFrom('campaign_partners')
    .where('campaign_id', '=', campaignId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

function toMilestone(r: CampaignMilestoneRow): CampaignMilestone {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    date: r.date,
    title: r.title,
    note: r.note,
    organizationId: r.organization_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Stores a milestone and returns it. */
export async function insertMilestone(
  db: Kysely<Database>,
  m: Omit<CampaignMilestone, 'id'>,
): Promise<CampaignMilestone> {
  const row: CampaignMilestoneRow = {
    id: newSortableId(),
    campaign_id: m.campaignId,
    organization_id: m.organizationId,
    date: m.date,
    title: m.title,
    note: m.note,
    created_by: m.createdBy,
    created_at: m.createdAt,
  };
  await db.insertInto('campaign_milestones').values(row).execute();
  return toMilestone(row);
}

/** A campaign's milestones, by date. */
export async function listMilestones(db: Kysely<Database>, campaignId: string): Promise<CampaignMilestone[]> {
  const rows = await db
    .selectFrom('campaign_milestones')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toMilestone);
}
