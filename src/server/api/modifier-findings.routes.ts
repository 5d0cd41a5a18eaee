/** Negative-modifier findings: published ones are public; writing needs `coding:write` and up. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  findingCreateBody,
  findingHistoryEntry,
  findingListQuery,
  findingParams,
  findingPatchBody,
  findingStatusBody,
  modifierFinding,
} from '../../contracts/modifier-findings.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import {
  createFinding,
  getFindingHistory,
  listVisibleFindings,
  setFindingStatus,
  updateFinding,
} from '../../services/modifier-findings.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/modifier-findings. */
export function registerModifierFindingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['coding'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/modifier-findings',
    summary: 'Negative-modifier findings by jurisdiction, status and date (unpublished ones need org:read)',
    tags,
    access: 'public',
    query: findingListQuery,
    response: z.array(modifierFinding),
    handler: async ({ actor, query }) =>
      listVisibleFindings(
        { db: deps.store.db, actor: actor ?? publicActor },
        {
          ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.asOf ? { asOf: query.asOf } : {}),
        },
      ),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/modifier-findings',
    summary: 'Record whether a negative modifier applies, with citations and verbatim quotes',
    tags,
    access: 'coding:write',
    body: findingCreateBody,
    response: modifierFinding,
    status: 201,
    handler: async ({ actor, body }) => {
      const { validTo, cautionNote, ...rest } = body;
      return createFinding(serviceCtx(deps, actor), {
        ...rest,
        ...(validTo !== undefined ? { validTo } : {}),
        ...(cautionNote !== undefined ? { cautionNote } : {}),
      });
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/modifier-findings/:id/status',
    summary: 'Confirm, review, publish, send back or withdraw a finding (each move needs its own permission)',
    tags,
    access: 'coding:write',
    params: findingParams,
    body: findingStatusBody,
    response: modifierFinding,
    handler: async ({ actor, params, body }) =>
      setFindingStatus(serviceCtx(deps, actor), params.id, body.status),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/modifier-findings/:id',
    summary: 'Change a finding’s applies flag, citations, note or interval, and optionally its review state',
    tags,
    access: 'coding:write',
    params: findingParams,
    body: findingPatchBody,
    response: modifierFinding,
    handler: async ({ actor, params, body }) => {
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      return updateFinding(serviceCtx(deps, actor), params.id, patch);
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/modifier-findings/:id/history',
    summary: 'Every change to a finding, oldest first: who, when, before and after',
    tags,
    access: 'org:read',
    params: findingParams,
    response: z.array(findingHistoryEntry),
    handler: async ({ actor, params }) => getFindingHistory(serviceCtx(deps, actor), params.id),
  });
}
