import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const tx = 'ocd-division/country:us/state:tx';

describe('lawgap bills import-votes, votes, import-events and events', () => {
  it('imports votes and events of stored bills, lists them, and refuses unknown bills and bad files with exit 2', async () => {
    expectOk(
      await runCli(
        ['bills', 'import', 'legiscan', path.join(fixtures, 'bills/legiscan/getbill-sb-210.json')],
        { dataDir: dir },
      ),
    );
    const rollCall = path.join(fixtures, 'votes/legiscan/rollcall-sb-210.json');
    const first = expectOk(await runCli(['bills', 'import-votes', 'legiscan', rollCall], { dataDir: dir }));
    expect(first.stderr).toContain(
      '1 file(s): 1 new, 0 changed, 0 unchanged, 0 rejected, 0 file(s) refused; member votes: 0 linked to people, 4 not',
    );
    const again = expectOk(
      await runCli(['bills', 'import-votes', 'legiscan', rollCall, '--json'], { dataDir: dir }),
    );
    expect(JSON.parse(again.stdout).totals).toMatchObject({ new: 0, unchanged: 1 });

    const list = expectOk(await runCli(['bills', 'list', '--json'], { dataDir: dir }));
    const [bill] = JSON.parse(list.stdout) as Array<{ id: string }>;
    const shown = expectOk(await runCli(['bills', 'votes', bill?.id ?? '', '--members'], { dataDir: dir }));
    expect(shown.stdout).toMatch(
      /2091-03-15\s+upper\s+pass\s+yes 2, no 1, not voting 0, absent 1\s+Third Reading/,
    );
    expect(shown.stdout).toMatch(/no\s+Casey Dunmore/);

    const refused = await runCli(
      [
        'bills',
        'import-votes',
        'openstates',
        '--jurisdiction',
        tx,
        path.join(fixtures, 'votes/openstates/votes-hb-4021.json'),
        path.join(fixtures, 'votes/openstates/malformed.json'),
      ],
      { dataDir: dir },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not stored; import the bill first');
    expect(refused.stderr).toMatch(/malformed\.json: invalid JSON at line 5/);
    const badFormat = await runCli(['bills', 'import-votes', 'csv', rollCall], { dataDir: dir });
    expect(badFormat.code).toBe(2);

    const hearings = path.join(fixtures, 'events/openstates/hearings.json');
    const events = expectOk(
      await runCli(['bills', 'import-events', hearings, '--jurisdiction', tx], { dataDir: dir }),
    );
    expect(events.stderr).toContain(
      '2 new, 0 changed, 0 unchanged, 0 rejected, 0 file(s) refused; agenda bills: 0 linked, 3 not stored',
    );
    const noEvents = expectOk(await runCli(['bills', 'events', bill?.id ?? ''], { dataDir: dir }));
    expect(noEvents.stderr).toContain('no events stored for this bill');
    const badEvents = await runCli(
      [
        'bills',
        'import-events',
        path.join(fixtures, 'events/openstates/one-bad-status.json'),
        '--jurisdiction',
        tx,
      ],
      { dataDir: dir },
    );
    expect(badEvents.code).toBe(2);
    expect(badEvents.stderr).toContain('record 2 (record 2): $[1].status: "postponed-ish" is not one of');
  }, 150_000);
});
