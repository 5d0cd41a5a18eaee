/** The API calls of campaign import (the exports are plain download links), merged into the workspace's API. */
import type { z } from 'zod';
import type { campaignImportBody, campaignImportResult } from '../../contracts/campaign-interop.ts';
import type { HttpClient } from './client.ts';

export type CampaignImportBody = z.input<typeof campaignImportBody>;
export type CampaignImportResult = z.output<typeof campaignImportResult>;

/** Typed calls for campaign import. */
export function campaignInteropEndpoints(http: HttpClient) {
  return {
    importCampaign: (body: CampaignImportBody) =>
      http.request<CampaignImportResult>('POST', '/api/v1/campaigns/import', body),
  };
}
