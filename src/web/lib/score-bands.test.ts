import { describe, expect, it } from 'vitest';
import { bandOf, contrastRatio, notCodedBand, scoreBands } from './score-bands.ts';

describe('score bands', () => {
  it('follow the grade thresholds', () => {
    expect(bandOf(null)).toBeNull();
    expect(bandOf(0)?.id).toBe('F');
    expect(bandOf(59.9)?.id).toBe('F');
    expect(bandOf(60)?.id).toBe('D');
    expect(bandOf(79.9)?.id).toBe('C');
    expect(bandOf(80)?.id).toBe('B');
    expect(bandOf(100)?.id).toBe('A');
  });

  it('have at least 3:1 contrast with the page, darken step by step, and each has its own pattern', () => {
    for (const band of scoreBands) expect(contrastRatio(band.color, '#ffffff')).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < scoreBands.length; i++) {
      const [lower, higher] = [scoreBands[i - 1]!, scoreBands[i]!];
      expect(contrastRatio(higher.color, '#ffffff')).toBeGreaterThan(contrastRatio(lower.color, '#ffffff'));
      expect(contrastRatio(higher.color, lower.color)).toBeGreaterThanOrEqual(1.3);
    }
    const patterns = [...scoreBands.map((b) => b.pattern), notCodedBand.pattern];
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(contrastRatio(notCodedBand.ink, notCodedBand.color)).toBeGreaterThanOrEqual(3);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});
