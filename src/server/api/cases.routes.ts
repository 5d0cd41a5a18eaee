/**
 * HTCDS case records: importing and publishing need cases:write, reading datasets (counts only) and releases
 * cases:read; the public sees only published releases. Case fields never reach a log line or an error message.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  caseDataset,
  caseDatasetParams,
  caseImport,
  caseRelease,
  caseReleaseParams,
  caseReleasesQuery,
  casesImportBody,
  casesImportBodyLimit,
  casesPublishBody,
} from '../../contracts/cases.ts';
import type { Actor } from '../../core/auth/permissions.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { listCaseReleases, publicCaseReleases, publishCaseRelease } from '../../services/case-releases.ts';
import { listCaseImports, publishCaseDraft } from '../../services/case-workspace.ts';
import { type CasesContext, importCases, listCaseDatasets } from '../../services/cases.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/cases… and /api/v1/public/case-releases. */
export function registerCasesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['cases'];
  let key: FieldKey | null = null;
  const ctx = (actor: Actor | null): CasesContext => {
    key ??= loadFieldKey(deps.config);
    return { ...serviceCtx(deps, actor), fieldKey: key };
  };

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/imports',
    summary: 'Import HTCDS case records (CSV or .xlsx) into a dataset; all or nothing, identifiers refused',
    tags,
    access: 'cases:write',
    body: casesImportBody,
    response: caseDataset,
    status: 201,
    bodyLimit: casesImportBodyLimit,
    handler: async ({ actor, body }) => {
      const { xlsx, ...rest } = defined(body);
      return importCases(ctx(actor), {
        ...rest,
        ...(xlsx === undefined ? {} : { xlsx: Buffer.from(xlsx, 'base64') }),
      });
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/datasets',
    summary: 'Your organization’s case datasets: names and record counts only',
    tags,
    access: 'cases:read',
    response: z.array(caseDataset),
    handler: async ({ actor }) => listCaseDatasets(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/datasets/:id/releases',
    summary:
      'Publish a table from a dataset: suppressed and rounded the first time, noisy and charged to the ledger after',
    tags,
    access: 'cases:write',
    params: caseDatasetParams,
    body: casesPublishBody,
    response: caseRelease,
    status: 201,
    handler: async ({ actor, params, body }) =>
      publishCaseRelease(ctx(actor), { dataset: params.id, ...defined(body) }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/releases',
    summary: 'Your organization’s case releases, newest first',
    tags,
    access: 'cases:read',
    response: z.array(caseRelease),
    handler: async ({ actor }) => listCaseReleases(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/imports',
    summary: 'Your organization’s imported case files, newest first: names and record counts only',
    tags,
    access: 'cases:read',
    response: z.array(caseImport),
    handler: async ({ actor }) => listCaseImports(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/releases/:id/publish',
    summary: 'Publish a draft case release as it was drawn (its ε was charged when the draft was made)',
    tags,
    access: 'cases:write',
    params: caseReleaseParams,
    response: caseRelease,
    handler: async ({ actor, params }) => publishCaseDraft(serviceCtx(deps, actor), { id: params.id }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/case-releases',
    summary: 'Published case releases of every organization (suppressed or noisy tables only)',
    tags,
    access: 'public',
    query: caseReleasesQuery,
    response: z.array(caseRelease),
    handler: async ({ query }) =>
      publicCaseReleases({ db: deps.store.db, actor: publicActor }, defined(query)),
  });
}
