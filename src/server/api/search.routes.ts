/** Provision search (public): `GET /api/v1/search`, one page of hits. */
import type { FastifyInstance } from 'fastify';
import { searchPage, searchQuery } from '../../contracts/search.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { searchLawPage } from '../../services/law-search.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers /api/v1/search. */
export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/search',
    summary:
      'Full-text search over provisions, with snippets and "phrases"; filters by jurisdiction, document type, date and indicator; paged',
    tags: ['search'],
    access: 'public',
    query: searchQuery,
    response: searchPage,
    handler: async ({ actor, query }) =>
      searchLawPage(
        { db: deps.store.db, actor: actor ?? publicActor, dialect: deps.store.dialect },
        {
          query: query.q,
          limit: query.limit,
          offset: query.offset,
          ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.asOf ? { asOf: query.asOf } : {}),
          ...(query.indicator ? { indicatorId: query.indicator } : {}),
        },
      ),
  });
}
