/**
 * Interface text in English, Spanish and French, shared by the server-rendered pages and the workspace.
 * English is the source; a missing translation falls back to it, and a test checks that every key exists in
 * every language.
 */
import type { Locale } from '../framework/types.ts';
import { en } from './messages.en.ts';
import { es } from './messages.es.ts';
import { fr } from './messages.fr.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const catalogs: Record<Locale, Partial<Messages>> = { en, es, fr };

/** The message for a key in a locale, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogs[locale][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
