/** Enforcement statistics: importing and publishing need stats:write, reading the organisation's own org:read; published figures are public. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  statisticFigure,
  statisticImport,
  statisticsFigureQuery,
  statisticsImportBody,
  statisticsImportBodyLimit,
  statisticsImportParams,
} from '../../contracts/statistics.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import {
  type FigureQuery,
  importStatistics,
  listStatisticFigures,
  listStatisticImports,
  publishedStatisticFigures,
  setStatisticImportPublished,
} from '../../services/statistics.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

function figureQuery(q: z.output<typeof statisticsFigureQuery>): FigureQuery {
  const { history, ...rest } = defined(q);
  return { ...rest, ...(history === 'true' ? { history: true } : {}) };
}

/** Registers /api/v1/statistics… and /api/v1/public/statistics. */
export function registerStatisticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['statistics'];

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/statistics/imports',
    summary:
      'Import a statistics table (CSV) as a draft of your organization; all or nothing, every row’s problems named',
    tags,
    access: 'stats:write',
    body: statisticsImportBody,
    response: statisticImport,
    status: 201,
    bodyLimit: statisticsImportBodyLimit,
    handler: async ({ actor, body }) => importStatistics(serviceCtx(deps, actor), defined(body)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/statistics/imports',
    summary: 'Your organization’s statistics imports, newest first',
    tags,
    access: 'org:read',
    response: z.array(statisticImport),
    handler: async ({ actor }) => listStatisticImports(serviceCtx(deps, actor)),
  });

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      url: `/api/v1/statistics/imports/:id/${action}`,
      summary: published
        ? 'Publish an import: its figures become public'
        : 'Take an import back to draft: its figures leave the public list',
      tags,
      access: 'stats:write',
      params: statisticsImportParams,
      response: statisticImport,
      handler: async ({ actor, params }) =>
        setStatisticImportPublished(serviceCtx(deps, actor), params.id, published),
    });
  }

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/statistics/figures',
    summary: 'Your organization’s figures, drafts included (current ones; history=true adds replaced ones)',
    tags,
    access: 'org:read',
    query: statisticsFigureQuery,
    response: z.array(statisticFigure),
    handler: async ({ actor, query }) => listStatisticFigures(serviceCtx(deps, actor), figureQuery(query)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/statistics',
    summary: 'Published enforcement figures of every organization, each with its source and date',
    tags,
    access: 'public',
    query: statisticsFigureQuery,
    response: z.array(statisticFigure),
    handler: async ({ query }) =>
      publishedStatisticFigures({ db: deps.store.db, actor: publicActor }, figureQuery(query)),
  });
}
