/** Gap reports: public for published answers; counting unpublished answers needs org:read. */
import type { FastifyInstance } from 'fastify';
import { gapParams, gapQuery, gapReport as gapReportSchema } from '../../contracts/gaps.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import { renderGapReportMarkdown } from '../../core/gaps/render-markdown.ts';
import type { ServiceContext } from '../../services/context.ts';
import { gapReport } from '../../services/gaps.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers /api/v1/gaps/:jurisdiction. */
export function registerGapRoutes(app: FastifyInstance, deps: AppDeps): void {
  const anyone = (actor: Actor | null): ServiceContext => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/gaps/:jurisdiction',
    summary:
      'A jurisdiction’s gaps ranked by points available, with exemplary law from elsewhere (format=md for Markdown)',
    tags: ['gaps'],
    access: 'public',
    params: gapParams,
    query: gapQuery,
    response: gapReportSchema,
    handler: async ({ actor, params, query, reply }) => {
      const report = await gapReport(anyone(actor), params.jurisdiction, query.asOf ?? today(), {
        include: query.include,
        locale: query.locale,
      });
      if (query.format === 'json') return report;
      return reply.type('text/markdown; charset=utf-8').send(renderGapReportMarkdown(report));
    },
  });
}
