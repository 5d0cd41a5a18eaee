import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { legiscanBill, legiscanDataset } from '../../../test/bulk-fixtures.ts';
import { openZip } from '../zip.ts';
import { isLegiScanDataset, readLegiScanDataset } from './dataset.ts';

describe('LegiScan dataset zip', () => {
  it('sorts entries into bills, people and roll calls, named zip!entry, read lazily', () => {
    const zip = openZip(
      'MD_2091.zip',
      legiscanDataset([legiscanBill(), legiscanBill({ billId: 9000211, number: 'SB211' })]),
    );
    const d = readLegiScanDataset(zip);
    expect(d.bills.map((e) => e.name)).toEqual([
      'MD_2091.zip!MD/2091-2091_Regular_Session/bill/SB210.json',
      'MD_2091.zip!MD/2091-2091_Regular_Session/bill/SB211.json',
    ]);
    expect(d.votes.map((e) => e.path)).toEqual(['MD/2091-2091_Regular_Session/vote/9100001.json']);
    expect(d.people).toHaveLength(1);
    expect(d.other).toEqual(['MD/2091-2091_Regular_Session/README.md']);
    expect(JSON.parse(d.bills[0]?.text() ?? '{}').bill.bill_number).toBe('SB210');
    expect(isLegiScanDataset(zip)).toBe(true);
    expect(isLegiScanDataset(openZip('o.zip', zipSync({ 'notes.txt': strToU8('x') })))).toBe(false);
  });
});
