/** Campaign export (OSDI HAL+JSON, CSV zip) and import: export reads (org:read), import writes (campaigns:write). */
import type { FastifyInstance } from 'fastify';
import {
  campaignImportBody,
  campaignImportBodyLimit,
  campaignImportResult,
} from '../../contracts/campaign-interop.ts';
import { campaignParams } from '../../contracts/campaigns.ts';
import { halJsonType } from '../../core/campaigns/osdi.ts';
import { exportCampaignCsvZip, exportCampaignOsdi, importCampaign } from '../../services/campaign-interop.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/export.osdi.json, …/export.csv.zip and /api/v1/campaigns/import. */
export function registerCampaignInteropRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['campaigns'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/export.osdi.json',
    summary:
      'The campaign as an OSDI osdi:advocacy_campaign (HAL+JSON) with its targets, outreaches, people and tags',
    tags,
    access: 'org:read',
    params: campaignParams,
    handler: async ({ actor, params, reply }) => {
      const doc = await exportCampaignOsdi(serviceCtx(deps, actor), params.id);
      return reply.type(halJsonType).send(JSON.stringify(doc));
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/export.csv.zip',
    summary: 'The campaign as a zip of CSV files (one per record type) with its data dictionary',
    tags,
    access: 'org:read',
    params: campaignParams,
    handler: async ({ actor, params, reply }) => {
      const zip = await exportCampaignCsvZip(serviceCtx(deps, actor), params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${zip.fileName}"`)
        .send(Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength));
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/import',
    summary:
      'Import a campaign (OSDI or CSV zip): creates one for your organization, or updates the one its identifiers match',
    tags,
    access: 'campaigns:write',
    body: campaignImportBody,
    response: campaignImportResult,
    bodyLimit: campaignImportBodyLimit,
    handler: async ({ actor, body }) =>
      importCampaign(serviceCtx(deps, actor), {
        format: body.format,
        content:
          body.format === 'csv'
            ? Buffer.from(body.contentBase64 ?? '', 'base64')
            : typeof body.content === 'string'
              ? body.content
              : JSON.stringify(body.content ?? null),
        ...(body.name ? { name: body.name } : {}),
      }),
  });
}
