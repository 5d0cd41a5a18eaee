import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { checkTreatyParty, isHttpUrl, isPartyOn, standingOn } from './rules.ts';
import type { TreatyPartyInput } from './types.ts';

const ratified: TreatyPartyInput = {
  action: 'ratification',
  signedOn: '2031-02-01',
  consentedOn: '2032-03-04',
  inForceOn: '2032-04-03',
  note: null,
  source: 'https://example.org/treaty/status',
};

function fieldAtFault(p: TreatyPartyInput): string | null {
  try {
    checkTreatyParty(p);
    return null;
  } catch (err) {
    if (!isDomainError(err, 'TREATY_PARTY_INVALID')) throw err;
    return (err.details as { field: string }).field;
  }
}

describe('checkTreatyParty', () => {
  it('accepts complete records of every kind', () => {
    expect(fieldAtFault(ratified)).toBeNull();
    expect(
      fieldAtFault({ ...ratified, action: 'accession', signedOn: null, source: 'Example Gazette No. 7' }),
    ).toBeNull();
    expect(fieldAtFault({ ...ratified, action: 'signature', consentedOn: null, inForceOn: null })).toBeNull();
    expect(fieldAtFault({ ...ratified, action: 'approval', inForceOn: null })).toBeNull();
  });

  it('names the field at fault', () => {
    expect(fieldAtFault({ ...ratified, action: 'withdrawal' as never })).toBe('action');
    expect(fieldAtFault({ ...ratified, signedOn: '2031-02-30' })).toBe('signedOn');
    expect(fieldAtFault({ ...ratified, inForceOn: '4/3/2032' })).toBe('inForceOn');
    expect(fieldAtFault({ ...ratified, consentedOn: null })).toBe('consentedOn');
    expect(fieldAtFault({ ...ratified, consentedOn: '2031-01-31' })).toBe('consentedOn');
    expect(fieldAtFault({ ...ratified, inForceOn: '2032-03-03' })).toBe('inForceOn');
    expect(fieldAtFault({ ...ratified, source: '   ' })).toBe('source');
    expect(fieldAtFault({ ...ratified, source: 'ftp://example.org/x' })).toBe('source');
    expect(fieldAtFault({ ...ratified, source: 'x'.repeat(501) })).toBe('source');
    expect(fieldAtFault({ ...ratified, note: 'n'.repeat(2001) })).toBe('note');
    expect(fieldAtFault({ ...ratified, action: 'accession' })).toBe('signedOn');
    expect(
      fieldAtFault({ ...ratified, action: 'signature', consentedOn: null, inForceOn: null, signedOn: null }),
    ).toBe('signedOn');
    expect(fieldAtFault({ ...ratified, action: 'signature', inForceOn: null })).toBe('consentedOn');
    expect(fieldAtFault({ ...ratified, action: 'signature', consentedOn: null })).toBe('inForceOn');
  });

  it('accepts consent on the day of signature and entry into force on the day of consent', () => {
    expect(
      fieldAtFault({
        ...ratified,
        signedOn: '2032-03-04',
        consentedOn: '2032-03-04',
        inForceOn: '2032-03-04',
      }),
    ).toBeNull();
  });
});

describe('standingOn and isPartyOn', () => {
  it('follows the record through signature, consent and entry into force', () => {
    expect(standingOn(ratified, '2031-01-31')).toBe('none');
    expect(standingOn(ratified, '2031-02-01')).toBe('signatory');
    expect(standingOn(ratified, '2032-03-04')).toBe('consented');
    expect(isPartyOn(ratified, '2032-04-02')).toBe(false);
    expect(standingOn(ratified, '2032-04-03')).toBe('party');
    expect(isPartyOn(ratified, '2040-01-01')).toBe(true);
  });

  it('never counts a signature, or a consent without an entry-into-force date, as a party', () => {
    const signed = { ...ratified, action: 'signature' as const, consentedOn: null, inForceOn: null };
    expect(standingOn(signed, '2099-01-01')).toBe('signatory');
    expect(isPartyOn({ ...ratified, inForceOn: null }, '2099-01-01')).toBe(false);
    expect(standingOn({ ...ratified, inForceOn: null }, '2099-01-01')).toBe('consented');
  });
});

describe('isHttpUrl', () => {
  it('tells links from citations', () => {
    expect(isHttpUrl('https://example.org/a')).toBe(true);
    expect(isHttpUrl('Example Gazette No. 7')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });
});
