import { describe, expect, it } from 'vitest';
import {
  checkRecommendationText,
  type Recommendation,
  recommendationLimits,
  resolveRecommendation,
} from './types.ts';

const rec = (
  locale: Recommendation['locale'],
  version: number,
  text = `${locale} v${version}`,
): Recommendation => ({
  id: `${locale}${version}`,
  organizationId: 'o',
  frameworkId: 'f',
  indicatorId: 'CR-01',
  locale,
  version,
  text,
  modelLanguage: null,
  author: 'system:test',
  createdAt: '2031-01-01T00:00:00.000Z',
});

describe('resolveRecommendation', () => {
  it('picks the latest version in the locale, else English as a fallback, else null', () => {
    const list = [rec('en', 1), rec('en', 2), rec('es', 1)];
    expect(resolveRecommendation(list, 'es')).toMatchObject({ text: 'es v1', fallback: false, version: 1 });
    expect(resolveRecommendation(list, 'en')).toMatchObject({ text: 'en v2', fallback: false, version: 2 });
    expect(resolveRecommendation(list, 'fr')).toMatchObject({ text: 'en v2', locale: 'en', fallback: true });
    expect(resolveRecommendation([rec('es', 1)], 'fr')).toBeNull();
    expect(resolveRecommendation([], 'en')).toBeNull();
  });
});

describe('checkRecommendationText', () => {
  it('trims, and refuses empty, oversized or control-character text', () => {
    expect(checkRecommendationText('  Adopt it. ', ' ')).toEqual({
      ok: true,
      text: 'Adopt it.',
      modelLanguage: null,
    });
    expect(checkRecommendationText(' ', null)).toMatchObject({ ok: false, field: 'text' });
    expect(checkRecommendationText('x'.repeat(recommendationLimits.textChars + 1), null)).toMatchObject({
      ok: false,
    });
    expect(checkRecommendationText('a\u0007b', null)).toMatchObject({ ok: false, field: 'text' });
    expect(
      checkRecommendationText('ok', 'y'.repeat(recommendationLimits.modelLanguageChars + 1)),
    ).toMatchObject({
      ok: false,
      field: 'modelLanguage',
    });
  });
});
