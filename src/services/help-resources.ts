/**
 * Help resources (hotlines, legal aid, shelters) an organisation maintains for the public rights pages.
 * Policy: reading needs `org:read`, writing `campaigns:write` (resources are community-facing outreach, kept
 * by the people who run campaigns, not by coders of law); an organisation sees and changes only its own
 * resources; every write is checked by core/help-resources (each problem naming its field) and audited; the
 * public sees only published resources, through `publicHelpResources`. A publish or edit notifies the portal
 * so its cached pages are dropped.
 */
import { actorCan, actorLabel, type Permission } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import {
  checkHelpResource,
  type HelpResource,
  type HelpResourceInput,
  type HelpResourceKind,
  normalizeLanguage,
} from '../core/help-resources/help-resources.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findHelpResource,
  insertHelpResource,
  listHelpResources,
  listPublishedHelpResources,
  updateHelpResource,
} from '../store/help-resources.repo.ts';
import type { HelpResourceRow } from '../store/help-resources.schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { requireOrganization } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** Which organisation: the actor's own, or `organization` for the command line. */
export interface ResourceScope {
  organization?: string;
  /** Today's date (tests move it). */
  today?: string;
}

const today = (scope: ResourceScope) => scope.today ?? nowIso().slice(0, 10);

/** The acting organisation's id, after checking the permission; FORBIDDEN without it. */
export async function resourceOrganization(
  ctx: ServiceContext,
  scope: ResourceScope,
  permission: Permission,
): Promise<string> {
  if (!actorCan(ctx.actor, permission)) throw new DomainError('FORBIDDEN', `this needs ${permission}`);
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    return (await requireOrganization(ctx.db, scope.organization)).id;
  }
  if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) return ctx.actor.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

/** Maps a row to the domain object. */
export function toHelpResource(r: HelpResourceRow): HelpResource {
  return {
    id: r.id,
    organizationId: r.organization_id,
    jurisdictionId: r.jurisdiction_id,
    kind: r.kind as HelpResourceKind,
    name: r.name,
    phone: r.phone,
    url: r.url,
    languages: JSON.parse(r.languages_json) as string[],
    hours: r.hours,
    description: r.description,
    lastVerified: r.last_verified,
    published: r.published === 1 || (r.published as unknown) === true,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function checked(input: HelpResourceInput, day: string) {
  const result = checkHelpResource(input, day);
  if (!result.ok) {
    throw new DomainError(
      'VALIDATION_FAILED',
      result.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      { problems: result.problems },
    );
  }
  return result.fields;
}

/** Adds a resource for the acting organisation (unpublished unless `published`). */
export async function addHelpResource(
  ctx: ServiceContext,
  input: HelpResourceInput,
  scope: ResourceScope = {},
): Promise<HelpResource> {
  const organizationId = await resourceOrganization(ctx, scope, 'campaigns:write');
  const fields = checked(input, today(scope));
  const jurisdiction = await requireJurisdiction(ctx, fields.jurisdictionId);
  const now = nowIso();
  const row: HelpResourceRow = {
    id: newSortableId(),
    organization_id: organizationId,
    jurisdiction_id: jurisdiction.id,
    kind: fields.kind,
    name: fields.name,
    phone: fields.phone,
    url: fields.url,
    languages_json: JSON.stringify(fields.languages),
    hours: fields.hours,
    description: fields.description,
    last_verified: fields.lastVerified,
    published: fields.published ? 1 : 0,
    created_by: actorLabel(ctx.actor),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertHelpResource(trx, row);
    await recordAudit(trx, ctx.actor, 'help_resources.create', row.id, {
      jurisdictionId: row.jurisdiction_id,
    });
  });
  if (fields.published) notifyPublicationChanged();
  return toHelpResource(row);
}

/** The acting organisation's resources, optionally of one jurisdiction. */
export async function listOwnHelpResources(
  ctx: ServiceContext,
  args: ResourceScope & { jurisdictionId?: string } = {},
): Promise<HelpResource[]> {
  const organizationId = await resourceOrganization(ctx, args, 'org:read');
  return (await listHelpResources(ctx.db, organizationId, args.jurisdictionId)).map(toHelpResource);
}

/** Changes a resource (all fields checked again); HELP_RESOURCE_NOT_FOUND for another organisation's. */
export async function editHelpResource(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<HelpResourceInput, 'jurisdictionId'>>,
  scope: ResourceScope = {},
): Promise<HelpResource> {
  const organizationId = await resourceOrganization(ctx, scope, 'campaigns:write');
  const row = await findHelpResource(ctx.db, organizationId, id);
  if (!row) throw new DomainError('HELP_RESOURCE_NOT_FOUND', `no help resource ${id}`);
  const current = toHelpResource(row);
  const fields = checked({ ...current, ...patch, jurisdictionId: current.jurisdictionId }, today(scope));
  const set = {
    kind: fields.kind,
    name: fields.name,
    phone: fields.phone,
    url: fields.url,
    languages_json: JSON.stringify(fields.languages),
    hours: fields.hours,
    description: fields.description,
    last_verified: fields.lastVerified,
    published: fields.published ? 1 : 0,
    updated_at: nowIso(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateHelpResource(trx, id, set);
    await recordAudit(trx, ctx.actor, 'help_resources.update', id);
  });
  if (current.published || fields.published) notifyPublicationChanged();
  return toHelpResource({ ...row, ...set });
}

/** Records that the resource was checked today (or on `on`, not in the future). */
export async function verifyHelpResource(
  ctx: ServiceContext,
  id: string,
  scope: ResourceScope & { on?: string } = {},
): Promise<HelpResource> {
  return editHelpResource(ctx, id, { lastVerified: scope.on ?? today(scope) }, scope);
}

/**
 * A jurisdiction's published resources for anyone, optionally only those offered in `language` (an ISO 639-1
 * code; `es` also matches `es-MX`; an unknown code filters nothing and is returned as null), with every
 * language the published resources offer (for the filter).
 */
export async function publicHelpResources(
  ctx: Pick<ServiceContext, 'db'>,
  jurisdictionId: string,
  language?: string,
): Promise<{ resources: HelpResource[]; language: string | null; offered: string[] }> {
  const rows = (await listPublishedHelpResources(ctx.db, jurisdictionId)).map(toHelpResource);
  const offered = [...new Set(rows.flatMap((r) => r.languages.map((l) => l.slice(0, 2))))].sort();
  const lang = language ? (normalizeLanguage(language)?.slice(0, 2) ?? null) : null;
  if (!lang) return { resources: rows, language: null, offered };
  return {
    resources: rows.filter((r) => r.languages.some((l) => l.slice(0, 2) === lang)),
    language: lang,
    offered,
  };
}
