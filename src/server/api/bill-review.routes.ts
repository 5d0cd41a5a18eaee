/**
 * Analysts' bill corrections: action class overrides and bill ↔ indicator links. Writing needs `bills:review`;
 * reading the history and the links (with notes and who decided) needs `org:read`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actionOverrideBody,
  actionOverrideHistory,
  actionOverrideRemoveQuery,
  actionOverrideResult,
  billActionParams,
  billLink,
  billLinkBody,
  billLinkParams,
  billLinkRefreshQuery,
  billLinkRefreshResult,
} from '../../contracts/bill-review.ts';
import { billParams } from '../../contracts/bills.ts';
import { decideBillLink, listBillLinks, refreshBillLinks } from '../../services/bill-links.ts';
import { billOverrides, overrideAction, removeOverride } from '../../services/bill-overrides.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers the override and link routes under /api/v1/bills/:id. */
export function registerBillReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['bills'];

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/:id/actions/:order/override',
    summary: 'Override an action’s classes with a logged reason; the stage is re-derived',
    tags,
    access: 'bills:review',
    params: billActionParams,
    body: actionOverrideBody,
    response: actionOverrideResult,
    handler: async ({ actor, params, body }) =>
      overrideAction(serviceCtx(deps, actor), params.id, params.order, body),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/bills/:id/actions/:order/override',
    summary: 'Remove an action’s override (logged, with an optional ?reason=); the stage is re-derived',
    tags,
    access: 'bills:review',
    params: billActionParams,
    query: actionOverrideRemoveQuery,
    response: actionOverrideResult,
    handler: async ({ actor, params, query }) =>
      removeOverride(
        serviceCtx(deps, actor),
        params.id,
        params.order,
        query.reason !== undefined ? { reason: query.reason } : {},
      ),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id/overrides',
    summary: 'A bill’s action overrides: those in force (orphaned ones marked) and the whole history',
    tags,
    access: 'org:read',
    params: billParams,
    response: actionOverrideHistory,
    handler: async ({ actor, params }) => billOverrides(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/bills/:id/links',
    summary: 'A bill’s links to indicators: machine-suggested until a person confirms; rejected ones kept',
    tags,
    access: 'org:read',
    params: billParams,
    response: z.array(billLink),
    handler: async ({ actor, params }) => listBillLinks(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/:id/links/refresh',
    summary: 'Store the analyzer’s suggested links from the bill’s text; decided links are left untouched',
    tags,
    access: 'bills:review',
    params: billParams,
    query: billLinkRefreshQuery,
    response: billLinkRefreshResult,
    handler: async ({ actor, params, query }) =>
      refreshBillLinks(serviceCtx(deps, actor), params.id, query.asOf ? { asOf: query.asOf } : {}),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/bills/:id/links/:indicatorId',
    summary: 'Confirm or reject a bill’s link to an indicator, or add one the analyzer missed',
    tags,
    access: 'bills:review',
    params: billLinkParams,
    body: billLinkBody,
    response: billLink,
    handler: async ({ actor, params, body }) =>
      decideBillLink(serviceCtx(deps, actor), params.id, params.indicatorId, {
        status: body.status,
        ...(body.note !== undefined ? { note: body.note } : {}),
      }),
  });
}
