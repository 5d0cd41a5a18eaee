/** Bills: public reading like the law library; importing needs `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  billBulkImportBody,
  billBulkImportBodyLimit,
  billBulkImportReport,
} from '../../contracts/bill-bulk.ts';
import { bill, billListing, billListQuery, billParams } from '../../contracts/bills.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { importBillFiles } from '../../services/bill-bulk.ts';
import { listBills, showBill } from '../../services/bills.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/bills. */
export function registerBillRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills',
    summary:
      'Bills with their normalised stage, filtered by jurisdiction, session, stage, subject and linked indicator',
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
          ...(query.subject ? { subject: query.subject } : {}),
          ...(query.indicator ? { indicator: query.indicator } : {}),
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
    summary:
      'Import Open States or LegiScan bill files, bulk JSON and zips (each unit all-or-nothing; re-importing changes nothing)',
    tags,
    access: 'laws:write',
    body: billBulkImportBody,
    response: billBulkImportReport,
    bodyLimit: billBulkImportBodyLimit,
    handler: async ({ actor, body }) =>
      importBillFiles(serviceCtx(deps, actor), {
        format: body.format,
        files: body.files.map((f) =>
          f.contentBase64 !== undefined
            ? { name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') }
            : { name: f.name, content: f.content ?? '' },
        ),
        ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}),
      }),
  });
}
