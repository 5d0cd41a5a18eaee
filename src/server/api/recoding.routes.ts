/** Recoding tasks (docs/bill-to-law.md): reading needs `org:read`; applying and dismissing need `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  recodingApplyBody,
  recodingApplyBodyLimit,
  recodingApplyResult,
  recodingDismissBody,
  recodingListQuery,
  recodingParams,
  recodingTask,
  recodingTaskDetail,
  recodingTaskListing,
} from '../../contracts/recoding.ts';
import { lawFileMaxBytes } from '../../contracts/suggestions.ts';
import { DomainError } from '../../core/errors.ts';
import { dismissRecoding, listRecoding, showRecoding } from '../../services/recoding.ts';
import { applyRecoding, type RecodingDocumentInput } from '../../services/recoding-apply.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

type ApplyBody = z.infer<typeof recodingApplyBody>;

function documentsOf(body: ApplyBody): RecodingDocumentInput[] {
  return (body.documents ?? []).map((d) => {
    if (d.contentBase64 === undefined) return { documentId: d.documentId };
    const fileName = d.fileName ?? `${d.documentId}.${d.format === 'auto' ? 'txt' : d.format}`;
    const bytes = new Uint8Array(Buffer.from(d.contentBase64, 'base64'));
    if (bytes.length > lawFileMaxBytes) {
      throw new DomainError('RECODING_INVALID', `${fileName} is larger than ${lawFileMaxBytes} bytes`, {
        field: 'contentBase64',
      });
    }
    return { documentId: d.documentId, file: { fileName, bytes, format: d.format } };
  });
}

/** Registers /api/v1/recoding-tasks. */
export function registerRecodingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['recoding'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/recoding-tasks',
    summary: 'Recoding tasks of enacted bills, newest first, by jurisdiction and status',
    tags,
    access: 'org:read',
    query: recodingListQuery,
    response: z.array(recodingTaskListing),
    handler: async ({ actor, query }) =>
      listRecoding(serviceCtx(deps, actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        ...(query.status ? { status: query.status } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/recoding-tasks/:id',
    summary:
      'One recoding task: targets, new versions, history, suggestions and the score either side of the date',
    tags,
    access: 'org:read',
    params: recodingParams,
    response: recodingTaskDetail,
    handler: async ({ actor, params }) => showRecoding(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/recoding-tasks/:id/apply',
    summary:
      'Apply a recoding task: new law versions on the effective date from the bill’s text (or consolidated files) and analyzer suggestions, unreviewed',
    tags,
    access: 'laws:write',
    params: recodingParams,
    body: recodingApplyBody,
    response: recodingApplyResult,
    bodyLimit: recodingApplyBodyLimit,
    handler: async ({ actor, params, body }) =>
      applyRecoding({ ...serviceCtx(deps, actor), dialect: deps.store.dialect }, params.id, {
        ...(body.effectiveDate ? { effectiveDate: body.effectiveDate } : {}),
        documents: documentsOf(body),
      }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/recoding-tasks/:id/dismiss',
    summary: 'Dismiss an open recoding task with a reason',
    tags,
    access: 'laws:write',
    params: recodingParams,
    body: recodingDismissBody,
    response: recodingTask,
    handler: async ({ actor, params, body }) =>
      dismissRecoding(serviceCtx(deps, actor), params.id, body.reason),
  });
}
