import { describe, expect, it } from 'vitest';
import { isOcdDivisionId, localized, ocdParent, ocdTypeId } from './types.ts';

describe('isOcdDivisionId', () => {
  it.each([
    'ocd-division/country:us',
    'ocd-division/country:us/state:tx',
    'ocd-division/country:us/state:tx/place:houston',
    'ocd-division/country:gb/part:eng',
    'ocd-division/country:ca/province:qc/place:st._john~s',
    'ocd-division/country:au/territory:act/council_district:north-2',
  ])('accepts %s', (id) => {
    expect(isOcdDivisionId(id)).toBe(true);
  });

  it.each([
    '',
    'ocd-division',
    'ocd-division/',
    'country:us',
    'ocd-division/country:usa',
    'ocd-division/country:US',
    'ocd-division/state:tx',
    'ocd-division/country:us/state:',
    'ocd-division/country:us/:tx',
    'ocd-division/country:us/State:tx',
    'ocd-division/country:us/state:TX',
    'ocd-division/country:us/state:tx/',
    'ocd-division/country:us/state:new york',
    'ocd-jurisdiction/country:us/state:tx/government',
  ])('rejects %j', (id) => {
    expect(isOcdDivisionId(id)).toBe(false);
  });
});

describe('ocdParent', () => {
  it('drops the last segment, with no parent for a country', () => {
    expect(ocdParent('ocd-division/country:us')).toBeNull();
    expect(ocdParent('ocd-division/country:us/state:tx')).toBe('ocd-division/country:us');
    expect(ocdParent('ocd-division/country:us/state:tx/place:houston')).toBe(
      'ocd-division/country:us/state:tx',
    );
  });
});

describe('ocdTypeId', () => {
  it('follows the OCD rules for type ids', () => {
    expect(ocdTypeId('Houston')).toBe('houston');
    expect(ocdTypeId('  New York City ')).toBe('new_york_city');
    expect(ocdTypeId('São Paulo')).toBe('sao_paulo');
    expect(ocdTypeId('Zürich')).toBe('zurich');
    expect(ocdTypeId("St. John's")).toBe('st._john~s');
    expect(ocdTypeId('Winston-Salem')).toBe('winston-salem');
  });

  it('gives an id that fits a valid division id', () => {
    for (const name of ['Québec City', "Coeur d'Alene", 'Saint-Jean-sur-Richelieu', 'Ōsaka (city)']) {
      expect(isOcdDivisionId(`ocd-division/country:us/place:${ocdTypeId(name)}`), name).toBe(true);
    }
  });
});

describe('localized', () => {
  it('picks the locale and falls back to English', () => {
    const name = { en: 'United States', es: 'Estados Unidos' };
    expect(localized(name, 'es')).toBe('Estados Unidos');
    expect(localized(name, 'fr')).toBe('United States');
    expect(localized(name, 'de')).toBe('United States');
  });
});
