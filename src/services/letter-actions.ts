/**
 * Letter and call actions of a campaign, for the workspace and the command line. Policy (as petitions):
 * - reading needs `org:read` and a campaign the acting organisation owns or partners in; writing needs
 *   `campaigns:write` and owner or editor access; anything else answers ACTION_NOT_FOUND like a missing id;
 * - a letter action uses one of the campaign's `letter` messages and needs a sending address; a call action
 *   uses a `call_script` message; the slug (public address `/act/<slug>/letter|call`) is unique;
 * - the workspace reads counts only (letters by status, deliveries by status, calls by outcome), never who.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import { canEditCampaign } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import {
  type ActionFields,
  type ActionStatus,
  actionProblems,
  type CallOutcome,
  callOutcomes,
  type DeliveryStatus,
  defaultHourlyPerRecipient,
  type LetterAction,
  nextActionStatuses,
} from '../core/letter-actions/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { findMessage } from '../store/campaign-messages.repo.ts';
import type { LetterActionRow } from '../store/letter-actions.schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';

/** An action with its counts (numbers only). */
export interface ActionSummary extends LetterAction {
  letters: { pending: number; confirmed: number };
  deliveries: Record<DeliveryStatus, number>;
  calls: Record<CallOutcome, number>;
}

/** The stored row as the workspace sees it. */
export function toAction(r: LetterActionRow): LetterAction {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    kind: r.kind as LetterAction['kind'],
    slug: r.slug,
    title: r.title,
    messageId: r.message_id,
    jurisdictionId: r.jurisdiction_id,
    senderName: r.sender_name,
    senderEmail: r.sender_email,
    hourlyPerRecipient: r.hourly_per_recipient,
    status: r.status as ActionStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function invalid(problems: Array<{ field: string; message: string }>): never {
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    problems,
  });
}

async function editableCampaign(ctx: ServiceContext, campaignId: string, scope: CampaignScope) {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const campaign = await getCampaign(ctx, campaignId, scope);
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return { organizationId, campaign };
}

async function visibleAction(ctx: ServiceContext, id: string, scope: CampaignScope, write: boolean) {
  const row = await ctx.db.selectFrom('letter_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('ACTION_NOT_FOUND', `no action ${id}`);
  try {
    if (write) await editableCampaign(ctx, row.campaign_id, scope);
    else await getCampaign(ctx, row.campaign_id, scope);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'CAMPAIGN_NOT_FOUND')
      throw new DomainError('ACTION_NOT_FOUND', `no action ${id}`);
    throw err;
  }
  return row;
}

/** Creates a draft letter or call action of a campaign (owner or editor). */
export async function createAction(
  ctx: ServiceContext,
  campaignId: string,
  args: CampaignScope & Omit<ActionFields, 'hourlyPerRecipient'> & { hourlyPerRecipient?: number },
): Promise<LetterAction> {
  const { organizationId, campaign } = await editableCampaign(ctx, campaignId, args);
  const fields: ActionFields = {
    kind: args.kind,
    slug: args.slug,
    title: args.title,
    messageId: args.messageId,
    senderName: args.kind === 'letter' ? args.senderName : null,
    senderEmail: args.kind === 'letter' ? (args.senderEmail?.trim() ?? null) : null,
    hourlyPerRecipient: args.hourlyPerRecipient ?? defaultHourlyPerRecipient,
  };
  const problems = actionProblems(fields);
  if (problems.length > 0) invalid(problems);
  const message = await findMessage(ctx.db, campaignId, fields.messageId);
  const wanted = fields.kind === 'letter' ? 'letter' : 'call_script';
  if (!message || message.kind !== wanted)
    invalid([{ field: 'messageId', message: `no ${wanted} message ${fields.messageId} in this campaign` }]);
  const taken = await ctx.db
    .selectFrom('letter_actions')
    .select('id')
    .where('slug', '=', fields.slug)
    .executeTakeFirst();
  if (taken)
    throw new DomainError('ACTION_SLUG_TAKEN', `the address ${fields.slug} is taken`, { field: 'slug' });
  const now = nowIso();
  const row: LetterActionRow = {
    id: newSortableId(),
    campaign_id: campaignId,
    organization_id: organizationId,
    kind: fields.kind,
    slug: fields.slug,
    title: fields.title.trim(),
    message_id: fields.messageId,
    jurisdiction_id: campaign.jurisdictionId,
    sender_name: fields.senderName?.trim() ?? null,
    sender_email: fields.senderEmail,
    hourly_per_recipient: fields.hourlyPerRecipient,
    status: 'draft',
    created_by: actorLabel(ctx.actor),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('letter_actions').values(row).execute();
    await recordAudit(trx, ctx.actor, 'actions.create', row.id, { campaign: campaignId, kind: row.kind });
  });
  return toAction(row);
}

/** Opens or closes an action (owner or editor); ACTION_STATE_INVALID for a move its status does not allow. */
export async function setActionStatus(
  ctx: ServiceContext,
  id: string,
  status: ActionStatus,
  scope: CampaignScope = {},
): Promise<LetterAction> {
  const row = await visibleAction(ctx, id, scope, true);
  if (!nextActionStatuses(row.status as ActionStatus).includes(status))
    throw new DomainError('ACTION_STATE_INVALID', `an action that is ${row.status} cannot become ${status}`);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('letter_actions').set({ status, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, status === 'open' ? 'actions.open' : 'actions.close', id, {});
  });
  return toAction({ ...row, status, updated_at: now });
}

async function summarize(ctx: ServiceContext, row: LetterActionRow): Promise<ActionSummary> {
  const letters = await ctx.db
    .selectFrom('letters')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('action_id', '=', row.id)
    .groupBy('status')
    .execute();
  const deliveries = await ctx.db
    .selectFrom('letter_deliveries as d')
    .leftJoin('mail_outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.status', 'o.id as outbox', 'o.sent_at', 'o.attempts'])
    .where('d.action_id', '=', row.id)
    .execute();
  const calls = await ctx.db
    .selectFrom('call_reports')
    .select(['outcome', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('action_id', '=', row.id)
    .groupBy('outcome')
    .execute();
  const letterCount = (s: string) => Number(letters.find((l) => l.status === s)?.n ?? 0);
  const byStatus: Record<DeliveryStatus, number> = { queued: 0, sent: 0, failed: 0, 'no-address': 0 };
  for (const d of deliveries) {
    // A sent outbox row is erased 30 days later; a queued delivery without its row has gone.
    const s: DeliveryStatus =
      d.status === 'no-address'
        ? 'no-address'
        : d.outbox === null || d.sent_at !== null
          ? 'sent'
          : Number(d.attempts) > 0
            ? 'failed'
            : 'queued';
    byStatus[s] += 1;
  }
  const callCount = Object.fromEntries(
    callOutcomes.map((o) => [o, Number(calls.find((c) => c.outcome === o)?.n ?? 0)]),
  ) as Record<CallOutcome, number>;
  return {
    ...toAction(row),
    letters: { pending: letterCount('pending'), confirmed: letterCount('confirmed') },
    deliveries: byStatus,
    calls: callCount,
  };
}

/** The campaign's letter and call actions with their counts, oldest first. */
export async function listActions(
  ctx: ServiceContext,
  campaignId: string,
  scope: CampaignScope = {},
): Promise<ActionSummary[]> {
  await getCampaign(ctx, campaignId, scope);
  const rows = await ctx.db
    .selectFrom('letter_actions')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map((r) => summarize(ctx, r)));
}

/** One action with its counts (letters, per-target deliveries by status, calls by outcome). */
export async function actionStatus(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<ActionSummary> {
  return summarize(ctx, await visibleAction(ctx, id, scope, false));
}
