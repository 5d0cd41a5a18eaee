/** API shapes for campaigns (owned by one organisation, shared with partners). */
import { z } from 'zod';
import { campaignLimits, campaignStatuses, partnerRoles } from '../core/campaigns/types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const campaignParams = z.strictObject({ id: z.string().min(1).max(64) });

export const campaignPartnerParams = z.strictObject({
  id: z.string().min(1).max(64),
  organization: z.string().min(1).max(100).describe('partner organization id or slug'),
});

export const campaignListQuery = z.strictObject({
  status: z.enum(campaignStatuses).optional(),
  jurisdiction: z.string().min(1).max(200).optional(),
});

const editable = {
  title: z.string().min(1).max(campaignLimits.titleChars),
  summary: z.string().max(campaignLimits.summaryChars),
  status: z.enum(campaignStatuses),
  gaps: z
    .array(z.string().min(1).max(20))
    .min(1)
    .max(campaignLimits.gaps)
    .describe('indicator ids of the gaps the campaign means to close'),
  billIds: z.array(z.string().min(1).max(64)).max(campaignLimits.bills).describe('bills meant to close them'),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
};

export const campaignCreateBody = z.strictObject({
  ...editable,
  summary: editable.summary.optional(),
  status: editable.status.optional(),
  billIds: editable.billIds.optional(),
  startDate: editable.startDate.optional(),
  endDate: editable.endDate.optional(),
  jurisdictionId: z.string().min(1).max(200),
});

export const campaignPatchBody = z.strictObject({
  title: editable.title.optional(),
  summary: editable.summary.optional(),
  status: editable.status.optional(),
  gaps: editable.gaps.optional(),
  billIds: editable.billIds.optional(),
  startDate: editable.startDate.optional(),
  endDate: editable.endDate.optional(),
});

export const campaignPartnerBody = z.strictObject({ role: z.enum(partnerRoles) });

export const campaignMilestoneBody = z.strictObject({
  date: isoDate,
  title: z.string().min(1).max(campaignLimits.milestoneTitleChars),
  note: z.string().max(campaignLimits.milestoneNoteChars).nullable().optional(),
});

export const campaign = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(campaignStatuses),
    jurisdictionId: z.string(),
    gaps: z.array(z.string()),
    billIds: z.array(z.string()),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    partners: z.array(
      z.object({
        organizationId: z.string(),
        organizationName: z.string(),
        role: z.enum(partnerRoles),
        addedAt: z.string(),
      }),
    ),
    access: z.enum(['owner', ...partnerRoles]).describe('what your organization is to this campaign'),
    public: z.boolean().describe('whether the public portal shows the campaign while it is active'),
    publicSlug: z.string().nullable().describe('its portal address /campaigns/<slug>, kept once given'),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' });

/** Makes a campaign public (shown on the portal while active) or private. */
export const campaignPublicBody = z.strictObject({ public: z.boolean() });

export const campaignPublicState = z
  .object({ id: z.string(), public: z.boolean(), publicSlug: z.string().nullable() })
  .meta({ id: 'CampaignPublicState' });

export const campaignMilestone = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    date: z.string(),
    title: z.string(),
    note: z.string().nullable(),
    organizationId: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CampaignMilestone' });

export const timelineEntry = z
  .object({
    date: z.string(),
    kind: z.enum(['milestone', 'bill_action', 'hearing']),
    title: z.string(),
    detail: z.string().nullable(),
    billId: z.string().nullable(),
    billIdentifier: z.string().nullable(),
    sourceId: z.string(),
  })
  .meta({ id: 'CampaignTimelineEntry' });

const scorePoint = z.object({
  date: z.string(),
  totalRounded: z.number().nullable(),
  grade: z.string().nullable(),
});

export const campaignOutcome = z
  .object({
    campaignId: z.string(),
    status: z.string(),
    bills: z.array(
      z.object({
        billId: z.string(),
        identifier: z.string(),
        stage: z.string(),
        decision: z.string().nullable(),
        decidedOn: z.string().nullable(),
      }),
    ),
    decidedOn: z
      .string()
      .nullable()
      .describe('the first decision’s date; null while no campaign bill is decided'),
    before: scorePoint.describe('published answers the day before the decision (or at the campaign’s start)'),
    after: scorePoint.describe('published answers on the decision day (or today)'),
    delta: z.number().nullable(),
    gaps: z.array(
      z.object({ indicatorId: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
    ),
    activity: z.object({
      milestones: z.number(),
      interactions: z.number(),
      positions: z.number(),
      targetsMoved: z.array(z.object({ target: z.string(), from: z.string(), to: z.string() })),
    }),
    suggestedStatus: z.enum(['won', 'lost']).nullable(),
    correlationOnly: z
      .literal(true)
      .describe('the report shows what happened around the decision, not causation'),
  })
  .meta({ id: 'CampaignOutcome' });
