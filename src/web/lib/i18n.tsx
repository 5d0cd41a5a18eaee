/**
 * The interface language. The choice is remembered in localStorage (and in the `lawgap_lang` cookie the
 * server-rendered pages read), mirrored on `<html lang>`, and falls back to the browser's languages.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale, LocalizedText } from '../../core/framework/types.ts';
import { isLocale, pickLocale } from '../../core/i18n/locales.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';

const storageKey = 'lawgap.locale';

/** The locale chosen earlier on this device, or null. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(null, navigator.languages.join(','));
}

/** What components get from `useI18n`. */
export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Text in the interface language when the data has it, else English with `lang: 'en'` to mark it. */
  pick(text: LocalizedText): { text: string; lang: Locale | undefined };
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the interface language to the tree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    // biome-ignore lint/suspicious/noDocumentCookie: the server-rendered pages read this plain preference cookie.
    document.cookie = `lawgap_lang=${next}; path=/; max-age=31536000; samesite=lax`;
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => t(locale, key, vars),
      pick: (text) => {
        const own = text[locale];
        if (own) return { text: own, lang: undefined };
        return { text: text.en, lang: locale === 'en' ? undefined : 'en' };
      },
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language and its text catalog. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Renders localized data text, marking an English fallback with `lang="en"`. */
export function Localized({ text }: { text: LocalizedText }) {
  const { pick } = useI18n();
  const shown = pick(text);
  return shown.lang ? <span lang={shown.lang}>{shown.text}</span> : shown.text;
}
