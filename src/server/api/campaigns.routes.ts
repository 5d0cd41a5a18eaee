/** Campaigns: reading needs org:read, writing campaigns:write; only the owner and partners see a campaign. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  campaignCreateBody,
  campaignListQuery,
  campaignMilestone,
  campaignMilestoneBody,
  campaignOutcome,
  campaignParams,
  campaignPartnerBody,
  campaignPartnerParams,
  campaignPatchBody,
  campaignPublicBody,
  campaignPublicState,
  campaign as campaignSchema,
  timelineEntry,
} from '../../contracts/campaigns.ts';
import { campaignOutcome as outcomeOf } from '../../services/campaign-outcome.ts';
import { campaignTimeline } from '../../services/campaign-timeline.ts';
import {
  addMilestone,
  campaignMilestones,
  createCampaign,
  getCampaign,
  listCampaigns,
  removePartner,
  setPartner,
  updateCampaign,
} from '../../services/campaigns.ts';
import { setCampaignPublic } from '../../services/public-campaigns.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns. */
export function registerCampaignRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['campaigns'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns',
    summary: 'Campaigns your organization owns or partners in, newest first',
    tags,
    access: 'org:read',
    query: campaignListQuery,
    response: z.array(campaignSchema),
    handler: async ({ actor, query }) =>
      listCampaigns(serviceCtx(deps, actor), {
        ...(query.status ? { status: query.status } : {}),
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns',
    summary: 'Create a campaign owned by your organization, to close gaps in one jurisdiction',
    tags,
    access: 'campaigns:write',
    body: campaignCreateBody,
    response: campaignSchema,
    status: 201,
    handler: async ({ actor, body }) => createCampaign(serviceCtx(deps, actor), defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id',
    summary: 'One campaign (404 unless your organization owns it or partners in it)',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: campaignSchema,
    handler: async ({ actor, params }) => getCampaign(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/campaigns/:id',
    summary: 'Change a campaign (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: campaignPatchBody,
    response: campaignSchema,
    handler: async ({ actor, params, body }) =>
      updateCampaign(serviceCtx(deps, actor), params.id, defined(body)),
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/campaigns/:id/public',
    summary: 'Make a campaign public on the portal (while active) or private (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: campaignPublicBody,
    response: campaignPublicState,
    handler: async ({ actor, params, body }) =>
      setCampaignPublic(serviceCtx(deps, actor), params.id, { public: body.public }),
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/campaigns/:id/partners/:organization',
    summary: 'Add a partner organization or change its role (owner only)',
    tags,
    access: 'campaigns:write',
    params: campaignPartnerParams,
    body: campaignPartnerBody,
    response: campaignSchema,
    handler: async ({ actor, params, body }) =>
      setPartner(serviceCtx(deps, actor), params.id, { partner: params.organization, role: body.role }),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/campaigns/:id/partners/:organization',
    summary: 'Remove a partner organization (owner only)',
    tags,
    access: 'campaigns:write',
    params: campaignPartnerParams,
    response: campaignSchema,
    handler: async ({ actor, params }) =>
      removePartner(serviceCtx(deps, actor), params.id, { partner: params.organization }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/milestones',
    summary: 'Milestones written by the campaign’s organizations',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(campaignMilestone),
    handler: async ({ actor, params }) => campaignMilestones(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/milestones',
    summary: 'Write a milestone (owner or editor partner)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: campaignMilestoneBody,
    response: campaignMilestone,
    status: 201,
    handler: async ({ actor, params, body }) =>
      addMilestone(serviceCtx(deps, actor), params.id, {
        date: body.date,
        title: body.title,
        note: body.note ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/timeline',
    summary: 'Milestones with the campaign bills’ actions and hearings, oldest first',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(timelineEntry),
    handler: async ({ actor, params }) => campaignTimeline(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/outcome',
    summary: 'The outcome report: bills decided, score before and after, gaps, activity (correlation only)',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: campaignOutcome,
    handler: async ({ actor, params }) => outcomeOf(serviceCtx(deps, actor), params.id),
  });
}
