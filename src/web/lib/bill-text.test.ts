import { describe, expect, it } from 'vitest';
import {
  dayOf,
  signedPoints,
  subjectsOf,
  tallyOf,
  totalText,
  versionDiff,
  versionsWithText,
} from './bill-text.ts';

describe('bill page helpers', () => {
  it('keeps the day of a fuzzy date', () => {
    expect(dayOf('2091-03-04T10:00:00-06:00')).toBe('2091-03-04');
    expect(dayOf('2091-03')).toBe('2091-03');
    expect(dayOf('2091')).toBe('2091');
    expect(dayOf(null)).toBe('');
    expect(dayOf('someday')).toBe('someday');
  });

  it('orders a tally by option and leaves zero counts out', () => {
    expect(
      tallyOf([
        { option: 'excused', value: 1 },
        { option: 'no', value: 0 },
        { option: 'yes', value: 2 },
        { option: 'made-up', value: 3 },
      ]),
    ).toEqual([
      { option: 'yes', value: 2 },
      { option: 'excused', value: 1 },
      { option: 'made-up', value: 3 },
    ]);
  });

  it('writes signed points and totals with one decimal', () => {
    expect(signedPoints(31.818)).toBe('+31.8');
    expect(signedPoints(-1)).toBe('−1.0');
    expect(signedPoints(0.04)).toBe('0.0');
    expect(totalText(null)).toBe('—');
    expect(totalText(40)).toBe('40.0');
  });

  it('finds the versions with text', () => {
    expect(versionsWithText([{ text: 'a' }, { text: null }, { text: '  ' }, { text: 'b' }])).toEqual([0, 3]);
  });

  it('diffs two version texts by word and counts the words', () => {
    const d = versionDiff('up to 5 years.', 'not less than 12 years.');
    expect(d.words.map((w) => w.text).join('')).not.toBe('');
    const rebuilt = (op: 'insert' | 'delete') =>
      d.words
        .filter((w) => w.op !== op)
        .map((w) => w.text)
        .join('');
    expect(rebuilt('insert')).toBe('up to 5 years.');
    expect(rebuilt('delete')).toBe('not less than 12 years.');
    expect(d.deleted).toBe(3);
    expect(d.inserted).toBe(4);
    expect(versionDiff('same', 'same')).toEqual({
      words: [{ op: 'equal', text: 'same' }],
      inserted: 0,
      deleted: 0,
    });
  });

  it('lists subjects once, sorted', () => {
    expect(subjectsOf([{ subjects: ['Labor', 'Human Services'] }, { subjects: ['Labor'] }])).toEqual([
      'Human Services',
      'Labor',
    ]);
  });
});
