/** Shared schema pieces: the error envelope, localized text, ids. */
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. JURISDICTION_NOT_FOUND'),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const localizedText = z
  .strictObject({
    en: z.string().min(1).max(2000),
    es: z.string().min(1).max(2000).optional(),
    fr: z.string().min(1).max(2000).optional(),
  })
  .meta({ id: 'LocalizedText' });

export const ocdDivisionId = z
  .string()
  .max(300)
  .regex(/^ocd-division\/country:[a-z]{2}(\/[a-z_-]+:[a-z0-9_.~-]+)*$/, 'must be an OCD division id')
  .describe('Open Civic Data division id, e.g. ocd-division/country:us/state:tx');

export const okBody = z.object({ ok: z.literal(true) });
