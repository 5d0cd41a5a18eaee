/** `lawgap bills export`: JSON and CSV files written from the configured database, and refusals with exit 2. */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixture = path.resolve(import.meta.dirname, '../fixtures/bills/openstates/api-v3-page.json');
const ks = 'ocd-division/country:us/state:ks';

describe('lawgap bills export', () => {
  it('writes bulk JSON and a CSV zip, and refuses bad options with exit 2', async () => {
    expectOk(await runCli(['bills', 'import', 'openstates', fixture, '--json'], { dataDir: dir }));
    const json = path.join(dir, 'ks.json');
    const done = expectOk(
      await runCli(['bills', 'export', '--format', 'json', '--jurisdiction', ks, '--out', json], {
        dataDir: dir,
      }),
    );
    expect(done.stderr).toContain('exported 2 bill(s)');
    const bills = JSON.parse(fs.readFileSync(json, 'utf8')) as Array<{ identifier: string; chamber: string }>;
    expect(bills.map((b) => [b.identifier, b.chamber])).toEqual([
      ['HB 2040', 'lower'],
      ['SB 12', 'upper'],
    ]);

    const zip = path.join(dir, 'ks.zip');
    expectOk(
      await runCli(
        ['bills', 'export', '--format', 'csv', '--jurisdiction', ks, '--session', '2091', '--out', zip],
        { dataDir: dir },
      ),
    );
    const entries = unzipSync(fs.readFileSync(zip));
    expect(Object.keys(entries)).toContain('ks/2091/ks_2091_bill_actions.csv');

    const badFormat = await runCli(
      ['bills', 'export', '--format', 'xml', '--jurisdiction', ks, '--out', json],
      { dataDir: dir },
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be json or csv');
    const noFolder = await runCli(
      ['bills', 'export', '--format', 'json', '--jurisdiction', ks, '--out', path.join(dir, 'no', 'x.json')],
      { dataDir: dir },
    );
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('does not exist');
    const unknown = path.join(dir, 'zz.json');
    const badJurisdiction = await runCli(
      [
        'bills',
        'export',
        '--format',
        'json',
        '--jurisdiction',
        'ocd-division/country:us/state:zz',
        '--out',
        unknown,
      ],
      { dataDir: dir },
    );
    expect(badJurisdiction.code).toBe(2);
    expect(badJurisdiction.stderr).toContain('JURISDICTION_NOT_FOUND');
    expect(fs.existsSync(unknown)).toBe(false);
  }, 150_000);
});
