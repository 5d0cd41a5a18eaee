/** The API calls of embeds (a campaign page section), merged into the workspace's API. */
import type { CampaignEmbedStatsResponse } from '../../contracts/embeds.ts';
import type { HttpClient } from './client.ts';

export type { CampaignEmbedStatsResponse };

/** Typed calls for a campaign's embed partners and their counts. */
export function embedEndpoints(http: HttpClient) {
  return {
    campaignEmbedStats: (campaignId: string) =>
      http.request<CampaignEmbedStatsResponse>(
        'GET',
        `/api/v1/campaigns/${encodeURIComponent(campaignId)}/embed-partners`,
      ),
  };
}
