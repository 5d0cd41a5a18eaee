import { describe, expect, it } from 'vitest';
import { rankScores } from './rank-scores.ts';

describe('rankScores', () => {
  it('ranks highest first, ties sharing a rank and skipping the next, the unscored after by id', () => {
    const ranked = rankScores([
      { jurisdictionId: 'd', value: 45 },
      { jurisdictionId: 'z', value: null },
      { jurisdictionId: 'c', value: 100 },
      { jurisdictionId: 'a', value: null },
      { jurisdictionId: 'b', value: 100 },
      { jurisdictionId: 'e', value: 0 },
    ]);
    expect(ranked.map((r) => [r.rank, r.item.jurisdictionId])).toEqual([
      [1, 'b'],
      [1, 'c'],
      [3, 'd'],
      [4, 'e'],
      [null, 'a'],
      [null, 'z'],
    ]);
    expect(rankScores([])).toEqual([]);
  });
});
