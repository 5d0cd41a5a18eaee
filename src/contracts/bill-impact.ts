/** API shapes for a bill's impact: the projected score if the bill were enacted (docs/bills.md). */
import { z } from 'zod';
import { impactLabel } from '../core/bills/impact.ts';
import { scoreInclude } from './coding.ts';
import { isoDate } from './laws.ts';

/** Query of `GET /api/v1/bills/:id/impact`. */
export const billImpactQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe('the version’s position in the bill’s version list, from 0 (default: the latest with text)'),
  asOf: isoDate.optional().describe('the date the current law is read on (default: today)'),
  include: scoreInclude,
});

const grade = z.enum(['A', 'B', 'C', 'D', 'F']).nullable();
const summary = z.object({
  total: z.number().nullable(),
  totalRounded: z.number().nullable(),
  grade,
  cappedGrade: grade,
});
const evidence = z.object({ citation: z.string(), quote: z.string() });

/** The projected score of the bill's jurisdiction, labelled as a machine projection. */
export const billImpact = z
  .object({
    label: z.literal(impactLabel),
    machineProjected: z.literal(true),
    bill: z.object({ id: z.string(), identifier: z.string(), title: z.string(), jurisdictionId: z.string() }),
    version: z.object({ id: z.number().int(), note: z.string(), date: z.string().nullable() }),
    asOf: z.string(),
    include: z.enum(['published', 'reviewed', 'coded']),
    analyzerVersion: z.string(),
    provisions: z.number().int().describe('provisions the version text split into'),
    frameworkId: z.string(),
    frameworkVersion: z.number().int(),
    current: summary,
    projected: summary,
    delta: z.number().describe('projected total − current total (0..100 scale)'),
    areas: z.array(
      z.object({
        id: z.string(),
        current: z.number().nullable().describe('area points now (score × share)'),
        projected: z.number().nullable(),
        delta: z.number().describe('change of the total due to this area'),
      }),
    ),
    changes: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        current: z.string(),
        projected: z.string(),
        points: z.number().describe('what the change adds to the total'),
        confidence: z.number(),
        rationale: z.string(),
        evidence: z.array(evidence).describe('verbatim quotes from the bill text'),
      }),
    ),
    uncoded: z
      .array(z.object({ indicatorId: z.string(), suggested: z.string(), evidence: z.array(evidence) }))
      .describe('indicators not coded for the jurisdiction that the bill would meet: shown, not scored'),
  })
  .meta({ id: 'BillImpact' });
