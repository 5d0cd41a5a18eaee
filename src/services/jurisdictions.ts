/** Browsing jurisdictions and adding an organization's own (a city, a county, a region). */
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { LocalizedText } from '../core/framework/types.ts';
import {
  isOcdDivisionId,
  type Jurisdiction,
  type JurisdictionLevel,
  ocdTypeId,
} from '../core/jurisdictions/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { getJurisdiction, insertJurisdiction, listJurisdictions } from '../store/jurisdictions.repo.ts';
import type { ServiceContext } from './context.ts';

function actorOrg(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'system' || ctx.actor.kind === 'public' ? null : ctx.actor.organizationId;
}

/** Lists jurisdictions visible to the actor (all of them for the CLI), optionally children of one parent or of one level. */
export async function listVisibleJurisdictions(
  ctx: ServiceContext,
  args: { parentId?: string | null; level?: JurisdictionLevel } = {},
): Promise<Jurisdiction[]> {
  if (args.parentId) await requireJurisdiction(ctx, args.parentId);
  return listJurisdictions(ctx.db, {
    ...args,
    organizationId: actorOrg(ctx),
    allOrganizations: ctx.actor.kind === 'system',
  });
}

/** One jurisdiction visible to the actor; throws JURISDICTION_NOT_FOUND. */
export async function requireJurisdiction(ctx: ServiceContext, id: string): Promise<Jurisdiction> {
  const j = isOcdDivisionId(id) ? await getJurisdiction(ctx.db, id) : null;
  const org = actorOrg(ctx);
  if (!j || (j.organizationId !== null && ctx.actor.kind !== 'system' && j.organizationId !== org)) {
    throw new DomainError('JURISDICTION_NOT_FOUND', `jurisdiction ${id} does not exist`, { id });
  }
  return j;
}

export interface NewJurisdiction {
  parentId: string;
  /** OCD type of the new division, e.g. `place`, `county`, `region`. */
  type: string;
  name: LocalizedText;
  organizationId: string;
}

/** Adds an organization's own jurisdiction under an existing one; its OCD id is derived from the name. */
export async function createJurisdiction(ctx: ServiceContext, args: NewJurisdiction): Promise<Jurisdiction> {
  if (!actorCan(ctx.actor, 'jurisdictions:write')) {
    throw new DomainError('FORBIDDEN', 'you may not add jurisdictions');
  }
  const parent = await requireJurisdiction(ctx, args.parentId);
  if (!/^[a-z_-]{2,40}$/.test(args.type)) {
    throw new DomainError('JURISDICTION_INVALID', 'type must be 2-40 lowercase letters, "_" or "-"', {
      field: 'type',
    });
  }
  const id = `${parent.id}/${args.type}:${ocdTypeId(args.name.en)}`;
  if (!isOcdDivisionId(id)) {
    throw new DomainError('JURISDICTION_INVALID', `name gives an invalid division id: ${id}`, {
      field: 'name',
    });
  }
  if (await getJurisdiction(ctx.db, id)) {
    throw new DomainError('JURISDICTION_EXISTS', `jurisdiction ${id} already exists`, { id });
  }
  const created = await insertJurisdiction(ctx.db, {
    id,
    parentId: parent.id,
    level: 'local',
    type: args.type,
    name: args.name,
    isoCode: null,
    isoAlpha3: null,
    isoNumeric: null,
    organizationId: args.organizationId,
  });
  await recordAudit(ctx.db, ctx.actor, 'jurisdiction.create', id);
  return created;
}
