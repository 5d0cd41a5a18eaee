/** API shapes for law vs practice: published enforcement figures beside the indicators they bear on. */
import { z } from 'zod';
import { statisticMeasures, statisticUnits } from '../core/statistics/types.ts';
import { localizedText } from './common.ts';

export const practiceQuery = z.strictObject({
  jurisdiction: z.string().min(1).max(300).describe('OCD division id or ISO 3166 code'),
  indicator: z
    .string()
    .min(1)
    .max(32)
    .optional()
    .describe('one indicator id (e.g. VI-01); every indicator that figures bear on when left out'),
});

const practicePoint = z.object({
  year: z.number().int(),
  value: z.number().int(),
  unit: z.enum(statisticUnits),
  origin: z.enum(['statistics']).describe('where the figure comes from: a published statistics table'),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  sourceDate: z.string(),
  publishedBy: z.string().describe('the organization that published it'),
});

export const practiceView = z
  .object({
    jurisdictionId: z.string(),
    indicators: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        reason: localizedText,
        series: z.array(z.object({ measure: z.enum(statisticMeasures), points: z.array(practicePoint) })),
      }),
    ),
  })
  .meta({ id: 'PracticeView' });
