/**
 * `lawgap bills import` with bulk files (session zips, bulk JSON, LegiScan datasets, folders holding zips) and
 * `lawgap people import` with a legislator CSV, through the real command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkJsonBills, csvTables, csvZip, legiscanDataset, legislatorCsv } from '../bulk-fixtures.ts';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const files = scratchDataDir();

function write(name: string, data: string | Uint8Array): string {
  const file = path.join(files, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

describe('lawgap bills import with bulk files', () => {
  it('imports a CSV zip and bulk JSON from a folder with their votes, idempotently', async () => {
    write('os/tx_2091R_csv.zip', csvZip());
    write('os/tx_2091R.json', JSON.stringify(bulkJsonBills()));
    write('os/notes.txt', 'ignored: neither .json nor .zip');
    const first = expectOk(
      await runCli(['bills', 'import', 'openstates', path.join(files, 'os')], { dataDir: dir }),
    );
    expect(first.stderr).toContain(
      '2 file(s): 2 new, 2 changed, 0 unchanged, 0 rejected, 0 file(s) refused; votes: 2 new, 0 changed, 0 unchanged, 0 refused',
    );
    const again = expectOk(
      await runCli(['bills', 'import', 'openstates', path.join(files, 'os', 'tx_2091R_csv.zip'), '--json'], {
        dataDir: dir,
      }),
    );
    expect(JSON.parse(again.stdout).totals).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
  });

  it('refuses a broken CSV zip whole with exit 2, naming entry and line', async () => {
    const tables = csvTables();
    tables.bill_sponsorships?.push(['sp-9', 'x']);
    const broken = write('broken.zip', csvZip(tables));
    const res = await runCli(['bills', 'import', 'openstates', broken], { dataDir: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(
      `refused ${broken}!tx/2091R/tx_2091R_bill_sponsorships.csv line 4: has 2 cells, the header has 8`,
    );
    const garbage = write('garbage.zip', 'not a zip');
    const bad = await runCli(['bills', 'import', 'openstates', garbage], { dataDir: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${garbage}: not a readable zip archive (no end of central directory)`);
  });

  it('imports a LegiScan dataset with its roll calls, then the legislator CSV into people', async () => {
    const zip = write('MD_2091.zip', legiscanDataset());
    const res = expectOk(await runCli(['bills', 'import', 'legiscan', zip], { dataDir: dir }));
    expect(res.stderr).toContain('1 file(s): 1 new, 0 changed, 0 unchanged, 0 rejected, 0 file(s) refused');
    expect(res.stderr).toContain('votes: 1 new, 0 changed, 0 unchanged, 0 refused');
    expect(res.stderr).toContain('1 LegiScan people entr(ies) skipped');

    write('people/tx.csv', legislatorCsv());
    const people = expectOk(
      await runCli(['people', 'import', path.join(files, 'people'), '--json'], { dataDir: dir }),
    );
    expect(JSON.parse(people.stdout).files[0]).toMatchObject({ status: 'imported', people: 2, new: 2 });
    const list = expectOk(
      await runCli(['people', 'list', '--jurisdiction', 'ocd-division/country:us/state:tx'], {
        dataDir: dir,
      }),
    );
    expect(list.stdout).toContain('Avery Quill');
  });
});
