/** `lawgap code modifier`: a fabricated quote refused (exit 2, nothing written), then a finding recorded. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createStore } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { freshDataDir, runCli } from './run-cli.ts';

const dir = freshDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lawgap code modifier', () => {
  let fx: CodingFixtures;
  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      fx = await importCodingFixtures(store);
    } finally {
      await store.destroy();
    }
  });

  it('refuses a fabricated quote and records a real one', async () => {
    const args = (quote: string) => [
      'code',
      'modifier',
      '--jurisdiction',
      iceland,
      '--modifier',
      'NEG-2',
      '--applies',
      'yes',
      '--provision',
      pid(fx.v1, 's. 3'),
      '--quote',
      quote,
      '--json',
    ];
    const [refused, recorded] = [
      await runCli(args('a victim is liable'), { dataDir: dir }),
      await runCli(args('A victim is not liable'), { dataDir: dir }),
    ];
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('EVIDENCE_NOT_FOUND');
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(JSON.parse(recorded.stdout)).toMatchObject({
      modifierId: 'NEG-2',
      applies: true,
      status: 'coded',
    });
  });
});
