import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import type { Framework } from '../framework/types.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { assertFrameworkScorable } from './assert-framework-scorable.ts';
import { scoreJurisdiction } from './score-jurisdiction.ts';

const framework = parseFramework(v1);

/** A deep copy of v1 changed by `mutate`, as a framework built in code would be (no parser in between). */
function changed(mutate: (f: Framework) => void): Framework {
  const copy = structuredClone(framework);
  mutate(copy);
  return copy;
}

function refusal(f: Framework): DomainError {
  try {
    assertFrameworkScorable(f);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the framework to be refused');
}

describe('assertFrameworkScorable', () => {
  it('accepts v1, and shares that sum to 100 in floating point', () => {
    expect(() => assertFrameworkScorable(framework)).not.toThrow();
    const thirds = changed((f) => {
      f.areas = f.areas.slice(0, 3);
      f.areas[0]!.share = 33.3;
      f.areas[1]!.share = 33.3;
      f.areas[2]!.share = 33.4;
      const kept = new Set(f.areas.map((a) => a.id));
      f.indicators = f.indicators.filter((i) => kept.has(i.area));
    });
    expect(() => assertFrameworkScorable(thirds)).not.toThrow();
  });

  it('refuses shares that do not sum to 100, in scoring too', () => {
    const f = changed((x) => {
      x.areas[0]!.share -= 1;
    });
    const err = refusal(f);
    expect(err.code).toBe('FRAMEWORK_INVALID');
    expect(err.message).toMatch(/area shares sum to 99, not 100/);
    expect(() => scoreJurisdiction(f, { jurisdictionLevel: 'national', answers: [] })).toThrow(/sum to 99/);
  });

  it.each([
    ['a zero share', (f: Framework) => Object.assign(f.areas[0]!, { share: 0 }), /area CR has share 0/],
    ['no areas', (f: Framework) => Object.assign(f, { areas: [] }), /no areas/],
    [
      'a repeated area',
      (f: Framework) => f.areas.push({ ...f.areas[0]!, share: 0 }),
      /area CR appears twice/,
    ],
    ['a zero weight', (f: Framework) => Object.assign(f.indicators[0]!, { weight: 0 }), /CR-01 has weight 0/],
    ['an unknown area', (f: Framework) => Object.assign(f.indicators[0]!, { area: 'XX' }), /unknown area XX/],
    [
      'a repeated indicator',
      (f: Framework) => f.indicators.push({ ...f.indicators[0]! }),
      /indicator CR-01 appears twice/,
    ],
    [
      'an area without indicators',
      (f: Framework) => Object.assign(f, { indicators: f.indicators.filter((i) => i.area !== 'DC') }),
      /area DC has no indicators/,
    ],
    [
      'a value above 1',
      (f: Framework) => Object.assign(f.responseTypes.G02.values, { '2': 2 }),
      /G02 gives "2" the value 2/,
    ],
    [
      'a value table defining NA',
      (f: Framework) => Object.assign(f.responseTypes.YN.values, { NA: 0 }),
      /reserved/,
    ],
    [
      'a repeated negative modifier',
      (f: Framework) => f.negativeModifiers.push({ ...f.negativeModifiers[0]! }),
      /NEG-1 appears twice/,
    ],
  ])('refuses %s', (_label, mutate, message) => {
    expect(refusal(changed(mutate)).message).toMatch(message);
  });
});
