/** API shapes for score trends, changes between dates, comparisons, rankings and crosswalk views. */

import { z } from 'zod';
import { rankingLimits } from '../core/scoring/ranking-page.ts';
import { answerCitation, scoreInclude } from './coding.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

const include = scoreInclude;
const includeOut = z.enum(['published', 'reviewed', 'coded']);
const grade = z.enum(['A', 'B', 'C', 'D', 'F']);
const year = z.coerce.number().int().min(1000).max(9999);
const citation = answerCitation;
const coverage = z.object({
  indicators: z.number(),
  applicable: z.number(),
  scored: z.number(),
  na: z.number(),
  notCoded: z.number(),
  ratio: z.number(),
});
const codedStatus = z.enum(['scored', 'not_coded']);
const frameworkVersion = z.coerce
  .number()
  .int()
  .min(1)
  .max(10_000)
  .optional()
  .describe('framework version to score under (default: the latest); unknown → FRAMEWORK_NOT_FOUND');
/** Query of the open exports: which framework version's dataset, codebook or protocol. */
export const frameworkVersionQuery = z.strictObject({ frameworkVersion });

const capped = z.boolean().describe('whether a negative-modifier finding in force that day capped the grade');

export const jurisdictionScoreParams = z.strictObject({
  jurisdiction: ocdDivisionId.describe('URL-encoded OCD division id'),
});

export const trendQuery = z.strictObject({
  from: year.optional().describe('first year (default: the first year any counted answer is valid)'),
  to: year.optional().describe('last year (default: this year)'),
  include,
  frameworkVersion,
});

export const scoreTrend = z
  .object({
    jurisdictionId: z.string(),
    include: includeOut,
    frameworkId: z.string(),
    version: z.number(),
    from: z.number(),
    to: z.number(),
    points: z.array(
      z.object({
        year: z.number(),
        asOf: z.string().describe('1 January of the year'),
        status: codedStatus,
        total: z.number().nullable(),
        grade: grade.nullable(),
        capped,
        coverage,
        complete: z.boolean(),
        answerCount: z.number(),
      }),
    ),
  })
  .meta({ id: 'ScoreTrend' });

export const changesQuery = z.strictObject({ from: isoDate, to: isoDate, include, frameworkVersion });

const datedAnswer = z.object({
  indicatorId: z.string(),
  value: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citations: z.array(citation),
});

export const scoreChanges = z
  .object({
    jurisdictionId: z.string(),
    include: includeOut,
    frameworkId: z.string(),
    version: z.number(),
    from: z.string(),
    to: z.string(),
    counts: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
    changes: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        valueChanged: z.boolean(),
        before: datedAnswer.nullable(),
        after: datedAnswer.nullable(),
      }),
    ),
    score: z.object({
      totalBefore: z.number().nullable(),
      totalAfter: z.number().nullable(),
      totalDelta: z.number().nullable(),
      gradeBefore: grade.nullable(),
      gradeAfter: grade.nullable(),
      areas: z.array(
        z.object({
          id: z.string(),
          before: z.number().nullable(),
          after: z.number().nullable(),
          delta: z.number().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'ScoreChanges' });

export const compareQuery = z.strictObject({
  jurisdiction: z
    .union([ocdDivisionId, z.array(ocdDivisionId).max(20)])
    .describe('repeat 2 to 6 times: jurisdiction=A&jurisdiction=B'),
  asOf: isoDate.optional().describe('default: today'),
  include,
  frameworkVersion,
});

const summary = {
  id: z.string(),
  name: z.string(),
  status: codedStatus,
  total: z.number().nullable(),
  grade: grade.nullable(),
  capped,
  coverage,
  complete: z.boolean(),
};

export const comparison = z
  .object({
    asOf: z.string(),
    include: includeOut,
    frameworkId: z.string(),
    version: z.number(),
    jurisdictions: z.array(z.object(summary)),
    areas: z.array(z.object({ id: z.string(), share: z.number(), scores: z.array(z.number().nullable()) })),
    indicators: z.array(
      z.object({
        id: z.string(),
        area: z.string(),
        cells: z.array(
          z.object({
            value: z.string().nullable(),
            normalized: z.number().nullable(),
            status: z.enum(['scored', 'na', 'not_coded']),
            citations: z.array(citation),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Comparison' });

export const rankingsQuery = z.strictObject({
  parent: ocdDivisionId.optional().describe('rank this jurisdiction’s children (e.g. the US states)'),
  asOf: isoDate.optional().describe('default: today'),
  include,
  area: z.string().max(20).optional().describe('rank by this area’s score instead of the total'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(rankingLimits.maxLimit)
    .default(rankingLimits.defaultLimit)
    .describe('lines per page'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('lines to skip'),
  frameworkVersion,
});

export const rankings = z
  .object({
    asOf: z.string(),
    include: includeOut,
    parent: z.string().nullable(),
    area: z.string().nullable(),
    frameworkId: z.string(),
    version: z.number(),
    lines: z.array(
      z.object({
        ...summary,
        rank: z.number().nullable().describe('shared by ties; null when nothing is coded'),
        value: z.number().nullable(),
      }),
    ),
    total: z.number().int().describe('lines in the whole ranking'),
    limit: z.number().int(),
    offset: z.number().int(),
    hasMore: z.boolean().describe('whether lines follow this page'),
  })
  .meta({ id: 'Rankings' });

export const crosswalkParams = z.strictObject({
  jurisdiction: ocdDivisionId.describe('URL-encoded OCD division id'),
  instrument: z
    .string()
    .min(1)
    .max(40)
    .describe('an instrument marked crosswalk, e.g. palermo, polaris, gsi'),
});

export const crosswalkQuery = z.strictObject({
  asOf: isoDate.optional().describe('default: today'),
  include,
});

const crosswalkStatus = z.enum(['met', 'partial', 'unmet', 'na', 'not_coded']);

export const crosswalkReport = z
  .object({
    jurisdictionId: z.string(),
    asOf: z.string(),
    include: includeOut,
    instrument: z.string(),
    name: z.string(),
    frameworkId: z.string(),
    version: z.number(),
    indicators: z.array(
      z.object({
        id: z.string(),
        area: z.string(),
        sourceCitations: z.array(z.string()),
        value: z.string().nullable(),
        normalized: z.number().nullable(),
        status: crosswalkStatus,
        citations: z.array(citation),
      }),
    ),
    provisions: z.array(
      z.object({
        citation: z.string(),
        indicators: z.array(z.string()),
        status: crosswalkStatus,
        complete: z.boolean(),
      }),
    ),
    summary: z.record(crosswalkStatus, z.number()),
  })
  .meta({ id: 'CrosswalkReport' });
