/**
 * Brute-force limits on sign-in, in two independent buckets: at most 6 attempts per username per minute
 * from any address, and at most 30 per client address per minute across usernames. Both answer the same
 * plain 429. Counters live in memory: one process serves one database here; a multi-process deployment
 * would move them to the database.
 */
import { DomainError } from '../../core/errors.ts';

class FixedWindow {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; returns false when the key is over its limit in the current window. */
  take(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.hits.size > 50_000) this.sweep(now);
      this.hits.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
  }
}

export interface LoginLimiter {
  /** Throws RATE_LIMITED when either bucket is exhausted. */
  check(username: string, ip: string): void;
}

/** A limiter with the given per-username and per-IP limits per minute. */
export function createLoginLimiter(perUser = 6, perIp = 30, clock: () => number = Date.now): LoginLimiter {
  const users = new FixedWindow(perUser, 60_000);
  const ips = new FixedWindow(perIp, 60_000);
  return {
    check(username, ip) {
      const now = clock();
      const userOk = users.take(username.trim().toLowerCase(), now);
      const ipOk = ips.take(ip, now);
      if (!userOk || !ipOk) throw new DomainError('RATE_LIMITED', 'too many requests; try later');
    },
  };
}
