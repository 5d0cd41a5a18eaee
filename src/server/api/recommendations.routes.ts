/** Organizations' recommendations: reading needs org:read, writing a new version recommendations:write. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  recommendationBody,
  recommendationFilter,
  recommendationParams,
  recommendationQuery,
  recommendation as recommendationSchema,
  recommendationView,
} from '../../contracts/recommendations.ts';
import {
  getRecommendation,
  listRecommendations,
  recommendationHistory,
  setRecommendation,
} from '../../services/recommendations.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/recommendations. */
export function registerRecommendationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['recommendations'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/recommendations',
    summary: 'Your organization’s recommendations: the latest version per indicator and locale',
    tags,
    access: 'org:read',
    query: recommendationFilter,
    response: z.array(recommendationSchema),
    handler: async ({ actor, query }) =>
      listRecommendations(serviceCtx(deps, actor), query.locale ? { locale: query.locale } : {}),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/recommendations/:indicator',
    summary: 'Your organization’s recommendation for an indicator in a locale (English as fallback)',
    tags,
    access: 'org:read',
    params: recommendationParams,
    query: recommendationQuery,
    response: recommendationView,
    handler: async ({ actor, params, query }) =>
      getRecommendation(serviceCtx(deps, actor), params.indicator, { locale: query.locale }),
  });

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/v1/recommendations/:indicator',
    summary: 'Write a new version of your organization’s recommendation for an indicator in a locale',
    tags,
    access: 'recommendations:write',
    params: recommendationParams,
    query: recommendationQuery,
    body: recommendationBody,
    response: recommendationSchema,
    handler: async ({ actor, params, query, body }) =>
      setRecommendation(serviceCtx(deps, actor), {
        indicatorId: params.indicator,
        locale: query.locale,
        text: body.text,
        modelLanguage: body.modelLanguage ?? null,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/recommendations/:indicator/history',
    summary: 'Every version of your organization’s recommendation for an indicator, newest first',
    tags,
    access: 'org:read',
    params: recommendationParams,
    query: recommendationFilter,
    response: z.array(recommendationSchema),
    handler: async ({ actor, params, query }) =>
      recommendationHistory(
        serviceCtx(deps, actor),
        params.indicator,
        query.locale ? { locale: query.locale } : {},
      ),
  });
}
