import { describe, expect, it } from 'vitest';
import { consentProblems, identifyingDetails, isExpired, type StoryConsent } from './stories.ts';

const complete: StoryConsent = {
  purpose: 'Testimony for the campaign page',
  channels: ['web'],
  identifiability: 'pseudonymous',
  givenOn: '2026-02-28',
  expiresOn: '2029-02-28',
  withdrawalRoute: 'Call the advocate on duty',
  retentionMonths: 12,
  researchUse: false,
  consentTextVersion: 'v2',
  recordedBy: 'Advocate K.',
};

describe('consentProblems', () => {
  it('accepts a complete record, up to three years', () => {
    expect(consentProblems(complete)).toEqual([]);
  });

  it.each([
    ['purpose', { purpose: ' ' }],
    ['channels', { channels: [] }],
    ['identifiability', { identifiability: null }],
    ['givenOn', { givenOn: null }],
    ['expiresOn', { expiresOn: null }],
    ['withdrawalRoute', { withdrawalRoute: null }],
    ['retentionMonths', { retentionMonths: 0 }],
    ['researchUse', { researchUse: null }],
    ['consentTextVersion', { consentTextVersion: '' }],
    ['recordedBy', { recordedBy: null }],
  ] as const)('names a missing %s', (field, change) => {
    expect(
      consentProblems({ ...complete, ...(change as Partial<StoryConsent>) }).map((p) => p.field),
    ).toEqual([`consent.${field}`]);
  });

  it('refuses an expiry past three years or before consent', () => {
    expect(consentProblems({ ...complete, expiresOn: '2029-03-01' })[0]?.message).toContain('2029-02-28');
    expect(consentProblems({ ...complete, expiresOn: '2026-02-01' })[0]?.message).toContain('after');
  });
});

describe('isExpired', () => {
  it('ends publication on the expiry date', () => {
    expect(isExpired(complete, '2029-02-27')).toBe(false);
    expect(isExpired(complete, '2029-02-28')).toBe(true);
  });
});

describe('identifyingDetails', () => {
  const subject = {
    name: 'Marisol Ortega',
    aliases: ['Sol'],
    phones: ['+1 (555) 010-4477'],
    emails: ['m.ortega@example.invalid'],
    other: ['Riverside Motel'],
  };
  it('finds the name, a part of it, aliases, phones by digits, emails and other details, never their values', () => {
    expect(identifyingDetails('I worked at the riverside motel for a year.', subject)).toEqual([
      'other identifying detail',
    ]);
    expect(identifyingDetails('They called me Sol. Call 555 010 4477.', subject)).toEqual(['alias', 'phone']);
    expect(identifyingDetails('ORTEGA was the name on the papers', subject)).toEqual(['name']);
    expect(identifyingDetails('Write to M.Ortega@example.invalid', subject)).toEqual(['name', 'email']);
    expect(identifyingDetails('Solitude and consolation.', subject)).toEqual([]);
  });
});
