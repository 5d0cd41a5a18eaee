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
  value: z.number().int().nullable().describe('null for a suppressed count from case data (below `below`)'),
  below: z.number().int().nullable().describe('for a suppressed count: it is below this k'),
  unit: z.enum(statisticUnits),
  origin: z
    .enum(['statistics', 'case_release'])
    .describe('where the figure comes from: a published statistics table or a published case release'),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  sourceDate: z.string(),
  publishedBy: z.string().describe('the organization that published it'),
  privacy: z
    .object({ mechanism: z.enum(['suppressed', 'noisy']), k: z.number().int(), epsilon: z.number() })
    .nullable()
    .describe('for case data: suppressed and rounded to multiples of k, or noisy at ε; null for statistics'),
});

export const practiceView = z
  .object({
    jurisdictionId: z.string(),
    indicators: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        reason: localizedText,
        series: z.array(
          z.object({
            measure: z.enum(statisticMeasures),
            origin: z.enum(['statistics', 'case_release']),
            points: z.array(practicePoint),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PracticeView' });
