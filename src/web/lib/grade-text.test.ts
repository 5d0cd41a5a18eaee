import { describe, expect, it } from 'vitest';
import { gradeLine, gradeText } from './grade-text.ts';

describe('grade text', () => {
  it('shows the capped note only beside a grade', () => {
    expect(gradeText('C', true)).toEqual({ grade: 'C', capped: true });
    expect(gradeText('A', false)).toEqual({ grade: 'A', capped: false });
    expect(gradeText(null, true)).toEqual({ grade: '—', capped: false });
    expect(gradeText(null, false)).toEqual({ grade: '—', capped: false });
  });

  it('writes one plain line for tooltips', () => {
    expect(gradeLine('D', true, '(capped)')).toBe('D (capped)');
    expect(gradeLine('D', false, '(capped)')).toBe('D');
    expect(gradeLine(null, true, '(capped)')).toBe('—');
  });
});
