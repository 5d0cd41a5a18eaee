/**
 * Help resources (org:read to read, campaigns:write to change: resources are community-facing outreach kept
 * by campaigners, not coded law) and the organisation's queue of answer error reports (coding:review, since
 * a report questions a published answer and its fix goes through review). The public sees published resources
 * on the rights pages only (server/pages/portal-rights.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  errorReport,
  errorReportListQuery,
  errorReportResolveBody,
  helpResource,
  helpResourceCreateBody,
  helpResourceListQuery,
  helpResourceParams,
  helpResourcePatchBody,
  helpResourceVerifyBody,
} from '../../contracts/help-resources.ts';
import type { Actor } from '../../core/auth/permissions.ts';
import { listOwnErrorReports, resolveErrorReport } from '../../services/error-reports.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  addHelpResource,
  editHelpResource,
  listOwnHelpResources,
  verifyHelpResource,
} from '../../services/help-resources.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/help-resources… and /api/v1/error-reports…. */
export function registerHelpResourceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['help-resources'];
  let key: FieldKey | null = null;
  const keyed = (actor: Actor | null) => {
    key ??= loadFieldKey(deps.config);
    return { ...serviceCtx(deps, actor), fieldKey: key };
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/help-resources',
    summary: 'Your organization’s help resources (hotlines, legal aid, shelters), published or not',
    tags,
    access: 'org:read',
    query: helpResourceListQuery,
    response: z.array(helpResource),
    handler: async ({ actor, query }) =>
      listOwnHelpResources(
        serviceCtx(deps, actor),
        query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {},
      ),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/help-resources',
    summary:
      'Add a help resource (phone E.164, https URL, ISO 639-1 languages, verified date not in the future)',
    tags,
    access: 'campaigns:write',
    body: helpResourceCreateBody,
    response: helpResource,
    status: 201,
    handler: async ({ actor, body }) => addHelpResource(serviceCtx(deps, actor), defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/help-resources/:id',
    summary: 'Change a help resource, or publish or unpublish it',
    tags,
    access: 'campaigns:write',
    params: helpResourceParams,
    body: helpResourcePatchBody,
    response: helpResource,
    handler: async ({ actor, params, body }) =>
      editHelpResource(serviceCtx(deps, actor), params.id, defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/help-resources/:id/verify',
    summary: 'Record that a help resource was checked (today by default)',
    tags,
    access: 'campaigns:write',
    params: helpResourceParams,
    body: helpResourceVerifyBody,
    response: helpResource,
    handler: async ({ actor, params, body }) =>
      verifyHelpResource(serviceCtx(deps, actor), params.id, body.on ? { on: body.on } : {}),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/error-reports',
    summary: 'Error reports about answers your organization published (its review queue), newest first',
    tags,
    access: 'coding:review',
    query: errorReportListQuery,
    response: z.array(errorReport),
    handler: async ({ actor, query }) =>
      listOwnErrorReports(keyed(actor), query.status ? { status: query.status } : {}),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/error-reports/:id/resolve',
    summary: 'Resolve an error report with a note',
    tags,
    access: 'coding:review',
    params: helpResourceParams,
    body: errorReportResolveBody,
    response: errorReport,
    handler: async ({ actor, params, body }) =>
      resolveErrorReport(keyed(actor), params.id, { resolution: body.resolution }),
  });
}
