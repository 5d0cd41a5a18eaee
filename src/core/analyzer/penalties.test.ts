import { describe, expect, it } from 'vitest';
import { readPenalty } from './penalties.ts';

describe('readPenalty', () => {
  it.each([
    ['shall be fined under this title or imprisoned not more than 20 years, or both.', 20],
    ['is liable to imprisonment for a term not exceeding twenty-five years.', 25],
    ['shall be imprisoned for any term of years or life.', Number.POSITIVE_INFINITY],
    ['is liable to imprisonment for life.', Number.POSITIVE_INFINITY],
    ['shall be punished by imprisonment of up to twelve years.', 12],
    ['by imprisonment for not less than 10 years.', 10],
    ['será castigado con pena de prisión de ocho a quince años.', 15],
    ["est puni de dix ans d'emprisonnement.", 10],
  ])('%s -> %s', (sentence, years) => {
    expect(readPenalty(sentence).maxYears).toBe(years);
  });

  it('keeps the floor apart from the maximum', () => {
    const r = readPenalty('imprisonment for any term of years not less than 15 or for life');
    expect(r.minYears).toBe(15);
    expect(r.maxYears).toBe(Number.POSITIVE_INFINITY);
  });

  it('does not read ages or time limits as penalties', () => {
    expect(
      readPenalty('a person who has not attained the age of 18 years shall not be imprisoned.').maxYears,
    ).toBeNull();
    expect(
      readPenalty('No action may be brought later than 10 years after the victim reaches 18 years of age.')
        .maxYears,
    ).toBeNull();
  });

  it('gives the span of the longest term', () => {
    const s =
      'is liable to imprisonment for a term not exceeding 7 years, or 14 years if the victim is a child.';
    const r = readPenalty(s);
    expect(r.maxYears).toBe(14);
    expect(s.slice(r.span?.start, r.span?.end)).toBe('14 years');
  });
});
