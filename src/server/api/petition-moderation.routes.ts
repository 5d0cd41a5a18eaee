/** A petition's moderation view: trends per hour and bulk invalidation (campaigns:write, owner or editor). */
import type { FastifyInstance } from 'fastify';
import {
  invalidateBody,
  invalidationResult,
  moderationQuery,
  moderationReport as reportSchema,
  restoreBody,
} from '../../contracts/petition-moderation.ts';
import { petitionParams } from '../../contracts/petitions.ts';
import {
  invalidateInBulk,
  moderationReport,
  restoreInvalidation,
} from '../../services/petition-moderation.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/petitions/:id/moderation and its invalidate / restore actions. */
export function registerPetitionModerationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['petitions'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/petitions/:id/moderation',
    summary:
      'Per hour: top address domains and client-address hashes of the signatures, and the invalidations',
    tags,
    access: 'campaigns:write',
    params: petitionParams,
    query: moderationQuery,
    response: reportSchema,
    handler: async ({ actor, params, query }) =>
      moderationReport(serviceCtx(deps, actor), params.id, query.hours ? { hours: query.hours } : {}),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/petitions/:id/moderation/invalidate',
    summary:
      'Invalidate in bulk the signatures of a domain or client hash over an hour range (audited, reversible)',
    tags,
    access: 'campaigns:write',
    params: petitionParams,
    body: invalidateBody,
    response: invalidationResult,
    handler: async ({ actor, params, body }) => invalidateInBulk(serviceCtx(deps, actor), params.id, body),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/petitions/:id/moderation/restore',
    summary: 'Reverse a bulk invalidation: its signatures count again (audited)',
    tags,
    access: 'campaigns:write',
    params: petitionParams,
    body: restoreBody,
    response: invalidationResult,
    handler: async ({ actor, params, body }) => restoreInvalidation(serviceCtx(deps, actor), params.id, body),
  });
}
