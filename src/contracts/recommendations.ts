/** API shapes for organizations' recommendations (versioned, per indicator and locale). */
import { z } from 'zod';
import { locales } from '../core/i18n/locales.ts';
import { recommendationLimits } from '../core/recommendations/types.ts';

export const recommendationParams = z.strictObject({
  indicator: z.string().min(1).max(20).describe('indicator id of the latest framework version'),
});

export const recommendationQuery = z.strictObject({
  locale: z.enum(locales).default('en').describe('language of the text (reads fall back to English)'),
});

export const recommendationFilter = z.strictObject({
  locale: z.enum(locales).optional().describe('only this language (default: every language)'),
});

export const recommendationBody = z.strictObject({
  text: z.string().min(1).max(recommendationLimits.textChars).describe('plain text'),
  modelLanguage: z
    .string()
    .max(recommendationLimits.modelLanguageChars)
    .nullable()
    .optional()
    .describe('suggested model statutory language, plain text'),
});

export const recommendation = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    frameworkId: z.string(),
    indicatorId: z.string(),
    locale: z.enum(locales),
    version: z.number().int().describe('1 for the first text; each change adds a version'),
    text: z.string(),
    modelLanguage: z.string().nullable(),
    author: z.string().describe('user:<id>, token:<id> or system:<name>'),
    createdAt: z.string(),
  })
  .meta({ id: 'Recommendation' });

export const recommendationView = z
  .object({
    indicatorId: z.string(),
    frameworkId: z.string(),
    locale: z.enum(locales).describe('the locale asked for'),
    recommendation: z
      .object({
        text: z.string(),
        modelLanguage: z.string().nullable(),
        locale: z.enum(locales),
        version: z.number().int(),
        fallback: z.boolean().describe('true when English stands in for the asked locale'),
      })
      .nullable()
      .describe('null when none is written in the locale or in English'),
  })
  .meta({ id: 'RecommendationView' });
