/** API shapes for negative-modifier findings. */
import { z } from 'zod';
import { codingLimits, codingStatuses } from '../core/coding/types.ts';
import { citationInput, codedRecordSnapshotFields, codingHistoryFields } from './coding.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

const codingStatus = z.enum(codingStatuses);

export const modifierFinding = z
  .object({
    id: z.string(),
    jurisdictionId: z.string(),
    frameworkId: z.string(),
    modifierId: z.string().describe('a negative modifier of the framework, e.g. NEG-2'),
    applies: z.boolean().describe('true when the law contains the harmful feature (the grade is capped)'),
    validFrom: z.string(),
    validTo: z.string().nullable().describe('first day it no longer applies; null when open-ended'),
    status: codingStatus,
    cautionNote: z.string().nullable(),
    coder: z.string().describe('who last set the finding: user:<id>, token:<id> or system:<name>'),
    citations: z.array(
      z.object({
        provisionId: z.string(),
        quote: z.string(),
        citation: z.string().describe('document citation and provision citation'),
        documentId: z.string(),
        versionId: z.string(),
        documentCitation: z.string().optional(),
        language: z.string().optional(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ModifierFinding' });

export const findingListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional(),
  status: codingStatus.optional().describe('anything but published needs org:read'),
  asOf: isoDate.optional().describe('only findings valid that day'),
});

export const findingParams = z.strictObject({ id: z.string().min(1).max(100) });

export const findingCreateBody = z.strictObject({
  jurisdictionId: ocdDivisionId,
  modifierId: z.string().min(1).max(20),
  applies: z.boolean(),
  citations: z.array(citationInput).max(codingLimits.citations).describe('at least one when applies is true'),
  validFrom: isoDate.optional().describe('default: the latest start of the cited law versions'),
  validTo: isoDate.nullable().optional(),
  cautionNote: z.string().max(codingLimits.noteChars).nullable().optional(),
  status: z.enum(['suggested', 'coded']).optional().describe('default coded'),
  frameworkVersion: z.number().int().min(1).optional().describe('default: the latest'),
});

export const findingStatusBody = z.strictObject({ status: codingStatus });

export const findingPatchBody = z.strictObject({
  applies: z.boolean().optional(),
  citations: z
    .array(citationInput)
    .max(codingLimits.citations)
    .optional()
    .describe('replaces every citation'),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  cautionNote: z.string().max(codingLimits.noteChars).nullable().optional(),
  status: codingStatus
    .optional()
    .describe('move to this review state after the edit (an edit sends a reviewed finding back to coded)'),
});

const findingSnapshot = z.object({ applies: z.boolean(), ...codedRecordSnapshotFields });

export const findingHistoryEntry = z
  .object({ id: z.string(), findingId: z.string(), ...codingHistoryFields(findingSnapshot) })
  .meta({ id: 'FindingHistoryEntry' });
