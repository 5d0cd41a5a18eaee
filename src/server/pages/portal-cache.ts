/**
 * The portal's page cache. Policy: a public page is kept in memory per path, query and locale, and served
 * from there without touching the database. Every entry is dropped when published data changes
 * (services/publication-events.ts); a page rendered while a publication happened is not kept, so a stale page
 * cannot outlive the change. Entries also expire after `ttlMs`, which bounds how long a change made by another
 * process (the command line) takes to show. At most `maxEntries` pages are kept, the least recently used
 * dropped first.
 */
import { subscribePublication } from '../../services/publication-events.ts';

/** A rendered page. */
export interface CachedPage {
  status: number;
  body: string;
}

/** The cache, with `dispose` to stop listening for publications. */
export interface PageCache {
  /** The cached page for `key`, or the page `render` makes (kept when its status is 200). */
  serve(key: string, render: () => Promise<CachedPage>): Promise<CachedPage & { hit: boolean }>;
  clear(): void;
  size(): number;
  dispose(): void;
}

/** Creates a cache that empties itself whenever published data changes. */
export function createPageCache(
  options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {},
): PageCache {
  const maxEntries = options.maxEntries ?? 1000;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, CachedPage & { at: number }>();
  let generation = 0;
  const clear = () => {
    generation += 1;
    entries.clear();
  };
  const unsubscribe = subscribePublication(clear);
  return {
    async serve(key, render) {
      const found = entries.get(key);
      if (found && now() - found.at < ttlMs) {
        // Re-inserting keeps the map in least-recently-used order.
        entries.delete(key);
        entries.set(key, found);
        return { status: found.status, body: found.body, hit: true };
      }
      entries.delete(key);
      const started = generation;
      const page = await render();
      if (page.status === 200 && started === generation) {
        entries.set(key, { ...page, at: now() });
        const oldest = entries.keys().next();
        if (entries.size > maxEntries && !oldest.done) entries.delete(oldest.value);
      }
      return { ...page, hit: false };
    },
    clear,
    size: () => entries.size,
    dispose: unsubscribe,
  };
}
