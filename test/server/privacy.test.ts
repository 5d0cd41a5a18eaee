/**
 * Privacy ledgers through the API on every engine: read-only, the organisation's own ledgers only, with ε and δ
 * spent and left; anonymous callers and members of other organisations see nothing of them.
 */
import { beforeAll, expect, it } from 'vitest';
import { recordRelease } from '../../src/services/privacy-ledger.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

interface LedgerJson {
  dataset: string;
  year: number;
  privacyUnit: string;
  spentEpsilon: number;
  remainingEpsilon: number;
  epsilonCap: number;
  releases: number;
}

describeEachEngine('privacy ledgers API', (getStore) => {
  const api = useSignedInApp(getStore);

  beforeAll(async () => {
    const ctx = { db: getStore().db, actor: { kind: 'system', name: 'test' } as const };
    const release = { statistic: 'cases by region', epsilonMicros: 1_250_000, privacyUnit: 'person' };
    await recordRelease(ctx, { ...release, organization: 'coalition-a', dataset: 'cases' });
    await recordRelease(ctx, { ...release, organization: 'coalition-a', dataset: 'cases' });
    await recordRelease(ctx, { ...release, organization: 'coalition-b', dataset: 'other-cases' });
  });

  it('lists the organisation’s ledgers with what is spent and left', async () => {
    const list = okJson<LedgerJson[]>(await api.send('GET', '/api/v1/privacy/ledgers', 'viewer'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      dataset: 'cases',
      privacyUnit: 'person',
      spentEpsilon: 2.5,
      remainingEpsilon: 1.5,
      epsilonCap: 4,
      releases: 2,
    });
    const other = okJson<LedgerJson[]>(await api.send('GET', '/api/v1/privacy/ledgers', 'otherAdmin'));
    expect(other.map((l) => l.dataset)).toEqual(['other-cases']);
  });

  it('refuses anonymous callers and members without an organization', async () => {
    expectError(await api.send('GET', '/api/v1/privacy/ledgers', null), 401, 'AUTH_REQUIRED');
    expect((await api.send('GET', '/api/v1/privacy/ledgers', 'loner')).statusCode).toBe(403);
  });
});
