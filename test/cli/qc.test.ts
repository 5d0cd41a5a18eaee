/** `lawgap qc batch create|list|show` and `lawgap qc divergence list`, over codings submitted in-process. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { submitCoding } from '../../src/services/qc.ts';
import { insertUser } from '../../src/store/accounts.repo.ts';
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

const coder = (userId: string): Actor => ({
  kind: 'user',
  userId,
  organizationId: 'org',
  role: 'analyst',
  instanceAdmin: false,
});

describe('lawgap qc', () => {
  let fx: CodingFixtures;
  const users: string[] = [];
  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      fx = await importCodingFixtures(store);
      for (const name of ['ana', 'ben']) {
        const u = await insertUser(store.db, {
          email: `${name}@example.org`,
          displayName: name,
          passwordHash: 'x',
        });
        users.push(u.id);
      }
    } finally {
      await store.destroy();
    }
  });

  it('creates a batch, refuses bad input, and shows statistics and divergences', async () => {
    const create = ['qc', 'batch', 'create', '--name', 'Examplia', '--jurisdiction', iceland];
    const [one, unknown, created] = await Promise.all([
      cli([...create, '--indicator', 'CR-01', '--coder', 'ana@example.org']),
      cli(['qc', 'batch', 'show', 'no-such-batch']),
      cli([
        ...create,
        '--indicator',
        'CR-01',
        '--indicator',
        'CR-05',
        '--coder',
        'ana@example.org',
        '--coder',
        'ben@example.org',
        '--json',
      ]),
    ]);
    expect(one.code).toBe(2);
    expect(stderrLines(one)).toEqual(['lawgap: VALIDATION_FAILED: give --coder exactly twice']);
    expect(unknown.code).toBe(2);
    expect(stderrLines(unknown)).toEqual([expect.stringMatching(/^lawgap: QC_BATCH_NOT_FOUND: /)]);
    const report = JSON.parse(ok(created).stdout) as {
      batch: { id: string };
      progress: { redundant: number };
    };
    expect(report.progress.redundant).toBe(2);
    const batchId = report.batch.id;

    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      const [ana, ben] = users as [string, string];
      const quote = { provisionId: pid(fx.v1, 's. 1(1)'), quote: 'recruits, transports or harbours' };
      const code = (who: string, indicatorId: string, value: string) =>
        submitCoding({ db: store.db, actor: coder(who) }, batchId, {
          jurisdictionId: iceland,
          indicatorId,
          value,
          citations: value === 'N' ? [] : [quote],
          validFrom: '2030-01-01',
        });
      await code(ana, 'CR-01', 'Y');
      await code(ben, 'CR-01', 'Y');
      await code(ana, 'CR-05', 'Y');
      await code(ben, 'CR-05', 'N');
    } finally {
      await store.destroy();
    }

    const [list, show, divergences] = await Promise.all([
      cli(['qc', 'batch', 'list', '--json']),
      cli(['qc', 'batch', 'show', batchId]),
      cli(['qc', 'divergence', 'list', batchId, '--json']),
    ]);
    const listed = JSON.parse(ok(list).stdout) as Array<{
      stats: { divergenceRate: number; kappa: number | null };
    }>;
    // (Y, Y) and (Y, N): agreement 0.5; pe = (2/2·1/2) = 0.5 → κ = (0.5 − 0.5) / 0.5 = 0.
    expect(listed).toMatchObject([{ stats: { divergenceRate: 0.5, kappa: 0 } }]);
    expect(ok(show).stdout).toMatch(/Examplia\s+reconciling\s+2\s+2\s+4\/4\s+1\s+50\.0%\s+50\.0%\s+0\.000/);
    const views = JSON.parse(ok(divergences).stdout) as Array<{
      divergence: { indicatorId: string };
      sides: Array<{ value: string }>;
    }>;
    expect(views.map((v) => [v.divergence.indicatorId, v.sides.map((s) => s.value)])).toEqual([
      ['CR-05', ['Y', 'N']],
    ]);
  });
});
