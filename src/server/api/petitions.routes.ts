/** Petitions of a campaign: reading needs org:read, writing campaigns:write and owner or editor access. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { campaignParams } from '../../contracts/campaigns.ts';
import {
  petitionCreateBody,
  petitionParams,
  petitionPatchBody,
  petition as petitionSchema,
} from '../../contracts/petitions.ts';
import {
  createPetition,
  getPetition,
  listPetitions,
  type PetitionSummary,
  setPetitionStatus,
  updatePetition,
} from '../../services/petitions.ts';
import type { AppDeps } from '../deps.ts';
import { petitionPageCache } from '../pages/petition-cache.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/petitions and /api/v1/petitions/:id. */
export function registerPetitionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['petitions'];
  // A change shows on the public page at once (the cached copies of the old and new address go).
  const changed = (before: string | null, after: PetitionSummary) => {
    petitionPageCache(app).invalidate(before ? [before, after.slug] : [after.slug]);
    return after;
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/petitions',
    summary: 'Petitions of a campaign with their signatures counted by status (never who signed)',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(petitionSchema),
    handler: async ({ actor, params }) => listPetitions(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/petitions',
    summary: 'Create a draft petition for a campaign (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: petitionCreateBody,
    response: petitionSchema,
    status: 201,
    handler: async ({ actor, params, body }) =>
      changed(null, await createPetition(serviceCtx(deps, actor), params.id, defined(body) as never)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/petitions/:id',
    summary: 'One petition with its counts (404 unless your organization may read its campaign)',
    tags,
    access: 'org:read',
    params: petitionParams,
    response: petitionSchema,
    handler: async ({ actor, params }) => getPetition(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/petitions/:id',
    summary: 'Change a petition (owner or editor partner of its campaign)',
    tags,
    access: 'campaigns:write',
    params: petitionParams,
    body: petitionPatchBody,
    response: petitionSchema,
    handler: async ({ actor, params, body }) => {
      const ctx = serviceCtx(deps, actor);
      const before = (await getPetition(ctx, params.id)).slug;
      return changed(before, await updatePetition(ctx, params.id, defined(body)));
    },
  });

  for (const action of ['open', 'close'] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      url: `/api/v1/petitions/:id/${action}`,
      summary:
        action === 'open'
          ? 'Open a petition to signatures (a draft, or a closed one again)'
          : 'Close an open petition (its page stays, without the form)',
      tags,
      access: 'campaigns:write',
      params: petitionParams,
      response: petitionSchema,
      handler: async ({ actor, params }) =>
        changed(
          null,
          await setPetitionStatus(serviceCtx(deps, actor), params.id, action === 'open' ? 'open' : 'closed'),
        ),
    });
  }
}
