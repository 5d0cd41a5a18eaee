/** Votes on bills: public reading like bills; importing needs `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { billImportBody, billImportBodyLimit, billParams } from '../../contracts/bills.ts';
import { vote, voteImportReport } from '../../contracts/votes.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { billVotes, importVotes } from '../../services/votes.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/bills/:id/votes and /api/v1/bills/import-votes. */
export function registerVoteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id/votes',
    summary: 'The roll-call votes of one bill, oldest first, with member votes linked to people',
    tags,
    access: 'public',
    params: billParams,
    response: z.array(vote),
    handler: async ({ actor, params }) =>
      billVotes({ db: deps.store.db, actor: actor ?? publicActor }, params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/import-votes',
    summary:
      'Import Open States vote events or LegiScan roll calls of stored bills (each file all-or-nothing)',
    tags,
    access: 'laws:write',
    body: billImportBody,
    response: voteImportReport,
    bodyLimit: billImportBodyLimit,
    handler: async ({ actor, body }) =>
      importVotes(serviceCtx(deps, actor), {
        format: body.format,
        files: body.files,
        ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}),
      }),
  });
}
