/** API shapes for jurisdictions. */
import { z } from 'zod';
import { localizedText, ocdDivisionId } from './common.ts';

export const jurisdiction = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    level: z.enum(['national', 'subnational', 'local', 'international']),
    type: z.string(),
    name: localizedText,
    isoCode: z.string().nullable(),
    isoAlpha3: z.string().nullable(),
    isoNumeric: z.string().nullable(),
    organizationId: z.string().nullable(),
  })
  .meta({ id: 'Jurisdiction' });

export const jurisdictionListQuery = z.strictObject({
  parent: ocdDivisionId.optional().describe('only children of this division'),
  level: z.enum(['national', 'subnational', 'local', 'international']).optional(),
});

export const jurisdictionParams = z.strictObject({ id: ocdDivisionId });

export const newJurisdiction = z.strictObject({
  parentId: ocdDivisionId,
  type: z
    .string()
    .regex(/^[a-z_-]{2,40}$/, 'must be 2-40 lowercase letters, "_" or "-"')
    .default('place'),
  name: localizedText,
});
