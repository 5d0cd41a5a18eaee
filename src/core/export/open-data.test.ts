import { describe, expect, it } from 'vitest';
import { openAnswerHeader, openAnswersCsv, recomputeTotals } from './open-data.ts';

const row = (over: Record<string, string>): string[] => {
  const base: Record<string, string> = {
    as_of: '2031-06-01',
    jurisdiction_id: 'ocd-division/country:is',
    status: 'scored',
    counted_share: '28',
  };
  return openAnswerHeader.map((c) => over[c] ?? base[c] ?? '');
};

describe('recomputeTotals', () => {
  it('recomputes a total from weights and values and from points (the gaps worked example)', () => {
    // CR-01 P (w3) and CR-02 2 (w2) in area CR (share 18), PN-01 0 (w2) in area PN (share 10): 45.0.
    const rows = [
      row({
        area_id: 'CR',
        area_share: '18',
        indicator_id: 'CR-01',
        weight: '3',
        normalized_value: '0.5',
        points: String((1.5 / 5) * 18 * (100 / 28)),
      }),
      row({
        area_id: 'CR',
        area_share: '18',
        indicator_id: 'CR-02',
        weight: '2',
        normalized_value: '1',
        points: String((2 / 5) * 18 * (100 / 28)),
      }),
      row({
        area_id: 'PN',
        area_share: '10',
        indicator_id: 'PN-01',
        weight: '2',
        normalized_value: '0',
        points: '0',
      }),
      row({ area_id: 'PN', area_share: '10', indicator_id: 'PN-02', weight: '1', status: 'not_coded' }),
    ];
    expect(recomputeTotals(openAnswersCsv(rows)).get('ocd-division/country:is')).toEqual({
      fromPoints: 45,
      fromWeights: 45,
    });
  });

  it('refuses a file whose header differs or whose scored row lacks numbers, naming the line', () => {
    expect(() => recomputeTotals('a,b\r\n1,2\r\n')).toThrow(/header differs/);
    const bad = openAnswersCsv([
      row({ area_id: 'CR', area_share: '18', weight: 'x', normalized_value: '1', points: '1' }),
    ]);
    expect(() => recomputeTotals(bad)).toThrow(/line 2: a scored row needs numbers/);
    const empty = openAnswersCsv([
      row({ area_id: 'CR', area_share: '18', weight: '1', normalized_value: '', points: '1' }),
    ]);
    expect(() => recomputeTotals(empty)).toThrow(/line 2/);
  });

  it('leaves out a jurisdiction with nothing scored', () => {
    const csv = openAnswersCsv([row({ area_id: 'CR', area_share: '18', weight: '1', status: 'na' })]);
    expect(recomputeTotals(csv).size).toBe(0);
  });
});
