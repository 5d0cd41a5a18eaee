/**
 * The rules a treaty-party record must meet, and its standing on a date (policy in ./types.ts). Dates are
 * ISO `YYYY-MM-DD` and compare as text.
 */
import { DomainError } from '../errors.ts';
import { isIsoDate } from '../laws/intervals.ts';
import { type PartyStanding, partyActions, type TreatyPartyInput, treatyPartyLimits } from './types.ts';

function invalid(message: string, field: string): never {
  throw new DomainError('TREATY_PARTY_INVALID', message, { field });
}

/** Throws TREATY_PARTY_INVALID (with the field at fault) unless the record is complete and consistent. */
export function checkTreatyParty(p: TreatyPartyInput): void {
  if (!(partyActions as readonly string[]).includes(p.action)) {
    invalid(`action must be one of ${partyActions.join(', ')}, got "${p.action}"`, 'action');
  }
  for (const field of ['signedOn', 'consentedOn', 'inForceOn'] as const) {
    const d = p[field];
    if (d !== null && !isIsoDate(d)) invalid(`${field} must be a date YYYY-MM-DD, got "${d}"`, field);
  }
  if (p.action === 'signature') {
    if (p.signedOn === null) invalid('a signature needs its date (signedOn)', 'signedOn');
    if (p.consentedOn !== null)
      invalid('a signature alone has no consent date; record the ratification instead', 'consentedOn');
    if (p.inForceOn !== null)
      invalid('a signature alone does not bring a treaty into force for a jurisdiction', 'inForceOn');
  } else if (p.consentedOn === null) {
    invalid(`a ${p.action} needs the date of consent to be bound (consentedOn)`, 'consentedOn');
  }
  if (p.action === 'accession' && p.signedOn !== null)
    invalid('an accession is consent without a prior signature: leave signedOn empty', 'signedOn');
  if (p.signedOn !== null && p.consentedOn !== null && p.consentedOn < p.signedOn)
    invalid(`consent (${p.consentedOn}) cannot come before signature (${p.signedOn})`, 'consentedOn');
  if (p.consentedOn !== null && p.inForceOn !== null && p.inForceOn < p.consentedOn)
    invalid(`entry into force (${p.inForceOn}) cannot come before consent (${p.consentedOn})`, 'inForceOn');
  const source = p.source.trim();
  if (source === '') invalid('a source (URL or citation) is required', 'source');
  if (source.length > treatyPartyLimits.sourceChars)
    invalid(`the source is longer than ${treatyPartyLimits.sourceChars} characters`, 'source');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !isHttpUrl(source))
    invalid(`a source URL must be http(s) and well formed, got "${source}"`, 'source');
  if (p.note !== null && p.note.length > treatyPartyLimits.noteChars)
    invalid(`the note is longer than ${treatyPartyLimits.noteChars} characters`, 'note');
}

/** True when the text is an absolute http or https URL (a source to link to rather than a citation). */
export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** The standing of a record on a date: see ./types.ts for what counts as a party. */
export function standingOn(
  p: Pick<TreatyPartyInput, 'action' | 'signedOn' | 'consentedOn' | 'inForceOn'>,
  date: string,
): PartyStanding {
  if (p.action !== 'signature') {
    if (p.inForceOn !== null && p.inForceOn <= date) return 'party';
    if (p.consentedOn !== null && p.consentedOn <= date) return 'consented';
  }
  if (p.signedOn !== null && p.signedOn <= date) return 'signatory';
  return 'none';
}

/** True when the record makes its jurisdiction a party bound by the treaty, in force, on the date. */
export function isPartyOn(
  p: Pick<TreatyPartyInput, 'action' | 'signedOn' | 'consentedOn' | 'inForceOn'>,
  date: string,
): boolean {
  return standingOn(p, date) === 'party';
}
