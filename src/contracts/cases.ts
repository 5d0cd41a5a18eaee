/** API shapes for HTCDS case datasets (counts only) and the privacy-safe releases published from them. */
import { z } from 'zod';
import { caseAttributes, maxReleaseCountries } from '../core/cases/case-attributes.ts';

/** The largest import request body: 20 MiB of CSV, or a 10 MiB workbook as base64. */
export const casesImportBodyLimit = 21 * 1024 * 1024;

export const casesImportBody = z
  .strictObject({
    dataset: z
      .string()
      .min(1)
      .max(100)
      .describe('dataset name; created on first import, added to afterwards'),
    csv: z
      .string()
      .max(20 * 1024 * 1024)
      .optional()
      .describe('CSV with a header of HTCDS v2.0 field names (docs/cases.md)'),
    xlsx: z
      .string()
      .max(14 * 1024 * 1024)
      .optional()
      .describe('an .xlsx workbook as base64; its first sheet is read like the CSV'),
    jurisdiction: z.string().min(1).max(300).optional().describe('ISO 3166 code or OCD division id'),
    fileName: z.string().min(1).max(200).optional().describe('the file’s name, listed with the import'),
  })
  .refine((b) => (b.csv === undefined) !== (b.xlsx === undefined), 'give exactly one of csv and xlsx');

export const caseDatasetParams = z.strictObject({ id: z.string().min(1).max(100) });

export const casesPublishBody = z.strictObject({
  attributes: z
    .array(z.string().min(1).max(60))
    .min(1)
    .max(3)
    .describe(`1–3 of: ${caseAttributes.join(', ')}`),
  epsilon: z
    .number()
    .positive()
    .max(4)
    .describe('ε charged if this statistic was already released (noisy repeat)'),
  year: z.number().int().min(1900).max(2200).optional().describe('only records referred in this year'),
  countries: z
    .array(z.string().min(2).max(2))
    .min(1)
    .max(maxReleaseCountries)
    .optional()
    .describe(
      'with citizenship or event_country: the ISO 3166-1 alpha-2 countries to break out; others are Other',
    ),
  draft: z
    .boolean()
    .optional()
    .describe(
      'keep it as a draft only your organization sees; publish it with POST /cases/releases/:id/publish',
    ),
});

export const caseReleaseParams = z.strictObject({ id: z.string().min(1).max(100) });

export const caseImport = z
  .object({
    id: z.string(),
    dataset: z.string(),
    fileName: z.string().nullable(),
    format: z.enum(['csv', 'xlsx']),
    records: z.number().int(),
    importedAt: z.string(),
  })
  .describe('One imported file: its name and how many records, never a cell');

export const caseReleasesQuery = z.strictObject({
  jurisdiction: z.string().min(1).max(300).optional().describe('ISO 3166 code or OCD division id'),
});

export const caseDataset = z
  .object({
    id: z.string(),
    name: z.string(),
    jurisdiction: z.string().nullable(),
    privacyUnit: z.string(),
    records: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('A case dataset: its name and how many records, never the records');

const publishedCount = z.union([
  z.object({ suppressed: z.literal(true), below: z.number().int() }),
  z.object({ suppressed: z.literal(false), value: z.number().int() }),
]);

export const caseRelease = z
  .object({
    id: z.string(),
    dataset: z.string(),
    jurisdiction: z.string().nullable(),
    statistic: z.string(),
    attributes: z.array(z.string()),
    year: z.number().int().nullable(),
    mechanism: z.enum(['suppressed', 'noisy']),
    epsilon: z.number(),
    k: z.number().int(),
    table: z.object({
      attributes: z.array(z.string()),
      categories: z.array(z.array(z.string())),
      k: z.number().int(),
      cells: z.array(z.object({ key: z.array(z.string()), count: publishedCount })),
      totals: z
        .object({
          byFirst: z.array(publishedCount.nullable()),
          bySecond: z.array(publishedCount.nullable()),
          overall: publishedCount.nullable(),
        })
        .nullable(),
    }),
    releasedAt: z.string(),
    publishedAt: z.string().nullable().describe('null while a draft'),
  })
  .describe('A published table: suppressed and rounded (first release) or noisy (a repeat, charged ε)');
