import { describe, expect, it } from 'vitest';
import { fixtureDomains, regionCountRows, zeroToThirtyRows } from '../../../test/privacy-fixtures.ts';
import { looksIdentifying, tabulate } from './tabulate.ts';

describe('tabulate (PUB-5, PUB-8, PUB-10)', () => {
  it('counts every category, zeros included, from the 0–30 fixture', () => {
    const table = tabulate(regionCountRows(), { attributes: ['region'], domains: fixtureDomains });
    expect(table.cells.map((c) => c.count)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(table.cells[0]).toEqual({ key: ['r00'], count: 0 });
    expect(table.sensitivity).toBe(1);
  });

  it('crosses two and three attributes in row-major order', () => {
    const two = tabulate(zeroToThirtyRows(), { attributes: ['region', 'group'], domains: fixtureDomains });
    expect(two.cells).toHaveLength(62);
    expect(two.cells[14]).toEqual({ key: ['r07', 'a'], count: 7 });
    expect(two.cells[15]).toEqual({ key: ['r07', 'b'], count: 23 });
    const three = tabulate(zeroToThirtyRows(), {
      attributes: ['region', 'group', 'status'],
      domains: fixtureDomains,
    });
    expect(three.cells).toHaveLength(124);
    expect(three.cells.reduce((sum, c) => sum + c.count, 0)).toBe(930);
  });

  it('refuses a fourth attribute, and a third when the limit is lowered', () => {
    expect(() =>
      tabulate(zeroToThirtyRows(), {
        attributes: ['region', 'group', 'status', 'year'],
        domains: fixtureDomains,
      }),
    ).toThrow(expect.objectContaining({ code: 'PRIVACY_TOO_MANY_ATTRIBUTES' }));
    expect(() =>
      tabulate(zeroToThirtyRows(), {
        attributes: ['region', 'group', 'status'],
        domains: fixtureDomains,
        maxAttributes: 2,
      }),
    ).toThrow(expect.objectContaining({ code: 'PRIVACY_TOO_MANY_ATTRIBUTES' }));
    expect(() => tabulate([], { attributes: ['region'], domains: fixtureDomains, maxAttributes: 4 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
  });

  it('counts one person with 50 rows in one cell once', () => {
    const rows = [
      ...Array.from({ length: 50 }, () => ({ unit: 'heavy', values: { region: 'r01' } })),
      { unit: 'other', values: { region: 'r01' } },
    ];
    const table = tabulate(rows, { attributes: ['region'], domains: fixtureDomains });
    expect(table.cells[1]?.count).toBe(2);
    expect(table.dropped).toBe(49);
  });

  it('refuses columns outside the allow-list and identifying columns even when listed', () => {
    expect(() => tabulate([], { attributes: ['nationality'], domains: fixtureDomains })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_ATTRIBUTE_NOT_ALLOWED' }),
    );
    for (const column of ['name', 'email', 'phoneNumber', 'date_of_birth', 'case_notes', 'home address']) {
      expect(looksIdentifying(column)).toBe(true);
      expect(() => tabulate([], { attributes: [column], domains: { [column]: ['x'] } })).toThrow(
        expect.objectContaining({ code: 'PRIVACY_ATTRIBUTE_NOT_ALLOWED' }),
      );
    }
    expect(looksIdentifying('nationality')).toBe(false);
    expect(looksIdentifying('ageBand')).toBe(false);
  });

  it('names the row and column of a missing or unknown category', () => {
    const rows = [
      { unit: 'p1', values: { region: 'r01' } },
      { unit: 'p2', values: { region: 'r99' } },
    ];
    expect(() => tabulate(rows, { attributes: ['region'], domains: fixtureDomains })).toThrow(
      expect.objectContaining({ details: { field: 'region', row: 2 } }),
    );
    expect(() =>
      tabulate([{ unit: 'p1', values: {} }], { attributes: ['region'], domains: fixtureDomains }),
    ).toThrow(/row 1: region is missing/);
  });

  it('refuses repeated attributes, empty attribute lists and bad domains', () => {
    const cases = [
      { attributes: ['region', 'region'], domains: fixtureDomains },
      { attributes: [], domains: fixtureDomains },
      { attributes: ['band'], domains: { band: [] } },
      { attributes: ['band'], domains: { band: ['x', 'x'] } },
    ];
    for (const spec of cases) {
      expect(() => tabulate([], spec)).toThrow(
        expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
      );
    }
  });
});
