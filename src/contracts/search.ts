/** API shapes for provision search: the query (filters and page) and a page of hits. */
import { z } from 'zod';
import { searchLimits } from '../core/laws/search.ts';
import { lawDocumentTypes } from '../core/laws/types.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate, searchHit } from './laws.ts';

export const searchQuery = z.strictObject({
  q: z
    .string()
    .min(1)
    .max(searchLimits.maxQueryChars)
    .describe(
      'words to find, and "quoted phrases" to find word for word; other punctuation and operators are ignored',
    ),
  jurisdiction: ocdDivisionId.optional(),
  type: z.enum(lawDocumentTypes).optional(),
  asOf: isoDate
    .optional()
    .describe('search the versions in force that day (default: each document’s latest)'),
  indicator: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe(
      'only provisions cited by coded answers for this indicator (published ones unless you may read all)',
    ),
  limit: z.coerce.number().int().min(1).max(searchLimits.maxLimit).default(searchLimits.defaultLimit),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(searchLimits.maxOffset)
    .default(0)
    .describe('hits to skip: the previous page’s nextOffset'),
});

export const searchPage = z
  .object({
    hits: z
      .array(searchHit)
      .describe('best first; ties in rank ordered by provision id, so pages are stable'),
    limit: z.number().int(),
    offset: z.number().int(),
    hasMore: z.boolean().describe('whether hits follow this page'),
    nextOffset: z.number().int().nullable().describe('offset of the next page; null on the last page'),
  })
  .meta({ id: 'SearchPage' });
