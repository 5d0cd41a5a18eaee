import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundContributions } from './bound.ts';

interface Row {
  person: string;
  cell: string;
}
const unit = (row: Row) => row.person;
const cell = (row: Row) => row.cell;

describe('boundContributions (PUB-8)', () => {
  it('counts one person with 50 rows in one cell once', () => {
    const rows: Row[] = [
      ...Array.from({ length: 50 }, () => ({ person: 'p1', cell: 'x' })),
      { person: 'p2', cell: 'x' },
    ];
    const bounded = boundContributions(rows, unit, cell);
    expect(bounded.rows).toHaveLength(2);
    expect(bounded.dropped).toBe(49);
    expect(bounded.units).toBe(2);
    expect(bounded.sensitivity).toBe(1);
  });

  it('keeps one cell per person by default, and g cells with c rows each when asked', () => {
    const rows: Row[] = ['x', 'y', 'z'].flatMap((c) => [
      { person: 'p1', cell: c },
      { person: 'p1', cell: c },
    ]);
    expect(boundContributions(rows, unit, cell).rows).toHaveLength(1);
    const wider = boundContributions(rows, unit, cell, { maxGroupsPerUnit: 2, maxRowsPerGroup: 2 });
    expect(wider.rows).toHaveLength(4);
    expect(new Set(wider.rows.map(cell)).size).toBe(2);
    expect(wider.sensitivity).toBe(4);
  });

  it('chooses the same cells whatever the input order (property)', () => {
    const rowArb = fc.record({
      person: fc.constantFrom('p1', 'p2', 'p3'),
      cell: fc.constantFrom('a', 'b', 'c', 'd'),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (rows, g) => {
        const tally = (list: Row[]) =>
          boundContributions(list, unit, cell, { maxGroupsPerUnit: g })
            .rows.map((r) => `${r.person}/${r.cell}`)
            .sort()
            .join(',');
        const perPerson = new Map<string, Set<string>>();
        for (const r of boundContributions(rows, unit, cell, { maxGroupsPerUnit: g }).rows) {
          const seen = perPerson.get(r.person) ?? new Set();
          if (seen.has(r.cell)) return false;
          perPerson.set(r.person, seen.add(r.cell));
        }
        return (
          [...perPerson.values()].every((s) => s.size <= g) && tally(rows) === tally([...rows].reverse())
        );
      }),
    );
  });

  it('refuses a row without a privacy unit, naming the row', () => {
    expect(() =>
      boundContributions(
        [
          { person: 'p1', cell: 'x' },
          { person: ' ', cell: 'x' },
        ],
        unit,
        cell,
      ),
    ).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'unit', row: 2 } }),
    );
  });

  it('refuses limits that are not whole numbers from 1 to 100', () => {
    for (const bad of [0, -1, 1.5, 101]) {
      expect(() => boundContributions([], unit, cell, { maxGroupsPerUnit: bad })).toThrow(
        expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
      );
      expect(() => boundContributions([], unit, cell, { maxRowsPerGroup: bad })).toThrow(
        expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
      );
    }
  });
});
