/** Letter and call actions of a campaign: reading needs org:read, writing campaigns:write and owner or editor access. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { campaignParams } from '../../contracts/campaigns.ts';
import { actionCreateBody, actionParams, letterAction } from '../../contracts/letter-actions.ts';
import { actionStatus, createAction, listActions, setActionStatus } from '../../services/letter-actions.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/actions and /api/v1/actions/:id. */
export function registerLetterActionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['actions'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/actions',
    summary: 'Letter and call actions of a campaign with their counts (never who wrote or called)',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(letterAction),
    handler: async ({ actor, params }) => listActions(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/actions',
    summary: 'Create a draft letter or call action for a campaign (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: actionCreateBody,
    response: letterAction,
    status: 201,
    handler: async ({ actor, params, body }) => {
      const ctx = serviceCtx(deps, actor);
      const created = await createAction(ctx, params.id, {
        kind: body.kind,
        slug: body.slug,
        title: body.title,
        messageId: body.messageId,
        senderName: body.senderName ?? null,
        senderEmail: body.senderEmail ?? null,
        ...(body.hourlyPerRecipient !== undefined ? { hourlyPerRecipient: body.hourlyPerRecipient } : {}),
      });
      return actionStatus(ctx, created.id);
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/actions/:id',
    summary: 'One action with letters by status, per-target deliveries by status and calls by outcome',
    tags,
    access: 'org:read',
    params: actionParams,
    response: letterAction,
    handler: async ({ actor, params }) => actionStatus(serviceCtx(deps, actor), params.id),
  });

  for (const change of ['open', 'close'] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      url: `/api/v1/actions/:id/${change}`,
      summary: change === 'open' ? 'Open an action (a draft, or a closed one again)' : 'Close an open action',
      tags,
      access: 'campaigns:write',
      params: actionParams,
      response: letterAction,
      handler: async ({ actor, params }) => {
        const ctx = serviceCtx(deps, actor);
        await setActionStatus(ctx, params.id, change === 'open' ? 'open' : 'closed');
        return actionStatus(ctx, params.id);
      },
    });
  }
}
