import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { appliesOn, checkInterval, isIsoDate, overlaps, placeVersion } from './intervals.ts';

const v = (id: string, effectiveFrom: string, effectiveTo: string | null = null) => ({
  id,
  effectiveFrom,
  effectiveTo,
});

function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (err) {
    return isDomainError(err) ? err.code : String(err);
  }
}

describe('dates and intervals', () => {
  it('accepts real calendar dates only', () => {
    for (const ok of ['2031-01-01', '2024-02-29', '2000-02-29', '1999-12-31'])
      expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '2031-02-29',
      '1900-02-29',
      '2031-13-01',
      '2031-00-10',
      '2031-1-1',
      '31/12/2031',
      '0999-01-01',
      '2031-01-01T00:00:00Z',
      '',
    ])
      expect(isIsoDate(bad), bad).toBe(false);
  });

  it('applies from the first day up to the day before the end; open-ended applies forever', () => {
    const i = { effectiveFrom: '2031-01-01', effectiveTo: '2034-07-01' };
    expect([
      appliesOn(i, '2030-12-31'),
      appliesOn(i, '2031-01-01'),
      appliesOn(i, '2034-06-30'),
      appliesOn(i, '2034-07-01'),
    ]).toEqual([false, true, true, false]);
    expect(appliesOn({ effectiveFrom: '2031-01-01', effectiveTo: null }, '9999-12-31')).toBe(true);
  });

  it('finds overlaps; adjacent intervals do not overlap', () => {
    expect(overlaps(v('a', '2031-01-01', '2032-01-01'), v('b', '2032-01-01'))).toBe(false);
    expect(overlaps(v('a', '2031-01-01', '2032-01-02'), v('b', '2032-01-01'))).toBe(true);
    expect(overlaps(v('a', '2031-01-01'), v('b', '2040-01-01', '2041-01-01'))).toBe(true);
  });

  it('refuses bad dates and intervals that end before they begin', () => {
    expect(codeOf(() => checkInterval({ effectiveFrom: '2031-02-30', effectiveTo: null }))).toBe(
      'LAW_INVALID',
    );
    expect(codeOf(() => checkInterval({ effectiveFrom: '2031-01-01', effectiveTo: '2031-01-01' }))).toBe(
      'LAW_INVALID',
    );
    expect(codeOf(() => checkInterval({ effectiveFrom: '2031-01-01', effectiveTo: 'soon' }))).toBe(
      'LAW_INVALID',
    );
    expect(
      codeOf(() => checkInterval({ effectiveFrom: '2031-01-01', effectiveTo: '2031-01-02' })),
    ).toBeNull();
  });
});

describe('placeVersion', () => {
  it('closes the open-ended latest version where a later one begins', () => {
    const first = v('v1', '2031-01-01');
    const placed = placeVersion([first], { effectiveFrom: '2034-07-01', effectiveTo: null });
    expect(placed).toEqual({
      interval: { effectiveFrom: '2034-07-01', effectiveTo: null },
      close: [{ version: first, effectiveTo: '2034-07-01' }],
    });
  });

  it('closes an older open-ended version where the next stored one begins', () => {
    const placed = placeVersion([v('v2', '2034-07-01')], { effectiveFrom: '2031-01-01', effectiveTo: null });
    expect(placed).toEqual({
      interval: { effectiveFrom: '2031-01-01', effectiveTo: '2034-07-01' },
      close: [],
    });
  });

  it('fits a closed version in a gap and refuses one that overlaps', () => {
    const stored = [v('v1', '2031-01-01', '2032-01-01'), v('v3', '2033-01-01')];
    expect(placeVersion(stored, { effectiveFrom: '2032-01-01', effectiveTo: '2033-01-01' }).close).toEqual(
      [],
    );
    expect(
      placeVersion(stored, { effectiveFrom: '2032-01-01', effectiveTo: null }).interval.effectiveTo,
    ).toBe('2033-01-01');
    for (const [from, to] of [
      ['2031-06-01', null],
      ['2031-06-01', '2032-06-01'],
      ['2030-01-01', '2031-01-02'],
      ['2031-01-01', null],
      ['2032-06-01', '2034-01-01'],
    ] as const) {
      expect(
        codeOf(() => placeVersion(stored, { effectiveFrom: from, effectiveTo: to })),
        `${from}–${to}`,
      ).toBe('LAW_VERSION_OVERLAP');
    }
  });
});
