/** The framework and jurisdiction repositories on every engine: reads, filters, visibility, immutability. */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.ts';
import { builtinFrameworks } from '../../src/core/framework/builtin.ts';
import { parseFramework } from '../../src/core/framework/parse-framework.ts';
import type { Framework } from '../../src/core/framework/types.ts';
import type { Store } from '../../src/store/db.ts';
import {
  frameworkChecksum,
  getFrameworkVersion,
  listFrameworkVersions,
  saveFrameworkVersion,
} from '../../src/store/framework.repo.ts';
import {
  getJurisdiction,
  insertJurisdiction,
  listJurisdictions,
} from '../../src/store/jurisdictions.repo.ts';
import { describeEachEngine } from '../engines.ts';
import { buildJurisdiction, insertTestOrganization } from '../factories.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();
const v1 = parseFramework(builtinFrameworks[0]);

function changed(mutate: (f: Framework) => void): Framework {
  const copy = structuredClone(v1);
  mutate(copy);
  return copy;
}

async function storedFrameworkState(store: Store) {
  const rows = await store.db
    .selectFrom('framework_versions')
    .select(['id', 'version', 'checksum'])
    .orderBy('version')
    .execute();
  const indicators = await store.db
    .selectFrom('framework_indicators')
    .select(['framework_id', 'id', 'weight'])
    .orderBy('framework_id')
    .orderBy('position')
    .execute();
  return { rows, indicators };
}

describeEachEngine('framework repository', (get, dialect) => {
  it('returns the stored v1 exactly as parsed, by number and as the latest', async () => {
    const { db } = get();
    expect(await getFrameworkVersion(db, 1)).toEqual(v1);
    expect(await getFrameworkVersion(db)).toEqual(v1);
    expect(await getFrameworkVersion(db, 99)).toBeNull();
    const list = await listFrameworkVersions(db);
    expect(list).toEqual([
      { id: 'lawgap-v1', version: 1, title: v1.title, published: v1.published, indicatorCount: 66 },
    ]);
    expect(typeof list[0]?.indicatorCount).toBe('number');
    snapshots.record(dialect, 'framework', { list, v1: await getFrameworkVersion(db, 1) });
  });

  it('stores one query row per indicator, in framework order', async () => {
    const { indicators } = await storedFrameworkState(get());
    expect(indicators.map((i) => i.id)).toEqual(v1.indicators.map((i) => i.id));
    expect(indicators.map((i) => i.weight)).toEqual(v1.indicators.map((i) => i.weight));
  });

  it('treats saving the same content again as a no-op', async () => {
    expect(await saveFrameworkVersion(get().db, structuredClone(v1))).toBe('unchanged');
  });

  it('refuses any change to a published version and changes nothing', async () => {
    const store = get();
    const before = await storedFrameworkState(store);
    expect(before.rows).toEqual([{ id: 'lawgap-v1', version: 1, checksum: frameworkChecksum(v1) }]);
    const attempts: Array<[string, Framework]> = [
      ['a new title', changed((f) => (f.title.en = 'Another title'))],
      ['a changed weight', changed((f) => (f.indicators[0]!.weight = 1))],
      ['a dropped indicator', changed((f) => f.indicators.pop())],
      ['another id for version 1', changed((f) => (f.id = 'lawgap-v1-bis'))],
      ['the same id as version 2', changed((f) => (f.version = 2))],
    ];
    for (const [what, framework] of attempts) {
      const err = await saveFrameworkVersion(store.db, framework).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDomainError(err, 'FRAMEWORK_IMMUTABLE'), `${what}: ${String(err)}`).toBe(true);
    }
    expect(await storedFrameworkState(store)).toEqual(before);
    expect(await getFrameworkVersion(store.db, 1)).toEqual(v1);
  });

  it('adds a new version, which becomes the latest', async () => {
    const { db } = get();
    const v2 = changed((f) => {
      f.id = 'lawgap-v2';
      f.version = 2;
      f.published = '2027-06-01';
      f.indicators = f.indicators.slice(0, 10);
    });
    expect(await saveFrameworkVersion(db, v2)).toBe('inserted');
    expect((await listFrameworkVersions(db)).map((f) => [f.id, f.indicatorCount])).toEqual([
      ['lawgap-v2', 10],
      ['lawgap-v1', 66],
    ]);
    expect(await getFrameworkVersion(db)).toEqual(v2);
    expect(await getFrameworkVersion(db, 1)).toEqual(v1);
  });
});

describeEachEngine('jurisdiction repository', (get, dialect) => {
  it('lists the built-in tree ordered by id, filtered by parent and level', async () => {
    const { db } = get();
    const all = await listJurisdictions(db);
    // The built-in 330 plus the international jurisdiction of treaty documents (migration 20261129070000).
    expect(all).toHaveLength(331);
    expect(all.map((j) => j.id)).toEqual(all.map((j) => j.id).sort());
    expect(await listJurisdictions(db, { parentId: null })).toHaveLength(250);
    expect(await listJurisdictions(db, { level: 'international' })).toHaveLength(1);
    expect(await listJurisdictions(db, { level: 'national' })).toHaveLength(249);
    expect(await listJurisdictions(db, { level: 'subnational' })).toHaveLength(81);
    expect(await listJurisdictions(db, { level: 'local' })).toEqual([]);
    const us = await listJurisdictions(db, { parentId: 'ocd-division/country:us' });
    expect(us).toHaveLength(56);
    const gb = await listJurisdictions(db, { parentId: 'ocd-division/country:gb', level: 'subnational' });
    expect(gb.map((j) => j.id)).toEqual([
      'ocd-division/country:gb/part:eng',
      'ocd-division/country:gb/part:nir',
      'ocd-division/country:gb/part:sct',
      'ocd-division/country:gb/part:wls',
    ]);
    expect(await listJurisdictions(db, { parentId: 'ocd-division/country:fr' })).toEqual([]);
    snapshots.record(dialect, 'jurisdictions', { all, us: us.map((j) => j.id) });
  });

  it('reads one jurisdiction as a domain object, with null for absent values', async () => {
    const { db } = get();
    expect(await getJurisdiction(db, 'ocd-division/country:us/state:tx')).toEqual({
      id: 'ocd-division/country:us/state:tx',
      parentId: 'ocd-division/country:us',
      level: 'subnational',
      type: 'state',
      name: { en: 'Texas' },
      isoCode: 'US-TX',
      isoAlpha3: null,
      isoNumeric: null,
      organizationId: null,
    });
    const us = await getJurisdiction(db, 'ocd-division/country:us');
    expect(us?.name.es).toBe('Estados Unidos');
    expect(us).toMatchObject({ parentId: null, isoAlpha3: 'USA', isoNumeric: '840' });
    expect(await getJurisdiction(db, 'ocd-division/country:zz')).toBeNull();
  });

  it('shows an organization its own jurisdictions only', async () => {
    const { db } = get();
    const mine = await insertTestOrganization(db, { name: 'Houston Coalition', slug: 'houston-coalition' });
    const theirs = await insertTestOrganization(db, { name: 'Dallas Alliance', slug: 'dallas-alliance' });
    const houston = buildJurisdiction({
      id: 'ocd-division/country:us/state:tx/place:houston',
      name: { en: 'Houston', es: 'Houston' },
      organizationId: mine.id,
    });
    const dallas = buildJurisdiction({
      id: 'ocd-division/country:us/state:tx/place:dallas',
      name: { en: 'Dallas' },
      organizationId: theirs.id,
    });
    expect(await insertJurisdiction(db, houston)).toEqual(houston);
    await insertJurisdiction(db, dallas);
    const underTexas = (organizationId: string | null) =>
      listJurisdictions(db, { parentId: 'ocd-division/country:us/state:tx', organizationId });
    expect((await underTexas(mine.id)).map((j) => j.id)).toEqual([houston.id]);
    expect((await underTexas(theirs.id)).map((j) => j.id)).toEqual([dallas.id]);
    expect(await underTexas(null)).toEqual([]);
    expect(await listJurisdictions(db, { level: 'local', organizationId: mine.id })).toEqual([houston]);
    expect(await listJurisdictions(db)).toHaveLength(331);
    expect(await listJurisdictions(db, { organizationId: mine.id })).toHaveLength(332);
    expect(await getJurisdiction(db, houston.id)).toEqual(houston);
    snapshots.record(dialect, 'own jurisdictions', await underTexas(mine.id));
  });

  it('refuses a second jurisdiction with the same id', async () => {
    const { db } = get();
    const j = buildJurisdiction();
    await insertJurisdiction(db, j);
    await expect(insertJurisdiction(db, { ...j, name: { en: 'Twin' } })).rejects.toThrow();
    expect((await getJurisdiction(db, j.id))?.name).toEqual(j.name);
  });
});

describe('reference data across engines', () => {
  it('is identical', (ctx) => {
    snapshots.assertIdentical(ctx);
  });
});
