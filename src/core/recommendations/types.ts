/**
 * Recommendations: an organization's own advice for closing a gap, per framework indicator and locale. Policy:
 * text is versioned (setting it appends version n + 1, never edits an old one), and a reader asking for a
 * locale without text gets the English text marked as a fallback.
 */
import type { Locale } from '../framework/types.ts';

/** Limits on one recommendation, enforced by every path (API, CLI). */
export const recommendationLimits = { textChars: 4_000, modelLanguageChars: 8_000 } as const;

/** One stored version of an organization's recommendation for an indicator in one locale. */
export interface Recommendation {
  id: string;
  organizationId: string;
  frameworkId: string;
  indicatorId: string;
  locale: Locale;
  version: number;
  text: string;
  /** Suggested model statutory language, or null. */
  modelLanguage: string | null;
  /** Actor label of the author (`user:<id>`, `token:<id>`, `system:<name>`). */
  author: string;
  createdAt: string;
}

/** The recommendation a reader sees: the asked locale's latest text, or English's with `fallback`. */
export interface ResolvedRecommendation {
  text: string;
  modelLanguage: string | null;
  locale: Locale;
  version: number;
  fallback: boolean;
}

/**
 * Picks the latest version in `locale`, else the latest in English (fallback), from one indicator's
 * recommendations; returns null when neither exists.
 */
export function resolveRecommendation(
  list: readonly Recommendation[],
  locale: Locale,
): ResolvedRecommendation | null {
  const latest = (l: Locale) =>
    list
      .filter((r) => r.locale === l)
      .reduce<Recommendation | null>((a, r) => (a && a.version >= r.version ? a : r), null);
  const own = latest(locale);
  const chosen = own ?? (locale === 'en' ? null : latest('en'));
  if (!chosen) return null;
  return {
    text: chosen.text,
    modelLanguage: chosen.modelLanguage,
    locale: chosen.locale,
    version: chosen.version,
    fallback: own === null,
  };
}

/** Trims and checks a recommendation's text; returns the trimmed text or a reason it is refused. */
export function checkRecommendationText(
  text: string,
  modelLanguage: string | null,
): { ok: true; text: string; modelLanguage: string | null } | { ok: false; field: string; reason: string } {
  const t = text.trim();
  if (!t) return { ok: false, field: 'text', reason: 'the text must not be empty' };
  if (t.length > recommendationLimits.textChars)
    return {
      ok: false,
      field: 'text',
      reason: `the text is at most ${recommendationLimits.textChars} characters`,
    };
  // Plain text: control characters other than tab and line breaks are refused.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
  if (control.test(t)) return { ok: false, field: 'text', reason: 'the text must be plain text' };
  const m = modelLanguage?.trim() || null;
  if (m && m.length > recommendationLimits.modelLanguageChars)
    return {
      ok: false,
      field: 'modelLanguage',
      reason: `model language is at most ${recommendationLimits.modelLanguageChars} characters`,
    };
  if (m && control.test(m))
    return { ok: false, field: 'modelLanguage', reason: 'model language must be plain text' };
  return { ok: true, text: t, modelLanguage: m };
}
