/** Embeds: the per-partner counts of a campaign's actions (org:read; only the owner and partners see them). */
import type { FastifyInstance } from 'fastify';
import { campaignParams } from '../../contracts/campaigns.ts';
import { campaignEmbedStats } from '../../contracts/embeds.ts';
import { campaignEmbedStats as statsOf } from '../../services/embed-partners.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers GET /api/v1/campaigns/:id/embed-partners. */
export function registerEmbedRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/embed-partners',
    summary: 'Partner codes for embeds, and the petition signatures, letters and call reports per partner',
    tags: ['campaigns'],
    access: 'org:read',
    params: campaignParams,
    response: campaignEmbedStats,
    handler: async ({ actor, params }) => statsOf(serviceCtx(deps, actor), params.id),
  });
}
