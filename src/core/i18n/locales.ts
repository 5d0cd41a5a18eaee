/** Supported interface languages and how one is chosen. */
import type { Locale } from '../framework/types.ts';

export const locales = ['en', 'es', 'fr'] as const satisfies readonly Locale[];
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

/** True when the value is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the locale: an explicit choice (query or remembered cookie) first, then the best Accept-Language
 * match, then English.
 */
export function pickLocale(explicit: string | undefined | null, acceptLanguage: string | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? 'en';
}
