/** `lawgap privacy ledger --org ORG`: the organisation's ledgers as a table or JSON; an unknown organisation is refused. */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { recordRelease } from '../../src/services/privacy-ledger.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore } from '../../src/store/db.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const cli = (args: string[]) => runCli(args, { dataDir: dir });

describe('lawgap privacy ledger', () => {
  beforeAll(async () => {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      await insertOrganization(store.db, 'Coalition P', 'coalition-p');
      await recordRelease(
        { db: store.db, actor: { kind: 'system', name: 'test' } },
        {
          organization: 'coalition-p',
          dataset: 'cases',
          statistic: 'cases by region',
          epsilonMicros: 750_000,
          privacyUnit: 'person',
        },
      );
    } finally {
      await store.destroy();
    }
  });

  it('prints the ledgers as JSON and as a table', async () => {
    const json = expectOk(await cli(['privacy', 'ledger', '--org', 'coalition-p', '--json']));
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ dataset: 'cases', spentEpsilon: 0.75, remainingEpsilon: 3.25, releases: 1 }),
    ]);
    const table = expectOk(await cli(['privacy', 'ledger', '--org', 'coalition-p']));
    expect(table.stdout.split('\n')[0]).toMatch(/^dataset\s+year\s+privacyUnit\s+spentEpsilon/);
    expect(table.stdout).toContain('0.75');
  });

  it('refuses an unknown organisation and a missing --org', async () => {
    expect(expectRefusal(await cli(['privacy', 'ledger', '--org', 'nobody']))).toMatch(
      /^lawgap: ORG_NOT_FOUND/,
    );
    expect((await cli(['privacy', 'ledger'])).code).not.toBe(0);
  });
});
