/**
 * Privacy ledgers on every engine (PUB-6): a release opens the year's ledger and debits it; the total equals
 * the sum of the release rows; a release past the cap is refused and writes nothing; releases racing for the
 * last of a budget cannot overspend; ledgers are per organisation; access needs stats:write / org:read.
 */
import { randomInt } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { tabulate } from '../../src/core/privacy/tabulate.ts';
import {
  listPrivacyLedgers,
  listPrivacyReleases,
  recordRelease,
  releaseNoisyCounts,
} from '../../src/services/privacy-ledger.ts';
import type { Store } from '../../src/store/db.ts';
import { describeEachEngine } from '../engines.ts';
import { insertTestOrganization } from '../factories.ts';
import { fixtureDomains, regionCountRows } from '../privacy-fixtures.ts';
import { countRows } from '../server/helpers.ts';
import { rejected } from './actors.ts';

const at = (iso: string) => () => new Date(iso);

describeEachEngine('privacy ledgers', (get) => {
  let store: Store;
  let org: string;
  let other: string;
  const member = (organizationId: string, role: 'analyst' | 'viewer' = 'analyst'): Actor => ({
    kind: 'user',
    userId: `u-${role}`,
    organizationId,
    role,
    instanceAdmin: false,
  });
  const ctx = (actor: Actor = member(org)) => ({ db: store.db, actor });
  const release = (dataset: string, epsilonMicros: number, actor?: Actor, when = '2026-06-01T00:00:00Z') =>
    recordRelease(
      ctx(actor),
      { dataset, statistic: `${dataset} monthly`, epsilonMicros, privacyUnit: 'person' },
      at(when),
    );

  beforeAll(async () => {
    store = get();
    org = (await insertTestOrganization(store.db)).id;
    other = (await insertTestOrganization(store.db)).id;
  });

  it('opens the ledger at the first release and keeps its total equal to the sum of releases', async () => {
    await release('cases', 1_500_000);
    await release('cases', 1_000_000);
    const ledger = await release('cases', 500_000);
    expect(ledger).toMatchObject({ spentEpsilonMicros: 3_000_000, releases: 3, epsilonCapMicros: 4_000_000 });
    const rows = await listPrivacyReleases(ctx(), { dataset: 'cases', year: 2026 });
    expect(rows.map((r) => r.epsilonMicros)).toEqual([1_500_000, 1_000_000, 500_000]);
    expect(rows.every((r) => r.privacyUnit === 'person' && r.releasedBy === 'user:u-analyst')).toBe(true);
    const [view] = await listPrivacyLedgers(ctx());
    expect(view).toMatchObject({
      dataset: 'cases',
      year: 2026,
      spentEpsilon: 3,
      remainingEpsilon: 1,
      releases: 3,
    });
  });

  it('refuses a release past the cap, naming what is left, and writes nothing', async () => {
    const before = await countRows(store.db, 'privacy_releases');
    const refused = await rejected(release('cases', 1_000_001));
    expect(refused).toMatchObject({ code: 'PRIVACY_BUDGET_EXCEEDED', details: { remainingEpsilon: 1 } });
    expect(await countRows(store.db, 'privacy_releases')).toBe(before);
    expect((await listPrivacyLedgers(ctx()))[0]?.spentEpsilon).toBe(3);
  });

  it('starts a new ledger in a new year, and refuses another privacy unit on the same ledger', async () => {
    const next = await release('cases', 4_000_000, undefined, '2027-01-01T00:00:00Z');
    expect(next).toMatchObject({ year: 2027, spentEpsilonMicros: 4_000_000 });
    const unit = await rejected(
      recordRelease(
        ctx(),
        { dataset: 'cases', statistic: 'x', epsilonMicros: 1, privacyUnit: 'household' },
        at('2026-07-01T00:00:00Z'),
      ),
    );
    expect(unit.code).toBe('PRIVACY_UNIT_MISMATCH');
  });

  it('lets releases racing for the last of a budget spend it at most once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => release('race', 1_000_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'PRIVACY_BUDGET_EXCEEDED' });
    }
    const two = await Promise.allSettled([release('race-2', 2_500_000), release('race-2', 2_500_000)]);
    expect(two.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const ledgers = await listPrivacyLedgers(ctx());
    expect(ledgers.find((l) => l.dataset === 'race')).toMatchObject({ spentEpsilon: 4, releases: 4 });
    expect(ledgers.find((l) => l.dataset === 'race-2')).toMatchObject({ spentEpsilon: 2.5, releases: 1 });
    expect(await listPrivacyReleases(ctx(), { dataset: 'race', year: 2026 })).toHaveLength(4);
  });

  it('releases a noisy table only with the debit, suppressed and rounded', async () => {
    const table = tabulate(regionCountRows(), { attributes: ['region'], domains: fixtureDomains });
    const { table: published, ledger } = await releaseNoisyCounts(
      ctx(),
      { dataset: 'regions', statistic: 'cases by region', epsilonMicros: 500_000, privacyUnit: 'person' },
      table,
      randomInt,
    );
    expect(ledger.spentEpsilonMicros).toBe(500_000);
    for (const cell of published.cells) {
      if (!cell.count.suppressed) expect(cell.count.value % 10).toBe(0);
    }
  });

  it('keeps ledgers per organisation and checks permissions', async () => {
    expect(await listPrivacyLedgers(ctx(member(other)))).toEqual([]);
    expect((await rejected(release('cases', 1, member(org, 'viewer')))).code).toBe('FORBIDDEN');
    expect(await listPrivacyLedgers(ctx(member(org, 'viewer')))).not.toEqual([]);
    const system: Actor = { kind: 'system', name: 'test' };
    expect((await rejected(listPrivacyLedgers(ctx(system)))).code).toBe('VALIDATION_FAILED');
    expect((await rejected(listPrivacyReleases(ctx(), { dataset: 'nope', year: 2026 }))).code).toBe(
      'PRIVACY_LEDGER_NOT_FOUND',
    );
    const bad = await rejected(
      recordRelease(ctx(), { dataset: 'cases', statistic: ' ', epsilonMicros: 1, privacyUnit: 'person' }),
    );
    expect(bad).toMatchObject({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'statistic' } });
  });
});
