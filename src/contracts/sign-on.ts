/** API shapes for sign-on letters: the workspace's letters and moderation, and the public letter. */
import { z } from 'zod';
import { letterStatuses, signatureStatuses, signOnLimits } from '../core/campaigns/sign-on.ts';

export const letterParams = z.strictObject({ id: z.string().min(1).max(64) });
export const signatureParams = z.strictObject({ id: z.string().min(1).max(64) });

export const letterCreateBody = z.strictObject({
  title: z.string().min(1).max(signOnLimits.title),
  body: z.string().min(1).max(signOnLimits.body).describe('plain text; paragraphs separated by a blank line'),
  status: z.enum(['draft', 'open']).optional().describe('draft (default) or open'),
});

export const letterPatchBody = z.strictObject({
  title: z.string().min(1).max(signOnLimits.title).optional(),
  body: z.string().min(1).max(signOnLimits.body).optional(),
  status: z.enum(letterStatuses).optional().describe('draft → open → closed → open'),
});

export const signatureListQuery = z.strictObject({ status: z.enum(signatureStatuses).optional() });

export const letter = z.object({
  id: z.string(),
  campaignId: z.string(),
  organizationId: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(letterStatuses),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const letterWithInvite = z.object({
  letter,
  inviteUrl: z.string().describe('the invitation link, shown only in this answer'),
});

export const signature = z.object({
  id: z.string(),
  letterId: z.string(),
  organizationName: z.string(),
  signerName: z.string(),
  signerTitle: z.string().nullable(),
  contactEmail: z.string().describe('for the organisers only; never public'),
  website: z.string().nullable(),
  hasLogo: z.boolean(),
  status: z.enum(signatureStatuses),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const publicSignatory = z.object({
  id: z.string(),
  organizationName: z.string(),
  website: z.string().nullable(),
  hasLogo: z.boolean(),
  logoUrl: z.string().nullable(),
  signedAt: z.string(),
});

export const publicLetter = z.object({
  id: z.string(),
  campaignId: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(letterStatuses),
  signatories: z.array(publicSignatory),
});
