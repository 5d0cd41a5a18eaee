import { describe, expect, it } from 'vitest';
import { isOcdDivisionId, ocdParent } from '../core/jurisdictions/types.ts';
import { builtinJurisdictions } from './iso-jurisdictions.ts';

const list = builtinJurisdictions();
const byId = new Map(list.map((j) => [j.id, j]));
const childrenOf = (country: string) => list.filter((j) => j.parentId === `ocd-division/country:${country}`);

describe('builtinJurisdictions', () => {
  it('lists the 249 ISO 3166-1 countries, without Kosovo', () => {
    const countries = list.filter((j) => j.level === 'national');
    expect(countries).toHaveLength(249);
    expect(countries.every((c) => c.type === 'country' && c.parentId === null)).toBe(true);
    expect(byId.has('ocd-division/country:xk')).toBe(false);
    expect(countries.every((c) => /^[A-Z]{2}$/.test(c.isoCode ?? ''))).toBe(true);
    expect(countries.every((c) => /^[A-Z]{3}$/.test(c.isoAlpha3 ?? ''))).toBe(true);
    expect(countries.every((c) => /^\d{3}$/.test(c.isoNumeric ?? ''))).toBe(true);
    expect(new Set(countries.map((c) => c.isoCode)).size).toBe(249);
  });

  it('names every country in English, Spanish and French', () => {
    for (const c of list.filter((j) => j.level === 'national')) {
      expect(c.name.en && c.name.es && c.name.fr, c.id).toBeTruthy();
    }
    expect(byId.get('ocd-division/country:us')?.name).toEqual({
      en: 'United States of America',
      es: 'Estados Unidos',
      fr: "États-Unis d'Amérique",
    });
    expect(byId.get('ocd-division/country:de')?.name).toEqual({
      en: 'Germany',
      es: 'Alemania',
      fr: 'Allemagne',
    });
  });

  it('gives the US its states, DC as a district and inhabited territories, but not US-UM', () => {
    expect(byId.get('ocd-division/country:us/state:tx')).toEqual({
      id: 'ocd-division/country:us/state:tx',
      parentId: 'ocd-division/country:us',
      level: 'subnational',
      type: 'state',
      name: { en: 'Texas' },
      isoCode: 'US-TX',
      isoAlpha3: null,
      isoNumeric: null,
      organizationId: null,
    });
    expect(byId.get('ocd-division/country:us/district:dc')?.isoCode).toBe('US-DC');
    expect(byId.has('ocd-division/country:us/state:dc')).toBe(false);
    expect(byId.get('ocd-division/country:us/territory:pr')?.isoCode).toBe('US-PR');
    expect(list.some((j) => j.isoCode === 'US-UM')).toBe(false);
    expect(childrenOf('us').some((j) => j.id.endsWith(':um'))).toBe(false);
    const us = childrenOf('us');
    expect(us).toHaveLength(56);
    expect(us.filter((j) => j.type === 'state')).toHaveLength(50);
    expect(
      us
        .filter((j) => j.type === 'territory')
        .map((j) => j.isoCode)
        .sort(),
    ).toEqual(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-VI']);
  });

  it('gives the UK its 4 parts, Australia 8 and Canada 13 divisions', () => {
    expect(childrenOf('gb').map((j) => j.id)).toEqual([
      'ocd-division/country:gb/part:eng',
      'ocd-division/country:gb/part:nir',
      'ocd-division/country:gb/part:sct',
      'ocd-division/country:gb/part:wls',
    ]);
    expect(childrenOf('au')).toHaveLength(8);
    expect(byId.get('ocd-division/country:au/state:nsw')?.isoCode).toBe('AU-NSW');
    expect(byId.get('ocd-division/country:au/territory:act')?.type).toBe('territory');
    const ca = childrenOf('ca');
    expect(ca).toHaveLength(13);
    expect(ca.filter((j) => j.type === 'province')).toHaveLength(10);
    expect(ca.filter((j) => j.type === 'territory')).toHaveLength(3);
    expect(list).toHaveLength(249 + 56 + 4 + 8 + 13);
  });

  it('has unique, well-formed ids, each parent listed before its children', () => {
    expect(byId.size).toBe(list.length);
    const seen = new Set<string>();
    for (const j of list) {
      expect(isOcdDivisionId(j.id), j.id).toBe(true);
      expect(j.parentId).toBe(ocdParent(j.id));
      if (j.parentId) expect(seen.has(j.parentId), j.id).toBe(true);
      expect(j.organizationId).toBeNull();
      seen.add(j.id);
    }
  });

  it('builds the same list every time', () => {
    expect(builtinJurisdictions()).toEqual(list);
  });
});
