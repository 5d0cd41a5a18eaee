import { beforeAll, expect, it } from 'vitest';
import { importImpactFixtures } from '../../test/bill-impact-fixtures.ts';
import { importCodingFixtures, texas } from '../../test/coding-fixtures.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { type Actor, publicActor } from '../core/auth/permissions.ts';
import { impactLabel } from '../core/bills/impact.ts';
import { billImpact } from './bill-impact.ts';

const system: Actor = { kind: 'system', name: 'test' };
const asOf = '2031-01-01';

describeEachEngine('billImpact', (getStore) => {
  let bills: Record<string, string> = {};
  const ctx = (actor: Actor = publicActor) => ({ db: getStore().db, actor });

  beforeAll(async () => {
    bills = await importImpactFixtures(getStore(), await importCodingFixtures(getStore()));
  });

  it('projects the latest version with text over the published answers (hand-checked)', async () => {
    // Counted areas: CR (share 18), PN (10), VI (16) → counted share 44.
    // CR: CR-01 Y/P/N w3 P, CR-02 0–2 w2 2, CR-03 0–2 w2 0, CR-06 Y/N w2 N: earned 1.5+2+0+0 = 3.5 of 9 → 7 points.
    // PN: PN-01 0–2 w2 1: 1 of 2 → 5 points. VI: VI-01 0–2 w3 0 → 0 points.
    // Current total (7+5+0)/44×100 = 27.27. The engrossed text meets CR-01 (Y), CR-02 (already 2), CR-03 in
    // part (1), CR-06 (Y), CR-14 (uncoded: listed, not scored) and PN-01 (2): CR 3+2+1+2 = 8 of 9 → 16 points,
    // PN 2 of 2 → 10. Projected (16+10)/44×100 = 59.09; delta 14/44×100 = 31.82, of which CR-01 3/44×100,
    // CR-03 2/44×100, CR-06 4/44×100, PN-01 5/44×100.
    const r = await billImpact(ctx(), bills['HB 9001'] ?? '', { asOf });
    expect(r.label).toBe(impactLabel);
    expect(r.bill).toMatchObject({ identifier: 'HB 9001', jurisdictionId: texas });
    expect(r.version).toEqual({ id: 1, note: 'Engrossed', date: '2091-03-01' });
    expect(r.include).toBe('published');
    expect(r.current.total).toBeCloseTo((12 / 44) * 100, 9);
    expect(r.projected.total).toBeCloseTo((26 / 44) * 100, 9);
    expect(r.delta).toBeCloseTo((14 / 44) * 100, 9);
    expect(
      r.changes.map((c) => [c.indicatorId, c.current, c.projected, Number(c.points.toFixed(4))]),
    ).toEqual([
      ['CR-01', 'P', 'Y', Number(((3 / 44) * 100).toFixed(4))],
      ['CR-03', '0', '1', Number(((2 / 44) * 100).toFixed(4))],
      ['CR-06', 'N', 'Y', Number(((4 / 44) * 100).toFixed(4))],
      ['PN-01', '1', '2', Number(((5 / 44) * 100).toFixed(4))],
    ]);
    const pn = r.changes.find((c) => c.indicatorId === 'PN-01');
    expect(pn?.evidence[0]?.citation).toBe('s. 2');
    expect(pn?.evidence[0]?.quote).toContain('not less than 12 years');
    expect(r.uncoded.map((u) => u.indicatorId)).toEqual(['CR-14']);
    expect(r.areas.find((a) => a.id === 'VI')?.delta).toBe(0);
  });

  it('reads the version asked for', async () => {
    // The introduced text has no penalty section: PN-01 stays at 1, so the delta is (3+2+4)/44×100.
    const r = await billImpact(ctx(), bills['HB 9001'] ?? '', { asOf, versionId: 0 });
    expect(r.version.note).toBe('Introduced');
    expect(r.changes.map((c) => c.indicatorId)).toEqual(['CR-01', 'CR-03', 'CR-06']);
    expect(r.delta).toBeCloseTo((9 / 44) * 100, 9);
  });

  it('counts nothing before the answers are valid, and then projects no change', async () => {
    const r = await billImpact(ctx(), bills['HB 9001'] ?? '', { asOf: '2029-01-01' });
    expect(r.current.total).toBeNull();
    expect(r.changes).toEqual([]);
    expect(r.delta).toBe(0);
    expect(r.uncoded.map((u) => u.indicatorId)).toContain('CR-01');
  });

  it('refuses clearly: no text, unknown version, unknown bill, unpublished answers for the public, bad date', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      );
    expect(await code(billImpact(ctx(), bills['HB 9002'] ?? '', { asOf }))).toBe('BILL_TEXT_MISSING');
    expect(await code(billImpact(ctx(), bills['HB 9001'] ?? '', { asOf, versionId: 2 }))).toBe(
      'BILL_TEXT_MISSING',
    );
    expect(await code(billImpact(ctx(), bills['HB 9001'] ?? '', { asOf, versionId: 3 }))).toBe(
      'BILL_VERSION_NOT_FOUND',
    );
    expect(await code(billImpact(ctx(), 'no-such-bill', { asOf }))).toBe('BILL_NOT_FOUND');
    expect(await code(billImpact(ctx(), bills['HB 9001'] ?? '', { asOf, include: 'coded' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(billImpact(ctx(), bills['HB 9001'] ?? '', { asOf: '2031-13-01' }))).toBe(
      'VALIDATION_FAILED',
    );
    const coded = await billImpact(ctx(system), bills['HB 9001'] ?? '', { asOf, include: 'coded' });
    expect(coded.delta).toBeCloseTo((14 / 44) * 100, 9);
  });
});
