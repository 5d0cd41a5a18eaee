/**
 * The rendered petition pages, kept in memory so a page view touches no database while the entry is fresh.
 * An entry lives `ttlMs` (a change made by another process, the command line say, shows after that) and is
 * dropped at once when the petition changes through this server or the background loop reports a new count.
 * Not-found answers are cached too, so a flood of unknown slugs does not reach the database either; the
 * number of entries is bounded (the oldest go first).
 */
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../../core/framework/types.ts';

/** One cached answer. */
export interface CachedPage {
  status: number;
  body: string;
}

/** A bounded, expiring map from (slug, locale) to the rendered page. */
export class PetitionPageCache {
  private readonly entries = new Map<string, CachedPage & { at: number }>();

  constructor(
    readonly ttlMs = 30_000,
    readonly maxEntries = 2000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The fresh entry for a page (`variant`: another rendering of it, such as `embed`), or undefined. */
  get(slug: string, locale: Locale, variant = ''): CachedPage | undefined {
    const key = `${locale}${variant}:${slug}`;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.clock() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Keeps a rendered page. */
  set(slug: string, locale: Locale, page: CachedPage, variant = ''): void {
    const key = `${locale}${variant}:${slug}`;
    this.entries.delete(key);
    this.entries.set(key, { ...page, at: this.clock() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Drops every locale's page of these petitions. */
  invalidate(slugs: readonly string[]): void {
    for (const key of [...this.entries.keys()]) {
      if (slugs.includes(key.slice(key.indexOf(':') + 1))) this.entries.delete(key);
    }
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<FastifyInstance, PetitionPageCache>();

/** The page cache of an app (one per app, created on first use). */
export function petitionPageCache(app: FastifyInstance): PetitionPageCache {
  let cache = caches.get(app);
  if (!cache) {
    cache = new PetitionPageCache();
    caches.set(app, cache);
  }
  return cache;
}
