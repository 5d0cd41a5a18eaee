import { describe, expect, it } from 'vitest';
import { highlightSegments, provisionAnchor, versionOn } from './law-text.ts';

describe('highlightSegments', () => {
  it('marks the ranges and keeps every character once', () => {
    const segments = highlightSegments('a quick fox', [
      { start: 8, end: 11 },
      { start: 2, end: 7 },
    ]);
    expect(segments).toEqual([
      { text: 'a ', mark: false },
      { text: 'quick', mark: true },
      { text: ' ', mark: false },
      { text: 'fox', mark: true },
    ]);
  });

  it('clamps, merges overlaps and ignores empty ranges', () => {
    const segments = highlightSegments('abcdef', [
      { start: 1, end: 4 },
      { start: 3, end: 99 },
      { start: 2, end: 2 },
      { start: -5, end: 0 },
    ]);
    expect(segments).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'ef', mark: true },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
  });

  it('returns the plain text without highlights', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', mark: false }]);
  });
});

describe('provisionAnchor', () => {
  it('keeps ids usable as fragments', () => {
    expect(provisionAnchor('p:1/2')).toBe('provision-p_1_2');
  });
});

describe('versionOn', () => {
  const versions = [
    { id: 'a', effectiveFrom: '2030-01-01', effectiveTo: '2031-01-01' },
    { id: 'b', effectiveFrom: '2031-01-01', effectiveTo: null },
  ];
  it('picks the version whose half-open interval holds the date', () => {
    expect(versionOn(versions, '2030-12-31')?.id).toBe('a');
    expect(versionOn(versions, '2031-01-01')?.id).toBe('b');
    expect(versionOn(versions, '2029-01-01')).toBeNull();
  });
});
