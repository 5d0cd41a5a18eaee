/**
 * `lawgap bills override|overrides|links`, the list's `--subject`/`--indicator` filters and the live bills
 * column of `lawgap gaps`, with clear refusals (exit 2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createStore } from '../../src/store/db.ts';
import { hb4021Import } from '../bill-fixtures.ts';
import { importImpactFixtures } from '../bill-impact-fixtures.ts';
import { importCodingFixtures, texas } from '../coding-fixtures.ts';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const cli = (args: string[]) => runCli(args, { dataDir: dir });

describe('lawgap bills override / links', () => {
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    // Filled in-process (faster than spawning imports); the CLI opens the same file.
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      ids = await importImpactFixtures(store, await importCodingFixtures(store));
      await importBills({ db: store.db, actor: { kind: 'system', name: 'test' } }, hb4021Import);
      const hb = await store.db
        .selectFrom('bills')
        .select('id')
        .where('identifier', '=', 'HB 4021')
        .executeTakeFirst();
      ids['HB 4021'] = hb?.id ?? '';
    } finally {
      await store.destroy();
    }
  });

  it('overrides an action with a reason, shows the history, and refuses bad input', async () => {
    const hb = ids['HB 4021'] ?? '';
    const [noReason, badClass] = await Promise.all([
      cli(['bills', 'override', hb, '4', '--class', 'passage']),
      cli(['bills', 'override', hb, '4', '--class', 'passage,calendar-local', '--reason', 'r']),
    ]);
    const [badOrder, both] = await Promise.all([
      cli(['bills', 'override', hb, 'four', '--class', 'passage', '--reason', 'r']),
      cli(['bills', 'override', hb, '4', '--class', 'passage', '--remove']),
    ]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('an override needs a reason');
    expect(badClass.code).toBe(2);
    expect(badClass.stderr).toContain('not in the Open States action vocabulary: calendar-local');
    expect(badOrder.code).toBe(2);
    expect(badOrder.stderr).toContain('the order must be a whole number from 0, got "four"');
    expect(both.code).toBe(2);

    const done = expectOk(
      await cli(['bills', 'override', hb, '4', '--class', 'passage', '--reason', 'Senate journal: passed']),
    );
    expect(done.stderr).toContain('action 4: receipt referral-committee → passage');
    expect(done.stderr).toContain('stage: passed_one_chamber → passed_both');
    const missing = await cli(['bills', 'override', hb, '99', '--class', 'passage', '--reason', 'r']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no action 99');

    const h = JSON.parse(expectOk(await cli(['bills', 'overrides', hb, '--json'])).stdout);
    expect(h.stage).toBe('passed_both');
    expect(h.active.map((o: { reason: string; createdBy: string }) => [o.reason, o.createdBy])).toEqual([
      ['Senate journal: passed', 'system:cli'],
    ]);
    const table = expectOk(await cli(['bills', 'overrides', hb]));
    expect(table.stdout).toMatch(/receipt referral-committee\s+passage\s+active/);
  }, 240_000);

  it('refreshes, confirms and rejects links; lists and gaps show them', async () => {
    const b = ids['HB 9001'] ?? '';
    const refreshed = JSON.parse(
      expectOk(await cli(['bills', 'links', b, '--refresh', '--as-of', '2031-01-01', '--json'])).stdout,
    );
    expect(refreshed.added).toBe(5);
    expectOk(await cli(['bills', 'links', b, '--confirm', 'CR-01', '--note', 'clear offence text']));
    const rejected = expectOk(await cli(['bills', 'links', b, '--reject', 'CR-06']));
    expect(rejected.stdout).toMatch(/CR-01\s+confirmed\s+P → Y\s+system:cli .*clear offence text/);
    expect(rejected.stdout).toMatch(/CR-03\s+suggested \(machine\)/);
    expect(rejected.stdout).toMatch(/CR-06\s+rejected/);

    // Few at a time: each spawn loads the whole program, and the machine is shared.
    const [unknown, both] = await Promise.all([
      cli(['bills', 'links', b, '--confirm', 'ZZ-99']),
      cli(['bills', 'links', b, '--confirm', 'CR-01', '--reject', 'CR-03']),
    ]);
    const [list, subject] = await Promise.all([
      cli(['bills', 'list', '--indicator', 'CR-06', '--json']),
      cli(['bills', 'list', '--subject', 'labor', '--json']),
    ]);
    const gaps = await cli(['gaps', texas, '--as-of', '2031-01-01']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no indicator ZZ-99');
    expect(both.code).toBe(2);
    expect(JSON.parse(expectOk(list).stdout)).toEqual([]);
    expect(JSON.parse(expectOk(subject).stdout).map((x: { identifier: string }) => x.identifier)).toEqual([
      'HB 4021',
    ]);
    const g = expectOk(gaps);
    expect(g.stdout).toMatch(/CR-01 .*HB 9001 introduced\s*$/m);
    expect(g.stdout).toMatch(/CR-03 .*HB 9001 introduced\?/);
    expect(g.stderr).toContain('bills marked ? are machine-suggested links');
  }, 240_000);
});
