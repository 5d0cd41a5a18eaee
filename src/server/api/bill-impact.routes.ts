/** A bill's impact (projected score if enacted): public like the bill itself. */
import type { FastifyInstance } from 'fastify';
import { billImpact, billImpactQuery } from '../../contracts/bill-impact.ts';
import { billParams } from '../../contracts/bills.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { billImpact as projectImpact } from '../../services/bill-impact.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers GET /api/v1/bills/:id/impact. */
export function registerBillImpactRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id/impact',
    summary: 'Machine-projected score of the bill’s jurisdiction if the bill were enacted',
    tags: ['bills'],
    access: 'public',
    params: billParams,
    query: billImpactQuery,
    response: billImpact,
    handler: async ({ actor, params, query }) =>
      projectImpact({ db: deps.store.db, actor: actor ?? publicActor }, params.id, {
        include: query.include,
        ...(query.version !== undefined ? { versionId: query.version } : {}),
        ...(query.asOf ? { asOf: query.asOf } : {}),
      }),
  });
}
