/**
 * The country attributes of case records (prs_Citizenship, hte_Country): codes are checked against the built-in
 * ISO 3166-1 list, and a release breaks out only the countries its releaser names (1 to 30), counting every
 * other country as `Other`, so no category is ever read from the data (PUB-3, PUB-10).
 */
import { countryAttributes, maxReleaseCountries } from '../core/cases/case-attributes.ts';
import { DomainError } from '../core/errors.ts';
import { builtinJurisdictions } from '../ingest/iso-jurisdictions.ts';

let countryCodeSet: ReadonlySet<string> | null = null;
/** The ISO 3166-1 alpha-2 codes of the built-in list (read once). */
export function countryCodes(): ReadonlySet<string> {
  countryCodeSet ??= new Set(
    builtinJurisdictions()
      .filter((j) => j.isoCode !== null && !j.isoCode.includes('-'))
      .map((j) => j.isoCode as string),
  );
  return countryCodeSet;
}

/** The named countries of a release, upper case and sorted; throws VALIDATION_FAILED on a bad or missing list. */
export function checkCountries(attributes: string[], list: string[] | undefined): string[] {
  const wanted = attributes.some((a) => a in countryAttributes);
  const countries = [...new Set((list ?? []).map((c) => c.trim().toUpperCase()))];
  if (!wanted) {
    if (countries.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        'countries are given only with citizenship or event_country',
        {
          field: 'countries',
        },
      );
    return [];
  }
  if (countries.length === 0 || countries.length > maxReleaseCountries)
    throw new DomainError(
      'VALIDATION_FAILED',
      `name 1 to ${maxReleaseCountries} ISO 3166-1 alpha-2 countries to break out (the rest count as Other)`,
      { field: 'countries' },
    );
  const bad = countries.filter((c) => !countryCodes().has(c));
  if (bad.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `not ISO 3166-1 alpha-2 country codes: ${bad.slice(0, 5).join(', ').slice(0, 60)}`,
      { field: 'countries' },
    );
  return countries.sort();
}
