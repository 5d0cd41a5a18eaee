/**
 * Open States names jurisdictions (`ocd-jurisdiction/country:us/state:tx/government`), lawgap keeps OCD
 * divisions (`ocd-division/country:us/state:tx`): the jurisdiction id is the division path plus one suffix.
 */
import { isOcdDivisionId } from '../jurisdictions/types.ts';

/** The OCD division of an Open States jurisdiction id (or a division id itself); null when neither. */
export function divisionOfJurisdiction(id: string): string | null {
  const trimmed = id.trim();
  if (trimmed.startsWith('ocd-division/')) return isOcdDivisionId(trimmed) ? trimmed : null;
  if (!trimmed.startsWith('ocd-jurisdiction/')) return null;
  const parts = trimmed.split('/');
  if (parts.length < 3) return null;
  const division = ['ocd-division', ...parts.slice(1, -1)].join('/');
  return isOcdDivisionId(division) ? division : null;
}

/** The OCD division of a LegiScan two-letter state code (`MD`; `US` is Congress); null when malformed. */
export function divisionOfStateCode(code: string): string | null {
  const c = code.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(c)) return null;
  return c === 'us' ? 'ocd-division/country:us' : `ocd-division/country:us/state:${c}`;
}
