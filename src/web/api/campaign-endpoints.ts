/** The API calls of the campaign pages, merged into the workspace's API. */
import type { HttpClient } from './client.ts';

export const campaignStatuses = ['planning', 'active', 'paused', 'won', 'lost'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export type PartnerRole = 'editor' | 'viewer';

export interface Campaign {
  id: string;
  organizationId: string;
  organizationName: string;
  title: string;
  summary: string;
  status: CampaignStatus;
  jurisdictionId: string;
  gaps: string[];
  billIds: string[];
  startDate: string | null;
  endDate: string | null;
  partners: Array<{ organizationId: string; organizationName: string; role: PartnerRole; addedAt: string }>;
  access: 'owner' | PartnerRole;
  /** Shown on the public portal while active, at /campaigns/<publicSlug>. */
  public: boolean;
  publicSlug: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignCreateBody {
  title: string;
  summary?: string;
  jurisdictionId: string;
  gaps: string[];
  billIds?: string[];
}

export interface CampaignPatchBody {
  title?: string;
  summary?: string;
  status?: CampaignStatus;
}

export interface TimelineEntry {
  date: string;
  kind: 'milestone' | 'bill_action' | 'hearing';
  title: string;
  detail: string | null;
  billId: string | null;
  billIdentifier: string | null;
  sourceId: string;
}

export type TargetPosition = 'support' | 'oppose' | 'undecided' | 'unknown';
export const targetPositions: TargetPosition[] = ['support', 'oppose', 'undecided', 'unknown'];
export const interactionKinds = ['meeting', 'call', 'letter', 'testimony', 'email', 'other'] as const;

export interface CampaignTarget {
  key: string;
  personId: string | null;
  name: string;
  kind: 'derived' | 'custom';
  reason: 'committee' | 'chamber' | 'executive' | 'custom' | 'position';
  detail: string;
  group: 'primary_sponsor' | 'cosponsor' | 'supporter' | 'undecided' | 'opposed';
  position: TargetPosition;
  positionDate: string | null;
  positionSource: string | null;
  interactions: number;
}

export type Venue =
  | { kind: 'committee'; chamber: string | null; committee: string | null }
  | { kind: 'floor'; chambers: string[] }
  | { kind: 'executive' }
  | { kind: 'none'; reason: string };

export interface CampaignTargets {
  billId: string | null;
  billIdentifier: string | null;
  stage: string | null;
  venue: Venue | null;
  unresolved: string | null;
  targets: CampaignTarget[];
  others: CampaignTarget[];
  whip: Record<TargetPosition, number>;
}

export interface CampaignFact {
  id: string;
  statement: string;
  source: string;
  sourceUrl: string | null;
  date: string;
  jurisdictionId: string | null;
}

export type MessageKind = 'talking_points' | 'letter' | 'call_script';

export interface CampaignMessage {
  id: string;
  kind: MessageKind;
  targetGroup: string | null;
  title: string;
  body: string;
  indicatorId: string | null;
  updatedAt: string;
}

export const storyChannels = ['web', 'print', 'social', 'press'] as const;
export const identifiabilityLevels = ['anonymous', 'pseudonymous', 'identified'] as const;

export interface StoryConsent {
  purpose: string | null;
  channels: string[];
  identifiability: string | null;
  givenOn: string | null;
  expiresOn: string | null;
  withdrawalRoute: string | null;
  retentionMonths: number | null;
  researchUse: boolean | null;
  consentTextVersion: string | null;
  recordedBy: string | null;
}

export interface Story {
  id: string;
  status: string;
  pseudonym: string;
  text: string | null;
  pendingText: string | null;
  consent: StoryConsent;
  consentProblems: string[];
  expired: boolean;
  publishedAt: string | null;
  withdrawnAt: string | null;
}

export interface StoryCreateBody {
  pseudonym?: string;
  text: string;
  subject: { name: string | null; aliases: string[]; phones: string[]; emails: string[]; other: string[] };
  consent: StoryConsent;
}

export interface CampaignOutcome {
  decidedOn: string | null;
  bills: Array<{
    billId: string;
    identifier: string;
    stage: string;
    decision: string | null;
    decidedOn: string | null;
  }>;
  before: { date: string; totalRounded: number | null };
  after: { date: string; totalRounded: number | null };
  delta: number | null;
  gaps: Array<{ indicatorId: string; before: string | null; after: string | null }>;
  activity: { milestones: number; interactions: number; positions: number; targetsMoved: unknown[] };
  suggestedStatus: 'won' | 'lost' | null;
}

const enc = encodeURIComponent;

/** The campaign calls bound to a client. */
export function campaignEndpoints(http: HttpClient) {
  return {
    campaigns: () => http.request<Campaign[]>('GET', '/api/v1/campaigns'),
    campaign: (id: string) => http.request<Campaign>('GET', `/api/v1/campaigns/${enc(id)}`),
    createCampaign: (body: CampaignCreateBody) => http.request<Campaign>('POST', '/api/v1/campaigns', body),
    updateCampaign: (id: string, body: CampaignPatchBody) =>
      http.request<Campaign>('PATCH', `/api/v1/campaigns/${enc(id)}`, body),
    setCampaignPublic: (id: string, isPublic: boolean) =>
      http.request<{ id: string; public: boolean; publicSlug: string | null }>(
        'PUT',
        `/api/v1/campaigns/${enc(id)}/public`,
        { public: isPublic },
      ),
    setCampaignPartner: (id: string, organization: string, role: PartnerRole) =>
      http.request<Campaign>('PUT', `/api/v1/campaigns/${enc(id)}/partners/${enc(organization)}`, { role }),
    removeCampaignPartner: (id: string, organization: string) =>
      http.request<Campaign>('DELETE', `/api/v1/campaigns/${enc(id)}/partners/${enc(organization)}`),
    addCampaignMilestone: (id: string, body: { date: string; title: string; note?: string | null }) =>
      http.request<unknown>('POST', `/api/v1/campaigns/${enc(id)}/milestones`, body),
    campaignTargets: (id: string, bill?: string) =>
      http.request<CampaignTargets>(
        'GET',
        `/api/v1/campaigns/${enc(id)}/targets${bill ? `?bill=${enc(bill)}` : ''}`,
      ),
    recordPosition: (
      id: string,
      body: { target: string; position: TargetPosition; date: string; source?: string | null },
    ) => http.request<CampaignTargets>('POST', `/api/v1/campaigns/${enc(id)}/positions`, body),
    logInteraction: (
      id: string,
      body: { target: string; kind: string; date: string; note?: string | null },
    ) => http.request<unknown>('POST', `/api/v1/campaigns/${enc(id)}/interactions`, body),
    addCustomTarget: (id: string, body: { name: string; office?: string | null }) =>
      http.request<CampaignTargets>('POST', `/api/v1/campaigns/${enc(id)}/targets`, body),
    campaignFacts: (id: string) => http.request<CampaignFact[]>('GET', `/api/v1/campaigns/${enc(id)}/facts`),
    addCampaignFact: (
      id: string,
      body: { statement: string; source: string; sourceUrl?: string | null; date: string },
    ) => http.request<CampaignFact>('POST', `/api/v1/campaigns/${enc(id)}/facts`, body),
    campaignMessages: (id: string) =>
      http.request<CampaignMessage[]>('GET', `/api/v1/campaigns/${enc(id)}/messages`),
    createCampaignMessage: (id: string, body: { kind: MessageKind; title: string; body: string }) =>
      http.request<CampaignMessage>('POST', `/api/v1/campaigns/${enc(id)}/messages`, body),
    draftTalkingPoints: (id: string, indicatorId: string) =>
      http.request<CampaignMessage>('POST', `/api/v1/campaigns/${enc(id)}/talking-points`, { indicatorId }),
    previewCampaignMessage: (id: string, messageId: string) =>
      http.request<{ text: string }>(
        'GET',
        `/api/v1/campaigns/${enc(id)}/messages/${enc(messageId)}/preview`,
      ),
    campaignStories: (id: string) => http.request<Story[]>('GET', `/api/v1/campaigns/${enc(id)}/stories`),
    createStory: (id: string, body: StoryCreateBody) =>
      http.request<Story>('POST', `/api/v1/campaigns/${enc(id)}/stories`, body),
    publishStory: (storyId: string) => http.request<Story>('POST', `/api/v1/stories/${enc(storyId)}/publish`),
    withdrawStory: (storyId: string) =>
      http.request<Story>('POST', `/api/v1/stories/${enc(storyId)}/withdraw`),
    campaignOutcome: (id: string) =>
      http.request<CampaignOutcome>('GET', `/api/v1/campaigns/${enc(id)}/outcome`),
    campaignTimeline: (id: string) =>
      http.request<TimelineEntry[]>('GET', `/api/v1/campaigns/${enc(id)}/timeline`),
  };
}
