import { describe, expect, it } from 'vitest';
import { en } from './messages.en.ts';
import { es } from './messages.es.ts';
import { fr } from './messages.fr.ts';
import { catalogs, type MessageKey, t } from './messages.ts';

const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it.each([
    ['es', es],
    ['fr', fr],
  ] as const)('%s has every English key, non-empty, with the same placeholders', (_locale, catalog) => {
    const missing = keys.filter((k) => !catalog[k]?.trim());
    expect(missing).toEqual([]);
    for (const k of keys) expect(placeholders(catalog[k] ?? ''), k).toEqual(placeholders(en[k]));
  });

  it('has no keys that English lacks', () => {
    for (const catalog of [es, fr]) expect(Object.keys(catalog).filter((k) => !(k in en))).toEqual([]);
  });

  it('registers the three catalogs', () => {
    expect(Object.keys(catalogs).sort()).toEqual(['en', 'es', 'fr']);
  });
});

describe('t', () => {
  it('returns the text of the locale', () => {
    expect(t('en', 'site.name')).toBe('lawgap');
    expect(t('es', 'nav.language')).toBe(es['nav.language']);
    expect(t('fr', 'nav.language')).toBe(fr['nav.language']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const key = keys.find((k) => placeholders(en[k]).length > 0);
    if (!key) return; // no message takes a variable yet
    const names = placeholders(en[key]);
    const filled = t('en', key, Object.fromEntries(names.map((n) => [n as string, 'XYZ'])));
    expect(filled).not.toMatch(/\{\w+\}/);
    expect(filled).toContain('XYZ');
    expect(t('en', key)).toBe(en[key]);
  });
});
