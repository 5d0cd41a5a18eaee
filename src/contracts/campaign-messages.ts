/** API shapes for a campaign's evidence library (facts with sources) and messages (templates with fields). */
import { z } from 'zod';
import { messageKinds, messageLimits, templateFields } from '../core/campaigns/messages.ts';
import { targetGroups } from '../core/campaigns/targets.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const campaignFactParams = z.strictObject({
  id: z.string().min(1).max(64),
  factId: z.string().min(1).max(64),
});
export const campaignMessageParams = z.strictObject({
  id: z.string().min(1).max(64),
  messageId: z.string().min(1).max(64),
});

export const factBody = z.strictObject({
  statement: z.string().min(1).max(messageLimits.statementChars),
  source: z
    .string()
    .min(1)
    .max(messageLimits.sourceChars)
    .describe('where the fact comes from (always shown)'),
  sourceUrl: z.string().max(2000).nullable().optional(),
  date: isoDate,
  jurisdictionId: z.string().max(200).nullable().optional(),
});

export const messageBody = z.strictObject({
  kind: z.enum(messageKinds),
  title: z.string().min(1).max(messageLimits.titleChars),
  body: z
    .string()
    .min(1)
    .max(messageLimits.bodyChars)
    .describe(`plain text; fields: ${templateFields.map((f) => `{{${f}}}`).join(', ')}`),
  targetGroup: z.enum(targetGroups).nullable().optional().describe('the target group this message is for'),
});

export const messagePatchBody = z.strictObject({
  title: messageBody.shape.title.optional(),
  body: messageBody.shape.body.optional(),
  targetGroup: messageBody.shape.targetGroup,
});

export const talkingPointsBody = z.strictObject({
  indicatorId: z.string().min(1).max(20).describe('one of the campaign’s gaps'),
  date: isoDate.optional().describe('the date of the law read (default: today)'),
});

export const previewQuery = z.strictObject({
  target: z.string().min(1).max(200).optional().describe('a target key: person:<id> or custom:<id>'),
});

export const campaignFact = z
  .object({
    id: z.string(),
    statement: z.string(),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    date: z.string(),
    jurisdictionId: z.string().nullable(),
    organizationId: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CampaignFact' });

export const campaignMessage = z
  .object({
    id: z.string(),
    kind: z.enum(messageKinds),
    targetGroup: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    indicatorId: z.string().nullable().describe('the gap talking points were drafted from'),
    organizationId: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CampaignMessage' });
