/**
 * `lawgap code modifier-update` and `code modifier-history`: bad flags and fabricated quotes refused (exit 2,
 * nothing changed), an edit recorded with its history; and `--framework-version` on trend, rankings and export
 * (an unknown version refused with FRAMEWORK_NOT_FOUND, exit 2, no file written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createFinding } from '../../src/services/modifier-findings.ts';
import { createStore } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();

describe('lawgap code modifier-update / modifier-history and --framework-version', () => {
  let fx: CodingFixtures;
  let id = '';
  const cli = (args: string[]) => runCli(args, { dataDir: dir });

  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      fx = await importCodingFixtures(store);
      const f = await createFinding(
        { db: store.db, actor: { kind: 'system', name: 'cli-test' } },
        {
          jurisdictionId: iceland,
          modifierId: 'NEG-2',
          applies: true,
          citations: [{ provisionId: pid(fx.v1, 's. 3'), quote: 'A victim is not liable' }],
        },
      );
      id = f.id;
    } finally {
      await store.destroy();
    }
  });

  it('refuses bad edits, records a good one and prints the history', async () => {
    const fabricated = await cli([
      'code',
      'modifier-update',
      id,
      '--provision',
      pid(fx.v1, 's. 3'),
      '--quote',
      'a victim is liable',
    ]);
    expect(fabricated.code).toBe(2);
    expect(fabricated.stderr).toContain('EVIDENCE_NOT_FOUND');
    const contradictory = await cli(['code', 'modifier-update', id, '--note', 'a', '--clear-note']);
    expect(contradictory.code).toBe(2);
    expect(contradictory.stderr).toContain('--clear-note contradicts --note');
    const nothing = await cli(['code', 'modifier-update', id]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to change');

    const edited = await cli([
      'code',
      'modifier-update',
      id,
      '--valid-to',
      '2033-01-01',
      '--note',
      'why',
      '--json',
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      validTo: '2033-01-01',
      cautionNote: 'why',
      status: 'coded',
    });
    const history = await cli(['code', 'modifier-history', id, '--json']);
    expect(history.code, history.stderr).toBe(0);
    const entries = JSON.parse(history.stdout) as Array<{
      action: string;
      before: { validTo: string | null };
    }>;
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]?.before.validTo).toBeNull();
  });

  it('takes --framework-version on trend, rankings and export, refusing an unknown one', async () => {
    const trend = await cli([
      'trend',
      iceland,
      '--from',
      '2031',
      '--to',
      '2031',
      '--framework-version',
      '1',
      '--json',
    ]);
    expect(trend.code, trend.stderr).toBe(0);
    expect(JSON.parse(trend.stdout)).toMatchObject({ version: 1, points: [{ year: 2031, capped: false }] });
    for (const args of [
      ['trend', iceland, '--framework-version', '7'],
      ['rankings', '--framework-version', '7'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('framework version 7 does not exist (known versions: 1)');
    }
    const badFlag = await cli(['rankings', '--framework-version', 'latest']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--framework-version must be a whole number');
    const out = path.join(dir, 'export-out');
    const refused = await cli(['export', '--out', out, '--framework-version', '7']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('FRAMEWORK_NOT_FOUND');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    const written = await cli(['export', '--out', out, '--framework-version', '1', '--json']);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ framework: { version: 1 } });
  });
});
