/** Score trends, changes, comparisons, rankings and crosswalk views: public for published answers, org:read beyond. */
import type { FastifyInstance } from 'fastify';
import {
  changesQuery,
  compareQuery,
  comparison,
  crosswalkParams,
  crosswalkQuery,
  crosswalkReport,
  jurisdictionScoreParams,
  rankings,
  rankingsQuery,
  scoreChanges as scoreChangesSchema,
  scoreTrend as scoreTrendSchema,
  trendQuery,
} from '../../contracts/scores.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import { compareJurisdictions, rankJurisdictions } from '../../services/compare.ts';
import type { ServiceContext } from '../../services/context.ts';
import { crosswalkAsOf } from '../../services/crosswalk.ts';
import { today, versionOf } from '../../services/scores.ts';
import { scoreChanges, scoreTrend } from '../../services/trends.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers the trend, changes, crosswalk, compare and rankings routes. */
export function registerScoreRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['scores'];
  const anyone = (actor: Actor | null): ServiceContext => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/scores/:jurisdiction/trend',
    summary: 'A jurisdiction’s score on 1 January of each year (not_coded years included)',
    tags,
    access: 'public',
    params: jurisdictionScoreParams,
    query: trendQuery,
    response: scoreTrendSchema,
    handler: async ({ actor, params, query }) =>
      scoreTrend(anyone(actor), params.jurisdiction, {
        include: query.include,
        ...versionOf(query),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/scores/:jurisdiction/changes',
    summary: 'Answers added, removed or changed between two dates, with citations and score deltas',
    tags,
    access: 'public',
    params: jurisdictionScoreParams,
    query: changesQuery,
    response: scoreChangesSchema,
    handler: async ({ actor, params, query }) =>
      scoreChanges(anyone(actor), params.jurisdiction, query.from, query.to, {
        include: query.include,
        ...versionOf(query),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/scores/:jurisdiction/crosswalk/:instrument',
    summary: 'A jurisdiction’s answers regrouped by an external instrument (palermo, polaris, gsi, …)',
    tags,
    access: 'public',
    params: crosswalkParams,
    query: crosswalkQuery,
    response: crosswalkReport,
    handler: async ({ actor, params, query }) =>
      crosswalkAsOf(anyone(actor), params.jurisdiction, params.instrument, query.asOf ?? today(), {
        include: query.include,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/compare',
    summary: '2 to 6 jurisdictions side by side: totals, area scores, each indicator’s answer and citations',
    tags,
    access: 'public',
    query: compareQuery,
    response: comparison,
    handler: async ({ actor, query }) => {
      const ids = typeof query.jurisdiction === 'string' ? [query.jurisdiction] : query.jurisdiction;
      return compareJurisdictions(anyone(actor), ids, query.asOf ?? today(), {
        include: query.include,
        ...versionOf(query),
      });
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/rankings',
    summary: 'Jurisdictions ranked by total or by one area (ties share a rank; not coded listed after)',
    tags,
    access: 'public',
    query: rankingsQuery,
    response: rankings,
    handler: async ({ actor, query }) =>
      rankJurisdictions(anyone(actor), query.asOf ?? today(), {
        include: query.include,
        ...versionOf(query),
        ...(query.parent !== undefined ? { parent: query.parent } : {}),
        ...(query.area !== undefined ? { area: query.area } : {}),
        limit: query.limit,
        offset: query.offset,
      }),
  });
}
