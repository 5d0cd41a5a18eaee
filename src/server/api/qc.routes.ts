/** Quality control: batches (qc:manage), coders' own codings (coding:write), reconciliation (coding:review). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  qcAssignmentsQuery,
  qcAssignmentView,
  qcBatchCreateBody,
  qcBatchParams,
  qcBatchReport,
  qcCodingBody,
  qcCodingOutcome,
  qcDivergenceParams,
  qcDivergenceView,
  qcReconcileBody,
  qcReconcileResult,
} from '../../contracts/qc.ts';
import { createBatch, getQcBatch, listQcBatches, submitCoding } from '../../services/qc.ts';
import { listBatchAssignments } from '../../services/qc-assignments.ts';
import { listBatchDivergences, reconcileDivergence } from '../../services/qc-divergences.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/qc. */
export function registerQcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['qc'];

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/qc/batches',
    summary:
      'Create a coding batch: jurisdictions × indicators assigned to two coders (redundancy by policy)',
    tags,
    access: 'qc:manage',
    body: qcBatchCreateBody,
    response: qcBatchReport,
    status: 201,
    handler: async ({ actor, body }) => createBatch(serviceCtx(deps, actor), defined(body)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/qc/batches',
    summary: 'Coding batches, newest first, with progress, divergence rate, agreement and Cohen’s kappa',
    tags,
    access: 'org:read',
    response: z.array(qcBatchReport),
    handler: async ({ actor }) => listQcBatches(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/qc/batches/:id',
    summary: 'One coding batch with progress and agreement statistics',
    tags,
    access: 'org:read',
    params: qcBatchParams,
    response: qcBatchReport,
    handler: async ({ actor, params }) => getQcBatch(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/qc/batches/:id/codings',
    summary: 'Submit your own independent coding of a variable assigned to you',
    tags,
    access: 'coding:write',
    params: qcBatchParams,
    body: qcCodingBody,
    response: qcCodingOutcome,
    status: 201,
    handler: async ({ actor, params, body }) =>
      submitCoding(serviceCtx(deps, actor), params.id, defined(body)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/qc/batches/:id/assignments',
    summary: 'A batch’s variables with their coders and who has coded them (mine=1: only yours)',
    tags,
    access: 'org:read',
    params: qcBatchParams,
    query: qcAssignmentsQuery,
    response: z.array(qcAssignmentView),
    handler: async ({ actor, params, query }) =>
      listBatchAssignments(serviceCtx(deps, actor), params.id, { mine: query.mine === '1' }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/qc/batches/:id/divergences',
    summary: 'A batch’s divergences with both codings side by side (open first)',
    tags,
    access: 'org:read',
    params: qcBatchParams,
    response: z.array(qcDivergenceView),
    handler: async ({ actor, params }) => listBatchDivergences(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/qc/divergences/:id/reconcile',
    summary: 'Reconcile a divergence: choose a value with a reason (a reviewer who is neither coder)',
    tags,
    access: 'coding:review',
    params: qcDivergenceParams,
    body: qcReconcileBody,
    response: qcReconcileResult,
    handler: async ({ actor, params, body }) =>
      reconcileDivergence(serviceCtx(deps, actor), params.id, defined(body)),
  });
}
