/** Open exports of the published coded data and their codebook: public, published data only. */
import type { FastifyInstance } from 'fastify';
import { datasetJson } from '../../contracts/gaps.ts';
import { frameworkVersionQuery } from '../../contracts/scores.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import type { ServiceContext } from '../../services/context.ts';
import {
  codebookMarkdown,
  datasetCsvText,
  datasetJson as loadDatasetJson,
  protocolMarkdown,
} from '../../services/export.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers /api/v1/export/dataset.csv, dataset.json, codebook.md and protocol.md. */
export function registerExportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const anyone = (actor: Actor | null): ServiceContext => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
  });
  const tags = ['export'];
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/export/dataset.csv',
    summary: 'The open dataset as RFC 4180 CSV: one row per published answer (format lawgap-dataset/1)',
    tags,
    access: 'public',
    query: frameworkVersionQuery,
    handler: async ({ actor, query, reply }) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="lawgap-dataset.csv"')
        .send(await datasetCsvText(anyone(actor), query.frameworkVersion)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/export/dataset.json',
    summary: 'The open dataset as JSON: one row per published answer',
    tags,
    access: 'public',
    query: frameworkVersionQuery,
    response: datasetJson,
    handler: async ({ actor, query }) => loadDatasetJson(anyone(actor), query.frameworkVersion),
  });

  const markdownRoute = (
    url: string,
    summary: string,
    render: (ctx: ServiceContext, frameworkVersion: number | undefined) => Promise<string>,
  ) =>
    defineRoute(app, deps, {
      method: 'GET',
      url,
      summary,
      tags,
      access: 'public',
      query: frameworkVersionQuery,
      handler: async ({ actor, query, reply }) =>
        reply.type('text/markdown; charset=utf-8').send(await render(anyone(actor), query.frameworkVersion)),
    });
  markdownRoute(
    '/api/v1/export/codebook.md',
    'The dataset’s codebook as Markdown: variables, response values, weights, area shares, sources',
    codebookMarkdown,
  );
  markdownRoute(
    '/api/v1/export/protocol.md',
    'The coding protocol as Markdown: redundant coding, QC threshold and sample, statuses, evidence rule, scoring',
    protocolMarkdown,
  );
}
