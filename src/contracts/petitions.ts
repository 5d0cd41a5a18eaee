/** API shapes for petitions of a campaign (the workspace sees counts by status, never who signed). */
import { z } from 'zod';
import { petitionLimits, petitionStatuses } from '../core/petitions/types.ts';

export const petitionParams = z.strictObject({ id: z.string().min(1).max(64) });

const fields = {
  slug: z
    .string()
    .min(3)
    .max(petitionLimits.slugChars)
    .describe('the public address /act/<slug>: lower-case letters, digits and hyphens'),
  title: z.string().min(1).max(petitionLimits.titleChars),
  text: z.string().min(1).max(petitionLimits.textChars).describe('paragraphs separated by blank lines'),
  targetDescription: z
    .string()
    .min(1)
    .max(petitionLimits.targetChars)
    .describe('who the petition is addressed to'),
  goal: z.number().int().min(1).max(petitionLimits.goalMax),
  senderName: z
    .string()
    .min(1)
    .max(petitionLimits.senderNameChars)
    .describe('sender name of the confirmation mail'),
  senderEmail: z.string().min(3).max(254).describe('sender address of the confirmation mail'),
  partnerName: z
    .string()
    .min(1)
    .max(petitionLimits.partnerNameChars)
    .nullable()
    .describe('a partner signers may agree to share their details with; null: none'),
};

export const petitionCreateBody = z.strictObject({
  ...fields,
  goal: fields.goal.optional(),
  partnerName: fields.partnerName.optional(),
});

export const petitionPatchBody = z.strictObject({
  slug: fields.slug.optional(),
  title: fields.title.optional(),
  text: fields.text.optional(),
  targetDescription: fields.targetDescription.optional(),
  goal: fields.goal.optional(),
  senderName: fields.senderName.optional(),
  senderEmail: fields.senderEmail.optional(),
  partnerName: fields.partnerName.optional(),
});

export const petition = z.object({
  id: z.string(),
  campaignId: z.string(),
  slug: z.string(),
  title: z.string(),
  text: z.string(),
  targetDescription: z.string(),
  goal: z.number(),
  status: z.enum(petitionStatuses),
  senderName: z.string(),
  senderEmail: z.string(),
  partnerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  signatures: z
    .object({ pending: z.number(), validated: z.number(), counted: z.number() })
    .describe('signatures by status, counted now; counted: one per person, validated'),
});

export type PetitionDto = z.infer<typeof petition>;
export type PetitionCreateBody = z.infer<typeof petitionCreateBody>;
