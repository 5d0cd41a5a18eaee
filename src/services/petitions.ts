/**
 * Petitions of a campaign, for the workspace and the command line. Policy (as campaigns, services/campaigns.ts):
 * - reading needs `org:read` and a campaign the acting organisation owns or partners in; writing needs
 *   `campaigns:write` and owner or editor access; anything else answers CAMPAIGN_NOT_FOUND / PETITION_NOT_FOUND
 *   exactly like a missing id;
 * - a petition is a draft until opened; only an open petition collects signatures; a closed one may be opened
 *   again; the slug (its public address `/act/<slug>`) is unique across the instance;
 * - the workspace sees how many signatures there are by status, never who signed.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import { canEditCampaign } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import {
  nextPetitionStatuses,
  type Petition,
  type PetitionFields,
  type PetitionStatus,
  petitionProblems,
} from '../core/petitions/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findPetitionRow,
  insertPetition,
  listPetitionRows,
  signatureTallies,
  slugTaken,
  toPetition,
  updatePetitionRow,
} from '../store/petitions.repo.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';

/** A petition with its signatures counted by status (numbers only). */
export interface PetitionSummary extends Petition {
  signatures: { pending: number; validated: number; counted: number };
}

async function editableCampaignId(ctx: ServiceContext, campaignId: string, scope: CampaignScope) {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const campaign = await getCampaign(ctx, campaignId, scope);
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return { organizationId, campaign };
}

/** A petition of a campaign the organisation may read (and, with `write`, edit); PETITION_NOT_FOUND otherwise. */
async function visiblePetition(ctx: ServiceContext, id: string, scope: CampaignScope, write: boolean) {
  const row = await findPetitionRow(ctx.db, id);
  if (!row) throw new DomainError('PETITION_NOT_FOUND', `no petition ${id}`);
  try {
    if (write) await editableCampaignId(ctx, row.campaign_id, scope);
    else await getCampaign(ctx, row.campaign_id, scope);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'CAMPAIGN_NOT_FOUND')
      throw new DomainError('PETITION_NOT_FOUND', `no petition ${id}`);
    throw err;
  }
  return row;
}

/** A petition whose campaign the organisation may edit (owner or editor); PETITION_NOT_FOUND otherwise. */
export async function editablePetition(ctx: ServiceContext, id: string, scope: CampaignScope = {}) {
  return visiblePetition(ctx, id, scope, true);
}

async function summary(ctx: ServiceContext, p: Petition): Promise<PetitionSummary> {
  return { ...p, signatures: await signatureTallies(ctx.db, p.id) };
}

function check(fields: PetitionFields): void {
  const problems = petitionProblems(fields);
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      problems,
    });
}

/** What a new petition needs; the goal defaults to 1000 and there is no partner unless named. */
export type NewPetition = Omit<PetitionFields, 'goal' | 'partnerName'> &
  Partial<Pick<PetitionFields, 'goal' | 'partnerName'>>;

/** Creates a draft petition for a campaign the organisation may edit. */
export async function createPetition(
  ctx: ServiceContext,
  campaignId: string,
  args: NewPetition & CampaignScope,
): Promise<PetitionSummary> {
  const { organizationId } = await editableCampaignId(ctx, campaignId, args);
  const fields: PetitionFields = {
    slug: args.slug,
    title: args.title.trim(),
    text: args.text,
    targetDescription: args.targetDescription.trim(),
    goal: args.goal ?? 1000,
    senderName: args.senderName.trim(),
    senderEmail: args.senderEmail.trim(),
    partnerName: args.partnerName?.trim() || null,
  };
  check(fields);
  if (await slugTaken(ctx.db, fields.slug))
    throw new DomainError('PETITION_SLUG_TAKEN', `the address /act/${fields.slug} is taken`, {
      field: 'slug',
    });
  const now = nowIso();
  const id = newSortableId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPetition(trx, {
      id,
      campaign_id: campaignId,
      organization_id: organizationId,
      slug: fields.slug,
      title: fields.title,
      text: fields.text,
      target_description: fields.targetDescription,
      goal: fields.goal,
      status: 'draft',
      sender_name: fields.senderName,
      sender_email: fields.senderEmail,
      partner_name: fields.partnerName,
      created_by: actorLabel(ctx.actor),
      created_at: now,
      updated_at: now,
      opened_at: null,
      closed_at: null,
    });
    await recordAudit(trx, ctx.actor, 'petitions.create', id, { campaignId, slug: fields.slug });
  });
  return getPetition(ctx, id, args);
}

/** Changes a petition's fields (owner or editor of its campaign). */
export async function updatePetition(
  ctx: ServiceContext,
  id: string,
  patch: Partial<PetitionFields> & CampaignScope,
): Promise<PetitionSummary> {
  const row = await visiblePetition(ctx, id, patch, true);
  const current = toPetition(row);
  const fields: PetitionFields = {
    slug: patch.slug ?? current.slug,
    title: patch.title?.trim() ?? current.title,
    text: patch.text ?? current.text,
    targetDescription: patch.targetDescription?.trim() ?? current.targetDescription,
    goal: patch.goal ?? current.goal,
    senderName: patch.senderName?.trim() ?? current.senderName,
    senderEmail: patch.senderEmail?.trim() ?? current.senderEmail,
    partnerName: patch.partnerName === undefined ? current.partnerName : patch.partnerName?.trim() || null,
  };
  check(fields);
  if (fields.slug !== current.slug && (await slugTaken(ctx.db, fields.slug, id)))
    throw new DomainError('PETITION_SLUG_TAKEN', `the address /act/${fields.slug} is taken`, {
      field: 'slug',
    });
  await ctx.db.transaction().execute(async (trx) => {
    await updatePetitionRow(trx, id, {
      slug: fields.slug,
      title: fields.title,
      text: fields.text,
      target_description: fields.targetDescription,
      goal: fields.goal,
      sender_name: fields.senderName,
      sender_email: fields.senderEmail,
      partner_name: fields.partnerName,
      updated_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'petitions.update', id, { fields: Object.keys(patch) });
  });
  return getPetition(ctx, id, patch);
}

/** Opens or closes a petition; PETITION_STATE_INVALID for a move its status does not allow. */
export async function setPetitionStatus(
  ctx: ServiceContext,
  id: string,
  status: Exclude<PetitionStatus, 'draft'>,
  scope: CampaignScope = {},
): Promise<PetitionSummary> {
  const row = await visiblePetition(ctx, id, scope, true);
  const from = row.status as PetitionStatus;
  if (!nextPetitionStatuses(from).includes(status))
    throw new DomainError('PETITION_STATE_INVALID', `a ${from} petition cannot become ${status}`);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updatePetitionRow(trx, id, {
      status,
      updated_at: now,
      ...(status === 'open' ? { opened_at: now, closed_at: null } : { closed_at: now }),
    });
    await recordAudit(trx, ctx.actor, `petitions.${status === 'open' ? 'open' : 'close'}`, id, {});
  });
  return getPetition(ctx, id, scope);
}

/** One petition with its counts; PETITION_NOT_FOUND unless its campaign is visible to the organisation. */
export async function getPetition(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<PetitionSummary> {
  return summary(ctx, toPetition(await visiblePetition(ctx, id, scope, false)));
}

/** The petitions of a campaign the organisation may read, oldest first, with their counts. */
export async function listPetitions(
  ctx: ServiceContext,
  campaignId: string,
  scope: CampaignScope = {},
): Promise<PetitionSummary[]> {
  await getCampaign(ctx, campaignId, scope);
  const rows = await listPetitionRows(ctx.db, campaignId);
  return Promise.all(rows.map((r) => summary(ctx, toPetition(r))));
}
