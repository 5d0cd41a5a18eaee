/** Events (hearings) of bills: public reading like bills; importing needs `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { billImportBodyLimit, billParams } from '../../contracts/bills.ts';
import { eventImportBody, eventImportReport, hearingEvent } from '../../contracts/events.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { billEvents, importEvents } from '../../services/events.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/bills/:id/events and /api/v1/bills/import-events. */
export function registerEventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id/events',
    summary: 'The events (hearings, floor calendars) whose agenda names one bill, oldest first',
    tags,
    access: 'public',
    params: billParams,
    response: z.array(hearingEvent),
    handler: async ({ actor, params }) =>
      billEvents({ db: deps.store.db, actor: actor ?? publicActor }, params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/import-events',
    summary: 'Import Open States event files (each all-or-nothing; agenda bills linked when stored)',
    tags,
    access: 'laws:write',
    body: eventImportBody,
    response: eventImportReport,
    bodyLimit: billImportBodyLimit,
    handler: async ({ actor, body }) =>
      importEvents(serviceCtx(deps, actor), {
        files: body.files,
        ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}),
      }),
  });
}
