import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRecoverableCells, type PublishedGrid, protectTotals } from './complementary.ts';
import { suppressCount, trueRange } from './suppress.ts';

const k = 10;
const total = (values: number[]) =>
  suppressCount(
    values.reduce((a, b) => a + b, 0),
    k,
  );

/** Naive publication: every cell and total suppressed and rounded, nothing withheld. */
function naive(counts: number[], rows: number, cols: number): PublishedGrid {
  const at = (r: number, c: number) => counts[r * cols + c] ?? 0;
  const rowIdx = [...Array(rows).keys()];
  const colIdx = [...Array(cols).keys()];
  return {
    rows,
    cols,
    cells: counts.map((v) => suppressCount(v, k)),
    rowTotals: rowIdx.map((r) => total(colIdx.map((c) => at(r, c)))),
    colTotals: rows > 1 ? colIdx.map((c) => total(rowIdx.map((r) => at(r, c)))) : null,
    grandTotal: rows > 1 ? total(counts) : null,
  };
}

/** Every true value each suppressed cell can take, found by trying every table consistent with the cells. */
function bruteForce(grid: PublishedGrid): Map<number, Set<number>> {
  const ranges = grid.cells.map((cell) => trueRange(cell, k));
  const seen = new Map<number, Set<number>>();
  grid.cells.forEach((cell, i) => {
    if (cell.suppressed) seen.set(i, new Set());
  });
  const values = new Array<number>(grid.cells.length).fill(0);
  const fits = (sum: number, published: ReturnType<typeof suppressCount> | null | undefined) => {
    if (!published) return true;
    const range = trueRange(published, k);
    return sum >= range.min && sum <= range.max;
  };
  const visit = (i: number): void => {
    if (i === values.length) {
      for (let r = 0; r < grid.rows; r++) {
        const sum = values.slice(r * grid.cols, (r + 1) * grid.cols).reduce((a, b) => a + b, 0);
        if (!fits(sum, grid.rowTotals?.[r])) return;
      }
      for (let c = 0; c < grid.cols; c++) {
        const sum = values.filter((_, j) => j % grid.cols === c).reduce((a, b) => a + b, 0);
        if (!fits(sum, grid.colTotals?.[c])) return;
      }
      if (
        !fits(
          values.reduce((a, b) => a + b, 0),
          grid.grandTotal,
        )
      )
        return;
      for (const [j, set] of seen) set.add(values[j] ?? -1);
      return;
    }
    const range = ranges[i] ?? { min: 0, max: 0 };
    for (let v = range.min; v <= range.max; v++) {
      values[i] = v;
      visit(i + 1);
    }
  };
  visit(0);
  return seen;
}

describe('recovery by subtraction (PUB-4)', () => {
  it('finds a suppressed cell narrowed by a published total', () => {
    // 5 and 15 are shown as "< 10" and 10, the total 20 as 20: the first cell must be at least 1.
    const grid = naive([5, 15], 1, 2);
    expect(findRecoverableCells(grid, k)).toEqual([{ row: 0, col: 0, min: 1, max: 9 }]);
  });

  it('finds leaks in a two-way table, and the protected table has none', () => {
    const counts = [5, 19, 19, 27, 3, 12, 30, 25, 0]; // row 0 totals 43, shown as 40: the 5 must be ≥ 2
    const leaks = findRecoverableCells(naive(counts, 3, 3), k);
    expect(leaks).toContainEqual({ row: 0, col: 0, min: 2, max: 9 });
    const safe = protectTotals(
      counts,
      { rows: 3, cols: 3, rowTotals: true, colTotals: true, grandTotal: true },
      k,
    );
    expect(findRecoverableCells(safe, k)).toEqual([]);
    expect(safe.cells).toEqual(naive(counts, 3, 3).cells);
    const withheld = [...(safe.rowTotals ?? []), ...(safe.colTotals ?? []), safe.grandTotal].filter(
      (t) => !t,
    );
    expect(withheld.length).toBeGreaterThan(0);
  });

  it('keeps every total when nothing leaks', () => {
    const counts = [40, 50, 60, 70];
    const safe = protectTotals(
      counts,
      { rows: 2, cols: 2, rowTotals: true, colTotals: true, grandTotal: true },
      k,
    );
    expect(safe).toEqual(naive(counts, 2, 2));
  });

  it('agrees with brute force on small tables (property)', () => {
    const shapes = fc.constantFrom([1, 3], [2, 2]);
    fc.assert(
      fc.property(
        shapes.chain(([rows = 1, cols = 1]) =>
          fc.tuple(
            fc.constant([rows, cols]),
            fc.array(fc.integer({ min: 0, max: 35 }), { minLength: rows * cols, maxLength: rows * cols }),
          ),
        ),
        ([[rows = 1, cols = 1], counts]) => {
          const grid = naive(counts, rows, cols);
          const expected = [...bruteForce(grid)]
            .filter(([, set]) => set.size < k)
            .map(([i, set]) => ({
              row: Math.floor(i / cols),
              col: i % cols,
              min: Math.min(...set),
              max: Math.max(...set),
            }));
          expect(findRecoverableCells(grid, k)).toEqual(expected);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it('leaves no recoverable cell after protection (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 25, maxLength: 25 }),
        (rows, cols, pool) => {
          const counts = pool.slice(0, rows * cols);
          const shape = { rows, cols, rowTotals: true, colTotals: rows > 1, grandTotal: rows > 1 };
          const safe = protectTotals(counts, shape, k);
          expect(findRecoverableCells(safe, k)).toEqual([]);
        },
      ),
      { numRuns: 80, seed: 4 },
    );
  });

  it('refuses totals on a table larger than the exact check is meant for', () => {
    const shape = { rows: 21, cols: 20, rowTotals: true, colTotals: true, grandTotal: true };
    expect(() => protectTotals(new Array(420).fill(50), shape, k)).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'totals' } }),
    );
    const cellsOnly = protectTotals(
      new Array(420).fill(50),
      { ...shape, rowTotals: false, colTotals: false, grandTotal: false },
      k,
    );
    expect(cellsOnly.cells).toHaveLength(420);
  });

  it('refuses an inconsistent shape and k below 10', () => {
    const grid = naive([5, 15], 1, 2);
    expect(() => findRecoverableCells({ ...grid, cols: 3 }, k)).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
    expect(() => findRecoverableCells(grid, 9)).toThrow(
      expect.objectContaining({ code: 'PRIVACY_K_TOO_SMALL' }),
    );
    expect(() =>
      protectTotals([1, 2, 3], { rows: 2, cols: 2, rowTotals: true, colTotals: true, grandTotal: true }, k),
    ).toThrow(expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }));
  });
});
