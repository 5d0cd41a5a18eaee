/**
 * Protection against recovery by subtraction (PUB-4). When a table is published with row, column or grand
 * totals, a reader can combine the totals with the visible cells to narrow a suppressed cell, possibly to its
 * exact value. Each published number stands for a range of true values (suppressed: 0…k−1; shown v: v…v+k−1,
 * because of rounding down), and the totals tie the cells together in a two-way table. The checker works out,
 * for every suppressed cell, exactly which true values are still consistent with everything published: the
 * constraints form a network (source → row totals → cells → column totals → sink → grand total → source), so
 * "is there a table with this cell equal to x" is a feasible-circulation problem solved exactly by max-flow,
 * and because such networks are totally unimodular the consistent values form an unbroken integer range. PUB-4
 * requires that range to stay the full 0…k−1 (k values). The protection withholds totals, never cells: on a leak
 * it withholds the leaking cell's row and column totals, and the grand total if those were already withheld;
 * removing a constraint can only widen ranges, so the loop ends, at worst with every total withheld. Tables of
 * three attributes are published without totals. This covers one table and its own totals; other tables of the
 * same data published beside it must be passed in as totals too, or published through the noisy release.
 */
import { DomainError } from '../errors.ts';
import { assertK } from './policy.ts';
import { type PublishedCount, suppressCount, trueRange } from './suppress.ts';

/** A published two-way table (a one-way table is one row); a total of null is withheld. */
export interface PublishedGrid {
  rows: number;
  cols: number;
  /** Row-major, rows × cols. */
  cells: PublishedCount[];
  rowTotals: (PublishedCount | null)[] | null;
  colTotals: (PublishedCount | null)[] | null;
  grandTotal: PublishedCount | null;
}

/** A suppressed cell whose range of consistent true values is narrower than 0…k−1. */
export interface Recoverable {
  row: number;
  col: number;
  min: number;
  max: number;
}

const unbounded = 1e12;
/** The largest table published with totals: the exact check runs two max-flows per suppressed cell per pass. */
export const maxCellsWithTotals = 400;

/** Every suppressed cell that the published totals narrow below k possible values (empty when safe). */
export function findRecoverableCells(grid: PublishedGrid, k: number): Recoverable[] {
  assertK(k);
  checkShape(grid);
  const found: Recoverable[] = [];
  if (!grid.rowTotals && !grid.colTotals && !grid.grandTotal) return found;
  grid.cells.forEach((cell, index) => {
    if (!cell.suppressed) return;
    const canBe = (value: number) => feasibleWith(grid, k, index, value);
    if (canBe(0) && canBe(k - 1)) return;
    const row = Math.floor(index / grid.cols);
    const col = index % grid.cols;
    const values = Array.from({ length: k }, (_, v) => v).filter(canBe);
    found.push({ row, col, min: values[0] ?? 0, max: values.at(-1) ?? 0 });
  });
  return found;
}

/** Publishes true counts with totals, suppressed and rounded, then withholds totals until no cell leaks. */
export function protectTotals(
  counts: readonly number[],
  shape: { rows: number; cols: number; rowTotals: boolean; colTotals: boolean; grandTotal: boolean },
  k: number,
): PublishedGrid {
  assertK(k);
  const { rows, cols } = shape;
  if (counts.length !== rows * cols) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'counts do not match the table shape', {
      field: 'counts',
    });
  }
  if (counts.length > maxCellsWithTotals && (shape.rowTotals || shape.colTotals || shape.grandTotal)) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `totals are published only for tables of at most ${maxCellsWithTotals} cells; publish this one without totals`,
      { field: 'totals' },
    );
  }
  const at = (r: number, c: number) => counts[r * cols + c] ?? 0;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const grid: PublishedGrid = {
    rows,
    cols,
    cells: counts.map((count) => suppressCount(count, k)),
    rowTotals: shape.rowTotals
      ? range(rows).map((r) => suppressCount(sum(range(cols).map((c) => at(r, c))), k))
      : null,
    colTotals: shape.colTotals
      ? range(cols).map((c) => suppressCount(sum(range(rows).map((r) => at(r, c))), k))
      : null,
    grandTotal: shape.grandTotal ? suppressCount(sum(counts), k) : null,
  };
  for (;;) {
    const leaks = findRecoverableCells(grid, k);
    if (leaks.length === 0) return grid;
    // Every leak found in this pass is handled before checking again; each pass withholds at least one total.
    const rowTotals = grid.rowTotals ? [...grid.rowTotals] : null;
    const colTotals = grid.colTotals ? [...grid.colTotals] : null;
    for (const leak of leaks) {
      const hadRow = grid.rowTotals?.[leak.row] != null;
      const hadCol = grid.colTotals?.[leak.col] != null;
      if (rowTotals && hadRow) rowTotals[leak.row] = null;
      if (colTotals && hadCol) colTotals[leak.col] = null;
      if (!hadRow && !hadCol) grid.grandTotal = null;
    }
    grid.rowTotals = rowTotals;
    grid.colTotals = colTotals;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function checkShape(grid: PublishedGrid): void {
  const ok =
    Number.isSafeInteger(grid.rows) &&
    Number.isSafeInteger(grid.cols) &&
    grid.rows >= 1 &&
    grid.cols >= 1 &&
    grid.cells.length === grid.rows * grid.cols &&
    (grid.rowTotals === null || grid.rowTotals.length === grid.rows) &&
    (grid.colTotals === null || grid.colTotals.length === grid.cols);
  if (!ok)
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'the table shape is inconsistent', { field: 'table' });
}

/** Whether some table of true counts agrees with everything published while cell `fixed` equals `value`. */
function feasibleWith(grid: PublishedGrid, k: number, fixed: number, value: number): boolean {
  const { rows, cols } = grid;
  const source = 0;
  const sink = rows + cols + 1;
  const net = new Circulation(rows + cols + 2);
  const bounds = (count: PublishedCount | null | undefined) =>
    count ? trueRange(count, k) : { min: 0, max: unbounded };
  for (let r = 0; r < rows; r++) {
    const b = bounds(grid.rowTotals?.[r]);
    net.edge(source, 1 + r, b.min, b.max);
  }
  grid.cells.forEach((cell, index) => {
    const b = index === fixed ? { min: value, max: value } : trueRange(cell, k);
    net.edge(1 + Math.floor(index / cols), 1 + rows + (index % cols), b.min, b.max);
  });
  for (let c = 0; c < cols; c++) {
    const b = bounds(grid.colTotals?.[c]);
    net.edge(1 + rows + c, sink, b.min, b.max);
  }
  const g = bounds(grid.grandTotal);
  net.edge(sink, source, g.min, g.max);
  return net.feasible();
}

/** A circulation with lower and upper bounds on each edge, checked by Dinic's max-flow. */
class Circulation {
  private readonly head: number[][];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly excess: number[];
  private readonly n: number;

  constructor(nodes: number) {
    this.n = nodes + 2;
    this.head = Array.from({ length: this.n }, () => []);
    this.excess = new Array<number>(nodes).fill(0);
  }

  edge(from: number, to: number, min: number, max: number): void {
    this.arc(from, to, max - min);
    this.excess[to] = (this.excess[to] ?? 0) + min;
    this.excess[from] = (this.excess[from] ?? 0) - min;
  }

  feasible(): boolean {
    const s = this.n - 2;
    const t = this.n - 1;
    let need = 0;
    this.excess.forEach((e, v) => {
      if (e > 0) {
        this.arc(s, v, e);
        need += e;
      } else if (e < 0) this.arc(v, t, -e);
    });
    return this.maxFlow(s, t) === need;
  }

  private arc(from: number, to: number, capacity: number): void {
    this.head[from]?.push(this.to.length);
    this.to.push(to);
    this.cap.push(capacity);
    this.head[to]?.push(this.to.length);
    this.to.push(from);
    this.cap.push(0);
  }

  private maxFlow(s: number, t: number): number {
    let flow = 0;
    for (;;) {
      const level = new Array<number>(this.n).fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let i = 0; i < queue.length; i++) {
        const v = queue[i] ?? 0;
        for (const e of this.head[v] ?? []) {
          const w = this.to[e] ?? 0;
          if ((this.cap[e] ?? 0) > 0 && level[w] === -1) {
            level[w] = (level[v] ?? 0) + 1;
            queue.push(w);
          }
        }
      }
      if (level[t] === -1) return flow;
      const next = new Array<number>(this.n).fill(0);
      const push = (v: number, limit: number): number => {
        if (v === t) return limit;
        const edges = this.head[v] ?? [];
        for (; (next[v] ?? 0) < edges.length; next[v] = (next[v] ?? 0) + 1) {
          const e = edges[next[v] ?? 0] ?? 0;
          const w = this.to[e] ?? 0;
          const c = this.cap[e] ?? 0;
          if (c <= 0 || level[w] !== (level[v] ?? 0) + 1) continue;
          const pushed = push(w, Math.min(limit, c));
          if (pushed > 0) {
            this.cap[e] = c - pushed;
            this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + pushed;
            return pushed;
          }
        }
        return 0;
      };
      for (
        let pushed = push(s, Number.POSITIVE_INFINITY);
        pushed > 0;
        pushed = push(s, Number.POSITIVE_INFINITY)
      ) {
        flow += pushed;
      }
    }
  }
}
