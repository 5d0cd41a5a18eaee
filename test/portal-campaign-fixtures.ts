/**
 * Campaigns for the portal tests, on top of `seedPortal`: a public active campaign of Iceland with an open
 * petition and a draft one, a public paused campaign (its page exists, no list shows it) and a private
 * active campaign whose title and summary are canaries that must never reach a public page.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { createCampaign } from '../src/services/campaigns.ts';
import { createPetition, setPetitionStatus } from '../src/services/petitions.ts';
import { setCampaignPublic } from '../src/services/public-campaigns.ts';
import type { Store } from '../src/store/db.ts';
import { iceland } from './coding-fixtures.ts';

/** Texts only private or draft campaign records hold. */
export const campaignCanaries = {
  privateTitle: 'CANARY-private-campaign-title',
  privateSummary: 'CANARY-private-campaign-summary',
  draftPetition: 'CANARY-draft-petition-title',
} as const;

/** What the seed made. */
export interface CampaignSeed {
  publicId: string;
  publicSlug: string;
  pausedSlug: string;
  privateId: string;
  openPetitionSlug: string;
}

const system: Actor = { kind: 'system', name: 'test' };

/** Seeds the campaigns (the organisation `portal-coalition` of `seedPortal` owns them). */
export async function seedPortalCampaigns(store: Store, gap: string): Promise<CampaignSeed> {
  const ctx = { db: store.db, actor: system };
  const organization = 'portal-coalition';
  const make = (title: string, summary: string, status: 'active' | 'paused') =>
    createCampaign(ctx, { organization, title, summary, status, jurisdictionId: iceland, gaps: [gap] });
  const pub = await make('Close the gap in Iceland', 'Ask lawmakers to close the gap.', 'active');
  const paused = await make('Paused public campaign', 'On hold.', 'paused');
  const hidden = await make(campaignCanaries.privateTitle, campaignCanaries.privateSummary, 'active');
  const publicSlug = (await setCampaignPublic(ctx, pub.id, { organization, public: true })).publicSlug ?? '';
  const pausedSlug =
    (await setCampaignPublic(ctx, paused.id, { organization, public: true })).publicSlug ?? '';
  const petition = (slug: string, title: string) =>
    createPetition(ctx, pub.id, {
      organization,
      slug,
      title,
      text: 'We ask for the gap to be closed.',
      targetDescription: 'The Althing',
      senderName: 'Portal Coalition',
      senderEmail: 'campaigns@example.org',
    });
  const open = await petition('close-the-gap-iceland', 'Close the gap now');
  await setPetitionStatus(ctx, open.id, 'open', { organization });
  await petition('draft-petition-iceland', campaignCanaries.draftPetition);
  return {
    publicId: pub.id,
    publicSlug,
    pausedSlug,
    privateId: hidden.id,
    openPetitionSlug: 'close-the-gap-iceland',
  };
}
