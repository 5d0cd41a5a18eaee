/** The indicator framework (public: it is an open framework). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { framework, frameworkQuery, frameworkSummary } from '../../contracts/framework.ts';
import { getFramework, listFrameworks } from '../../services/framework.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers /api/v1/framework. */
export function registerFrameworkRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/framework',
    summary:
      'The indicator framework: areas, indicators, weights, types, levels, sources (latest or ?version=)',
    tags: ['framework'],
    access: 'public',
    query: frameworkQuery,
    response: framework,
    handler: async ({ query }) => getFramework({ db: deps.store.db }, query.version),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/framework/versions',
    summary: 'Published framework versions, newest first',
    tags: ['framework'],
    access: 'public',
    response: z.array(frameworkSummary),
    handler: async () => listFrameworks({ db: deps.store.db }),
  });
}
