/** API shapes for embeds: a campaign's partner codes and the actions attributed to each partner. */
import { z } from 'zod';

export const campaignEmbedStats = z.object({
  campaignId: z.string(),
  partners: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      code: z.string().describe('the partner code to put in ?partner= of an embed URL'),
    }),
  ),
  counts: z.array(
    z.object({
      organizationId: z.string().nullable().describe('null: no partner (or an unknown code)'),
      code: z.string().nullable(),
      name: z.string().nullable(),
      signatures: z.number().int().describe('counted petition signatures'),
      letters: z.number().int().describe('confirmed letters'),
      calls: z.number().int().describe('call reports'),
    }),
  ),
});
export type CampaignEmbedStatsResponse = z.infer<typeof campaignEmbedStats>;
