/** Bill exports in Open States' bulk shapes: public, like the bills themselves (docs/bills.md, "Export"). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { billExportQuery, openStatesBulkBill } from '../../contracts/bill-export.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { exportBillsCsvZip, exportBillsJson } from '../../services/bill-export.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers /api/v1/bills/export.json and /api/v1/bills/export.zip. */
export function registerBillExportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];
  const args = (query: z.output<typeof billExportQuery>) => ({
    jurisdiction: query.jurisdiction,
    ...(query.session ? { session: query.session } : {}),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/export.json',
    summary: 'Bills of one jurisdiction (and session) as Open States per-session bulk JSON',
    tags,
    access: 'public',
    query: billExportQuery,
    response: z.array(openStatesBulkBill),
    handler: async ({ actor, query }) =>
      exportBillsJson({ db: deps.store.db, actor: actor ?? publicActor }, args(query)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/export.zip',
    summary:
      'Bills of one jurisdiction (and session) as an Open States CSV v2.1 zip (one folder per session)',
    tags,
    access: 'public',
    query: billExportQuery,
    handler: async ({ actor, query, reply }) => {
      const zip = await exportBillsCsvZip({ db: deps.store.db, actor: actor ?? publicActor }, args(query));
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${zip.fileName}"`)
        .send(Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength));
    },
  });
}
