/** A campaign's facts and messages: reading needs org:read, writing campaigns:write (owner or editor). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  campaignFact,
  campaignFactParams,
  campaignMessage,
  campaignMessageParams,
  factBody,
  messageBody,
  messagePatchBody,
  previewQuery,
  talkingPointsBody,
} from '../../contracts/campaign-messages.ts';
import { campaignParams } from '../../contracts/campaigns.ts';
import {
  addFact,
  campaignFacts,
  campaignMessages,
  createMessage,
  draftTalkingPointsFor,
  editMessage,
  previewMessage,
  removeFact,
} from '../../services/campaign-messages.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/facts, /messages and /talking-points. */
export function registerCampaignMessageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['campaigns'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/facts',
    summary: 'The campaign’s evidence library: facts with their sources, newest first',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(campaignFact),
    handler: async ({ actor, params }) => campaignFacts(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/facts',
    summary: 'Add a fact (statistic or finding) with its source and date',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: factBody,
    response: campaignFact,
    status: 201,
    handler: async ({ actor, params, body }) =>
      addFact(serviceCtx(deps, actor), params.id, {
        statement: body.statement,
        source: body.source,
        sourceUrl: body.sourceUrl ?? null,
        date: body.date,
        jurisdictionId: body.jurisdictionId ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/campaigns/:id/facts/:factId',
    summary: 'Remove a fact',
    tags,
    access: 'campaigns:write',
    params: campaignFactParams,
    status: 204,
    handler: async ({ actor, params }) => {
      await removeFact(serviceCtx(deps, actor), params.id, params.factId);
      return undefined;
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/messages',
    summary: 'Talking points, letter and call-script templates of the campaign',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(campaignMessage),
    handler: async ({ actor, params }) => campaignMessages(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/messages',
    summary: 'Write a letter, call script or talking points (fields checked)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: messageBody,
    response: campaignMessage,
    status: 201,
    handler: async ({ actor, params, body }) =>
      createMessage(serviceCtx(deps, actor), params.id, {
        kind: body.kind,
        title: body.title,
        body: body.body,
        targetGroup: body.targetGroup ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/campaigns/:id/messages/:messageId',
    summary: 'Change a message’s title, text or target group',
    tags,
    access: 'campaigns:write',
    params: campaignMessageParams,
    body: messagePatchBody,
    response: campaignMessage,
    handler: async ({ actor, params, body }) =>
      editMessage(serviceCtx(deps, actor), params.id, params.messageId, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.body !== undefined ? { body: body.body } : {}),
        ...(body.targetGroup !== undefined ? { targetGroup: body.targetGroup } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/talking-points',
    summary: 'Draft talking points for one of the campaign’s gaps from the published gap report',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: talkingPointsBody,
    response: campaignMessage,
    status: 201,
    handler: async ({ actor, params, body }) =>
      draftTalkingPointsFor(serviceCtx(deps, actor), params.id, {
        indicatorId: body.indicatorId,
        ...(body.date ? { date: body.date } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/messages/:messageId/preview',
    summary: 'A message with its fields filled, for one target or none',
    tags,
    access: 'org:read',
    params: campaignMessageParams,
    query: previewQuery,
    response: z.object({ text: z.string() }),
    handler: async ({ actor, params, query }) =>
      previewMessage(
        serviceCtx(deps, actor),
        params.id,
        params.messageId,
        query.target ? { target: query.target } : {},
      ),
  });
}
