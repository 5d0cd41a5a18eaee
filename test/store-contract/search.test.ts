/**
 * Provision search on every engine: "quoted phrases" against the same words scattered, the indicator filter
 * (cited provisions only, answers the caller may read, narrowed by jurisdiction), stable paging with
 * `hasMore`, and bad input: odd query syntax never errors, bad limits, offsets and indicators are refused.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { type SearchLawsArgs, searchLawPage } from '../../src/services/law-search.ts';
import type { Store } from '../../src/store/db.ts';
import { describeEachEngine } from '../engines.ts';
import { iceland, importSearchFixtures, type SearchFixtures, texas } from '../search-fixtures.ts';
import { publicActor, rejected, system } from './actors.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();

describeEachEngine('provision search: phrases, indicator, paging', (get, dialect) => {
  let store: Store;
  let fx: SearchFixtures;
  const search = (args: SearchLawsArgs, actor: Actor = system) =>
    searchLawPage({ db: store.db, actor, dialect: store.dialect }, args);
  const ids = async (args: SearchLawsArgs, actor?: Actor) =>
    (await search(args, actor)).hits.map((h) => h.provisionId).sort();

  beforeAll(async () => {
    store = get();
    fx = await importSearchFixtures(store);
  });

  it('matches a quoted phrase word for word, and loose words anywhere', async () => {
    const phrase = fx.examplia['s. 1'];
    const scattered = fx.examplia['s. 2'];
    const where = { jurisdictionId: iceland };
    expect(await ids({ query: 'consent shall be irrelevant', ...where })).toEqual([phrase, scattered].sort());
    expect(await ids({ query: '"consent shall be irrelevant"', ...where })).toEqual([phrase]);
    // Curly quotes, a phrase beside a loose word, and a phrase whose words are stemmed.
    expect(await ids({ query: '“consent shall be irrelevant”', ...where })).toEqual([phrase]);
    expect(await ids({ query: '"shall be irrelevant" means', ...where })).toEqual([phrase]);
    expect(await ids({ query: '"consents shall be irrelevant"', ...where })).toEqual([phrase]);
    expect(await ids({ query: '"irrelevant shall be consent"', ...where })).toEqual([]);
    // An unpaired quote is ignored: the words are loose.
    expect(await ids({ query: '"consent shall be irrelevant', ...where })).toEqual(
      [phrase, scattered].sort(),
    );
    const hit = (await search({ query: '"consent shall be irrelevant"', ...where })).hits[0]!;
    const marks = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end).toLowerCase());
    expect(marks).toContain('consent');
    expect(marks).toContain('irrelevant');
    snapshots.record(dialect, 'phrase', { marks: [...new Set(marks)].sort() });
  });

  it('never lets stray quotes, operators or punctuation reach the engine', async () => {
    for (const query of [
      '"',
      '""',
      '" "',
      '"consent',
      'consent"',
      'consent" shall "',
      '"consent" AND "shall"',
      'consent AND shall',
      'NEAR(consent shall)',
      'consent NEAR/2 shall',
      'consent*',
      '*',
      '***',
      '...',
      '?!;:',
      "'",
      '-consent',
      '^consent',
      '(consent',
      'title:consent',
      '{}[]',
      '"<->" & | !',
      '"a" "b" "c"',
    ]) {
      const page = await search({ query });
      expect(page.hits, query).toBeInstanceOf(Array);
      expect(page.offset, query).toBe(0);
    }
    expect((await search({ query: '...' })).hits).toEqual([]);
    expect((await search({ query: 'consent AND shall' })).hits.length).toBeGreaterThan(0);
    // Operators are only words: NEAR( is the word "near", which no provision holds.
    expect(await ids({ query: 'NEAR(consent shall)' })).toEqual(await ids({ query: 'near consent shall' }));
    expect(await ids({ query: 'consent* shall:' })).toEqual(await ids({ query: 'consent shall' }));
  });

  it('finds only provisions cited for an indicator, in the statuses the caller may read', async () => {
    const both = [fx.examplia['s. 1'], fx.texas['s. 1']].sort();
    expect(await ids({ query: 'consent', indicatorId: 'CR-01' })).toEqual(both);
    expect(await ids({ query: 'consent', indicatorId: 'CR-01', jurisdictionId: texas })).toEqual([
      fx.texas['s. 1'],
    ]);
    expect(await ids({ query: 'trafficking', indicatorId: 'CR-01' })).toEqual([]);
    // An indicator of the framework that nobody coded: nothing, not an error.
    expect(await ids({ query: 'consent', indicatorId: 'CR-02' })).toEqual([]);
    // The answers are only coded, not published: the public does not see them.
    expect(await ids({ query: 'consent', indicatorId: 'CR-01' }, publicActor)).toEqual([]);
    expect((await ids({ query: 'consent' }, publicActor)).length).toBeGreaterThanOrEqual(3);
    // Before the answers are valid, nothing was cited.
    expect(await ids({ query: 'consent', indicatorId: 'CR-01', asOf: '2030-06-01' })).toEqual([]);
  });

  it('pages in a stable order, with hasMore and nextOffset', async () => {
    const all = await search({ query: 'trafficking', limit: 100 });
    expect(all.hits).toHaveLength(25);
    expect(all).toMatchObject({ hasMore: false, nextOffset: null, limit: 100, offset: 0 });
    const seen: string[] = [];
    let offset: number | null = 0;
    const pages = [];
    while (offset !== null) {
      const page = await search({ query: 'trafficking', limit: 10, offset });
      pages.push({ n: page.hits.length, hasMore: page.hasMore, nextOffset: page.nextOffset });
      seen.push(...page.hits.map((h) => h.provisionId));
      offset = page.nextOffset;
    }
    expect(pages).toEqual([
      { n: 10, hasMore: true, nextOffset: 10 },
      { n: 10, hasMore: true, nextOffset: 20 },
      { n: 5, hasMore: false, nextOffset: null },
    ]);
    expect(seen).toEqual(all.hits.map((h) => h.provisionId));
    // The same page twice is the same page.
    const again = await search({ query: 'trafficking', limit: 10, offset: 10 });
    expect(again.hits.map((h) => h.provisionId)).toEqual(seen.slice(10, 20));
    expect((await search({ query: 'trafficking', offset: 1000 })).hits).toEqual([]);
    snapshots.record(dialect, 'pages', pages);
  });

  it('refuses a bad limit, offset or indicator with a specific error', async () => {
    for (const limit of [0, 101, 1.5, -1]) {
      expect((await rejected(search({ query: 'consent', limit }))).code, String(limit)).toBe('LAW_INVALID');
    }
    for (const offset of [-1, 1001, 2.5]) {
      expect((await rejected(search({ query: 'consent', offset }))).code, String(offset)).toBe('LAW_INVALID');
    }
    const unknown = await rejected(search({ query: 'consent', indicatorId: 'ZZ-99' }));
    expect(unknown.code).toBe('INDICATOR_NOT_FOUND');
    expect(unknown.message).toContain('ZZ-99');
    expect((await rejected(search({ query: 'consent', indicatorId: "CR-01' or 1=1 --" }))).code).toBe(
      'INDICATOR_NOT_FOUND',
    );
    expect((await rejected(search({ query: 'consent', asOf: '2031-02-30' }))).code).toBe('LAW_INVALID');
    expect((await rejected(search({ query: 'x', jurisdictionId: 'ocd-division/country:zz' }))).code).toBe(
      'JURISDICTION_NOT_FOUND',
    );
  });
});
