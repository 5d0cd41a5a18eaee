/** Bills: public reading like the law library; importing needs `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  bill,
  billImportBody,
  billImportBodyLimit,
  billImportReport,
  billListing,
  billListQuery,
  billParams,
} from '../../contracts/bills.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { importBills, listBills, showBill } from '../../services/bills.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/bills. */
export function registerBillRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills',
    summary: 'Bills with their normalised stage, filtered by jurisdiction, session and stage',
    tags,
    access: 'public',
    query: billListQuery,
    response: z.array(billListing),
    handler: async ({ actor, query }) =>
      listBills(
        { db: deps.store.db, actor: actor ?? publicActor },
        {
          ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
          ...(query.session ? { session: query.session } : {}),
          ...(query.stage ? { stage: query.stage } : {}),
          limit: query.limit,
        },
      ),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id',
    summary: 'One bill with sponsorships, actions, versions, documents, related bills and citations',
    tags,
    access: 'public',
    params: billParams,
    response: bill,
    handler: async ({ actor, params }) =>
      showBill({ db: deps.store.db, actor: actor ?? publicActor }, params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/import',
    summary: 'Import Open States or LegiScan bill files (each all-or-nothing; re-importing changes nothing)',
    tags,
    access: 'laws:write',
    body: billImportBody,
    response: billImportReport,
    bodyLimit: billImportBodyLimit,
    handler: async ({ actor, body }) =>
      importBills(serviceCtx(deps, actor), {
        format: body.format,
        files: body.files,
        ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}),
      }),
  });
}
