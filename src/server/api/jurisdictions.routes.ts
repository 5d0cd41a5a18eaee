/** Jurisdictions: public browsing; members add their organization's own. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  jurisdiction,
  jurisdictionListQuery,
  jurisdictionParams,
  newJurisdiction,
} from '../../contracts/jurisdictions.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import {
  createJurisdiction,
  listVisibleJurisdictions,
  requireJurisdiction,
} from '../../services/jurisdictions.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { activeOrg, serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/jurisdictions. */
export function registerJurisdictionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['jurisdictions'];
  const ctxOf = (actor: Actor | null) => ({ db: deps.store.db, actor: actor ?? publicActor });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/jurisdictions',
    summary: 'Jurisdictions (countries, subdivisions, and your organization’s own), by OCD id',
    tags,
    access: 'public',
    query: jurisdictionListQuery,
    response: z.array(jurisdiction),
    handler: async ({ actor, query }) =>
      listVisibleJurisdictions(ctxOf(actor), {
        ...(query.parent ? { parentId: query.parent } : {}),
        ...(query.level ? { level: query.level } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/jurisdictions/:id',
    summary: 'One jurisdiction by URL-encoded OCD id',
    tags,
    access: 'public',
    params: jurisdictionParams,
    response: jurisdiction,
    handler: async ({ actor, params }) => requireJurisdiction(ctxOf(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/jurisdictions',
    summary: 'Add a jurisdiction of your organization’s own under an existing one',
    tags,
    access: 'jurisdictions:write',
    body: newJurisdiction,
    response: jurisdiction,
    status: 201,
    handler: async ({ actor, body }) =>
      createJurisdiction(serviceCtx(deps, actor), { ...body, organizationId: activeOrg(actor) }),
  });
}
