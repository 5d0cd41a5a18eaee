/** API shapes of recoding tasks: from an enacted bill to new law versions and reviewed answers (docs/bill-to-law.md). */
import { z } from 'zod';
import { recodingStatuses } from '../core/bills/recoding-types.ts';
import { ocdDivisionId } from './common.ts';
import { analysisResult, lawFileMaxBytes, suggestion } from './suggestions.ts';

const formats = ['auto', 'text', 'html', 'pdf', 'docx', 'uslm', 'akn', 'clml', 'json'] as const;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .describe('YYYY-MM-DD');

export const recodingListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional().describe('only this jurisdiction (default: every visible one)'),
  status: z.enum(recodingStatuses).optional(),
});

export const recodingParams = z.strictObject({ id: z.string().min(1).max(100) });

export const recodingTarget = z.object({
  documentId: z.string(),
  citation: z.string(),
  title: z.string(),
  source: z.enum(['bill', 'analyst']),
  billCitation: z.string().nullable(),
});

export const recodingVersion = z.object({
  documentId: z.string(),
  versionId: z.string(),
  effectiveFrom: z.string(),
  origin: z.enum(['bill-text', 'analyst-file']),
  replaced: z.array(z.string()).describe('citations of the provisions the bill’s text replaced'),
});

export const recodingTask = z
  .object({
    id: z.string(),
    billId: z.string(),
    jurisdictionId: z.string(),
    status: z.enum(recodingStatuses),
    effectiveDate: z.string().nullable(),
    effectiveSource: z.enum(['citation', 'became-law', 'analyst']).nullable(),
    targets: z.array(recodingTarget),
    unmatchedCitations: z.array(z.string()).describe('bill citations that name no library document'),
    newVersions: z.array(recodingVersion),
    suggestionCount: z.number().int(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    appliedBy: z.string().nullable(),
    appliedAt: z.string().nullable(),
  })
  .meta({ id: 'RecodingTask' });

const taskBill = z.object({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  sessionIdentifier: z.string(),
});

export const recodingTaskListing = recodingTask
  .extend({ bill: taskBill })
  .meta({ id: 'RecodingTaskListing' });

export const recodingTaskDetail = recodingTaskListing
  .extend({
    history: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        action: z.enum(['opened', 'applied', 'dismissed', 'done']),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
    suggestions: z.array(
      suggestion.extend({
        before: z
          .object({
            answerId: z.string(),
            value: z.string(),
            status: z.string(),
            validTo: z.string().nullable(),
          })
          .nullable()
          .describe('the coded answer valid the day before the effective date'),
        affected: z.boolean().describe('true when accepting would change the coding'),
      }),
    ),
    counts: z.object({
      total: z.number().int(),
      pending: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
    }),
    score: z
      .object({
        dayBefore: z.number().nullable(),
        effective: z.number().nullable(),
        asOf: z.string(),
        include: z.literal('coded'),
      })
      .nullable()
      .describe('the total counting coded answers, the day before and on the effective date'),
  })
  .meta({ id: 'RecodingTaskDetail' });

export const recodingApplyBody = z.strictObject({
  effectiveDate: isoDate.optional().describe('required when the bill states none'),
  documents: z
    .array(
      z.strictObject({
        documentId: z.string().min(1).max(100),
        fileName: z.string().min(1).max(255).optional(),
        contentBase64: z
          .string()
          .min(1)
          .max(Math.ceil((lawFileMaxBytes * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
          .optional()
          .describe('the consolidated text of the document as amended (instead of the bill’s amendments)'),
        format: z.enum(formats).default('auto'),
      }),
    )
    .max(20)
    .optional()
    .describe('documents to add to the task’s targets, each optionally with its consolidated text'),
});

/** The apply route's body limit: one consolidated file of the largest size, plus the other fields. */
export const recodingApplyBodyLimit = Math.ceil((lawFileMaxBytes * 4) / 3) + 64 * 1024;

export const recodingApplyResult = z.object({
  task: recodingTask,
  versions: z.array(recodingVersion),
  analyses: z.array(analysisResult),
});

export const recodingDismissBody = z.strictObject({ reason: z.string().min(1).max(2000) });
