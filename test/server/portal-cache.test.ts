/**
 * The portal's page cache alone: hits, expiry, the size bound, non-200 pages never kept, and a page rendered
 * while a publication happened not kept (so a stale page cannot outlive the change).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache, type PageCache } from '../../src/server/pages/portal-cache.ts';
import { notifyPublicationChanged } from '../../src/services/publication-events.ts';

describe('portal page cache', () => {
  let cache: PageCache | null = null;
  afterEach(() => cache?.dispose());
  const render =
    (body: string, status = 200) =>
    async () => ({ status, body });

  it('serves a kept page until a publication, then renders again', async () => {
    cache = createPageCache();
    expect((await cache.serve('a', render('one'))).hit).toBe(false);
    const hit = await cache.serve('a', render('two'));
    expect(hit).toEqual({ status: 200, body: 'one', hit: true });
    notifyPublicationChanged();
    expect(cache.size()).toBe(0);
    expect(await cache.serve('a', render('two'))).toEqual({ status: 200, body: 'two', hit: false });
  });

  it('does not keep a page rendered while a publication happened', async () => {
    cache = createPageCache();
    const page = await cache.serve('a', async () => {
      notifyPublicationChanged();
      return { status: 200, body: 'stale' };
    });
    expect(page.hit).toBe(false);
    expect(cache.size()).toBe(0);
  });

  it('keeps only 200 pages, drops expired ones and the least recently used beyond the bound', async () => {
    let now = 0;
    cache = createPageCache({ maxEntries: 2, ttlMs: 1000, now: () => now });
    await cache.serve('missing', render('not found', 404));
    expect(cache.size()).toBe(0);
    await cache.serve('a', render('a'));
    await cache.serve('b', render('b'));
    await cache.serve('a', render('a2'));
    await cache.serve('c', render('c'));
    expect((await cache.serve('a', render('a3'))).hit).toBe(true);
    expect((await cache.serve('b', render('b2'))).hit).toBe(false);
    now = 5000;
    expect(await cache.serve('a', render('a4'))).toEqual({ status: 200, body: 'a4', hit: false });
  });

  it('stops listening once disposed', async () => {
    const own = createPageCache();
    await own.serve('a', render('one'));
    own.dispose();
    notifyPublicationChanged();
    expect(own.size()).toBe(1);
  });
});
