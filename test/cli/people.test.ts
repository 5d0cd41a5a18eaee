import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures/people');
const tx = 'ocd-division/country:us/state:tx';

describe('lawgap people and committees', () => {
  it('imports a folder, lists, shows, re-imports unchanged, and refuses bad files with exit 2', async () => {
    const first = expectOk(
      await runCli(['people', 'import', fixtures, '--jurisdiction', tx, '--json'], { dataDir: dir }),
    );
    expect(JSON.parse(first.stdout).totals).toEqual({
      new: 4,
      changed: 0,
      unchanged: 0,
      rejected: 0,
      refusedFiles: 0,
    });

    const [list, table, committees] = await Promise.all([
      runCli(['people', 'list', '--jurisdiction', tx, '--json'], { dataDir: dir }),
      runCli(['people', 'list'], { dataDir: dir }),
      runCli(['committees', 'list', '--json'], { dataDir: dir }),
    ]);
    expect(JSON.parse(expectOk(list).stdout).map((p: { name: string }) => p.name)).toEqual([
      'Avery Quill',
      'Rowan Pike',
    ]);
    expect(expectOk(table).stdout).toMatch(
      /Avery Quill\s+Democratic\s+ocd-division\/country:us\/state:tx\s+lower\s+21/,
    );
    expect(JSON.parse(expectOk(committees).stdout).map((c: { name: string }) => c.name)).toEqual([
      'Imaginary Matters',
      'Invented Affairs',
    ]);

    const [person, committee, missing] = await Promise.all([
      runCli(['people', 'show', '0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30'], { dataDir: dir }),
      runCli(['committees', 'show', 'ocd-organization/5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d'], {
        dataDir: dir,
      }),
      runCli(['people', 'show', 'ocd-person/00000000-0000-4000-8000-000000000000'], { dataDir: dir }),
    ]);
    expect(expectOk(person).stderr).toContain('party: Independent until 2089-01-08, Democratic');
    expect(expectOk(committee).stdout).toMatch(/Avery Quill\s+chair/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no person ocd-person/00000000-0000-4000-8000-000000000000');

    const again = expectOk(
      await runCli(['people', 'import', path.join(fixtures, 'avery-quill.yml')], { dataDir: dir }),
    );
    expect(again.stderr).toContain('1 file(s): 0 new, 0 changed, 1 unchanged, 0 rejected, 0 file(s) refused');

    const bad = await runCli(
      ['people', 'import', path.join(fixtures, 'rowan-pike.json'), '--jurisdiction', 'nowhere'],
      {
        dataDir: dir,
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nowhere" is not an OCD jurisdiction or division id');
  }, 60_000);
});
