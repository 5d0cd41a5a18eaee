/**
 * The per-address and per-petition limits on signing (docs/petitions.md). A signature over a limit is still
 * stored and answered like any other, but `marked` so it never counts; only the global limiter answers 429.
 * Counting is in memory (fixed windows: an hour per address, a minute per petition), so it costs no query on
 * the hot path; a restart forgets the windows, which at worst lets one more window's worth count. Addresses
 * are held only as their keyed hash. The map is bounded: past `maxKeys` windows, new keys share one bucket.
 */
import { createHmac } from 'node:crypto';
import type { Config } from '../config.ts';
import { type FieldKey, subKey } from './field-crypto.ts';

/** Why a signature is marked (never counted). */
export type LimitMark = 'ip_limit' | 'unsolved_limit' | 'petition_limit';

/** The limits (Config.petitionAbuse without the challenge size). */
export type SigningLimits = Omit<Config['petitionAbuse'], 'challengeWork'>;

/** The keyed hash of a client address (hex, 32 characters); IPv6 by its /64, as one household's prefix. */
export function clientHash(key: FieldKey, ip: string): string {
  const mapped = ip.replace(/^::ffff:/, '');
  const address = mapped.includes(':') ? mapped.split(':').slice(0, 4).join(':') : mapped;
  return createHmac('sha256', subKey(key, 'petition-ip')).update(address).digest('hex').slice(0, 32);
}

/** Counts signatures per window and says whether the next one is over a limit. */
export class SigningLimiter {
  private readonly windows = new Map<string, number>();
  private window = '';

  constructor(
    private readonly limits: SigningLimits,
    private readonly maxKeys = 200_000,
  ) {}

  private bump(key: string): number {
    const known = this.windows.get(key);
    const k = known === undefined && this.windows.size >= this.maxKeys ? 'overflow' : key;
    const n = (this.windows.get(k) ?? 0) + 1;
    this.windows.set(k, n);
    return n;
  }

  /** Records one signature and returns its mark, or null when it is within every limit. */
  check(args: { petitionId: string; ipHash: string; solved: boolean; now?: Date }): LimitMark | null {
    const iso = (args.now ?? new Date()).toISOString();
    const hour = iso.slice(0, 13);
    if (hour !== this.window) {
      this.windows.clear();
      this.window = hour;
    }
    const minute = iso.slice(0, 16);
    const perPetition = this.bump(`p:${args.petitionId}:${minute}`);
    const perIp = this.bump(`i:${args.petitionId}:${args.ipHash}`);
    const unsolved = args.solved ? 0 : this.bump(`u:${args.petitionId}:${args.ipHash}`);
    if (perIp > this.limits.perIpHour) return 'ip_limit';
    if (unsolved > this.limits.unsolvedPerIpHour) return 'unsolved_limit';
    if (perPetition > this.limits.perPetitionMinute) return 'petition_limit';
    return null;
  }
}
