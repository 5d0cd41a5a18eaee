/**
 * Batched bill writes on every engine (src/store/bill-writes.ts): a file big enough that the queue is written
 * several times mid-file and each table in several statements stores every child row, re-imports unchanged,
 * and a changed re-import rewrites every bill's children whole.
 */
import { expect, it } from 'vitest';
import { importBillFiles } from '../../src/services/bill-bulk.ts';
import { cliActor } from '../../src/services/context.ts';
import { describeEachEngine } from '../engines.ts';
import { generateBillFiles } from '../generated-bills.ts';
import { countRows } from '../server/helpers.ts';

interface GeneratedBill {
  title: string;
  actions: unknown[];
  sponsors: unknown[];
  versions: unknown[];
}

describeEachEngine('batched bill writes', (get) => {
  it('stores every row of a 2,500-bill file, then changes nothing, then rewrites changed bills whole', async () => {
    const ctx = { db: get().db, actor: cliActor };
    // One file: all 2,500 bills of one state and session (the generator spreads bills over 20 files).
    const file = generateBillFiles(50_000)[0];
    if (!file) throw new Error('no file generated');
    const bills = (JSON.parse(file.text) as GeneratedBill[]).slice(0, 2_500);
    const expected = {
      bill_actions: bills.reduce((n, b) => n + b.actions.length, 0),
      bill_sponsorships: bills.reduce((n, b) => n + b.sponsors.length, 0),
      bill_versions: bills.reduce((n, b) => n + b.versions.length, 0),
    };
    // Enough rows that the queue (20,000 rows) is written mid-file and actions need several statements.
    expect(expected.bill_actions + expected.bill_sponsorships + expected.bill_versions).toBeGreaterThan(
      20_000,
    );
    expect(expected.bill_actions).toBeGreaterThan(32_000 / 9);
    const counts = async () => ({
      bills: await countRows(get().db, 'bills'),
      bill_actions: await countRows(get().db, 'bill_actions'),
      bill_sponsorships: await countRows(get().db, 'bill_sponsorships'),
      bill_versions: await countRows(get().db, 'bill_versions'),
    });
    const run = (list: GeneratedBill[]) =>
      importBillFiles(ctx, {
        format: 'openstates',
        files: [{ name: file.name, content: JSON.stringify(list) }],
      });

    expect((await run(bills)).totals).toMatchObject({ new: 2_500, refusedFiles: 0 });
    expect(await counts()).toEqual({ bills: 2_500, ...expected });
    expect((await run(bills)).totals).toMatchObject({ new: 0, changed: 0, unchanged: 2_500 });

    // Every bill changed: one action fewer each; old children must be gone, new ones all there.
    const changed = bills.map((b) => ({
      ...b,
      title: `${b.title} (amended)`,
      actions: b.actions.slice(0, -1),
    }));
    expect((await run(changed)).totals).toMatchObject({ new: 0, changed: 2_500, unchanged: 0 });
    expect(await counts()).toEqual({
      bills: 2_500,
      ...expected,
      bill_actions: expected.bill_actions - 2_500,
    });
    const titles = await get()
      .db.selectFrom('bills')
      .select('title')
      .where('title', 'like', '%(amended)')
      .execute();
    expect(titles).toHaveLength(2_500);
  }, 180_000);
});
