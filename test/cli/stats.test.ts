/**
 * `lawgap stats import|imports|list|publish|unpublish`: a good file imported as a draft, a bad one refused with
 * every row and column on stderr and nothing written, a newer source replacing a figure with the old one kept,
 * and publication deciding what `list --published` shows.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore } from '../../src/store/db.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir, stderrLines } from './run-cli.ts';

const dir = scratchDataDir();
const cli = (args: string[]) => runCli(args, { dataDir: dir });
const fixtures = path.resolve(import.meta.dirname, '../fixtures/statistics');
const fixture = (name: string) => path.join(fixtures, name);

interface FigureJson {
  jurisdictionId: string;
  measure: string;
  value: number;
  source: string;
  sourceDate: string;
  replacedBy: string | null;
}

describe('lawgap stats', () => {
  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      await insertOrganization(store.db, 'Coalition S', 'coalition-s');
    } finally {
      await store.destroy();
    }
  });

  // Each spawn costs seconds on a busy machine: the commands run one at a time and each test runs few.
  it('refuses a bad file naming every row and column, and a bad import-wide source date', async () => {
    const file = fixture('bad-rows.csv');
    const bad = await cli(['stats', 'import', file, '--org', 'coalition-s']);
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stdout).toBe('');
    expect(stderrLines(bad)).toEqual([
      `${file}: row 2, column year: must be a year from 1900 to 2100, got "20x0"`,
      expect.stringContaining(`${file}: row 3, column measure: must be one of investigations, `),
      `${file}: row 4, column value: must be a whole number, 0 or more, got "-4"`,
      expect.stringMatching(/^lawgap: STATISTICS_IMPORT_INVALID: nothing was imported: row 2, column year/),
    ]);
    const badDate = await cli([
      'stats',
      'import',
      fixture('good.csv'),
      '--org',
      'coalition-s',
      '--source-date',
      '2031-02-30',
    ]);
    expect(badDate.code, badDate.stderr).toBe(2);
    expect(stderrLines(badDate)[0]).toContain("the file, column source_date: the import's source_date");
  });

  let importId = '';
  it('imports a file as a draft, then a newer source replacing one figure', async () => {
    const first = expectOk(
      await cli(['stats', 'import', fixture('good.csv'), '--org', 'coalition-s', '--json']),
    );
    const imported = JSON.parse(first.stdout) as { id: string };
    expect(imported).toMatchObject({ rowCount: 5, fileName: 'good.csv', status: 'draft' });
    importId = imported.id;
    const newer = expectOk(await cli(['stats', 'import', fixture('newer.csv'), '--org', 'coalition-s']));
    expect(newer.stderr).toMatch(/^imported 1 figures as draft \S+ \(replacing 1 from older sources\)$/m);
  });

  it('lists a figure with its history, and the current figures as a table', async () => {
    const nz = ['--org', 'coalition-s', '--jurisdiction', 'NZ', '--measure', 'investigations'];
    const history = expectOk(await cli(['stats', 'list', ...nz, '--history', '--json']));
    expect(
      (JSON.parse(history.stdout) as FigureJson[]).map((f) => [f.value, f.sourceDate, f.replacedBy !== null]),
    ).toEqual([
      [111, '2031-03-01', true],
      [222, '2032-01-15', false],
    ]);
    const rows = expectOk(
      await cli(['stats', 'list', '--org', 'coalition-s', '--year-from', '2030', '--year-to', '2030']),
    ).stdout;
    expect(rows).toMatch(
      /ocd-division\/country:is\s+2030\s+convictions\s+all\/all\/all\s+4\s+persons\s+Invented Bureau, Synthetic Table B \(test fixture\)\s+2031-04-01\s+draft/,
    );
    // Without --history the replaced figure is left out.
    expect(rows).toMatch(/investigations\s+all\/all\/all\s+222\s/);
    expect(rows).not.toMatch(/investigations\s+all\/all\/all\s+111\s/);
  });

  it('publishes an import: its figures are listed with their source', async () => {
    expectOk(await cli(['stats', 'publish', importId, '--org', 'coalition-s']));
    const pub = JSON.parse(
      expectOk(await cli(['stats', 'list', '--published', '--json'])).stdout,
    ) as FigureJson[];
    expect(pub).toHaveLength(5);
    expect(pub.find((f) => f.measure === 'investigations')).toMatchObject({
      value: 111,
      source: 'Invented Ministry: Synthetic Table A (test fixture)',
      sourceDate: '2031-03-01',
    });
  });

  it('refuses an unknown measure', async () => {
    const badMeasure = await cli(['stats', 'list', '--org', 'coalition-s', '--measure', 'arrests']);
    expect(expectRefusal(badMeasure)).toMatch(/--measure must be one of/);
  });
});
