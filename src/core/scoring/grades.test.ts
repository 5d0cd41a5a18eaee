import { describe, expect, it } from 'vitest';
import {
  capFor,
  gradeFor,
  grades,
  gradeThresholds,
  modifierCaps,
  roundTotal,
  tierOfGrade,
  worseGrade,
} from './grades.ts';

describe('grades', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [79.9, 'C'],
    [70, 'C'],
    [60, 'D'],
    [59.9, 'F'],
    [0, 'F'],
  ] as const)('grades %s as %s', (total, grade) => {
    expect(gradeFor(total)).toBe(grade);
  });

  it('reads the grade from the published (rounded) total, so 89.95 publishes as 90.0 and an A', () => {
    expect(roundTotal(89.95)).toBe(90);
    expect(gradeFor(roundTotal(89.95))).toBe('A');
    expect(roundTotal(89.94)).toBe(89.9);
  });

  it('lists thresholds best first, one per grade', () => {
    expect(gradeThresholds.map((t) => t.grade)).toEqual([...grades]);
    const mins = gradeThresholds.map((t) => t.min);
    expect([...mins].sort((x, y) => y - x)).toEqual(mins);
  });

  it('puts grades in tiers that never improve as the grade worsens', () => {
    const order = grades.map((g) => tierOfGrade[g]);
    expect(order).toEqual([1, 1, 2, 3, 4]);
  });

  it('caps every v1 negative modifier at C, and unknown ones at the default C', () => {
    expect(Object.keys(modifierCaps)).toEqual(['NEG-1', 'NEG-2', 'NEG-3', 'NEG-4']);
    expect(capFor('NEG-2')).toBe('C');
    expect(capFor('NEG-99')).toBe('C');
  });

  it('picks the worse of two grades', () => {
    expect(worseGrade('A', 'C')).toBe('C');
    expect(worseGrade('F', 'C')).toBe('F');
    expect(worseGrade('B', 'B')).toBe('B');
  });
});
