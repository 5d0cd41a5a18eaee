/** API shapes for the indicator framework. */
import { z } from 'zod';
import { localizedText } from './common.ts';

export const indicatorSource = z.object({
  instrument: z.string(),
  citation: z.string(),
  verify: z
    .boolean()
    .optional()
    .describe('the citation still needs verification before it is shown as settled'),
});

export const indicator = z
  .object({
    id: z.string().describe('Reference id, e.g. CR-01'),
    area: z.string(),
    question: localizedText,
    type: z.enum(['YPN', 'YN', 'G02']),
    weight: z.number().int().min(1).max(3),
    level: z.enum(['B', 'N', 'S']),
    sources: z.array(indicatorSource),
  })
  .meta({ id: 'Indicator' });

export const framework = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: localizedText,
    published: z.string(),
    responseTypes: z.record(
      z.string(),
      z.object({ label: z.string(), values: z.record(z.string(), z.number()) }),
    ),
    instruments: z.record(z.string(), z.object({ name: z.string(), crosswalk: z.boolean() })),
    areas: z.array(z.object({ id: z.string(), name: localizedText, share: z.number() })),
    indicators: z.array(indicator),
    negativeModifiers: z.array(z.object({ id: z.string(), description: localizedText })),
  })
  .meta({ id: 'Framework' });

export const frameworkSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  title: localizedText,
  published: z.string(),
  indicatorCount: z.number().int(),
});

export const frameworkQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(100000).optional(),
});
