/** API shapes for letter and call actions of a campaign (the workspace sees counts, never who wrote). */
import { z } from 'zod';
import { actionKinds, actionLimits, actionStatuses } from '../core/letter-actions/types.ts';

export const actionParams = z.strictObject({ id: z.string().min(1).max(64) });

export const actionCreateBody = z.strictObject({
  kind: z.enum(actionKinds).describe('letter: supporters email their lawmakers; call: numbers and a script'),
  slug: z.string().min(3).max(80).describe('the public address /act/<slug>/letter or /act/<slug>/call'),
  title: z.string().min(1).max(actionLimits.titleChars),
  messageId: z
    .string()
    .min(1)
    .max(64)
    .describe('a campaign message of kind letter (letter) or call_script (call)'),
  senderName: z
    .string()
    .min(1)
    .max(actionLimits.senderNameChars)
    .optional()
    .describe('letter: the sender name'),
  senderEmail: z.string().min(3).max(254).optional().describe('letter: the campaign sending address (From)'),
  hourlyPerRecipient: z
    .number()
    .int()
    .min(1)
    .max(actionLimits.hourlyMax)
    .optional()
    .describe('letter: at most this many letters an hour to one recipient (default 30)'),
});

export const letterAction = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: z.enum(actionKinds),
  slug: z.string(),
  title: z.string(),
  messageId: z.string(),
  jurisdictionId: z.string(),
  senderName: z.string().nullable(),
  senderEmail: z.string().nullable(),
  hourlyPerRecipient: z.number(),
  status: z.enum(actionStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  letters: z.object({ pending: z.number(), confirmed: z.number() }),
  deliveries: z
    .object({ queued: z.number(), sent: z.number(), failed: z.number(), 'no-address': z.number() })
    .describe('per-target deliveries by status; failed ones are retried by the outbox'),
  calls: z.object({ reached: z.number(), voicemail: z.number(), no_answer: z.number() }),
});

export type LetterActionDto = z.infer<typeof letterAction>;
export type ActionCreateBody = z.infer<typeof actionCreateBody>;
