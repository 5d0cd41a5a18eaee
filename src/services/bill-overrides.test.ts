import { beforeAll, expect, it } from 'vitest';
import { fixtureFile, hb4021, hb4021Import } from '../../test/bill-fixtures.ts';
import { describeEachEngine } from '../../test/engines.ts';
import type { Actor } from '../core/auth/permissions.ts';
import { billOverrides, overrideAction, removeOverride } from './bill-overrides.ts';
import { importBills, showBill } from './bills.ts';

const system: Actor = { kind: 'system', name: 'test' };
const viewer: Actor = {
  kind: 'user',
  userId: 'u-v',
  organizationId: 'o',
  role: 'viewer',
  instanceAdmin: false,
};
const campaigner: Actor = { ...viewer, userId: 'u-c', role: 'campaigner' };
const analyst: Actor = { ...viewer, userId: 'u-a', role: 'analyst' };

const original = JSON.parse(fixtureFile('bills/openstates/scrape-hb-4021.json').content) as {
  actions: { description: string; date: string; classification: string[] }[];
  title: string;
};
/** HB 4021 with its actions edited (a re-import of a changed record). */
const variant = (edit: (b: typeof original) => void) => {
  const copy = structuredClone(original);
  edit(copy);
  return { ...hb4021Import, files: [{ name: 'hb4021.json', content: JSON.stringify(copy) }] };
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
  );

describeEachEngine('bill action overrides', (getStore) => {
  const ctx = (actor: Actor = system) => ({ db: getStore().db, actor });
  let id = '';
  beforeAll(async () => {
    const r = await importBills(ctx(), hb4021Import);
    expect(r.totals.new).toBe(1);
    id = (await showBill(ctx(), hb4021)).id;
  });

  it('re-derives the stage with the override, keeps the imported classes, logs who and why', async () => {
    // Imported: filing, referral, an unknown class (flagged), House passage, Senate referral → one chamber.
    const before = await showBill(ctx(), id);
    expect([before.stage, before.flaggedActions]).toEqual(['passed_one_chamber', 1]);
    const r = await overrideAction(ctx(analyst), id, 4, {
      classification: ['passage'],
      reason: 'The journal shows the Senate passed it that day; the scraper read a referral.',
    });
    expect([r.previousStage, r.stage]).toEqual(['passed_one_chamber', 'passed_both']);
    expect(r.override).toMatchObject({
      actionOrder: 4,
      classification: ['passage'],
      importedClassification: ['receipt', 'referral-committee'],
      status: 'active',
      orphaned: false,
      createdBy: 'user:u-a',
    });
    const after = await showBill(ctx(), id);
    expect(after.stage).toBe('passed_both');
    expect(after.actions[4]?.classification).toEqual(['receipt', 'referral-committee']);
    // Overriding the flagged action resolves its flag.
    await overrideAction(ctx(), id, 2, { classification: ['reading-2'], reason: 'calendar placement' });
    expect((await showBill(ctx(), id)).flaggedActions).toBe(0);
  });

  it('keeps the history: a new override supersedes, a removal is logged', async () => {
    await overrideAction(ctx(), id, 2, { classification: ['reading-2', 'deferral'], reason: 'second look' });
    const removed = await removeOverride(ctx(analyst), id, 2, { reason: 'back to the import' });
    expect(removed.override).toBeNull();
    expect((await showBill(ctx(), id)).flaggedActions).toBe(1);
    const h = await billOverrides(ctx(viewer), id);
    expect(h.history.filter((o) => o.key.order === 2).map((o) => [o.status, o.reason, o.endReason])).toEqual([
      ['superseded', 'calendar placement', null],
      ['removed', 'second look', 'back to the import'],
    ]);
    expect(h.active.map((o) => o.actionOrder)).toEqual([4]);
    expect(await code(removeOverride(ctx(), id, 2))).toMatch(
      /^NOT_FOUND: action 2 of bill HB 4021 has no override/,
    );
  });

  it('survives re-imports: a changed bill, an action moved by an insertion, an orphan that comes back', async () => {
    const later = variant((b) => {
      b.title = `${b.title} (amended)`;
    });
    expect((await importBills(ctx(), later)).totals.changed).toBe(1);
    expect((await showBill(ctx(), id)).stage).toBe('passed_both');

    // An action inserted earlier moves the overridden one from 4 to 5: found by its date and text.
    const inserted = variant((b) => {
      b.actions.splice(1, 0, { description: 'Printed', date: '2091-01-11', classification: [] });
    });
    expect((await importBills(ctx(), inserted)).totals.changed).toBe(1);
    expect((await showBill(ctx(), id)).stage).toBe('passed_both');
    expect((await billOverrides(ctx(), id)).active[0]?.actionOrder).toBe(5);

    // The action's text changes: the override is orphaned, kept, and no longer applies.
    const gone = variant((b) => {
      const a = b.actions[4];
      if (a) a.description = 'Received in the Senate';
    });
    expect((await importBills(ctx(), gone)).totals.changed).toBe(1);
    expect((await showBill(ctx(), id)).stage).toBe('passed_one_chamber');
    const h = await billOverrides(ctx(), id);
    expect(h.orphaned).toBe(1);
    expect(h.active[0]).toMatchObject({ orphaned: true, actionOrder: null, status: 'active' });
    const audit = await getStore()
      .db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'bills.override.orphaned')
      .execute();
    expect(audit).toHaveLength(1);

    // The original comes back: so does the override.
    expect((await importBills(ctx(), hb4021Import)).totals.changed).toBe(1);
    expect((await showBill(ctx(), id)).stage).toBe('passed_both');
    expect((await billOverrides(ctx(), id)).orphaned).toBe(0);
  });

  it('refuses clearly: no reason, unknown class, no class, unknown action or bill, roles', async () => {
    const bad = (classification: string[], reason: string, order = 1) =>
      code(overrideAction(ctx(), id, order, { classification, reason }));
    expect(await bad(['passage'], '  ')).toMatch(/^VALIDATION_FAILED: a reason is required/);
    expect(await bad(['passage'], 'x'.repeat(2001))).toMatch(/^VALIDATION_FAILED: .*2000/);
    expect(await bad(['calendar-local'], 'why')).toMatch(/^VALIDATION_FAILED: .*calendar-local/);
    expect(await bad([], 'why')).toMatch(/^VALIDATION_FAILED: give at least one/);
    expect(await bad(['passage'], 'why', 99)).toMatch(/^NOT_FOUND: bill HB 4021 has no action 99/);
    expect(
      await code(overrideAction(ctx(), 'nope', 0, { classification: ['passage'], reason: 'r' })),
    ).toMatch(/^BILL_NOT_FOUND/);
    for (const who of [viewer, campaigner]) {
      expect(
        await code(overrideAction(ctx(who), id, 1, { classification: ['passage'], reason: 'r' })),
      ).toMatch(/^FORBIDDEN/);
    }
    expect(await code(billOverrides(ctx({ kind: 'public' }), id))).toMatch(/^FORBIDDEN/);
    // Nothing was stored by the refusals: the action 1 has no override.
    expect((await billOverrides(ctx(), id)).history.filter((o) => o.key.order === 1)).toEqual([]);
  });
});
