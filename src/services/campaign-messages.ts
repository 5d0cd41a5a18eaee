/**
 * A campaign's messaging and evidence library. Policy: reading needs `org:read` and a campaign the
 * organisation can see; writing needs `campaigns:write` and owner or editor access. Every fact carries its
 * source. Talking points are drafted only from the jurisdiction's gap report on published answers (so each
 * legal statement rests on a published, cited answer) and are then editable. Templates may use only the
 * fields in core/campaigns/messages.ts; a preview fills them for one target.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import {
  checkFact,
  checkTemplate,
  draftTalkingPoints,
  type FieldProblem,
  type MessageKind,
  messageKinds,
  messageLimits,
  renderTemplate,
} from '../core/campaigns/messages.ts';
import { targetGroups } from '../core/campaigns/targets.ts';
import { canEditCampaign } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  deleteFact,
  findMessage,
  insertFact,
  insertMessage,
  listFacts,
  listMessages,
  updateMessage as updateStoredMessage,
} from '../store/campaign-messages.repo.ts';
import type { CampaignFactRow, CampaignMessageRow } from '../store/campaigns.schema.ts';
import { nowIso } from '../store/util.ts';
import { showBill } from './bills.ts';
import { campaignTargets } from './campaign-targets.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { gapReport } from './gaps.ts';

export interface CampaignFact {
  id: string;
  statement: string;
  source: string;
  sourceUrl: string | null;
  date: string;
  jurisdictionId: string | null;
  organizationId: string;
  createdBy: string;
  createdAt: string;
}

export interface CampaignMessage {
  id: string;
  kind: MessageKind;
  targetGroup: string | null;
  title: string;
  body: string;
  indicatorId: string | null;
  organizationId: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const toFact = (r: CampaignFactRow): CampaignFact => ({
  id: r.id,
  statement: r.statement,
  source: r.source,
  sourceUrl: r.source_url,
  date: r.date,
  jurisdictionId: r.jurisdiction_id,
  organizationId: r.organization_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toMessage = (r: CampaignMessageRow): CampaignMessage => ({
  id: r.id,
  kind: r.kind as MessageKind,
  targetGroup: r.target_group,
  title: r.title,
  body: r.body,
  indicatorId: r.indicator_id,
  organizationId: r.organization_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

function invalid(problems: FieldProblem[]): never {
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    problems,
  });
}

async function editable(ctx: ServiceContext, id: string, scope: CampaignScope) {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const campaign = await getCampaign(ctx, id, scope.organization ? { organization: scope.organization } : {});
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return { organizationId, campaign };
}

/** The campaign's facts, newest first. */
export async function campaignFacts(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<CampaignFact[]> {
  await getCampaign(ctx, id, scope);
  return (await listFacts(ctx.db, id)).map(toFact);
}

/** Adds a fact (a statistic or finding) with its source. */
export async function addFact(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & {
    statement: string;
    source: string;
    sourceUrl?: string | null;
    date: string;
    jurisdictionId?: string | null;
  },
): Promise<CampaignFact> {
  const { organizationId } = await editable(ctx, id, args);
  const fact = {
    statement: args.statement.trim(),
    source: args.source.trim(),
    sourceUrl: args.sourceUrl?.trim() || null,
    date: args.date,
    jurisdictionId: args.jurisdictionId ?? null,
  };
  const problems = checkFact(fact);
  if (fact.jurisdictionId) {
    const j = await ctx.db
      .selectFrom('jurisdictions')
      .select('id')
      .where('id', '=', fact.jurisdictionId)
      .executeTakeFirst();
    if (!j) problems.push({ field: 'jurisdictionId', message: `no jurisdiction ${fact.jurisdictionId}` });
  }
  if (problems.length > 0) invalid(problems);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertFact(trx, {
      campaign_id: id,
      statement: fact.statement,
      source: fact.source,
      source_url: fact.sourceUrl,
      date: fact.date,
      jurisdiction_id: fact.jurisdictionId,
      organization_id: organizationId,
      created_by: actorLabel(ctx.actor),
      created_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.fact', id, { fact: r.id });
    return r;
  });
  return toFact(row);
}

/** Removes a fact (owner or editor). */
export async function removeFact(
  ctx: ServiceContext,
  id: string,
  factId: string,
  scope: CampaignScope = {},
): Promise<void> {
  await editable(ctx, id, scope);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const done = await deleteFact(trx, id, factId);
    if (done) await recordAudit(trx, ctx.actor, 'campaigns.fact_removed', id, { fact: factId });
    return done;
  });
  if (!removed) throw new DomainError('NOT_FOUND', `no fact ${factId} in this campaign`);
}

/** The campaign's messages. */
export async function campaignMessages(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<CampaignMessage[]> {
  await getCampaign(ctx, id, scope);
  return (await listMessages(ctx.db, id)).map(toMessage);
}

function checkMessage(kind: string, title: string, body: string, targetGroup: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(messageKinds as readonly string[]).includes(kind))
    problems.push({ field: 'kind', message: `must be one of ${messageKinds.join(', ')}` });
  if (title.trim() === '') problems.push({ field: 'title', message: 'a message needs a title' });
  if (title.length > messageLimits.titleChars)
    problems.push({ field: 'title', message: `at most ${messageLimits.titleChars} characters` });
  if (targetGroup !== null && !(targetGroups as readonly string[]).includes(targetGroup))
    problems.push({ field: 'targetGroup', message: `must be one of ${targetGroups.join(', ')}` });
  return [...problems, ...checkTemplate(body)];
}

async function storeMessage(
  ctx: ServiceContext,
  id: string,
  organizationId: string,
  m: {
    kind: MessageKind;
    title: string;
    body: string;
    targetGroup: string | null;
    indicatorId: string | null;
  },
): Promise<CampaignMessage> {
  const now = nowIso();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertMessage(trx, {
      campaign_id: id,
      kind: m.kind,
      target_group: m.targetGroup,
      title: m.title.trim(),
      body: m.body,
      indicator_id: m.indicatorId,
      organization_id: organizationId,
      created_by: actorLabel(ctx.actor),
      created_at: now,
      updated_by: actorLabel(ctx.actor),
      updated_at: now,
    });
    await recordAudit(trx, ctx.actor, 'campaigns.message', id, { message: r.id, kind: m.kind });
    return r;
  });
  return toMessage(row);
}

/** Writes a letter, call script or talking points (owner or editor). */
export async function createMessage(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { kind: string; title: string; body: string; targetGroup?: string | null },
): Promise<CampaignMessage> {
  const { organizationId } = await editable(ctx, id, args);
  const targetGroup = args.targetGroup ?? null;
  const problems = checkMessage(args.kind, args.title, args.body, targetGroup);
  if (problems.length > 0) invalid(problems);
  return storeMessage(ctx, id, organizationId, {
    kind: args.kind as MessageKind,
    title: args.title,
    body: args.body,
    targetGroup,
    indicatorId: null,
  });
}

/** Changes a message's title, body or target group (owner or editor). */
export async function editMessage(
  ctx: ServiceContext,
  id: string,
  messageId: string,
  args: CampaignScope & { title?: string; body?: string; targetGroup?: string | null },
): Promise<CampaignMessage> {
  await editable(ctx, id, args);
  const stored = await findMessage(ctx.db, id, messageId);
  if (!stored) throw new DomainError('NOT_FOUND', `no message ${messageId} in this campaign`);
  const next = {
    title: args.title ?? stored.title,
    body: args.body ?? stored.body,
    target_group: args.targetGroup !== undefined ? args.targetGroup : stored.target_group,
  };
  const problems = checkMessage(stored.kind, next.title, next.body, next.target_group);
  if (problems.length > 0) invalid(problems);
  await ctx.db.transaction().execute(async (trx) => {
    await updateStoredMessage(trx, messageId, {
      ...next,
      title: next.title.trim(),
      updated_by: actorLabel(ctx.actor),
      updated_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.message_edit', id, { message: messageId });
  });
  return toMessage((await findMessage(ctx.db, id, messageId)) as CampaignMessageRow);
}

/**
 * Drafts talking points for one of the campaign's gaps from the gap report on published answers today, and
 * stores them as an editable message. The indicator must be a gap there (unmet or partly met).
 */
export async function draftTalkingPointsFor(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { indicatorId: string; date?: string },
): Promise<CampaignMessage> {
  const { organizationId, campaign } = await editable(ctx, id, args);
  if (!campaign.gaps.includes(args.indicatorId))
    throw new DomainError('VALIDATION_FAILED', `${args.indicatorId} is not one of this campaign's gaps`, {
      field: 'indicatorId',
    });
  const date = args.date ?? nowIso().slice(0, 10);
  const report = await gapReport(ctx, campaign.jurisdictionId, date, { include: 'published' });
  const gap = report.gaps.find((g) => g.indicatorId === args.indicatorId);
  if (!gap)
    throw new DomainError(
      'VALIDATION_FAILED',
      `${args.indicatorId} is not a gap of ${report.jurisdictionName ?? campaign.jurisdictionId} on ${date} in published answers (met, or not coded yet): nothing to draft from`,
      { field: 'indicatorId' },
    );
  const body = draftTalkingPoints(report.jurisdictionName ?? campaign.jurisdictionId, gap);
  return storeMessage(ctx, id, organizationId, {
    kind: 'talking_points',
    title: `${gap.indicatorId}: ${gap.question}`.slice(0, messageLimits.titleChars),
    body,
    targetGroup: null,
    indicatorId: gap.indicatorId,
  });
}

/** A message with its fields filled for one target (or for no one: target fields stay visible). */
export async function previewMessage(
  ctx: ServiceContext,
  id: string,
  messageId: string,
  args: CampaignScope & { target?: string } = {},
): Promise<{ text: string }> {
  const campaign = await getCampaign(ctx, id, args);
  const stored = await findMessage(ctx.db, id, messageId);
  if (!stored) throw new DomainError('NOT_FOUND', `no message ${messageId} in this campaign`);
  const jurisdiction = await ctx.db
    .selectFrom('jurisdictions')
    .select('name_en')
    .where('id', '=', campaign.jurisdictionId)
    .executeTakeFirst();
  const bill = campaign.billIds[0] ? await showBill(ctx, campaign.billIds[0]) : null;
  let target: { name: string; detail: string } | undefined;
  if (args.target) {
    const t = await campaignTargets(ctx, id, args.organization ? { organization: args.organization } : {});
    target = [...t.targets, ...t.others].find((x) => x.key === args.target);
    if (!target)
      throw new DomainError('NOT_FOUND', `no target ${args.target} in this campaign`, { field: 'target' });
  }
  return {
    text: renderTemplate(stored.body, {
      'campaign.title': campaign.title,
      'campaign.summary': campaign.summary,
      'organization.name': campaign.organizationName,
      'jurisdiction.name': jurisdiction?.name_en ?? campaign.jurisdictionId,
      'bill.identifier': bill?.identifier ?? '',
      'bill.title': bill?.title ?? '',
      'target.name': target?.name ?? '',
      'target.detail': target?.detail ?? '',
      gaps: campaign.gaps.join(', '),
    }),
  };
}
