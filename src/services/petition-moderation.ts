/**
 * The moderation view of a petition (owner or editor of its campaign, `campaigns:write`): per hour, the
 * signatures' top address domains and client-address hashes (never an address or a name), how many were over
 * a limit or sent without a solved challenge; a bulk invalidation by domain or client hash over an hour range
 * (those signatures stop counting at the next aggregation), and its reversal. Both are audited.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findInvalidation,
  hourGroups,
  invalidateSignatures,
  listInvalidations,
  restoreSignatures,
} from '../store/petition-moderation.repo.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import type { CampaignScope } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { editablePetition } from './petitions.ts';

/** How many domains and client hashes an hour lists. */
export const trendTop = 5;

type Bucket = { value: string; count: number };

/** The per-hour trends of a petition (last `hours` hours, newest first) and its invalidations. */
export async function moderationReport(
  ctx: ServiceContext,
  petitionId: string,
  args: CampaignScope & { hours?: number; now?: Date },
) {
  await editablePetition(ctx, petitionId, args);
  const now = args.now ?? new Date();
  const since = new Date(now.getTime() - (args.hours ?? 24) * 3600_000).toISOString().slice(0, 13);
  const hours = new Map<
    string,
    { total: number; marked: number; unsolved: number; domains: Bucket[]; ips: Bucket[] }
  >();
  const at = (hour: string) => {
    const known = hours.get(hour);
    if (known) return known;
    const h = { total: 0, marked: 0, unsolved: 0, domains: [] as Bucket[], ips: [] as Bucket[] };
    hours.set(hour, h);
    return h;
  };
  for (const g of await hourGroups(ctx.db, petitionId, 'email_domain', since)) {
    const h = at(g.hour);
    h.total += g.n;
    h.marked += g.marked;
    h.unsolved += g.unsolved;
    if (g.value) h.domains.push({ value: g.value, count: g.n });
  }
  for (const g of await hourGroups(ctx.db, petitionId, 'ip_hash', since))
    if (g.value) at(g.hour).ips.push({ value: g.value, count: g.n });
  const top = (b: Bucket[]) =>
    b.sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)).slice(0, trendTop);
  return {
    hours: [...hours.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([hour, h]) => ({ hour, ...h, domains: top(h.domains), ips: top(h.ips) })),
    invalidations: (await listInvalidations(ctx.db, petitionId)).map((r) => ({
      id: r.id,
      kind: r.kind as 'domain' | 'ip',
      value: r.value,
      fromHour: r.from_hour,
      toHour: r.to_hour,
      affected: Number(r.affected),
      createdBy: r.created_by,
      createdAt: r.created_at,
      restoredAt: r.restored_at,
    })),
  };
}

/** What a bulk invalidation takes: a domain or client hash over an hour range (inclusive, UTC). */
export interface InvalidationArgs extends CampaignScope {
  kind: 'domain' | 'ip';
  value: string;
  fromHour: string;
  toHour: string;
}

/** Invalidates the matching signatures of a petition in bulk (audited); returns the invalidation and count. */
export async function invalidateInBulk(ctx: ServiceContext, petitionId: string, args: InvalidationArgs) {
  await editablePetition(ctx, petitionId, args);
  const from = Date.parse(`${args.fromHour}:00:00Z`);
  const to = Date.parse(`${args.toHour}:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new DomainError('VALIDATION_FAILED', 'fromHour/toHour: must be hours as YYYY-MM-DDTHH', {
      field: Number.isNaN(from) ? 'fromHour' : 'toHour',
    });
  if (to < from)
    throw new DomainError('VALIDATION_FAILED', 'toHour: must not be before fromHour', { field: 'toHour' });
  if (to - from > 31 * 24 * 3600_000)
    throw new DomainError('VALIDATION_FAILED', 'toHour: a range covers at most 31 days', { field: 'toHour' });
  const value = args.kind === 'domain' ? args.value.trim().toLowerCase() : args.value.trim();
  const id = newSortableId();
  const now = nowIso();
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const n = await invalidateSignatures(
      trx,
      {
        id,
        petition_id: petitionId,
        kind: args.kind,
        value,
        from_hour: args.fromHour,
        to_hour: args.toHour,
        affected: 0,
        created_by: actorLabel(ctx.actor),
        created_at: now,
        restored_at: null,
      },
      new Date(from).toISOString(),
      new Date(to + 3600_000).toISOString(),
    );
    await recordAudit(trx, ctx.actor, 'petitions.invalidate', petitionId, {
      invalidationId: id,
      kind: args.kind,
      value,
      fromHour: args.fromHour,
      toHour: args.toHour,
      affected: n,
    });
    return n;
  });
  return { id, affected };
}

/** Reverses an invalidation (audited); NOT_FOUND for another petition's, PETITION_STATE_INVALID if restored. */
export async function restoreInvalidation(
  ctx: ServiceContext,
  petitionId: string,
  args: CampaignScope & { invalidationId: string },
) {
  await editablePetition(ctx, petitionId, args);
  const found = await findInvalidation(ctx.db, petitionId, args.invalidationId);
  if (!found) throw new DomainError('NOT_FOUND', `no invalidation ${args.invalidationId} on this petition`);
  if (found.restored_at)
    throw new DomainError('PETITION_STATE_INVALID', `invalidation ${found.id} was already restored`);
  const affected = await ctx.db.transaction().execute(async (trx) => {
    const n = await restoreSignatures(trx, found, nowIso());
    await recordAudit(trx, ctx.actor, 'petitions.restore', petitionId, {
      invalidationId: found.id,
      affected: n,
    });
    return n;
  });
  return { id: found.id, affected };
}
