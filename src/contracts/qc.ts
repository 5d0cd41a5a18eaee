/** API shapes for quality control: batches with statistics, coders' codings, divergences and reconciliation. */
import { z } from 'zod';
import { codingLimits } from '../core/coding/types.ts';
import { qcLimits } from '../core/qc/types.ts';
import { codedAnswer } from './coding.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

const id = z.string().min(1).max(100);
const indicatorId = z.string().min(1).max(20);
const rate = z.number().min(0).max(1);
const citation = z.strictObject({
  provisionId: id,
  quote: z.string().min(1).max(codingLimits.quoteChars).describe('verbatim words of the provision'),
});

export const qcBatchParams = z.strictObject({ id });
export const qcDivergenceParams = z.strictObject({ id });

export const qcBatchCreateBody = z.strictObject({
  name: z.string().min(1).max(qcLimits.nameChars),
  jurisdictions: z.array(ocdDivisionId).min(1).max(qcLimits.jurisdictions),
  indicators: z.array(indicatorId).min(1).max(qcLimits.indicators),
  coders: z.array(z.email().max(320)).length(2).describe('the two coders’ emails'),
  threshold: rate.optional().describe('divergence rate below which later batches are sampled (default 0.05)'),
  sampleRate: rate.optional().describe('share of variables coded twice once sampling (default 0.2)'),
  frameworkVersion: z.number().int().min(1).optional().describe('default: the latest'),
});

const stats = z.object({
  compared: z.number().int().describe('variables coded by both coders'),
  divergent: z.number().int(),
  divergenceRate: z.number().nullable().describe('divergent ÷ compared; null when nothing is compared'),
  percentAgreement: z.number().nullable(),
  kappa: z.number().nullable().describe('Cohen’s kappa over the answer codes; null when undefined'),
  kappaNote: z.string().nullable().describe('why kappa is null'),
});

export const qcBatchReport = z
  .object({
    batch: z.object({
      id: z.string(),
      name: z.string(),
      frameworkId: z.string(),
      jurisdictions: z.array(z.string()),
      indicators: z.array(z.string()),
      coders: z.array(z.string()).describe('user ids of coder A and coder B'),
      threshold: z.number(),
      sampleRate: z.number(),
      redundancy: z.enum(['full', 'sample']),
      previousBatchId: z.string().nullable(),
      createdBy: z.string(),
      createdAt: z.string(),
    }),
    progress: z.object({
      variables: z.number().int(),
      redundant: z.number().int(),
      codingsExpected: z.number().int(),
      codingsDone: z.number().int(),
      divergencesOpen: z.number().int(),
      divergencesReconciled: z.number().int(),
      status: z.enum(['coding', 'reconciling', 'complete']),
    }),
    stats,
  })
  .meta({ id: 'QcBatchReport' });

export const qcCodingBody = z.strictObject({
  jurisdictionId: ocdDivisionId,
  indicatorId,
  value: z.string().min(1).max(codingLimits.valueChars),
  citations: z.array(citation).max(codingLimits.citations),
  validFrom: isoDate.optional().describe('default: the latest start of the cited law versions'),
});

export const qcCodingOutcome = z.object({
  coding: z.object({
    id: z.string(),
    batchId: z.string(),
    jurisdictionId: z.string(),
    indicatorId: z.string(),
    coderId: z.string(),
    value: z.string(),
    validFrom: z.string(),
    citations: z.array(z.object({ provisionId: z.string(), quote: z.string() })),
    createdAt: z.string(),
  }),
  outcome: z.enum(['single', 'waiting', 'agreed', 'diverged']),
  answer: codedAnswer.nullable().describe('the answer written when the variable settled'),
  divergenceId: z.string().nullable(),
});

export const qcDivergenceView = z
  .object({
    divergence: z.object({
      id: z.string(),
      batchId: z.string(),
      jurisdictionId: z.string(),
      frameworkId: z.string(),
      indicatorId: z.string(),
      status: z.enum(['open', 'reconciled']),
      value: z.string().nullable(),
      reason: z.string().nullable(),
      reconciledBy: z.string().nullable(),
      reconciledAt: z.string().nullable(),
      answerId: z.string().nullable(),
      createdAt: z.string(),
    }),
    sides: z.array(
      z.object({
        coderId: z.string(),
        coderName: z.string(),
        value: z.string(),
        validFrom: z.string(),
        citations: z.array(z.object({ provisionId: z.string(), quote: z.string() })),
        codedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'QcDivergence' });

export const qcReconcileBody = z.strictObject({
  value: z.string().min(1).max(codingLimits.valueChars).describe('one coder’s value or a third'),
  reason: z.string().min(1).max(qcLimits.reasonChars),
  citations: z
    .array(citation)
    .max(codingLimits.citations)
    .optional()
    .describe('default: the evidence of the coder whose value is chosen'),
  validFrom: isoDate.optional(),
});

export const qcReconcileResult = z.object({ divergence: qcDivergenceView, answer: codedAnswer });

export const qcAssignmentsQuery = z.strictObject({
  mine: z.enum(['0', '1']).optional().describe('1: only the variables assigned to you'),
});

export const qcAssignmentView = z
  .object({
    jurisdictionId: z.string(),
    indicatorId: z.string(),
    coders: z.array(z.object({ coderId: z.string(), coderName: z.string(), coded: z.boolean() })),
    assignedToYou: z.boolean(),
    codedByYou: z.boolean().nullable().describe('null when the variable is not assigned to you'),
  })
  .meta({ id: 'QcAssignment' });
