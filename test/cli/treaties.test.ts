/** `lawgap treaties record|parties|of`, with their refusals (exit 2, one line on stderr, nothing stored). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internationalJurisdictionId } from '../../src/core/treaties/types.ts';
import { conventionJson } from '../treaty-fixtures.ts';
import { type CliResult, expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();

async function inThrees<T extends Array<() => Promise<CliResult>>>(
  work: [...T],
): Promise<{ [K in keyof T]: CliResult }> {
  const out: CliResult[] = [];
  for (let i = 0; i < work.length; i += 3)
    out.push(...(await Promise.all(work.slice(i, i + 3).map((w) => w()))));
  return out as { [K in keyof T]: CliResult };
}

describe('lawgap treaties', () => {
  it('records a ratification, lists the parties and a jurisdiction’s treaties, and refuses bad input', async () => {
    const file = path.join(dir, 'convention.json');
    fs.writeFileSync(file, conventionJson);
    const imported = expectOk(
      await runCli(['laws', 'import', file, '--jurisdiction', internationalJurisdictionId, '--json'], {
        dataDir: dir,
      }),
    );
    const treatyId = (JSON.parse(imported.stdout) as { document: { id: string } }).document.id;
    const iceland = 'ocd-division/country:is';
    const record = [
      'treaties',
      'record',
      treatyId,
      '--jurisdiction',
      iceland,
      '--action',
      'ratification',
      '--signed-on',
      '2030-07-01',
      '--consented-on',
      '2030-11-15',
      '--in-force-on',
      '2031-01-01',
      '--source',
      'https://example.org/erce/status',
      '--note',
      'Invented declaration.',
    ];
    const recorded = expectOk(await runCli([...record, '--json'], { dataDir: dir }));
    expect(JSON.parse(recorded.stdout)).toMatchObject({
      jurisdictionId: iceland,
      action: 'ratification',
      inForceOn: '2031-01-01',
    });

    /** A record for Norway with these flags (each one refused below). */
    const recordNorway = (...flags: string[]) =>
      runCli(
        [
          'treaties',
          'record',
          treatyId,
          '--jurisdiction',
          'ocd-division/country:no',
          ...flags,
          '--source',
          'x',
        ],
        { dataDir: dir },
      );
    // In threes: each spawn loads TypeScript, and the machine is shared.
    const [parties, table, ofIceland, early, twice, badDate, order, badAction, statute] = await inThrees([
      () => runCli(['treaties', 'parties', treatyId, '--as-of', '2031-01-01', '--json'], { dataDir: dir }),
      () => runCli(['treaties', 'parties', treatyId, '--as-of', '2031-06-01'], { dataDir: dir }),
      () => runCli(['treaties', 'of', iceland, '--as-of', '2030-12-01', '--json'], { dataDir: dir }),
      () => runCli(['treaties', 'of', iceland, '--as-of', '2030-01-01', '--json'], { dataDir: dir }),
      () => runCli(record, { dataDir: dir }),
      () => recordNorway('--action', 'accession', '--consented-on', '2031-02-30'),
      () =>
        recordNorway('--action', 'ratification', '--signed-on', '2032-01-01', '--consented-on', '2031-01-01'),
      () => recordNorway('--action', 'withdrawal'),
      () => runCli(['treaties', 'parties', 'no-such-document'], { dataDir: dir }),
    ]);
    expect(JSON.parse(expectOk(parties).stdout)).toMatchObject([
      { jurisdictionId: iceland, standing: 'party' },
    ]);
    expect(expectOk(table).stdout).toMatch(
      /ocd-division\/country:is\s+ratification\s+2030-07-01\s+2030-11-15\s+2031-01-01\s+party/,
    );
    expect(JSON.parse(expectOk(ofIceland).stdout)).toMatchObject([
      { treatyCitation: 'ERCE 2030', standing: 'consented' },
    ]);
    expect(JSON.parse(expectOk(early).stdout)).toEqual([]);
    expect(expectRefusal(twice)).toMatch(/already has a record/);
    expect(expectRefusal(badDate)).toMatch(/--consented-on must be a date YYYY-MM-DD/);
    expect(expectRefusal(order)).toMatch(/cannot come before signature/);
    expect(expectRefusal(badAction)).toMatch(/--action must be one of signature, ratification/);
    expect(expectRefusal(statute)).toMatch(/does not exist/);
    const after = JSON.parse(
      expectOk(await runCli(['treaties', 'parties', treatyId, '--json'], { dataDir: dir })).stdout,
    );
    expect(after).toHaveLength(1);
  }, 180_000);
});
