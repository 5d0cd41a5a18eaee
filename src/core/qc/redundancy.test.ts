import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignVariables, fnv1a, redundancyFor } from './redundancy.ts';

const vars = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ jurisdictionId: `j${i % 7}`, indicatorId: `CR-${i}` }));

describe('redundancy policy', () => {
  it('doubles everything until the previous rate falls below the threshold', () => {
    expect(redundancyFor(null, 0.05)).toBe('full');
    expect(redundancyFor(0.05, 0.05)).toBe('full');
    expect(redundancyFor(0.049, 0.05)).toBe('sample');
    const all = assignVariables('b1', vars(10), ['u1', 'u2'], 'full', 0.2);
    expect(all.every((a) => a.coders.length === 2)).toBe(true);
  });

  it('samples ⌈n × rate⌉ variables, deterministically by batch id, and alternates the rest', () => {
    const a = assignVariables('batch-a', vars(23), ['u1', 'u2'], 'sample', 0.2);
    expect(a.filter((x) => x.coders.length === 2)).toHaveLength(5);
    expect(assignVariables('batch-a', vars(23), ['u1', 'u2'], 'sample', 0.2)).toEqual(a);
    const singles = a.filter((x) => x.coders.length === 1).map((x) => x.coders[0]);
    expect(singles.filter((c) => c === 'u1')).toHaveLength(9);
    expect(singles.filter((c) => c === 'u2')).toHaveLength(9);
    const b = assignVariables('batch-b', vars(23), ['u1', 'u2'], 'sample', 0.2);
    expect(b.map((x) => x.indicatorId)).not.toEqual(a.map((x) => x.indicatorId));
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('covers every variable exactly once with the sampled share doubled (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, n, rate) => {
          const out = assignVariables(seed, vars(n), ['u1', 'u2'], 'sample', rate);
          expect(new Set(out.map((x) => x.indicatorId)).size).toBe(n);
          expect(out.filter((x) => x.coders.length === 2)).toHaveLength(Math.ceil(n * rate));
        },
      ),
    );
  });
});
