import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureDomains, regionCountRows, zeroToThirtyRows } from '../../../test/privacy-fixtures.ts';
import { findRecoverableCells } from './complementary.ts';
import { type PublishedTable, publishTable, releaseNoisyTable } from './publish.ts';
import { formatCount, type PublishedCount, suppressCount } from './suppress.ts';
import { tabulate } from './tabulate.ts';

/** Every count a reader can see in a published table, cells and totals. */
function visible(table: PublishedTable): PublishedCount[] {
  const totals = table.totals;
  const all = [
    ...table.cells.map((c) => c.count),
    ...(totals ? [...totals.byFirst, ...totals.bySecond, totals.overall] : []),
  ];
  return all.filter((c): c is PublishedCount => c !== null);
}

/** PUB-1 and PUB-2 on everything shown: "< k" or a positive multiple of k, never 1…k−1. */
function expectOnlySafeValues(table: PublishedTable): void {
  for (const count of visible(table)) {
    const text = formatCount(count);
    expect(text).not.toMatch(/^[1-9]$/);
    if (count.suppressed) expect(text).toBe(`< ${table.k}`);
    else expect(count.value % table.k === 0 && count.value >= table.k).toBe(true);
  }
}

const one = () => tabulate(regionCountRows(), { attributes: ['region'], domains: fixtureDomains });
const two = () => tabulate(zeroToThirtyRows(), { attributes: ['region', 'group'], domains: fixtureDomains });
const three = () =>
  tabulate(zeroToThirtyRows(), { attributes: ['region', 'group', 'status'], domains: fixtureDomains });

describe('every publishing path on the 0–30 fixture (PUB-1…PUB-4)', () => {
  it('tabulate → publish without totals, for one, two and three attributes', () => {
    for (const table of [one(), two(), three()]) {
      const published = publishTable(table);
      expectOnlySafeValues(published);
      expect(published.cells.length).toBe(table.cells.length);
    }
    const published = publishTable(one());
    expect(published.cells.map((c) => formatCount(c.count))).toEqual([
      ...Array(10).fill('< 10'),
      ...Array(10).fill('10'),
      ...Array(10).fill('20'),
      '30',
    ]);
    expect(published.cells[0]?.count).toStrictEqual(published.cells[3]?.count);
  });

  it('tabulate → publish with totals, leaving no suppressed cell recoverable', () => {
    for (const table of [one(), two()]) {
      const published = publishTable(table, { totals: true });
      expectOnlySafeValues(published);
      const dims = table.categories.map((c) => c.length);
      const [rows, cols] = dims.length === 1 ? [1, dims[0] ?? 0] : [dims[0] ?? 0, dims[1] ?? 0];
      const totals = published.totals;
      const grid = {
        rows,
        cols,
        cells: published.cells.map((c) => c.count),
        rowTotals: dims.length === 1 ? [totals?.overall ?? null] : (totals?.byFirst ?? null),
        colTotals: dims.length === 1 ? null : (totals?.bySecond ?? null),
        grandTotal: dims.length === 1 ? null : (totals?.overall ?? null),
      };
      expect(findRecoverableCells(grid, 10)).toEqual([]);
    }
    expect(publishTable(one(), { totals: true }).totals?.overall).toEqual(suppressCount(465, 10));
  });

  it('refuses totals on a three-attribute table and k below 10 on every path', () => {
    expect(() => publishTable(three(), { totals: true })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
    expect(() => publishTable(one(), { k: 9 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_K_TOO_SMALL' }),
    );
    expect(() => releaseNoisyTable(one(), { k: 5, epsilonMicros: 500_000 }, randomInt)).toThrow(
      expect.objectContaining({ code: 'PRIVACY_K_TOO_SMALL' }),
    );
  });

  it('noisy release → suppress and round, with the charge to debit', () => {
    const tables = [one(), two(), three()];
    for (let run = 0; run < 50; run++) {
      for (const table of tables) {
        const { table: published, charge } = releaseNoisyTable(table, { epsilonMicros: 500_000 }, randomInt);
        expectOnlySafeValues(published);
        expect(published.totals).toBeNull();
        expect(charge).toEqual({ epsilonMicros: 500_000, deltaPicos: 0 });
      }
    }
  });

  it('scales the noise to the bounded sensitivity', () => {
    const rows = zeroToThirtyRows();
    const table = tabulate(rows, {
      attributes: ['region'],
      domains: fixtureDomains,
      limits: { maxGroupsPerUnit: 1, maxRowsPerGroup: 3 },
    });
    expect(table.sensitivity).toBe(3);
    const seen: number[][] = [];
    const spy = (min: number, max: number) => {
      seen.push([min, max]);
      return randomInt(min, max);
    };
    releaseNoisyTable(table, { epsilonMicros: 1_000_000 }, spy);
    // ε/Δ = 1/3, so the sampler draws U uniformly from [0, 3).
    expect(seen.some(([min, max]) => min === 0 && max === 3)).toBe(true);
  });
});
