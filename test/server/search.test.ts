/**
 * `GET /api/v1/search` on every engine: the page shape, "phrases", the indicator filter (published answers for
 * the public, every status for members who may read the organization's work), paging, and bad input answered
 * with a 4xx naming the problem (never a 500).
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { iceland, importSearchFixtures, type SearchFixtures } from '../search-fixtures.ts';
import { expectError, type Persona, useSignedInApp } from './helpers.ts';

interface Page {
  hits: Array<{ provisionId: string; citation: string }>;
  limit: number;
  offset: number;
  hasMore: boolean;
  nextOffset: number | null;
}

describeEachEngine('search API', (getStore) => {
  const api = useSignedInApp(getStore);
  let fx: SearchFixtures;
  const get = (url: string, who: Persona | null = null) => api.send('GET', url, who);
  const page = (res: LightMyRequestResponse): Page => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const search = (params: Record<string, string>) =>
    `/api/v1/search?${new URLSearchParams(params).toString()}`;

  beforeAll(async () => {
    fx = await importSearchFixtures(getStore());
  });

  it('finds a quoted phrase and answers odd queries with 200', async () => {
    const exact = page(await get(search({ q: '"consent shall be irrelevant"', jurisdiction: iceland })));
    expect(exact.hits.map((h) => h.provisionId)).toEqual([fx.examplia['s. 1']]);
    expect(exact).toMatchObject({ limit: 20, offset: 0, hasMore: false, nextOffset: null });
    const loose = page(await get(search({ q: 'consent shall be irrelevant', jurisdiction: iceland })));
    expect(loose.hits).toHaveLength(2);
    for (const q of ['"', '"consent', 'a AND "b', 'NEAR(x y)', '***', '...', '"" ""', '\u0000"']) {
      expect(page(await get(search({ q }))).hits, q).toBeInstanceOf(Array);
    }
  });

  it('filters by indicator: coded answers for members with org:read, published ones for everyone else', async () => {
    const q = search({ q: 'consent', indicator: 'CR-01' });
    expect(page(await get(q)).hits).toEqual([]);
    expect(page(await get(q, 'viewer')).hits).toHaveLength(2);
    const narrowed = page(
      await get(search({ q: 'consent', indicator: 'CR-01', jurisdiction: iceland }), 'viewer'),
    );
    expect(narrowed.hits.map((h) => h.provisionId)).toEqual([fx.examplia['s. 1']]);
  });

  it('pages with limit and offset', async () => {
    const first = page(await get(search({ q: 'trafficking', limit: '10' })));
    expect(first).toMatchObject({ limit: 10, offset: 0, hasMore: true, nextOffset: 10 });
    const last = page(await get(search({ q: 'trafficking', limit: '10', offset: '20' })));
    expect(last).toMatchObject({ offset: 20, hasMore: false, nextOffset: null });
    expect(last.hits).toHaveLength(5);
    const all = page(await get(search({ q: 'trafficking', limit: '100' })));
    expect(last.hits.map((h) => h.provisionId)).toEqual(all.hits.slice(20).map((h) => h.provisionId));
  });

  it('refuses bad input with a specific 4xx', async () => {
    expectError(await get(search({ q: 'x', indicator: 'ZZ-99' })), 404, 'INDICATOR_NOT_FOUND');
    expectError(await get(search({ q: 'x', indicator: 'X'.repeat(21) })), 400, 'VALIDATION_FAILED');
    expectError(await get(search({ q: 'x', indicator: '' })), 400, 'VALIDATION_FAILED');
    for (const [k, v] of [
      ['limit', '0'],
      ['limit', '101'],
      ['offset', '-1'],
      ['offset', '1001'],
      ['offset', '1.5'],
      ['offset', 'ten'],
      ['cursor', 'abc'],
    ] as const) {
      expectError(await get(search({ q: 'x', [k]: v })), 400, 'VALIDATION_FAILED');
    }
  });
});
