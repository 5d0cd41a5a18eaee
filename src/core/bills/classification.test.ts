import { describe, expect, it } from 'vitest';
import { actionClasses, legiscanProgressClasses, splitClassification } from './classification.ts';
import { divisionOfJurisdiction, divisionOfStateCode } from './jurisdiction.ts';
import { normalizeIdentifier } from './types.ts';

describe('action classes', () => {
  it('has the 38 Open States values, each once', () => {
    expect(actionClasses).toHaveLength(38);
    expect(new Set(actionClasses).size).toBe(38);
  });

  it('keeps unknown classes apart instead of dropping them, without duplicates', () => {
    expect(splitClassification(['passage', 'bill:passed', 'passage', 'other', 'became-law'])).toEqual({
      known: ['passage', 'became-law'],
      unknown: ['bill:passed', 'other'],
    });
  });

  it('maps every LegiScan status/progress code 0–12 into the vocabulary, and nothing else', () => {
    for (let code = 0; code <= 12; code++) {
      const classes = legiscanProgressClasses(code);
      expect(classes.length, `code ${code}`).toBeGreaterThan(0);
      for (const c of classes) expect(actionClasses).toContain(c);
    }
    expect(legiscanProgressClasses(8)).toEqual(['became-law']);
    expect(legiscanProgressClasses(11)).toEqual(['committee-passage-unfavorable']);
    expect(legiscanProgressClasses(13)).toEqual([]);
  });
});

describe('identifiers and jurisdictions', () => {
  it.each([
    ['SB181', 'SB 181'],
    ['sb  181', 'SB 181'],
    ['HB 74', 'HB 74'],
    ['H.R. 5', 'H.R. 5'],
    ['HJR12', 'HJR 12'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalizeIdentifier(raw)).toBe(expected);
  });

  it('maps Open States jurisdiction ids and LegiScan state codes to OCD divisions', () => {
    expect(divisionOfJurisdiction('ocd-jurisdiction/country:us/state:nc/government')).toBe(
      'ocd-division/country:us/state:nc',
    );
    expect(divisionOfJurisdiction('ocd-jurisdiction/country:us/government')).toBe('ocd-division/country:us');
    expect(divisionOfJurisdiction('ocd-division/country:us/state:tx')).toBe(
      'ocd-division/country:us/state:tx',
    );
    expect(divisionOfJurisdiction('state:tx')).toBeNull();
    expect(divisionOfJurisdiction('ocd-jurisdiction/country:USA/government')).toBeNull();
    expect(divisionOfStateCode('MD')).toBe('ocd-division/country:us/state:md');
    expect(divisionOfStateCode('US')).toBe('ocd-division/country:us');
    expect(divisionOfStateCode('Maryland')).toBeNull();
  });
});
