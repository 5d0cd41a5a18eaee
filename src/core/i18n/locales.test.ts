import { describe, expect, it } from 'vitest';
import { isLocale, localeNames, locales, pickLocale } from './locales.ts';

describe('isLocale', () => {
  it('knows en, es and fr only', () => {
    expect(locales).toEqual(['en', 'es', 'fr']);
    expect(Object.keys(localeNames)).toEqual(['en', 'es', 'fr']);
    for (const bad of ['de', 'EN', 'es-MX', '', null, undefined, 1]) expect(isLocale(bad)).toBe(false);
  });
});

describe('pickLocale', () => {
  it.each([
    ['an explicit choice wins', 'fr', 'es-ES,es;q=0.9', 'fr'],
    ['an unsupported explicit choice is ignored', 'de', 'es', 'es'],
    ['the best supported language', null, 'de-DE,de;q=0.9,fr;q=0.8,en;q=0.5', 'fr'],
    ['a region tag counts as its language', undefined, 'es-MX', 'es'],
    ['quality order, not list order', null, 'en;q=0.3, fr;q=0.7', 'fr'],
    ['q=0 means not acceptable', null, 'fr;q=0, es;q=0.1', 'es'],
    ['case does not matter', null, 'FR-ca', 'fr'],
    ['nothing supported falls back to English', null, 'de, ja;q=0.5', 'en'],
    ['no header falls back to English', undefined, undefined, 'en'],
    ['an empty header falls back to English', '', '', 'en'],
    ['a wildcard alone falls back to English', null, '*', 'en'],
    ['a garbled header falls back to English', null, ';;,,;q=abc', 'en'],
  ] as const)('%s', (_name, explicit, header, expected) => {
    expect(pickLocale(explicit, header)).toBe(expected);
  });
});
