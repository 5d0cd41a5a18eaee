/** API shapes for survivor stories with consent. */
import { z } from 'zod';
import { identifiabilityLevels, storyChannels } from '../core/campaigns/stories.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const short = z.string().max(500);

export const storyParams = z.strictObject({ id: z.string().min(1).max(64) });

const consent = z.strictObject({
  purpose: short.nullable().optional(),
  channels: z.array(z.enum(storyChannels)).max(4).optional(),
  identifiability: z.enum(identifiabilityLevels).nullable().optional(),
  givenOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  withdrawalRoute: short.nullable().optional(),
  retentionMonths: z.number().int().min(1).max(120).nullable().optional(),
  researchUse: z.boolean().nullable().optional(),
  consentTextVersion: z.string().max(50).nullable().optional(),
  recordedBy: z.string().max(200).nullable().optional(),
});

const subject = z
  .strictObject({
    name: z.string().max(200).nullable().optional(),
    aliases: z.array(z.string().max(200)).max(20).optional(),
    phones: z.array(z.string().max(50)).max(10).optional(),
    emails: z.array(z.string().max(254)).max(10).optional(),
    other: z.array(z.string().max(200)).max(50).optional(),
  })
  .describe('the person the story is about: checked against the text before publishing, never published');

export const storyCreateBody = z.strictObject({
  pseudonym: z.string().min(1).max(100).optional().describe('shown instead of a name (default "Anonymous")'),
  text: z.string().min(1).max(20_000),
  subject: subject.optional(),
  consent: consent.optional(),
});

export const storyPatchBody = z.strictObject({
  pseudonym: z.string().min(1).max(100).optional(),
  text: z.string().min(1).max(20_000).optional(),
  subject: subject.optional(),
  consent: consent.optional(),
});

export const storyApproveBody = z.strictObject({
  approvedBy: z
    .string()
    .min(1)
    .max(200)
    .describe('who approved the revision (the survivor or their advocate)'),
});

const consentOut = z.object({
  purpose: z.string().nullable(),
  channels: z.array(z.string()),
  identifiability: z.string().nullable(),
  givenOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  withdrawalRoute: z.string().nullable(),
  retentionMonths: z.number().nullable(),
  researchUse: z.boolean().nullable(),
  consentTextVersion: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const story = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    status: z.string(),
    pseudonym: z.string(),
    text: z.string().nullable().describe('null once withdrawn'),
    pendingPseudonym: z.string().nullable(),
    pendingText: z.string().nullable().describe('an edit awaiting re-approval (not public)'),
    subject: z
      .object({
        name: z.string().nullable(),
        aliases: z.array(z.string()),
        phones: z.array(z.string()),
        emails: z.array(z.string()),
        other: z.array(z.string()),
      })
      .nullable(),
    consent: consentOut,
    consentProblems: z.array(z.string()).describe('consent fields still missing before publishing'),
    expired: z.boolean(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Story' });

export const publicStory = z
  .object({ id: z.string(), pseudonym: z.string(), text: z.string(), publishedAt: z.string() })
  .meta({ id: 'PublicStory' });
