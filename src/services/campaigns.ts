/**
 * Campaigns. Policy:
 * - a campaign belongs to the organisation that created it; the owner adds partner organisations as
 *   `editor` (may change the campaign and write milestones) or `viewer` (reads only);
 * - every read and write names the acting organisation (the actor's active one; the command line names one)
 *   and only sees campaigns that organisation owns or partners in — another coalition's campaign answers
 *   CAMPAIGN_NOT_FOUND exactly like a missing one;
 * - reading needs `org:read`, writing `campaigns:write` and owner or editor access; only the owner manages
 *   partners; the jurisdiction never changes after creation;
 * - gaps are indicators of the latest framework version; bills must be bills of the campaign's jurisdiction.
 */
import { actorCan, actorLabel, type Permission } from '../core/auth/permissions.ts';
import {
  type Campaign,
  type CampaignFields,
  type CampaignMilestone,
  type CampaignStatus,
  canEditCampaign,
  checkCampaignFields,
  checkMilestone,
  type FieldProblem,
  type PartnerRole,
} from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  deletePartner,
  findCampaign,
  insertCampaign,
  insertMilestone,
  listMilestones,
  listCampaigns as listStoredCampaigns,
  updateCampaign as updateStoredCampaign,
  upsertPartner,
} from '../store/campaigns.repo.ts';
import { nowIso } from '../store/util.ts';
import { requireOrganization } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';

/** Which organisation acts (only the command line names one; others use their active organisation). */
export interface CampaignScope {
  organization?: string;
}

/** The acting organisation's id, after the permission check. */
export async function actingOrganization(
  ctx: ServiceContext,
  scope: CampaignScope,
  permission: Permission,
): Promise<string> {
  if (!actorCan(ctx.actor, permission)) throw new DomainError('FORBIDDEN', `campaigns need ${permission}`);
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    return (await requireOrganization(ctx.db, scope.organization)).id;
  }
  if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) return ctx.actor.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

function invalid(problems: FieldProblem[]): never {
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    problems,
  });
}

/** Checks what only the database knows: the jurisdiction, the indicators and the bills exist and agree. */
async function checkReferences(ctx: ServiceContext, fields: CampaignFields): Promise<void> {
  const problems: FieldProblem[] = [];
  const jurisdiction = await ctx.db
    .selectFrom('jurisdictions')
    .select('id')
    .where('id', '=', fields.jurisdictionId)
    .executeTakeFirst();
  if (!jurisdiction)
    problems.push({ field: 'jurisdictionId', message: `no jurisdiction ${fields.jurisdictionId}` });
  const framework = await getFramework(ctx);
  const known = new Set(framework.indicators.map((i) => i.id));
  for (const g of fields.gaps) {
    if (!known.has(g))
      problems.push({ field: 'gaps', message: `${g} is not an indicator of ${framework.id}` });
  }
  if (fields.billIds.length > 0) {
    const bills = await ctx.db
      .selectFrom('bills')
      .select(['id', 'jurisdiction_id', 'identifier'])
      .where('id', 'in', fields.billIds)
      .execute();
    for (const id of fields.billIds) {
      const b = bills.find((x) => x.id === id);
      if (!b) problems.push({ field: 'billIds', message: `no bill ${id}` });
      else if (b.jurisdiction_id !== fields.jurisdictionId)
        problems.push({ field: 'billIds', message: `${b.identifier} is a bill of ${b.jurisdiction_id}` });
    }
  }
  if (problems.length > 0) invalid(problems);
}

/** The campaign if the organisation may read it; CAMPAIGN_NOT_FOUND otherwise. */
async function visibleCampaign(ctx: ServiceContext, organizationId: string, id: string): Promise<Campaign> {
  const campaign = await findCampaign(ctx.db, organizationId, id);
  if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `no campaign ${id}`, { id });
  return campaign;
}

/** The campaign if the organisation may change it (owner or editor): FORBIDDEN for a viewer partner. */
export async function editableCampaign(ctx: ServiceContext, scope: CampaignScope, id: string) {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const campaign = await visibleCampaign(ctx, organizationId, id);
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return { organizationId, campaign };
}

/** Campaigns the acting organisation owns or partners in. */
export async function listCampaigns(
  ctx: ServiceContext,
  args: CampaignScope & { status?: CampaignStatus; jurisdictionId?: string } = {},
): Promise<Campaign[]> {
  const organizationId = await actingOrganization(ctx, args, 'org:read');
  return listStoredCampaigns(ctx.db, organizationId, {
    ...(args.status ? { status: args.status } : {}),
    ...(args.jurisdictionId ? { jurisdictionId: args.jurisdictionId } : {}),
  });
}

/** One campaign; CAMPAIGN_NOT_FOUND when missing or not shared with the acting organisation. */
export async function getCampaign(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<Campaign> {
  return visibleCampaign(ctx, await actingOrganization(ctx, scope, 'org:read'), id);
}

/** What a new campaign needs; status defaults to planning, lists to empty. */
export type NewCampaign = Omit<CampaignFields, 'status' | 'billIds' | 'startDate' | 'endDate' | 'summary'> &
  Partial<Pick<CampaignFields, 'status' | 'billIds' | 'startDate' | 'endDate' | 'summary'>>;

/** Creates a campaign owned by the acting organisation. */
export async function createCampaign(
  ctx: ServiceContext,
  args: NewCampaign & CampaignScope,
): Promise<Campaign> {
  const organizationId = await actingOrganization(ctx, args, 'campaigns:write');
  const { fields, problems } = checkCampaignFields({
    title: args.title,
    summary: args.summary ?? '',
    status: args.status ?? 'planning',
    jurisdictionId: args.jurisdictionId,
    gaps: args.gaps,
    billIds: args.billIds ?? [],
    startDate: args.startDate ?? null,
    endDate: args.endDate ?? null,
  });
  if (problems.length > 0) invalid(problems);
  await checkReferences(ctx, fields);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertCampaign(trx, {
      organizationId,
      fields,
      createdBy: actorLabel(ctx.actor),
      now: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.create', created, { organizationId });
    return created;
  });
  return visibleCampaign(ctx, organizationId, id);
}

/** Changes a campaign's fields (owner or editor); the jurisdiction cannot change. */
export async function updateCampaign(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<CampaignFields, 'jurisdictionId'>> & CampaignScope,
): Promise<Campaign> {
  const { organizationId, campaign } = await editableCampaign(ctx, patch, id);
  const { fields, problems } = checkCampaignFields({
    title: patch.title ?? campaign.title,
    summary: patch.summary ?? campaign.summary,
    status: patch.status ?? campaign.status,
    jurisdictionId: campaign.jurisdictionId,
    gaps: patch.gaps ?? campaign.gaps,
    billIds: patch.billIds ?? campaign.billIds,
    startDate: patch.startDate !== undefined ? patch.startDate : campaign.startDate,
    endDate: patch.endDate !== undefined ? patch.endDate : campaign.endDate,
  });
  if (problems.length > 0) invalid(problems);
  await checkReferences(ctx, fields);
  await ctx.db.transaction().execute(async (trx) => {
    await updateStoredCampaign(trx, id, fields, nowIso());
    await recordAudit(trx, ctx.actor, 'campaigns.update', id, { organizationId });
  });
  return visibleCampaign(ctx, organizationId, id);
}

/** Adds a partner organisation or changes its role (owner only). */
export async function setPartner(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { partner: string; role: PartnerRole },
): Promise<Campaign> {
  const { organizationId, campaign } = await editableCampaign(ctx, args, id);
  if (campaign.access !== 'owner')
    throw new DomainError('FORBIDDEN', 'only the owning organization chooses partners');
  const partner = await requireOrganization(ctx.db, args.partner);
  if (partner.id === organizationId)
    throw new DomainError('VALIDATION_FAILED', 'the owning organization cannot be its own partner', {
      field: 'partner',
    });
  await ctx.db.transaction().execute(async (trx) => {
    await upsertPartner(trx, {
      campaignId: id,
      organizationId: partner.id,
      role: args.role,
      addedBy: actorLabel(ctx.actor),
      now: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.partner', id, { partner: partner.id, role: args.role });
  });
  return visibleCampaign(ctx, organizationId, id);
}

/** Removes a partner organisation (owner only); MEMBERSHIP_NOT_FOUND-like 404 when it was none. */
export async function removePartner(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { partner: string },
): Promise<Campaign> {
  const { organizationId, campaign } = await editableCampaign(ctx, args, id);
  if (campaign.access !== 'owner')
    throw new DomainError('FORBIDDEN', 'only the owning organization chooses partners');
  const partner = await requireOrganization(ctx.db, args.partner);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const done = await deletePartner(trx, id, partner.id);
    if (done) await recordAudit(trx, ctx.actor, 'campaigns.partner_removed', id, { partner: partner.id });
    return done;
  });
  if (!removed) throw new DomainError('NOT_FOUND', `${args.partner} is not a partner of this campaign`);
  return visibleCampaign(ctx, organizationId, id);
}

/** Writes a milestone (owner or editor). */
export async function addMilestone(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { date: string; title: string; note?: string | null },
): Promise<CampaignMilestone> {
  const { organizationId } = await editableCampaign(ctx, args, id);
  const note = args.note?.trim() ? args.note.trim() : null;
  const problems = checkMilestone({ date: args.date, title: args.title, note });
  if (problems.length > 0) invalid(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await insertMilestone(trx, {
      campaignId: id,
      organizationId,
      date: args.date,
      title: args.title.trim(),
      note,
      createdBy: actorLabel(ctx.actor),
      createdAt: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.milestone', id, { milestone: m.id });
    return m;
  });
}

/** A campaign's written milestones. */
export async function campaignMilestones(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<CampaignMilestone[]> {
  await getCampaign(ctx, id, scope);
  return listMilestones(ctx.db, id);
}
