import { beforeAll, expect, it } from 'vitest';
import { hb4021Import } from '../../test/bill-fixtures.ts';
import { importImpactFixtures } from '../../test/bill-impact-fixtures.ts';
import { importCodingFixtures, texas } from '../../test/coding-fixtures.ts';
import { describeEachEngine } from '../../test/engines.ts';
import type { Actor } from '../core/auth/permissions.ts';
import { machineSuggestedLabel } from '../core/bills/links.ts';
import { decideBillLink, listBillLinks, refreshBillLinks } from './bill-links.ts';
import { overrideAction } from './bill-overrides.ts';
import { importBills, listBills } from './bills.ts';
import { gapReport } from './gaps.ts';

const system: Actor = { kind: 'system', name: 'test' };
const analyst: Actor = {
  kind: 'user',
  userId: 'u-a',
  organizationId: 'o',
  role: 'analyst',
  instanceAdmin: false,
};
const viewer: Actor = { ...analyst, userId: 'u-v', role: 'viewer' };
const asOf = '2031-01-01';
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
  );

describeEachEngine('bill ↔ indicator links', (getStore) => {
  const ctx = (actor: Actor = system) => ({ db: getStore().db, actor });
  let bills: Record<string, string> = {};
  const hb9001 = () => bills['HB 9001'] ?? '';
  const hb9002 = () => bills['HB 9002'] ?? '';
  beforeAll(async () => {
    bills = await importImpactFixtures(getStore(), await importCodingFixtures(getStore()));
    await importBills(ctx(), hb4021Import);
  });

  it('stores the analyzer’s suggestions, labelled machine-suggested', async () => {
    // The engrossed text raises CR-01, CR-03, CR-06 and PN-01 and meets CR-14, which is not coded
    // (src/services/bill-impact.test.ts works the numbers out).
    const r = await refreshBillLinks(ctx(analyst), hb9001(), { asOf });
    expect([r.added, r.updated, r.removed, r.keptDecided]).toEqual([5, 0, 0, 0]);
    expect(r.links.map((l) => [l.indicatorId, l.status, l.direction, l.projectedAnswer])).toEqual([
      ['CR-01', 'suggested', 'raises', 'Y'],
      ['CR-03', 'suggested', 'raises', '1'],
      ['CR-06', 'suggested', 'raises', 'Y'],
      ['CR-14', 'suggested', 'meets_uncoded', 'Y'],
      ['PN-01', 'suggested', 'raises', '2'],
    ]);
    expect(r.links.every((l) => l.machineSuggested && l.label === machineSuggestedLabel)).toBe(true);
    expect(r.links[0]?.evidence[0]?.quote).toBeTruthy();
  });

  it('keeps decided links through a refresh; people add what the analyzer missed', async () => {
    const confirmed = await decideBillLink(ctx(analyst), hb9001(), 'CR-01', { status: 'confirmed' });
    expect(confirmed).toMatchObject({ machineSuggested: false, label: null, decidedBy: 'user:u-a' });
    await decideBillLink(ctx(analyst), hb9001(), 'CR-03', { status: 'rejected', note: 'only a definition' });
    await decideBillLink(ctx(analyst), hb9001(), 'VI-01', {
      status: 'confirmed',
      note: 'section 3 funds shelters',
    });
    // Read before the answers are valid, every hit meets an uncoded indicator (CR-02 too): suggestions change,
    // decided links stay as they are.
    const again = await refreshBillLinks(ctx(), hb9001(), { asOf: '2029-01-01' });
    expect(again.keptDecided).toBe(3);
    expect(again.links.find((l) => l.indicatorId === 'CR-02')?.direction).toBe('meets_uncoded');
    const links = await listBillLinks(ctx(viewer), hb9001());
    const byId = Object.fromEntries(links.map((l) => [l.indicatorId, l]));
    expect(byId['CR-01']).toMatchObject({ status: 'confirmed', decidedBy: 'user:u-a', origin: 'analyzer' });
    expect(byId['CR-03']).toMatchObject({ status: 'rejected', note: 'only a definition' });
    expect(byId['VI-01']).toMatchObject({ status: 'confirmed', origin: 'person', projectedAnswer: null });
    // Back on 2031 CR-02 is already at full marks: its stale suggestion goes.
    expect((await refreshBillLinks(ctx(), hb9001(), { asOf })).removed).toBe(1);
    expect((await listBillLinks(ctx(), hb9001())).map((l) => l.indicatorId)).toEqual([
      'CR-01',
      'CR-03',
      'CR-06',
      'CR-14',
      'PN-01',
      'VI-01',
    ]);
  });

  it('refuses clearly: roles, unknown indicator, no text, unknown bill', async () => {
    expect(await code(decideBillLink(ctx(viewer), hb9001(), 'CR-06', { status: 'confirmed' }))).toMatch(
      /^FORBIDDEN/,
    );
    expect(await code(refreshBillLinks(ctx(viewer), hb9001()))).toMatch(/^FORBIDDEN/);
    expect(await code(listBillLinks(ctx({ kind: 'public' }), hb9001()))).toMatch(/^FORBIDDEN/);
    expect(await code(decideBillLink(ctx(), hb9001(), 'ZZ-99', { status: 'confirmed' }))).toMatch(
      /^INDICATOR_NOT_FOUND/,
    );
    expect(await code(refreshBillLinks(ctx(), hb9002()))).toMatch(/^BILL_TEXT_MISSING/);
    expect(await code(decideBillLink(ctx(), 'nope', 'CR-06', { status: 'confirmed' }))).toMatch(
      /^BILL_NOT_FOUND/,
    );
    expect(
      await code(decideBillLink(ctx(), hb9001(), 'CR-06', { status: 'confirmed', note: 'x'.repeat(2001) })),
    ).toMatch(/^VALIDATION_FAILED/);
    expect((await listBillLinks(ctx(), hb9001())).find((l) => l.indicatorId === 'CR-06')?.status).toBe(
      'suggested',
    );
  });

  it('lists live linked bills on the gap report: confirmed first, never rejected or ended', async () => {
    await decideBillLink(ctx(), hb9002(), 'CR-06', { status: 'confirmed' });
    const live = async () => {
      const r = await gapReport(ctx(), texas, asOf);
      return Object.fromEntries(
        r.gaps.map((g) => [g.indicatorId, g.liveBills.map((b) => `${b.identifier}:${b.linkStatus}`)]),
      );
    };
    const before = await live();
    expect(before['CR-01']).toEqual(['HB 9001:confirmed']);
    expect(before['CR-03']).toEqual([]);
    expect(before['CR-06']).toEqual(['HB 9002:confirmed', 'HB 9001:suggested']);
    expect(before['VI-01']).toEqual(['HB 9001:confirmed']);
    const report = await gapReport(ctx(), texas, asOf);
    const cr06 = report.gaps.find((g) => g.indicatorId === 'CR-06')?.liveBills[1];
    expect(cr06).toMatchObject({ machineSuggested: true, stage: 'introduced', latestAction: 'Filed' });
    // HB 9002 is enacted (an analyst corrects its only action): it leaves the report.
    await overrideAction(ctx(), hb9002(), 0, {
      classification: ['became-law'],
      reason: 'chaptered per the journal',
    });
    expect((await live())['CR-06']).toEqual(['HB 9001:suggested']);
    // HB 9001 fails: no live bill is left on its gaps.
    await overrideAction(ctx(), hb9001(), 0, {
      classification: ['failure'],
      reason: 'withdrawn by its sponsor',
    });
    const ended = await live();
    expect([ended['CR-01'], ended['CR-06'], ended['VI-01']]).toEqual([[], [], []]);
  });

  it('filters the bill list by subject and by linked indicator (not rejected)', async () => {
    const ids = async (f: Parameters<typeof listBills>[1]) =>
      (await listBills(ctx(), f)).map((b) => b.identifier);
    expect(await ids({ subject: 'labor' })).toEqual(['HB 4021']);
    expect(await ids({ subject: 'Human Services' })).toEqual(['HB 4021']);
    expect(await ids({ subject: 'Human' })).toEqual([]);
    expect(await ids({ subject: '%' })).toEqual([]);
    expect(await ids({ indicator: 'CR-06' })).toEqual(['HB 9001', 'HB 9002']);
    expect(await ids({ indicator: 'CR-03' })).toEqual([]);
    expect(await ids({ indicator: 'CR-06', stage: 'enacted' })).toEqual(['HB 9002']);
  });
});
