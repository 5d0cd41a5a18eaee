/** API shapes for privacy ledgers (read-only): what each dataset has spent of its yearly privacy budget. */
import { z } from 'zod';

export const privacyLedger = z
  .object({
    id: z.string(),
    dataset: z.string(),
    year: z.number().int(),
    privacyUnit: z.string().describe('whose privacy the budget protects, e.g. person'),
    epsilonCap: z.number().describe('the most ε all releases of the dataset may spend in the year'),
    deltaCap: z.number(),
    spentEpsilon: z.number(),
    spentDelta: z.number(),
    remainingEpsilon: z.number(),
    remainingDelta: z.number(),
    releases: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PrivacyLedger' });

export const ledgerReleasesQuery = z
  .strictObject({
    dataset: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('one ledger’s dataset, e.g. cases/<dataset name>'),
    year: z.coerce.number().int().min(1900).max(2200).optional().describe('with dataset: the ledger’s year'),
  })
  .refine(
    (q) => (q.dataset === undefined) === (q.year === undefined),
    'give both dataset and year, or neither',
  );

export const ledgerRelease = z
  .object({
    id: z.string(),
    dataset: z.string(),
    year: z.number().int(),
    statistic: z.string(),
    epsilon: z.number(),
    releasedAt: z.string(),
  })
  .describe('One release charged to a ledger and the ε it cost');
