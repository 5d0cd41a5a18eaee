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
