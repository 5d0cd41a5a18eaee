/** API shapes for the law library and provision search. */
import { z } from 'zod';
import { isIsoDate } from '../core/laws/intervals.ts';
import { lawDocumentTypes, lawLimits, provisionKinds } from '../core/laws/types.ts';
import { ocdDivisionId } from './common.ts';

/** The largest import request body (content is at most lawLimits.contentChars; JSON escaping adds some). */
export const lawImportBodyLimit = 10 * 1024 * 1024;

export const isoDate = z
  .string()
  .refine(isIsoDate, 'must be a date YYYY-MM-DD')
  .describe('a calendar date, YYYY-MM-DD');

const id = z.string().min(1).max(100);
const lawDocumentType = z.enum(lawDocumentTypes);

export const lawDocument = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    type: lawDocumentType,
    title: z.string(),
    citation: z.string().describe('official citation of the whole document, unique in its jurisdiction'),
    language: z.string().describe('language tag of the text: en, es, fr, …'),
    sourceUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LawDocument' });

export const lawVersion = z
  .object({
    id: z.string(),
    documentId: z.string(),
    effectiveFrom: z.string().describe('first day the version applies (YYYY-MM-DD)'),
    effectiveTo: z
      .string()
      .nullable()
      .describe('first day it no longer applies (YYYY-MM-DD); null until a later version takes effect'),
    recordedAt: z.string().describe('when lawgap recorded this text'),
    checksum: z.string(),
    provisionCount: z.number().int(),
  })
  .meta({ id: 'LawVersion' });

export const provision = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    position: z.number().int().describe('0-based place in document order'),
    depth: z.number().int().describe('0 for top-level provisions'),
    kind: z.enum(provisionKinds),
    citation: z.string().describe('canonical citation within the document, e.g. § 1591(a)(1), Art. 3(a)'),
    heading: z.string().nullable(),
    text: z.string().describe('the provision’s own text, without its children’s'),
  })
  .meta({ id: 'Provision' });

export const lawListing = z.object({ document: lawDocument, version: lawVersion });
export const lawWithVersions = z.object({ document: lawDocument, versions: z.array(lawVersion) });
export const lawVersionText = z.object({
  document: lawDocument,
  version: lawVersion,
  provisions: z.array(provision),
});

const provisionContent = z.object({ heading: z.string().nullable(), text: z.string() });
export const lawDiff = z
  .object({
    document: lawDocument,
    from: lawVersion,
    to: lawVersion,
    changes: z.array(
      z.discriminatedUnion('change', [
        z.object({
          change: z.literal('added'),
          citation: z.string(),
          kind: z.string(),
          after: provisionContent,
        }),
        z.object({
          change: z.literal('removed'),
          citation: z.string(),
          kind: z.string(),
          before: provisionContent,
        }),
        z.object({
          change: z.literal('changed'),
          citation: z.string(),
          kind: z.string(),
          before: provisionContent,
          after: provisionContent,
          words: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() })),
        }),
      ]),
    ),
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
  })
  .meta({ id: 'LawDiff' });

export const lawListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional(),
  asOf: isoDate.optional().describe('the versions in force that day (default: each document’s latest)'),
  type: lawDocumentType.optional(),
});

export const lawParams = z.strictObject({ id });
export const lawVersionParams = z.strictObject({ id, versionId: id });
export const lawDiffQuery = z.strictObject({
  from: id.describe('id of the older version'),
  to: id.describe('id of the newer version'),
});

export const lawImportBody = z.strictObject({
  jurisdictionId: ocdDivisionId,
  format: z.enum(['text', 'json']).describe('text: plain text split by headings; json: lawgap.law/1'),
  content: z.string().min(1).max(lawLimits.contentChars),
  citation: z
    .string()
    .min(1)
    .max(lawLimits.citationChars)
    .optional()
    .describe('required unless the JSON has one'),
  effectiveFrom: isoDate.optional().describe('required unless the JSON has one'),
  effectiveTo: isoDate.optional(),
  title: z.string().min(1).max(lawLimits.titleChars).optional(),
  type: lawDocumentType.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, es, fr')
    .optional(),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export const lawImportResult = z
  .object({
    outcome: z.enum(['created', 'unchanged']).describe('unchanged: this exact version was already stored'),
    document: lawDocument,
    version: lawVersion,
    closed: z.array(z.object({ versionId: z.string(), effectiveTo: z.string() })),
    notes: z.array(z.string()).describe('what the importer guessed or merged'),
  })
  .meta({ id: 'LawImportResult' });

export const searchHit = z
  .object({
    provisionId: z.string(),
    kind: z.string(),
    citation: z.string(),
    heading: z.string().nullable(),
    snippet: z.object({
      text: z.string().describe('an excerpt of the provision text'),
      highlights: z
        .array(z.object({ start: z.number().int(), end: z.number().int() }))
        .describe('matching words as [start, end) offsets into the excerpt'),
    }),
    document: z.object({
      id: z.string(),
      jurisdictionId: z.string(),
      type: z.string(),
      title: z.string(),
      citation: z.string(),
      language: z.string(),
    }),
    version: z.object({ id: z.string(), effectiveFrom: z.string(), effectiveTo: z.string().nullable() }),
  })
  .meta({ id: 'SearchHit' });
