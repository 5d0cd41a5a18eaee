import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseFramework } from './parse-framework.ts';
import { crosswalk } from './types.ts';
import v1 from './versions/v1.json' with { type: 'json' };

type Raw = typeof v1;
type RawIndicator = Raw['indicators'][number];

/** A deep copy of the real v1 file, changed by `mutate`: the broken files below differ from it in one place. */
function brokenCopy(mutate: (raw: Raw) => void): Raw {
  const raw = structuredClone(v1);
  mutate(raw);
  return raw;
}

function indicator(raw: Raw, id: string): RawIndicator {
  const found = raw.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`v1 has no indicator ${id}`);
  return found;
}

/** The FRAMEWORK_INVALID error that parsing throws (fails the test when parsing succeeds). */
function rejection(raw: unknown): DomainError {
  try {
    parseFramework(raw);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the framework to be rejected');
}

describe('parseFramework on the real v1', () => {
  const framework = parseFramework(v1);

  it('reads every indicator, area and negative modifier', () => {
    expect(framework.id).toBe('lawgap-v1');
    expect(framework.version).toBe(1);
    expect(framework.indicators).toHaveLength(66);
    expect(framework.areas).toHaveLength(8);
    expect(framework.areas.reduce((sum, a) => sum + a.share, 0)).toBe(100);
    expect(framework.negativeModifiers).toHaveLength(4);
    expect(new Set(framework.indicators.map((i) => i.id)).size).toBe(66);
  });

  it('gives every indicator at least one source and every area at least one indicator', () => {
    for (const ind of framework.indicators) expect(ind.sources.length, ind.id).toBeGreaterThanOrEqual(1);
    for (const area of framework.areas) {
      expect(framework.indicators.some((i) => i.area === area.id)).toBe(true);
    }
  });

  it('keeps CR-01 as published', () => {
    const cr01 = framework.indicators.find((i) => i.id === 'CR-01');
    expect(cr01).toMatchObject({ area: 'CR', weight: 3, type: 'YPN', level: 'B' });
    expect(cr01?.sources[0]).toEqual({ instrument: 'palermo', citation: 'Palermo art. 3(a), 5(1)' });
  });

  it('loses nothing and does not change its input', () => {
    const before = structuredClone(v1);
    expect(framework).toEqual(v1);
    parseFramework(v1);
    expect(v1).toEqual(before);
  });

  it('maps an indicator to the crosswalk instruments only', () => {
    const cr01 = framework.indicators.find((i) => i.id === 'CR-01');
    if (!cr01) throw new Error('no CR-01');
    expect(crosswalk(framework, cr01)).toEqual({ palermo: ['Palermo art. 3(a), 5(1)'] });
  });
});

describe('parseFramework rejects a broken file, naming the indicator and field', () => {
  const cases: Array<[string, (raw: Raw) => void, RegExp]> = [
    [
      'a duplicate indicator id',
      (raw) => {
        indicator(raw, 'PN-02').id = 'PN-01';
      },
      /indicator PN-01: field "id" is not unique/,
    ],
    [
      'area shares that do not sum to 100',
      (raw) => {
        raw.areas[0]!.share += 1;
      },
      /framework: field "areas\[\]\.share" must sum to exactly 100 \(they sum to 101\)/,
    ],
    [
      'missing sources',
      (raw) => {
        delete (indicator(raw, 'VP-03') as Partial<RawIndicator>).sources;
      },
      /indicator VP-03: field "sources" must be a list/,
    ],
    [
      'empty sources',
      (raw) => {
        indicator(raw, 'VP-03').sources = [];
      },
      /indicator VP-03: field "sources" must cite at least one source/,
    ],
    [
      'an empty citation',
      (raw) => {
        indicator(raw, 'CH-01').sources[0]!.citation = ' ';
      },
      /indicator CH-01: field "sources\[0\]\.citation" must be a non-empty string/,
    ],
    [
      'an unknown response type',
      (raw) => {
        indicator(raw, 'CR-02').type = 'YESNO';
      },
      /indicator CR-02: field "type" must be one of YPN, YN, G02/,
    ],
    [
      'weight 4',
      (raw) => {
        indicator(raw, 'CR-01').weight = 4;
      },
      /indicator CR-01: field "weight" must be 1, 2 or 3/,
    ],
    [
      'an unknown level',
      (raw) => {
        indicator(raw, 'DC-01').level = 'X';
      },
      /indicator DC-01: field "level" must be one of B, N, S/,
    ],
    [
      'an unknown area',
      (raw) => {
        indicator(raw, 'PJ-01').area = 'ZZ';
      },
      /indicator PJ-01: field "area" names unknown area "ZZ"/,
    ],
    [
      'an unknown instrument',
      (raw) => {
        indicator(raw, 'VI-01').sources[1]!.instrument = 'palermo-2';
      },
      /indicator VI-01: field "sources\[1\]\.instrument" names unknown instrument "palermo-2"/,
    ],
    [
      'a question without English',
      (raw) => {
        indicator(raw, 'PV-01').question = { es: '¿?' } as unknown as RawIndicator['question'];
      },
      /indicator PV-01: field "question\.en" must be a non-empty string/,
    ],
    [
      'an id that does not start with its area',
      (raw) => {
        indicator(raw, 'CR-03').id = 'PN-99';
      },
      /indicator PN-99: field "id" must start with its area "CR-"/,
    ],
    [
      'a duplicate negative modifier',
      (raw) => {
        raw.negativeModifiers[1]!.id = 'NEG-1';
      },
      /negative modifier NEG-1: field "id" is not unique/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, message) => {
    const err = rejection(brokenCopy(mutate));
    expect(err.code).toBe('FRAMEWORK_INVALID');
    expect(err.message).toMatch(message);
  });

  it('refuses something that is not a framework at all', () => {
    expect(rejection(null).message).toMatch(/field "root" must be an object/);
    expect(rejection([]).message).toMatch(/field "root" must be an object/);
  });
});
