/** Health and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { buildOpenApi } from '../../contracts/openapi.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

export const apiVersion = '0.1.0';

/** Registers /api/v1/health and /api/v1/openapi.json. */
export function registerMetaRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/health',
    summary: 'Liveness and database reachability',
    tags: ['meta'],
    access: 'public',
    response: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
    handler: async () => {
      await sql`select 1`.execute(deps.store.db);
      return { status: 'ok' as const, database: deps.store.dialect };
    },
  });

  let cached: unknown = null;
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['meta'],
    access: 'public',
    handler: async () => {
      cached ??= buildOpenApi(deps.routes, { version: apiVersion });
      return cached;
    },
  });
}
