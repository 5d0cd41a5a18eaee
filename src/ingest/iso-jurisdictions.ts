/**
 * The built-in jurisdiction list, read from well-kept packages rather than typed by hand: every ISO 3166-1
 * country (i18n-iso-countries, with English, Spanish and French names) and the first-level divisions lawgap
 * tracks (ISO 3166-2 via iso-3166-2): US states, DC and inhabited territories; UK nations; Australian states
 * and territories; Canadian provinces and territories. Subdivision names are the official (English or, for
 * some Canadian ones, the ISO) names: no package provides es/fr names for them.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Jurisdiction } from '../core/jurisdictions/types.ts';

const require = createRequire(import.meta.url);
const iso31662 = require('iso-3166-2') as {
  country(code: string): { name: string; sub: Record<string, { name: string; type: string }> } | null;
};

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

/** User-assigned codes that some packages list but ISO 3166-1 does not (Kosovo). */
const notInIso31661 = new Set(['XK']);

/** Which subdivisions are tracked, and the OCD type each ISO type maps to. */
const tracked: Record<
  string,
  { include(type: string, code: string): boolean; ocdType(type: string): string }
> = {
  US: {
    // United States Minor Outlying Islands have no permanent population and no legislature.
    include: (_t, code) => code !== 'US-UM',
    ocdType: (t) => ({ State: 'state', District: 'district', 'Outlying area': 'territory' })[t] ?? 'state',
  },
  GB: {
    include: (_t, code) => ['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].includes(code),
    ocdType: () => 'part',
  },
  AU: { include: () => true, ocdType: (t) => t.toLowerCase() },
  CA: { include: () => true, ocdType: (t) => t.toLowerCase() },
};

function name(code: string, locale: string): string | undefined {
  return countries.getName(code, locale, { select: 'official' }) ?? undefined;
}

/** Builds the built-in jurisdiction list, parents before children. */
export function builtinJurisdictions(): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  const alpha2 = Object.keys(countries.getAlpha2Codes())
    .filter((c) => !notInIso31661.has(c))
    .sort();
  for (const code of alpha2) {
    const english = name(code, 'en');
    if (!english) continue;
    const es = name(code, 'es');
    const fr = name(code, 'fr');
    out.push({
      id: `ocd-division/country:${code.toLowerCase()}`,
      parentId: null,
      level: 'national',
      type: 'country',
      name: { en: english, ...(es ? { es } : {}), ...(fr ? { fr } : {}) },
      isoCode: code,
      isoAlpha3: countries.alpha2ToAlpha3(code) ?? null,
      isoNumeric: countries.alpha2ToNumeric(code) ?? null,
      organizationId: null,
    });
  }
  for (const [country, rule] of Object.entries(tracked)) {
    const data = iso31662.country(country);
    if (!data) throw new Error(`iso-3166-2 has no subdivisions for ${country}`);
    const parentId = `ocd-division/country:${country.toLowerCase()}`;
    for (const [code, sub] of Object.entries(data.sub).sort(([a], [b]) => a.localeCompare(b))) {
      if (!rule.include(sub.type, code)) continue;
      const local = code.split('-')[1]!.toLowerCase();
      out.push({
        id: `${parentId}/${rule.ocdType(sub.type)}:${local}`,
        parentId,
        level: 'subnational',
        type: rule.ocdType(sub.type),
        name: { en: sub.name },
        isoCode: code,
        isoAlpha3: null,
        isoNumeric: null,
        organizationId: null,
      });
    }
  }
  return out;
}
