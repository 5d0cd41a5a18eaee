/** The indicator framework (public: it is an open framework). */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { framework, frameworkQuery, frameworkSummary } from '../../contracts/framework.ts';
import { getFramework, listFrameworks } from '../../services/framework.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

const serialized = new WeakMap<object, { body: string; etag: string }>();

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
    handler: async ({ query, request, reply }) => {
      const fw = await getFramework({ db: deps.store.db }, query.version);
      // A version is immutable: serialize it once and let clients revalidate with its ETag.
      let cached = serialized.get(fw);
      if (!cached) {
        const body = JSON.stringify(fw);
        cached = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
        serialized.set(fw, cached);
      }
      reply.header('etag', cached.etag).header('cache-control', 'public, max-age=60');
      if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(cached.body);
    },
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
