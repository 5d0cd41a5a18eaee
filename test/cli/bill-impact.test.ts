/** `lawgap bills impact`: the table and JSON of a hand-checked projection, and clear refusals (exit 2). */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createStore } from '../../src/store/db.ts';
import { importImpactFixtures } from '../bill-impact-fixtures.ts';
import { importCodingFixtures } from '../coding-fixtures.ts';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const cli = (args: string[]) => runCli(args, { dataDir: dir });

describe('lawgap bills impact', () => {
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    // Filled in-process (faster than spawning imports); the CLI opens the same file.
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      ids = await importImpactFixtures(store, await importCodingFixtures(store));
    } finally {
      await store.destroy();
    }
  });

  it('prints the projection as a table or JSON, and refuses a bill without text or a bad version', async () => {
    const hb9001 = ids['HB 9001'] ?? '';
    const [json, table, early, missing, badVersion] = await Promise.all([
      cli(['bills', 'impact', hb9001, '--as-of', '2031-01-01', '--json']),
      cli(['bills', 'impact', hb9001, '--as-of', '2031-01-01', '--bill-version', '0']),
      cli(['bills', 'impact', hb9001, '--as-of', '2029-01-01']),
      cli(['bills', 'impact', ids['HB 9002'] ?? '']),
      cli(['bills', 'impact', hb9001, '--bill-version', 'two']),
    ]);
    // Worked out by hand in src/services/bill-impact.test.ts: 27.27 → 59.09, +14/44 × 100.
    const r = JSON.parse(expectOk(json).stdout);
    expect(r.machineProjected).toBe(true);
    expect(r.version.note).toBe('Engrossed');
    expect(r.delta).toBeCloseTo((14 / 44) * 100, 9);
    expect(r.uncoded.map((u: { indicatorId: string }) => u.indicatorId)).toEqual(['CR-14']);

    // The introduced text has no penalty section: CR-01 +3/44, CR-03 +2/44, CR-06 +4/44 (× 100).
    const t = expectOk(table);
    expect(t.stderr).toContain('HB 9001 (ocd-division/country:us/state:tx), version 0 "Introduced"');
    expect(t.stderr).toContain('machine-projected');
    expect(t.stderr).toContain('score 27.3 → 47.7 (+20.5), grade');
    expect(t.stdout).toMatch(/CR-01\s+P → Y\s+\+6\.82\s+s\. 1\(1\)/);
    expect(t.stdout).toMatch(/CR-03\s+0 → 1\s+\+4\.55\s+s\. 1\(1\)/);
    expect(t.stdout).toMatch(/CR-06\s+N → Y\s+\+9\.09\s+s\. 1\(2\)/);
    expect(t.stdout).not.toContain('PN-01');

    // Before the answers take effect nothing is scored: the bill's hits are listed, never scored.
    const e = expectOk(early);
    expect(e.stderr).toContain('score not scored → not scored (+0.0)');
    expect(e.stderr).toMatch(/not coded yet, so not scored \(the bill would meet them\): CR-01 Y/);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no version of bill HB 9002 carries text');
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain('--bill-version must be a whole number from 0, got "two"');
  }, 60_000);
});
