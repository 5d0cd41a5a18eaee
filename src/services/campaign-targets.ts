/**
 * A campaign's targets for one of its bills, following the bill's stage (core/campaigns/targets.ts), plus the
 * custom targets advocates add, each with its latest position and interaction count, and the whip count.
 * Policy: reading needs `org:read` and a campaign the organisation can see; recording a position, logging an
 * interaction or adding a custom target needs `campaigns:write` and owner or editor access. A target is keyed
 * `person:<ocd person id>` (any imported person) or `custom:<id>` (a custom target of this campaign), so a
 * position stays with the person when the bill moves on; people with a position who are no longer in the
 * venue are listed apart as `others`.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import type { Chamber } from '../core/bills/types.ts';
import {
  billVenue,
  type InteractionKind,
  interactionKinds,
  type TargetGroup,
  type TargetPosition,
  targetGroup,
  targetPositions,
  targetsForVenue,
  type Venue,
  whipCount,
} from '../core/campaigns/targets.ts';
import { type Campaign, canEditCampaign } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  insertCustomTarget,
  insertInteraction,
  insertPosition,
  listCustomTargets,
  listInteractions,
  listPositions,
  personNames,
  venuePeople,
} from '../store/campaign-targets.repo.ts';
import type { CampaignInteractionRow } from '../store/campaigns.schema.ts';
import { nowIso } from '../store/util.ts';
import { showBill } from './bills.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';

export interface CampaignTarget {
  key: string;
  personId: string | null;
  name: string;
  kind: 'derived' | 'custom';
  reason: 'committee' | 'chamber' | 'executive' | 'custom' | 'position';
  detail: string;
  group: TargetGroup;
  position: TargetPosition;
  positionDate: string | null;
  positionSource: string | null;
  interactions: number;
}

export interface CampaignTargets {
  billId: string | null;
  billIdentifier: string | null;
  stage: string | null;
  venue: Venue | null;
  /** Why the venue gave no one (a committee that is not imported), or null. */
  unresolved: string | null;
  targets: CampaignTarget[];
  /** People with a recorded position who are not targets at this stage. */
  others: CampaignTarget[];
  whip: Record<TargetPosition, number>;
}

export type CampaignInteraction = Omit<
  CampaignInteractionRow,
  'campaign_id' | 'target_key' | 'organization_id' | 'recorded_by' | 'created_at'
> & {
  targetKey: string;
  organizationId: string;
  recordedBy: string;
  createdAt: string;
};

/** Only the scope of a call's arguments (a position's `date` is not the targets' date). */
function scopeOf(args: CampaignScope): CampaignScope {
  return args.organization ? { organization: args.organization } : {};
}

function chamberOf(value: string | null): Chamber | null {
  return value === 'upper' || value === 'lower' || value === 'legislature' ? value : null;
}

async function editable(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope,
): Promise<{ organizationId: string; campaign: Campaign }> {
  const organizationId = await actingOrganization(ctx, scope, 'campaigns:write');
  const campaign = await getCampaign(ctx, id, { ...scope });
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  return { organizationId, campaign };
}

/** The targets of the campaign for one of its bills (the first by default) on a date (default today). */
export async function campaignTargets(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { billId?: string; date?: string } = {},
): Promise<CampaignTargets> {
  const campaign = await getCampaign(ctx, id, args);
  const date = args.date ?? nowIso().slice(0, 10);
  const billId = args.billId ?? campaign.billIds[0] ?? null;
  if (args.billId && !campaign.billIds.includes(args.billId))
    throw new DomainError('VALIDATION_FAILED', `bill ${args.billId} is not one of this campaign's bills`, {
      field: 'bill',
    });
  const [positions, interactions, custom] = await Promise.all([
    listPositions(ctx.db, id),
    listInteractions(ctx.db, id),
    listCustomTargets(ctx.db, id),
  ]);
  const latest = new Map(positions.map((p) => [p.target_key, p]));
  const touched = new Map<string, number>();
  for (const i of interactions) touched.set(i.target_key, (touched.get(i.target_key) ?? 0) + 1);
  let bill = null;
  let venue: Venue | null = null;
  let unresolved: string | null = null;
  let derived: ReturnType<typeof targetsForVenue>['targets'] = [];
  if (billId) {
    bill = await showBill(ctx, billId);
    const origin = chamberOf(bill.fromOrganization) ?? bill.actions[0]?.chamber ?? null;
    venue = billVenue(bill.stage, bill.actions, origin);
    const resolved = targetsForVenue(venue, await venuePeople(ctx.db, campaign.jurisdictionId, date));
    derived = resolved.targets;
    unresolved = resolved.unresolved;
  }
  const sponsorships = bill?.sponsorships ?? [];
  const target = (
    key: string,
    personId: string | null,
    name: string,
    kind: CampaignTarget['kind'],
    reason: CampaignTarget['reason'],
    detail: string,
  ): CampaignTarget => {
    const p = latest.get(key);
    const position = (p?.position ?? 'unknown') as TargetPosition;
    return {
      key,
      personId,
      name,
      kind,
      reason,
      detail,
      group: targetGroup(personId, sponsorships, position),
      position,
      positionDate: p?.date ?? null,
      positionSource: p?.source ?? null,
      interactions: touched.get(key) ?? 0,
    };
  };
  const targets = derived.map((d) =>
    target(`person:${d.personId}`, d.personId, d.name, 'derived', d.reason, d.detail),
  );
  const names = await personNames(
    ctx.db,
    custom.flatMap((c) => (c.person_id ? [c.person_id] : [])),
  );
  for (const c of custom) {
    const key = `custom:${c.id}`;
    if (c.person_id && targets.some((t) => t.personId === c.person_id)) continue;
    targets.push(
      target(
        key,
        c.person_id,
        c.person_id ? (names.get(c.person_id) ?? c.name) : c.name,
        'custom',
        'custom',
        c.office ?? '',
      ),
    );
  }
  const listed = new Set(targets.map((t) => t.key));
  const otherKeys = [...latest.keys()].filter((k) => !listed.has(k) && k.startsWith('person:'));
  const otherNames = await personNames(
    ctx.db,
    otherKeys.map((k) => k.slice('person:'.length)),
  );
  const others = otherKeys.map((k) => {
    const personId = k.slice('person:'.length);
    return target(k, personId, otherNames.get(personId) ?? personId, 'derived', 'position', '');
  });
  return {
    billId: bill?.id ?? null,
    billIdentifier: bill?.identifier ?? null,
    stage: bill?.stage ?? null,
    venue,
    unresolved,
    targets,
    others,
    whip: whipCount(targets.map((t) => t.position)),
  };
}

async function checkTargetKey(ctx: ServiceContext, campaignId: string, key: string): Promise<void> {
  if (key.startsWith('person:')) {
    const personId = key.slice('person:'.length);
    const found = await personNames(ctx.db, [personId]);
    if (found.size === 1) return;
    throw new DomainError('PERSON_NOT_FOUND', `no person ${personId}`, { field: 'target' });
  }
  if (key.startsWith('custom:')) {
    const custom = await listCustomTargets(ctx.db, campaignId);
    if (custom.some((c) => `custom:${c.id}` === key)) return;
    throw new DomainError('NOT_FOUND', `no custom target ${key.slice('custom:'.length)} in this campaign`, {
      field: 'target',
    });
  }
  throw new DomainError('VALIDATION_FAILED', 'a target is person:<ocd person id> or custom:<id>', {
    field: 'target',
  });
}

function checkDate(date: string): void {
  if (!isIsoDate(date))
    throw new DomainError('VALIDATION_FAILED', 'date must be YYYY-MM-DD', { field: 'date' });
}

/** Records a target's position (owner or editor); the latest by date counts. */
export async function recordPosition(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & {
    target: string;
    position: string;
    date: string;
    source?: string | null;
    note?: string | null;
  },
): Promise<CampaignTargets> {
  const { organizationId } = await editable(ctx, id, args);
  if (!(targetPositions as readonly string[]).includes(args.position))
    throw new DomainError('VALIDATION_FAILED', `position must be one of ${targetPositions.join(', ')}`, {
      field: 'position',
    });
  checkDate(args.date);
  await checkTargetKey(ctx, id, args.target);
  await ctx.db.transaction().execute(async (trx) => {
    await insertPosition(trx, {
      campaign_id: id,
      target_key: args.target,
      position: args.position as TargetPosition,
      date: args.date,
      source: args.source?.trim() || null,
      note: args.note?.trim() || null,
      organization_id: organizationId,
      recorded_by: actorLabel(ctx.actor),
      created_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.position', id, {
      target: args.target,
      position: args.position,
    });
  });
  return campaignTargets(ctx, id, scopeOf(args));
}

/** Logs a meeting, call, letter, testimony… with a target (owner or editor). */
export async function logInteraction(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { target: string; kind: string; date: string; note?: string | null },
): Promise<CampaignInteraction> {
  const { organizationId } = await editable(ctx, id, args);
  if (!(interactionKinds as readonly string[]).includes(args.kind))
    throw new DomainError('VALIDATION_FAILED', `kind must be one of ${interactionKinds.join(', ')}`, {
      field: 'kind',
    });
  checkDate(args.date);
  await checkTargetKey(ctx, id, args.target);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await insertInteraction(trx, {
      campaign_id: id,
      target_key: args.target,
      kind: args.kind as InteractionKind,
      date: args.date,
      note: args.note?.trim() || null,
      organization_id: organizationId,
      recorded_by: actorLabel(ctx.actor),
      created_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.interaction', id, { target: args.target, kind: args.kind });
    return r;
  });
  return toInteraction(row);
}

function toInteraction(r: CampaignInteractionRow): CampaignInteraction {
  return {
    id: r.id,
    kind: r.kind,
    date: r.date,
    note: r.note,
    targetKey: r.target_key,
    organizationId: r.organization_id,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  };
}

/** The interaction log, newest first. */
export async function campaignInteractions(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { target?: string } = {},
): Promise<CampaignInteraction[]> {
  await getCampaign(ctx, id, args);
  return (await listInteractions(ctx.db, id, args.target)).map(toInteraction);
}

/** Adds a custom target: an imported person (by OCD id) or any named office (owner or editor). */
export async function addCustomTarget(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { personId?: string | null; name?: string | null; office?: string | null },
): Promise<CampaignTargets> {
  await editable(ctx, id, args);
  let name = args.name?.trim() ?? '';
  if (args.personId) {
    const found = await personNames(ctx.db, [args.personId]);
    const known = found.get(args.personId);
    if (!known)
      throw new DomainError('PERSON_NOT_FOUND', `no person ${args.personId}`, { field: 'personId' });
    name = known;
  }
  if (name === '')
    throw new DomainError('VALIDATION_FAILED', 'name a person (personId) or an office (name)', {
      field: 'name',
    });
  if (name.length > 200)
    throw new DomainError('VALIDATION_FAILED', 'name: at most 200 characters', { field: 'name' });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await insertCustomTarget(trx, {
      campaign_id: id,
      person_id: args.personId ?? null,
      name,
      office: args.office?.trim() || null,
      created_by: actorLabel(ctx.actor),
      created_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'campaigns.custom_target', id, { target: row.id });
  });
  return campaignTargets(ctx, id, scopeOf(args));
}
