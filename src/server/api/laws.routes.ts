/** The law library: public reading; importing needs `laws:write` (search is in search.routes.ts). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  lawDiff,
  lawDiffQuery,
  lawImportBody,
  lawImportBodyLimit,
  lawImportResult,
  lawListing,
  lawListQuery,
  lawParams,
  lawVersionParams,
  lawVersionText,
  lawWithVersions,
} from '../../contracts/laws.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import {
  diffLawVersions,
  getLaw,
  getLawVersionText,
  importLaw,
  type LawContext,
  listLaws,
} from '../../services/laws.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/laws. */
export function registerLawRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['laws'];
  const ctxOf = (actor: Actor | null): LawContext => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
    dialect: deps.store.dialect,
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/laws',
    summary: 'Law documents with the version in force on a date (asOf) or their latest version',
    tags,
    access: 'public',
    query: lawListQuery,
    response: z.array(lawListing),
    handler: async ({ actor, query }) =>
      listLaws(ctxOf(actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        ...(query.asOf ? { asOf: query.asOf } : {}),
        ...(query.type ? { type: query.type } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/laws/:id',
    summary: 'One law document with all its versions, oldest first',
    tags,
    access: 'public',
    params: lawParams,
    response: lawWithVersions,
    handler: async ({ actor, params }) => getLaw(ctxOf(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/laws/:id/versions/:versionId',
    summary: 'One version’s provisions in document order (a tree by parentId and depth)',
    tags,
    access: 'public',
    params: lawVersionParams,
    response: lawVersionText,
    handler: async ({ actor, params }) => getLawVersionText(ctxOf(actor), params.id, params.versionId),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/laws/:id/diff',
    summary: 'Provisions added, removed and changed (with a word diff) between two versions',
    tags,
    access: 'public',
    params: lawParams,
    query: lawDiffQuery,
    response: lawDiff,
    handler: async ({ actor, params, query }) =>
      diffLawVersions(ctxOf(actor), params.id, query.from, query.to),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/laws/import',
    summary:
      'Import a document version from plain text or lawgap JSON (idempotent for the same text and date)',
    tags,
    access: 'laws:write',
    body: lawImportBody,
    response: lawImportResult,
    bodyLimit: lawImportBodyLimit,
    handler: async ({ actor, body }) =>
      importLaw({ ...serviceCtx(deps, actor), dialect: deps.store.dialect }, body),
  });
}
