import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures/bills');

describe('lawgap bills', () => {
  it('imports, lists with stages, shows, re-imports unchanged, and refuses bad files with exit 2', async () => {
    const api = path.join(fixtures, 'openstates/api-v3-page.json');
    const first = expectOk(await runCli(['bills', 'import', 'openstates', api, '--json'], { dataDir: dir }));
    expect(JSON.parse(first.stdout).totals).toMatchObject({ new: 2, refusedFiles: 0 });

    const legiscan = expectOk(
      await runCli(['bills', 'import', 'legiscan', path.join(fixtures, 'legiscan')], { dataDir: dir }),
    );
    expect(legiscan.stderr).toContain(
      '1 file(s): 1 new, 0 changed, 0 unchanged, 0 rejected, 0 file(s) refused',
    );

    const list = expectOk(await runCli(['bills', 'list', '--stage', 'enacted', '--json'], { dataDir: dir }));
    const enacted = JSON.parse(list.stdout) as Array<{ identifier: string; stage: string; id: string }>;
    expect(enacted.map((b) => b.identifier).sort()).toEqual(['SB 12', 'SB 210']);
    const table = expectOk(
      await runCli(['bills', 'list', '--jurisdiction', 'ocd-division/country:us/state:ks'], { dataDir: dir }),
    );
    expect(table.stdout).toMatch(/HB 2040\s+failed/);

    const md = enacted.find((b) => b.identifier === 'SB 210');
    const shown = expectOk(await runCli(['bills', 'show', md?.id ?? ''], { dataDir: dir }));
    expect(shown.stdout).toContain('legiscan-progress:99?');
    expect(shown.stderr).toContain('stage: enacted; source: legiscan');

    const again = expectOk(await runCli(['bills', 'import', 'openstates', api, '--json'], { dataDir: dir }));
    expect(JSON.parse(again.stdout).totals).toMatchObject({ new: 0, changed: 0, unchanged: 2 });

    const broken = await runCli(
      [
        'bills',
        'import',
        'openstates',
        path.join(fixtures, 'openstates/malformed.json'),
        path.join(fixtures, 'openstates/one-broken-record.json'),
      ],
      { dataDir: dir },
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/malformed\.json: invalid JSON at line 5, column 40/);
    expect(broken.stderr).toContain('record 2 (HB 3002): $[1].actions[0].date: is required');

    const badStage = await runCli(['bills', 'list', '--stage', 'asleep'], { dataDir: dir });
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain('--stage must be one of');
    const missing = await runCli(['bills', 'show', 'ocd-bill/00000000-0000-4000-8000-000000000000'], {
      dataDir: dir,
    });
    expect(missing.code).toBe(2);
  }, 150_000);
});
