/** `lawgap code set|list|import` and `lawgap score`, including a jurisdiction with nothing coded (exit 0). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createStore } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { type CliResult, freshDataDir, runCli, stderrLines } from './run-cli.ts';

const dir = freshDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli(args, { dataDir: dir });

function ok(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('lawgap code and score', () => {
  let fx: CodingFixtures;
  beforeAll(async () => {
    // The law library is filled in-process (faster than spawning `laws import`); the CLI opens the same file.
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      fx = await importCodingFixtures(store);
    } finally {
      await store.destroy();
    }
  });

  it('reports not coded, refuses invented evidence, codes, imports, lists and scores', async () => {
    const provision = pid(fx.v1, 's. 1(1)');
    const set = [
      'code',
      'set',
      '--jurisdiction',
      iceland,
      '--indicator',
      'CR-01',
      '--value',
      'Y',
      '--provision',
      provision,
    ];
    const [notCoded, fake] = await Promise.all([
      cli(['score', iceland, '--as-of', '2031-01-01']),
      cli([...set, '--quote', 'recruits by threat']),
    ]);
    expect(ok(notCoded).stdout).toContain('not coded');
    expect(fake.code).toBe(2);
    expect(stderrLines(fake)).toEqual([
      expect.stringMatching(/^lawgap: EVIDENCE_NOT_FOUND: .*EPA 2030 s\. 1\(1\)/),
    ]);

    ok(await cli([...set, '--quote', 'recruits, transports\nor harbours', '--json']));
    const csvFile = path.join(dir, 'coding.csv');
    fs.writeFileSync(
      csvFile,
      `jurisdiction,indicator,value,provision,quote\n${iceland},CR-02,1,${provision},for the purpose of exploitation\n${iceland},PN-01,2,${pid(fx.v1, 's. 2')},imprisonment for up to 5 years\n`,
    );
    expect(ok(await cli(['code', 'import', csvFile])).stderr).toContain('imported 2 answers');

    const [list, score, table] = await Promise.all([
      cli(['code', 'list', '--jurisdiction', iceland, '--json']),
      cli(['score', iceland, '--as-of', '2031-01-01', '--include', 'coded', '--json']),
      cli(['score', iceland, '--as-of', '2031-01-01', '--include', 'coded']),
    ]);
    expect((JSON.parse(ok(list).stdout) as Array<{ indicatorId: string }>).map((a) => a.indicatorId)).toEqual(
      ['CR-01', 'CR-02', 'PN-01'],
    );
    // CR: (3×1 + 2×0.5) ÷ 5 × 18 = 14.4; PN: 10; 24.4 ÷ 28 × 100 = 87.1 → B.
    expect(JSON.parse(ok(score).stdout)).toMatchObject({
      totalRounded: 87.1,
      grade: 'B',
      coverage: { scored: 3 },
    });
    expect(ok(table).stdout).toMatch(/total 87\.1, grade B, coverage 3\/66/);
  });
});
