/** API shapes for importing law files of any format, analyzing a version, and reviewing analyzer suggestions. */
import { z } from 'zod';
import { machineLabel, reviewStatuses, suggestionLimits } from '../core/analyzer/review.ts';
import { suggestedAnswers } from '../core/analyzer/types.ts';
import { codingLimits } from '../core/coding/types.ts';

import { codedAnswer } from './coding.ts';
import { ocdDivisionId } from './common.ts';
import { lawImportBody, lawImportResult } from './laws.ts';

/** The largest file a file import takes (decoded bytes). */
export const lawFileMaxBytes = 8 * 1024 * 1024;
/** The file import's own body limit: base64 adds a third to the file, plus the other fields. */
export const lawFileBodyLimit = Math.ceil((lawFileMaxBytes * 4) / 3) + 64 * 1024;

const formats = ['auto', 'text', 'html', 'pdf', 'docx', 'uslm', 'akn', 'clml', 'json'] as const;

export const lawFileImportBody = lawImportBody.omit({ format: true, content: true }).extend({
  fileName: z.string().min(1).max(255).describe('the file’s name, for messages and as a format hint'),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((lawFileMaxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .describe(`the file’s bytes, base64-encoded (at most ${lawFileMaxBytes} bytes decoded)`),
  format: z.enum(formats).default('auto').describe('auto (default): detected from the content'),
  analyze: z
    .boolean()
    .default(false)
    .describe('run the analyzer and store its suggestions, unreviewed (needs coding:write)'),
});

const analysisResult = z
  .object({
    versionId: z.string(),
    analyzerVersion: z.string(),
    frameworkId: z.string(),
    created: z.number().int(),
    replaced: z.number().int(),
    unchanged: z.number().int(),
    kept: z.number().int().describe('already reviewed by a person: never overwritten'),
    dropped: z.number().int().describe('quotes dropped because they were not verbatim'),
  })
  .meta({ id: 'AnalysisResult' });

export { analysisResult };

export const lawFileImportResult = lawImportResult.extend({
  format: z.enum(formats.slice(1) as ['text', ...string[]]).describe('the format the file was read as'),
  analysis: analysisResult.nullable(),
});

export const suggestion = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    versionId: z.string(),
    documentId: z.string(),
    documentCitation: z.string(),
    frameworkId: z.string(),
    frameworkVersion: z.number().int(),
    indicatorId: z.string(),
    answer: z.enum(suggestedAnswers),
    confidence: z.number().min(0).max(1),
    evidence: z.array(z.object({ provisionId: z.string(), citation: z.string(), quote: z.string() })),
    dropped: z
      .array(z.object({ citation: z.string(), quote: z.string(), reason: z.string() }))
      .describe('quotes the analyzer gave that were not verbatim (never stored as evidence)'),
    rationale: z.string(),
    analyzerVersion: z.string(),
    reviewStatus: z.enum(reviewStatuses),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewReason: z.string().nullable(),
    answerId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    label: z.literal(machineLabel).nullable().describe(`"${machineLabel}" until a person has reviewed it`),
  })
  .meta({ id: 'Suggestion' });

export const suggestionListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional().describe('only this jurisdiction (default: every visible one)'),
  version: z.string().min(1).max(100).optional(),
  status: z.enum(reviewStatuses).optional(),
});

export const suggestionParams = z.strictObject({ id: z.string().min(1).max(100) });

export const acceptBody = z.strictObject({
  value: z.string().min(1).max(codingLimits.valueChars).optional().describe('a different answer code'),
  citations: z
    .array(
      z.strictObject({
        provisionId: z.string().min(1).max(100),
        quote: z.string().min(1).max(codingLimits.quoteChars),
      }),
    )
    .max(codingLimits.citations)
    .optional()
    .describe('replaces the suggested evidence; every quote must be verbatim'),
  cautionNote: z.string().max(codingLimits.noteChars).nullable().optional(),
});

export const rejectBody = z.strictObject({
  reason: z.string().max(suggestionLimits.reasonChars).nullable().optional(),
});

export const reviewResult = z.object({ suggestion, answer: codedAnswer.nullable() });
