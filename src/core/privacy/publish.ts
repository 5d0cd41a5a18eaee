/**
 * The two ways a table of case counts leaves the system. `publishTable` is for a one-off publication: every
 * cell and total suppressed below k and rounded down to a multiple of k, totals withheld where they would let a
 * suppressed cell be recovered (PUB-1…PUB-5). `releaseNoisyTable` is for anything published more than once: each
 * cell gets two-sided geometric noise scaled to the table's bounded sensitivity, then the noisy value goes
 * through the same suppression and rounding (post-processing costs no privacy); the caller debits the returned
 * charge on the dataset's ledger before showing anything (PUB-6, PUB-7). Noisy releases carry no totals: a total
 * is a second statistic and would need budget of its own.
 */
import { DomainError } from '../errors.ts';
import { protectTotals } from './complementary.ts';
import { addGeometricNoise } from './geometric.ts';
import { assertK, defaultK, type RandomInt } from './policy.ts';
import { type PublishedCount, suppressCount } from './suppress.ts';
import type { CountTable } from './tabulate.ts';

/** A table ready to show: each cell's categories and its published count; totals of null are withheld. */
export interface PublishedTable {
  attributes: string[];
  categories: string[][];
  k: number;
  cells: { key: string[]; count: PublishedCount }[];
  /** Totals by the first attribute's categories, by the second's, and overall; null when none were asked for. */
  totals: {
    byFirst: (PublishedCount | null)[];
    bySecond: (PublishedCount | null)[];
    overall: PublishedCount | null;
  } | null;
}

/** Publishes a table once, with optional totals for one- and two-attribute tables. */
export function publishTable(
  table: CountTable,
  options: { k?: number; totals?: boolean } = {},
): PublishedTable {
  const k = assertK(options.k ?? defaultK);
  const base = { attributes: table.attributes, categories: table.categories, k };
  if (!options.totals) {
    return {
      ...base,
      cells: table.cells.map((c) => ({ key: c.key, count: suppressCount(c.count, k) })),
      totals: null,
    };
  }
  const counts = table.cells.map((c) => c.count);
  const dims = table.categories.map((list) => list.length);
  if (dims.length === 1) {
    const grid = protectTotals(
      counts,
      { rows: 1, cols: dims[0] ?? 0, rowTotals: true, colTotals: false, grandTotal: false },
      k,
    );
    return {
      ...base,
      cells: table.cells.map((c, i) => ({ key: c.key, count: grid.cells[i] ?? suppressCount(0, k) })),
      totals: { byFirst: [], bySecond: [], overall: grid.rowTotals?.[0] ?? null },
    };
  }
  if (dims.length === 2) {
    const grid = protectTotals(
      counts,
      { rows: dims[0] ?? 0, cols: dims[1] ?? 0, rowTotals: true, colTotals: true, grandTotal: true },
      k,
    );
    return {
      ...base,
      cells: table.cells.map((c, i) => ({ key: c.key, count: grid.cells[i] ?? suppressCount(0, k) })),
      totals: { byFirst: grid.rowTotals ?? [], bySecond: grid.colTotals ?? [], overall: grid.grandTotal },
    };
  }
  throw new DomainError(
    'PRIVACY_PARAMETER_INVALID',
    'totals are published only for one- or two-attribute tables',
    {
      field: 'totals',
    },
  );
}

/** The cost of a noisy release, to debit on the dataset's ledger. */
export interface ReleaseCharge {
  epsilonMicros: number;
  deltaPicos: number;
}

/** Adds geometric noise (scaled to the table's sensitivity) to every cell, then suppresses and rounds. */
export function releaseNoisyTable(
  table: CountTable,
  options: { k?: number; epsilonMicros: number },
  randomInt: RandomInt,
): { table: PublishedTable; charge: ReleaseCharge } {
  const k = assertK(options.k ?? defaultK);
  const params = { epsilonMicros: options.epsilonMicros, sensitivity: table.sensitivity };
  const cells = table.cells.map((c) => ({
    key: c.key,
    count: suppressCount(addGeometricNoise(c.count, params, randomInt), k),
  }));
  return {
    table: { attributes: table.attributes, categories: table.categories, k, cells, totals: null },
    charge: { epsilonMicros: options.epsilonMicros, deltaPicos: 0 },
  };
}
