/** Law vs practice: published enforcement figures beside the indicators they bear on (public, never in a score). */
import type { FastifyInstance } from 'fastify';
import { practiceQuery, practiceView as practiceViewShape } from '../../contracts/practice.ts';
import { practiceView } from '../../services/practice.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';

/** Registers GET /api/v1/public/practice. */
export function registerPracticeRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/practice',
    summary:
      'Practice data (published enforcement figures by year, each with its source) beside a jurisdiction’s indicators; never part of the law score',
    tags: ['statistics'],
    access: 'public',
    query: practiceQuery,
    response: practiceViewShape,
    handler: async ({ query }) => practiceView({ db: deps.store.db }, defined(query)),
  });
}
