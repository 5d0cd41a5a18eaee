/** API shapes for gap reports and open exports. */
import { z } from 'zod';
import { locales } from '../core/i18n/locales.ts';
import { gapLiveBill } from './bill-review.ts';
import { answerCitation, scoreInclude } from './coding.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

export const gapParams = z.strictObject({
  jurisdiction: ocdDivisionId.describe('URL-encoded OCD division id'),
});

export const gapQuery = z.strictObject({
  asOf: isoDate.optional().describe('default: today'),
  include: scoreInclude,
  format: z.enum(['json', 'md']).default('json').describe('md answers text/markdown'),
  locale: z.enum(locales).default('en').describe('language of the questions (English when missing)'),
});

const citation = answerCitation;

const standard = z.object({
  instrument: z.string(),
  instrumentName: z.string(),
  citation: z.string(),
  verify: z.boolean().optional(),
});

const exemplar = z.object({
  jurisdictionId: z.string(),
  jurisdictionName: z.string(),
  value: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citations: z.array(citation),
});

const gapRecommendation = z.object({
  text: z.string(),
  modelLanguage: z.string().nullable().describe('suggested model statutory language'),
  locale: z.enum(locales),
  version: z.number().int(),
  fallback: z.boolean().describe('true when English stands in for the asked locale'),
});

export const gapReport = z
  .object({
    jurisdictionId: z.string(),
    jurisdictionName: z.string(),
    asOf: z.string(),
    include: z.enum(['published', 'reviewed', 'coded']),
    locale: z.enum(locales),
    frameworkId: z.string(),
    frameworkVersion: z.number(),
    method: z.string(),
    totalRounded: z.number().nullable(),
    coverage: z.object({
      indicators: z.number(),
      applicable: z.number(),
      scored: z.number(),
      na: z.number(),
      notCoded: z.number(),
      ratio: z.number(),
    }),
    pointsAvailable: z.number().describe('Σ points available over the gaps'),
    gaps: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        question: z.string(),
        status: z.enum(['unmet', 'partial']),
        weight: z.number(),
        value: z.string(),
        normalized: z.number(),
        fullMarks: z.array(z.string()),
        missing: z.string(),
        maxPoints: z.number().describe('weight ÷ area applicable weight × area share × 100 ÷ counted share'),
        pointsAvailable: z.number().describe('maxPoints × (1 − normalized)'),
        citations: z.array(citation),
        standards: z.array(standard),
        exemplars: z.array(exemplar).describe('other jurisdictions at full marks (up to 3)'),
        recommendation: gapRecommendation
          .nullable()
          .optional()
          .describe('your organization’s recommendation (null when anonymous or none written)'),
        liveBills: z
          .array(gapLiveBill)
          .optional()
          .describe('live bills of the jurisdiction linked to the indicator, confirmed first'),
      }),
    ),
    notCoded: z.array(
      z.object({
        indicatorId: z.string(),
        area: z.string(),
        question: z.string(),
        weight: z.number(),
        standards: z.array(standard),
      }),
    ),
    recommendations: z.null().describe('always null: each gap carries its own recommendation'),
  })
  .meta({ id: 'GapReport' });

const datasetRow = z.object({
  answerId: z.string(),
  jurisdictionId: z.string(),
  indicatorId: z.string(),
  frameworkId: z.string(),
  frameworkVersion: z.number(),
  value: z.string(),
  normalizedValue: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citations: z.array(z.string()),
  quotes: z.array(z.string()),
});

export const datasetJson = z
  .object({
    format: z.string().describe('lawgap-dataset/1'),
    framework: z.object({ id: z.string(), version: z.number() }),
    rows: z.array(datasetRow),
  })
  .meta({ id: 'Dataset' });
