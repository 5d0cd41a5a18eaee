/** API shapes for supporter data requests received by other channels (instance administrators). */
import { z } from 'zod';

export const supporterExportBody = z
  .object({
    email: z.string().max(300).describe('The supporter’s email address (any case, as they gave it)'),
  })
  .strict();

export const supporterEraseBody = z
  .object({
    email: z.string().max(300),
    confirm: z.literal(true).describe('Must be true: erasing cannot be undone'),
  })
  .strict();

export const supporterExport = z
  .record(z.string(), z.unknown())
  .describe('Everything held about the address (docs/supporter-data.md)')
  .meta({ id: 'SupporterExport' });

export const erasureSummary = z
  .object({
    erasureId: z.string(),
    signaturesDeleted: z.number().int(),
    signaturesAnonymised: z.number().int(),
    lettersDeleted: z.number().int(),
    lettersAnonymised: z.number().int(),
    deliveriesCancelled: z.number().int(),
    subscriptionsDeleted: z.number().int(),
    signOnContactsErased: z.number().int(),
    errorReportContactsErased: z.number().int(),
    mailDeleted: z.number().int(),
  })
  .meta({ id: 'SupporterErasure' });
