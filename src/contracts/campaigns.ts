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
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' });

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
