/** Campaign targets, positions and interactions: reading needs org:read, writing campaigns:write. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  campaignInteraction,
  campaignTargetsQuery,
  campaignTargets as campaignTargetsSchema,
  customTargetBody,
  interactionBody,
  interactionQuery,
  positionBody,
} from '../../contracts/campaign-targets.ts';
import { campaignParams } from '../../contracts/campaigns.ts';
import {
  addCustomTarget,
  campaignInteractions,
  campaignTargets,
  logInteraction,
  recordPosition,
} from '../../services/campaign-targets.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/targets, /positions and /interactions. */
export function registerCampaignTargetRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['campaigns'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/targets',
    summary:
      'Targets for one of the campaign’s bills, following its stage, with positions and the whip count',
    tags,
    access: 'org:read',
    params: campaignParams,
    query: campaignTargetsQuery,
    response: campaignTargetsSchema,
    handler: async ({ actor, params, query }) =>
      campaignTargets(serviceCtx(deps, actor), params.id, {
        ...(query.bill ? { billId: query.bill } : {}),
        ...(query.date ? { date: query.date } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/targets',
    summary: 'Add a custom target: an imported person or any named office (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: customTargetBody,
    response: campaignTargetsSchema,
    status: 201,
    handler: async ({ actor, params, body }) =>
      addCustomTarget(serviceCtx(deps, actor), params.id, {
        personId: body.personId ?? null,
        name: body.name ?? null,
        office: body.office ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/positions',
    summary: 'Record a target’s position (support, oppose, undecided, unknown) with date and source',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: positionBody,
    response: campaignTargetsSchema,
    status: 201,
    handler: async ({ actor, params, body }) =>
      recordPosition(serviceCtx(deps, actor), params.id, {
        target: body.target,
        position: body.position,
        date: body.date,
        source: body.source ?? null,
        note: body.note ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/interactions',
    summary: 'The interaction log (meetings, calls, letters, testimony), newest first',
    tags,
    access: 'org:read',
    params: campaignParams,
    query: interactionQuery,
    response: z.array(campaignInteraction),
    handler: async ({ actor, params, query }) =>
      campaignInteractions(serviceCtx(deps, actor), params.id, query.target ? { target: query.target } : {}),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/interactions',
    summary: 'Log a meeting, call, letter or testimony with a target (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: interactionBody,
    response: campaignInteraction,
    status: 201,
    handler: async ({ actor, params, body }) =>
      logInteraction(serviceCtx(deps, actor), params.id, {
        target: body.target,
        kind: body.kind,
        date: body.date,
        note: body.note ?? null,
      }),
  });
}
