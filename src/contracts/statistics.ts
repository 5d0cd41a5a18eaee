/** API shapes for enforcement statistics tables (imports of aggregate figures, each with its source). */
import { z } from 'zod';
import { isIsoDate } from '../core/laws/intervals.ts';
import { statisticColumns } from '../core/statistics/csv.ts';
import {
  exploitationForms,
  statisticAgeGroups,
  statisticImportStatuses,
  statisticLimits,
  statisticMeasures,
  statisticSexes,
  statisticUnits,
} from '../core/statistics/types.ts';

/** The largest import request body (JSON escaping of the CSV adds some). */
export const statisticsImportBodyLimit = 6 * 1024 * 1024;

export const statisticsImportBody = z.strictObject({
  csv: z
    .string()
    .max(statisticLimits.importChars)
    .describe(`CSV text; header: ${statisticColumns.join(',')} (see docs/statistics.md); one figure a row`),
  fileName: z.string().min(1).max(statisticLimits.fileNameChars).optional(),
  source: z
    .string()
    .min(1)
    .max(statisticLimits.sourceChars)
    .optional()
    .describe('publisher and title, for rows that leave the source column empty'),
  sourceUrl: z.string().min(1).max(statisticLimits.urlChars).optional().describe('http or https'),
  sourceDate: z
    .string()
    .refine(isIsoDate, 'must be a date YYYY-MM-DD')
    .optional()
    .describe('the source’s date, for rows that leave source_date empty'),
});

export const statisticsImportParams = z.strictObject({ id: z.string().min(1).max(64) });

const year = z.coerce.number().int().min(statisticLimits.minYear).max(statisticLimits.maxYear);

export const statisticsFigureQuery = z.strictObject({
  jurisdiction: z.string().min(1).max(300).optional().describe('OCD division id or ISO 3166 code'),
  measure: z.enum(statisticMeasures).optional(),
  yearFrom: year.optional(),
  yearTo: year.optional(),
  importId: z.string().min(1).max(64).optional(),
  history: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: also the figures replaced by a newer source, each naming its replacement'),
});

export const statisticImport = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    fileName: z.string().nullable(),
    rowCount: z.number().int(),
    replacedCount: z.number().int().describe('figures of earlier imports this one replaced'),
    status: z.enum(statisticImportStatuses),
    sources: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'StatisticImport' });

export const statisticFigure = z
  .object({
    id: z.string(),
    importId: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    jurisdictionId: z.string(),
    year: z.number().int(),
    measure: z.enum(statisticMeasures),
    form: z.enum(exploitationForms),
    sex: z.enum(statisticSexes),
    ageGroup: z.enum(statisticAgeGroups),
    value: z.number().int(),
    unit: z.enum(statisticUnits),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    sourceDate: z.string(),
    note: z.string().nullable(),
    row: z.number().int().describe('the spreadsheet row it came from (header = 1)'),
    published: z.boolean(),
    replacedBy: z.string().nullable().describe('the figure from a newer source that replaces it'),
    createdAt: z.string(),
  })
  .meta({ id: 'StatisticFigure' });
