/** Jurisdictions: countries and their subdivisions, keyed by Open Civic Data division id. */
import type { LocalizedText } from '../framework/types.ts';

/** `international` holds treaty documents only (see core/treaties/types.ts); it is never a country. */
export const jurisdictionLevels = ['national', 'subnational', 'local', 'international'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];

export interface Jurisdiction {
  /** OCD division id, e.g. `ocd-division/country:us/state:tx`. */
  id: string;
  parentId: string | null;
  level: JurisdictionLevel;
  /** The OCD type of the last segment: country, state, district, territory, province, part, place, … */
  type: string;
  name: LocalizedText;
  /** ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions; null for local divisions without one. */
  isoCode: string | null;
  isoAlpha3: string | null;
  isoNumeric: string | null;
  /** The organization that added it; null for the built-in list. */
  organizationId: string | null;
}

const segment = /^[a-z_-]+:[a-z0-9_.~-]+$/;

/** True when the id is a well-formed OCD division id (`ocd-division/country:xx(/type:id)*`). */
export function isOcdDivisionId(id: string): boolean {
  const parts = id.split('/');
  if (parts[0] !== 'ocd-division' || parts.length < 2) return false;
  if (!/^country:[a-z]{2}$/.test(parts[1] ?? '')) return false;
  return parts.slice(2).every((p) => segment.test(p));
}

/** The parent division id of an OCD id (null for a country). */
export function ocdParent(id: string): string | null {
  const parts = id.split('/');
  return parts.length <= 2 ? null : parts.slice(0, -1).join('/');
}

/** Turns a free name into an OCD type_id: lowercase, spaces to `_`, other invalid characters to `~`. */
export function ocdTypeId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '_')
    .replace(/[^a-z0-9_.~-]/g, '~');
}

/** The name in the asked locale, falling back to English. */
export function localized(text: LocalizedText, locale: string): string {
  return (text as Record<string, string | undefined>)[locale] ?? text.en;
}
