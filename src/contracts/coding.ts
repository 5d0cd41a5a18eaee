/** API shapes for coded answers, their history, CSV import and scores. */
import { z } from 'zod';
import { codingLimits, codingStatuses } from '../core/coding/types.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

const id = z.string().min(1).max(100);
const codingStatus = z.enum(codingStatuses);
const grade = z.enum(['A', 'B', 'C', 'D', 'F']);

/** A citation as given: a provision and verbatim words of it. */
export const citationInput = z.strictObject({
  provisionId: id.describe('a provision of the law library, of the answer’s jurisdiction'),
  quote: z
    .string()
    .min(1)
    .max(codingLimits.quoteChars)
    .describe('verbatim words of the provision (whitespace and curly quotes normalised; nothing else)'),
});

export const codedAnswer = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    frameworkId: z.string(),
    indicatorId: z.string(),
    value: z.string().describe('a code of the indicator’s response type, or NA'),
    validFrom: z.string(),
    validTo: z.string().nullable().describe('first day it no longer applies; null when open-ended'),
    status: codingStatus.describe('suggested = a machine suggestion no person has confirmed'),
    cautionNote: z.string().nullable(),
    coder: z.string().describe('who last set the value: user:<id>, token:<id> or system:<name>'),
    citations: z.array(
      z.object({
        provisionId: z.string(),
        quote: z.string(),
        citation: z.string().describe('document citation and provision citation'),
        documentId: z.string(),
        versionId: z.string(),
        documentCitation: z.string().optional().describe('the document’s own citation'),
        language: z.string().optional().describe('the language the quoted law is written in'),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CodedAnswer' });

/** The fields a history snapshot of an answer or a modifier finding holds besides its value or applies flag. */
export const codedRecordSnapshotFields = {
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: codingStatus,
  cautionNote: z.string().nullable(),
  coder: z.string(),
  citations: z.array(z.object({ provisionId: z.string(), quote: z.string() })),
};

const snapshot = z.object({
  value: z.string(),
  ...codedRecordSnapshotFields,
  origin: z
    .object({
      kind: z.literal('analyzer'),
      suggestionId: z.string(),
      analyzerVersion: z.string(),
      review: z.enum(['accepted', 'edited']),
      confirmedBy: z.string(),
    })
    .optional()
    .describe(
      'present when a person confirmed a machine suggestion: which analyzer proposed it, who confirmed',
    ),
});

/** The fields of a coding history entry after its ids: when, who, what, and the record before and after. */
export function codingHistoryFields<S extends z.ZodType>(recordSnapshot: S) {
  return {
    at: z.string(),
    actor: z.string(),
    actorName: z
      .string()
      .nullable()
      .describe('the person’s display name or the API token’s name; null for system actors'),
    action: z.enum(['create', 'update', 'status']),
    before: recordSnapshot.nullable(),
    after: recordSnapshot,
  };
}

export const answerHistoryEntry = z
  .object({ id: z.string(), answerId: z.string(), ...codingHistoryFields(snapshot) })
  .meta({ id: 'AnswerHistoryEntry' });

export const answerListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional(),
  indicator: z.string().min(1).max(20).optional(),
  status: codingStatus.optional().describe('anything but published needs org:read'),
  asOf: isoDate.optional().describe('only answers valid that day'),
});

export const answerParams = z.strictObject({ id });

export const answerCreateBody = z.strictObject({
  jurisdictionId: ocdDivisionId,
  indicatorId: z.string().min(1).max(20),
  value: z.string().min(1).max(codingLimits.valueChars),
  citations: z.array(citationInput).max(codingLimits.citations),
  validFrom: isoDate.optional().describe('default: the latest start of the cited law versions'),
  validTo: isoDate.nullable().optional(),
  cautionNote: z.string().max(codingLimits.noteChars).nullable().optional(),
  status: z
    .enum(['suggested', 'coded'])
    .optional()
    .describe('default coded; suggested for machine suggestions'),
  frameworkVersion: z.number().int().min(1).optional().describe('default: the latest'),
});

export const answerPatchBody = z.strictObject({
  value: z.string().min(1).max(codingLimits.valueChars).optional(),
  citations: z.array(citationInput).max(codingLimits.citations).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  cautionNote: z.string().max(codingLimits.noteChars).nullable().optional(),
});

export const answerStatusBody = z.strictObject({ status: codingStatus });

export const answerImportBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(codingLimits.importChars)
    .describe(
      'header jurisdiction,indicator,value,provision,quote[,valid_from,valid_to,note,status]; one answer a row',
    ),
});
/** The largest import request body (JSON escaping of the CSV adds some). */
export const answerImportBodyLimit = 6 * 1024 * 1024;

export const answerImportResult = z.object({ created: z.array(codedAnswer) });

export const scoreParams = z.strictObject({
  jurisdiction: ocdDivisionId.describe('URL-encoded OCD division id'),
});
/** Which answers a score counts: published by default; the others need org:read. */
export const scoreInclude = z
  .enum(['published', 'reviewed', 'coded'])
  .default('published')
  .describe('the least reviewed status counted; anything but published needs org:read');

export const scoreQuery = z.strictObject({
  asOf: isoDate.optional().describe('default: today'),
  include: scoreInclude,
});

/** A citation as a score or gap report shows it. */
export const answerCitation = z.object({
  provisionId: z.string().optional(),
  citation: z.string(),
  quote: z.string().optional(),
  documentId: z.string().optional().describe('the library document of the provision'),
  documentCitation: z.string().optional().describe('the document’s own citation'),
  language: z.string().optional().describe('the language the quoted law is written in'),
});

const scoreResult = z
  .object({
    method: z.string(),
    frameworkId: z.string(),
    version: z.number(),
    jurisdictionLevel: z.enum(['national', 'subnational', 'local', 'international']),
    total: z.number().nullable(),
    totalRounded: z.number().nullable(),
    grade: grade.nullable(),
    cappedGrade: grade.nullable(),
    tier: z.number().nullable(),
    capReasons: z.array(z.object({ modifierId: z.string(), cap: grade })),
    complete: z.boolean(),
    coverage: z.object({
      indicators: z.number(),
      applicable: z.number(),
      scored: z.number(),
      na: z.number(),
      notCoded: z.number(),
      ratio: z.number(),
    }),
    countedShare: z.number(),
    renormalized: z.boolean(),
    excludedAreas: z.array(z.string()),
    uncited: z.array(z.string()),
    areas: z.array(
      z.object({
        id: z.string(),
        share: z.number(),
        applicableWeight: z.number(),
        earnedWeight: z.number(),
        score: z.number().nullable(),
        points: z.number().nullable(),
        notCodedWeight: z.number(),
        indicators: z.array(
          z.object({
            id: z.string(),
            weight: z.number(),
            value: z.string().nullable(),
            normalized: z.number().nullable(),
            contribution: z.number().nullable(),
            status: z.enum(['scored', 'na', 'not_coded']),
            naReason: z.enum(['answered', 'level']).optional(),
            answerStatus: z.enum(['draft', 'reviewed', 'published']).optional(),
            citations: z.array(answerCitation),
          }),
        ),
      }),
    ),
    modifiers: z.array(
      z.object({
        id: z.string(),
        status: z.enum(['applies', 'does_not_apply', 'not_coded']),
        cap: grade.nullable(),
        citations: z.array(answerCitation),
      }),
    ),
  })
  .meta({ id: 'ScoreResult' });

export const scoreReport = z
  .object({
    jurisdictionId: z.string(),
    asOf: z.string(),
    include: z.enum(['published', 'reviewed', 'coded']),
    status: z.enum(['scored', 'not_coded']).describe('not_coded when no counted answer is valid that day'),
    answerCount: z.number().int(),
    result: scoreResult,
  })
  .meta({ id: 'ScoreReport' });
