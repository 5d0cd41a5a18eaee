/**
 * Redundancy policy: which variables of a new batch two coders code independently. Policy: every variable
 * (100%) while the previous batch's divergence rate is at or above the threshold, or unknown (the first
 * batch, or a previous batch with nothing compared yet); once it falls below the threshold, a sample of
 * ⌈n × sampleRate⌉ variables. The sample is deterministic: variables are ordered by an FNV-1a hash of
 * `<batch id>|<jurisdiction>|<indicator>` and the first ones taken, so the same batch always gets the same
 * sample and no one can choose which variables are checked. Variables coded once alternate between the two
 * coders in that same order, so both carry a similar share.
 */
import { type QcAssignment, type QcVariable, type Redundancy, variableKey } from './types.ts';

/** 32-bit FNV-1a hash of a string (UTF-16 code units), as an unsigned integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 'full' when the previous rate is unknown or at/above the threshold, 'sample' otherwise. */
export function redundancyFor(previousRate: number | null, threshold: number): Redundancy {
  return previousRate === null || previousRate >= threshold ? 'full' : 'sample';
}

/** The variables in their seeded order (by hash, ties by key). */
export function seededOrder(seed: string, variables: readonly QcVariable[]): QcVariable[] {
  return variables
    .map((v) => ({ v, key: variableKey(v), h: fnv1a(`${seed}|${variableKey(v)}`) }))
    .sort((x, y) => x.h - y.h || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.v);
}

/** Who codes each variable of a batch (policy above), in the seeded order. */
export function assignVariables(
  seed: string,
  variables: readonly QcVariable[],
  coders: readonly [string, string],
  redundancy: Redundancy,
  sampleRate: number,
): QcAssignment[] {
  const ordered = seededOrder(seed, variables);
  const doubled = redundancy === 'full' ? ordered.length : Math.ceil(ordered.length * sampleRate);
  let single = 0;
  return ordered.map((v, i) => {
    if (i < doubled) return { ...v, coders: [...coders] };
    const coder = coders[single++ % 2] as string;
    return { ...v, coders: [coder] };
  });
}
