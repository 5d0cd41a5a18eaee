import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addGeometricNoise,
  geometricAlpha,
  geometricPmf,
  geometricTail,
  noiseRatio,
  sampleGeometricNoise,
} from './geometric.ts';
import { epsilonToMicros, type RandomInt } from './policy.ts';

// ε = 0.7 and Δ = 1 give s/t = 7/10, which exercises every branch of the sampler (U ≠ 0, floor(X/s) with s > 1).
const params = { epsilonMicros: epsilonToMicros('0.7'), sensitivity: 1 };

/** χ² critical values at p = 0.001 (upper tail), from scipy.stats.chi2.ppf(0.999, df). */
const chiSquareCritical999: Record<number, number> = { 26: 54.052 };

describe('two-sided geometric noise (PUB-7)', () => {
  it('matches the exact pmf over 10^6 crypto.randomInt draws (χ², p = 0.001)', () => {
    const draws = 1_000_000;
    const m = 12; // buckets −12…12 one by one, and the two tails beyond
    const observed = new Array<number>(2 * m + 3).fill(0);
    for (let i = 0; i < draws; i++) {
      const z = sampleGeometricNoise(params, randomInt);
      const bucket = z < -m ? 0 : z > m ? 2 * m + 2 : z + m + 1;
      observed[bucket] = (observed[bucket] ?? 0) + 1;
    }
    const expected = [
      geometricTail(m, params),
      ...Array.from({ length: 2 * m + 1 }, (_, i) => geometricPmf(i - m, params)),
      geometricTail(m, params),
    ].map((p) => p * draws);
    expect(Math.min(...expected)).toBeGreaterThan(50); // every bucket large enough for χ²
    const chi2 = expected.reduce((sum, e, i) => sum + ((observed[i] ?? 0) - e) ** 2 / e, 0);
    const df = observed.length - 1;
    expect(df).toBe(26);
    expect(chi2).toBeLessThan(chiSquareCritical999[df] ?? 0);
  });

  it('has an exact pmf that sums to 1 and is symmetric', () => {
    const m = 40;
    let total = 2 * geometricTail(m, params);
    for (let z = -m; z <= m; z++) total += geometricPmf(z, params);
    expect(total).toBeCloseTo(1, 12);
    expect(geometricPmf(3, params)).toBe(geometricPmf(-3, params));
    expect(geometricPmf(1, params) / geometricPmf(0, params)).toBeCloseTo(Math.exp(-0.7), 12);
    expect(geometricAlpha({ epsilonMicros: 2_000_000, sensitivity: 2 })).toBeCloseTo(Math.exp(-1), 12);
  });

  it('reduces ε/Δ to an exact fraction of whole numbers', () => {
    expect(noiseRatio(params)).toEqual({ s: 7, t: 10 });
    expect(noiseRatio({ epsilonMicros: 1_000_000, sensitivity: 1 })).toEqual({ s: 1, t: 1 });
    expect(noiseRatio({ epsilonMicros: 500_000, sensitivity: 3 })).toEqual({ s: 1, t: 6 });
  });

  it('asks the random source only for whole-number ranges below 2^48, and refuses out-of-range answers', () => {
    const calls: [number, number][] = [];
    const spy: RandomInt = (min, max) => {
      calls.push([min, max]);
      return randomInt(min, max);
    };
    for (let i = 0; i < 2000; i++) sampleGeometricNoise({ epsilonMicros: 123_457, sensitivity: 3 }, spy);
    for (const [min, max] of calls) {
      expect(Number.isSafeInteger(min) && Number.isSafeInteger(max)).toBe(true);
      expect(max - min).toBeLessThanOrEqual(2 ** 48);
    }
    expect(() => sampleGeometricNoise(params, () => 99)).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
    expect(() => sampleGeometricNoise(params, () => 0.5)).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });

  it('adds whole-number noise to a count, and refuses bad ε, Δ or counts', () => {
    const noisy = addGeometricNoise(20, params, randomInt);
    expect(Number.isSafeInteger(noisy)).toBe(true);
    for (const bad of [
      { epsilonMicros: 0, sensitivity: 1 },
      { epsilonMicros: 0.5, sensitivity: 1 },
      { epsilonMicros: 1_000_000, sensitivity: 0 },
      { epsilonMicros: 1_000_000, sensitivity: 101 },
    ]) {
      expect(() => sampleGeometricNoise(bad, randomInt)).toThrow(
        expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
      );
    }
    expect(() => addGeometricNoise(2.5, params, randomInt)).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
  });

  it('keeps Math.random and floating-point Laplace out of the privacy module (lint ban)', () => {
    const dir = new URL('.', import.meta.url).pathname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/Math\.random|Math\.log\(\s*1\s*-|Math\.log1p|getRandomValues/);
    }
  });
});
