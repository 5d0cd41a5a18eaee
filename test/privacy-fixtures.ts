/**
 * Privacy fixtures: invented case rows whose true cell counts run through every value from 0 to 30 (PUB-1's
 * test fixture). Region `r00`…`r30` holds exactly that many people; crossed with `group` (a / b), cell (rNN, a)
 * holds NN people and (rNN, b) holds 30 − NN. Every person has exactly one row; units are opaque ids.
 */
import type { AttributeDomains, CaseRow } from '../src/core/privacy/tabulate.ts';

/** The 31 regions r00…r30. */
export const regions = Array.from({ length: 31 }, (_, i) => `r${String(i).padStart(2, '0')}`);

/** The allow-list for the fixture: two categorical columns. */
export const fixtureDomains: AttributeDomains = {
  region: regions,
  group: ['a', 'b'],
  status: ['open', 'closed'],
  year: ['2025', '2026'],
};

/** Rows where region rNN has NN people in group a and 30 − NN in group b. */
export function zeroToThirtyRows(): CaseRow[] {
  const rows: CaseRow[] = [];
  regions.forEach((region, i) => {
    for (let p = 0; p < 30; p++) {
      rows.push({
        unit: `person-${region}-${p}`,
        values: { region, group: p < i ? 'a' : 'b', status: p % 2 ? 'open' : 'closed', year: '2026' },
      });
    }
  });
  return rows;
}

/** Rows where region rNN holds exactly NN people, all in group a. */
export function regionCountRows(): CaseRow[] {
  return zeroToThirtyRows().filter((row) => row.values.group === 'a');
}
