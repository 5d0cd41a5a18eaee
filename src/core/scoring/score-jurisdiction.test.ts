import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import type { Framework, Indicator, Level, ResponseType } from '../framework/types.ts';
import { scoreJurisdiction } from './score-jurisdiction.ts';
import type { Answer, ScoreInput } from './types.ts';

const cite = (citation: string) => [{ citation }];

function ind(id: string, type: ResponseType, weight: number, level: Level = 'B'): Indicator {
  return {
    id,
    area: id.slice(0, 2),
    question: { en: `Question ${id}?` },
    type,
    weight,
    level,
    sources: [{ instrument: 'palermo', citation: `Palermo ${id}` }],
  };
}

/** A two-area framework small enough to score by hand. */
const tiny: Framework = {
  id: 'tiny',
  version: 1,
  title: { en: 'Tiny' },
  published: '2026-01-01',
  responseTypes: {
    YPN: { label: 'Y/P/N', values: { Y: 1, P: 0.5, N: 0 } },
    YN: { label: 'Y/N', values: { Y: 1, N: 0 } },
    G02: { label: 'G0-2', values: { '0': 0, '1': 0.5, '2': 1 } },
  },
  instruments: { palermo: { name: 'Palermo', crosswalk: true } },
  areas: [
    { id: 'AA', name: { en: 'Area A' }, share: 60 },
    { id: 'BB', name: { en: 'Area B' }, share: 40 },
  ],
  indicators: [
    ind('AA-01', 'YPN', 3),
    ind('AA-02', 'G02', 2),
    ind('AA-03', 'YN', 1),
    ind('AA-04', 'YPN', 2, 'N'),
    ind('AA-05', 'G02', 3),
    ind('BB-01', 'YPN', 3),
    ind('BB-02', 'G02', 1),
    ind('BB-03', 'YN', 2),
    ind('BB-04', 'YN', 1),
    ind('BB-05', 'G02', 2),
  ],
  negativeModifiers: [
    { id: 'NEG-1', description: { en: 'one' } },
    { id: 'NEG-2', description: { en: 'two' } },
  ],
};

const a = (indicatorId: string, value: string, citation = `Act s${indicatorId}`): Answer => ({
  indicatorId,
  value,
  citations: cite(citation),
});

/*
 * Worked by hand, for a subnational jurisdiction:
 *   AA (share 60): AA-01 Y  w3 → 3 × 1   = 3
 *                  AA-02 1  w2 → 2 × 0.5 = 1
 *                  AA-03 NA w1 → leaves the denominator (answered)
 *                  AA-04 —  w2 → level N, so N/A by level for a subnational jurisdiction
 *                  AA-05 2  w3 → 3 × 1   = 3
 *      applicable 3 + 2 + 3 = 8, earned 3 + 1 + 3 = 7, score 7/8 = 0.875, points 0.875 × 60 = 52.5
 *   BB (share 40): BB-01 P  w3 → 3 × 0.5 = 1.5
 *                  BB-02 2  w1 → 1 × 1   = 1
 *                  BB-03 Y  w2 → 2 × 1   = 2
 *                  BB-04 —  w1 → not coded: excluded, counted
 *                  BB-05 1  w2 → 2 × 0.5 = 1
 *      applicable 3 + 1 + 2 + 2 = 8, earned 5.5, score 5.5/8 = 0.6875, points 0.6875 × 40 = 27.5
 *   total = (52.5 + 27.5) ÷ (60 + 40) × 100 = 80.0 → B (80 is the B threshold)
 *   NEG-2 applies → cap C, so cappedGrade C, tier 2; NEG-1 does not apply. The total stays 80.
 *   coverage: 10 indicators, 2 N/A, 7 scored, 1 not coded → applicable 8, ratio 7/8; complete false.
 */
const worked: ScoreInput = {
  jurisdictionLevel: 'subnational',
  answers: [
    a('AA-01', 'Y'),
    a('AA-02', '1'),
    a('AA-03', 'NA'),
    a('AA-05', '2'),
    a('BB-01', 'P'),
    a('BB-02', '2'),
    a('BB-03', 'Y'),
    { indicatorId: 'BB-05', value: '1', citations: [], status: 'draft' },
  ],
  modifiers: [
    { modifierId: 'NEG-1', applies: false, citations: [] },
    { modifierId: 'NEG-2', applies: true, citations: cite('Act s9 (assistance only for witnesses)') },
  ],
};

describe('scoreJurisdiction: the worked example', () => {
  const result = scoreJurisdiction(tiny, worked);
  const area = (id: string) => result.areas.find((x) => x.id === id)!;
  const line = (id: string) => result.areas.flatMap((x) => x.indicators).find((l) => l.id === id)!;

  it('gives each indicator the value, contribution and status computed by hand', () => {
    expect(line('AA-01')).toMatchObject({ value: 'Y', normalized: 1, contribution: 3, status: 'scored' });
    expect(line('AA-02')).toMatchObject({ value: '1', normalized: 0.5, contribution: 1, status: 'scored' });
    expect(line('AA-03')).toMatchObject({
      value: 'NA',
      contribution: null,
      status: 'na',
      naReason: 'answered',
    });
    expect(line('AA-04')).toMatchObject({ value: 'NA', contribution: null, status: 'na', naReason: 'level' });
    expect(line('AA-05')).toMatchObject({ value: '2', normalized: 1, contribution: 3 });
    expect(line('BB-01')).toMatchObject({ value: 'P', normalized: 0.5, contribution: 1.5 });
    expect(line('BB-04')).toMatchObject({ value: null, normalized: null, status: 'not_coded' });
    expect(line('BB-05')).toMatchObject({ contribution: 1, answerStatus: 'draft', citations: [] });
    expect(line('AA-01').citations).toEqual([{ citation: 'Act sAA-01' }]);
  });

  it('computes each area as earned ÷ applicable weight, and its points as score × share', () => {
    expect(area('AA')).toMatchObject({ applicableWeight: 8, earnedWeight: 7, score: 0.875, points: 52.5 });
    expect(area('BB')).toMatchObject({ applicableWeight: 8, earnedWeight: 5.5, score: 0.6875, points: 27.5 });
    expect(area('BB').notCodedWeight).toBe(1);
  });

  it('totals the points over 100, grades the total and caps the grade without touching the total', () => {
    expect(result).toMatchObject({
      method: 'lawgap-score-1',
      frameworkId: 'tiny',
      version: 1,
      total: 80,
      totalRounded: 80,
      grade: 'B',
      cappedGrade: 'C',
      tier: 2,
      capReasons: [{ modifierId: 'NEG-2', cap: 'C' }],
      countedShare: 100,
      renormalized: false,
      excludedAreas: [],
    });
    expect(result.modifiers).toEqual([
      { id: 'NEG-1', status: 'does_not_apply', cap: null, citations: [] },
      { id: 'NEG-2', status: 'applies', cap: 'C', citations: cite('Act s9 (assistance only for witnesses)') },
    ]);
  });

  it('reports coverage, incompleteness and positive answers that cite nothing', () => {
    expect(result.coverage).toEqual({
      indicators: 10,
      applicable: 8,
      scored: 7,
      na: 2,
      notCoded: 1,
      ratio: 7 / 8,
    });
    expect(result.complete).toBe(false);
    expect(result.uncited).toEqual(['BB-05']);
  });

  it('is complete once every applicable indicator and every modifier is coded', () => {
    const full = scoreJurisdiction(tiny, { ...worked, answers: [...worked.answers, a('BB-04', 'N')] });
    expect(full.complete).toBe(true);
    // BB gains 1 applicable weight and earns nothing: 5.5/9 × 40 = 24.444…; total 76.944… → 76.9, C.
    expect(full.total).toBeCloseTo(52.5 + (5.5 / 9) * 40, 12);
    expect(full.totalRounded).toBe(76.9);
    expect(full.grade).toBe('C');
    expect(full.capReasons).toEqual([]);
    const noModifiers = scoreJurisdiction(tiny, { ...worked, modifiers: [] });
    expect(noModifiers.modifiers.map((m) => m.status)).toEqual(['not_coded', 'not_coded']);
    expect(noModifiers.cappedGrade).toBe('B');
  });
});

describe('scoreJurisdiction: levels, renormalisation and nothing to score', () => {
  it('does not make N indicators N/A for a national jurisdiction; they are not coded until answered', () => {
    const national = scoreJurisdiction(tiny, { ...worked, jurisdictionLevel: 'national' });
    const line = national.areas[0]!.indicators.find((l) => l.id === 'AA-04')!;
    expect(line.status).toBe('not_coded');
    expect(national.total).toBe(80);
    expect(national.coverage).toMatchObject({ applicable: 9, notCoded: 2, na: 1 });
  });

  it('makes N indicators N/A by level for a local jurisdiction too, and counts them when answered', () => {
    const local = scoreJurisdiction(tiny, { ...worked, jurisdictionLevel: 'local' });
    expect(local.areas[0]!.indicators.find((l) => l.id === 'AA-04')!.naReason).toBe('level');
    const answered = scoreJurisdiction(tiny, { ...worked, answers: [...worked.answers, a('AA-04', 'N')] });
    // AA: 7 earned of 10 applicable → 0.7 × 60 = 42; total 42 + 27.5 = 69.5 → D.
    expect(answered.total).toBeCloseTo(69.5, 12);
    expect(answered.grade).toBe('D');
  });

  it('does not make S indicators N/A by level for a national jurisdiction', () => {
    const s: Framework = { ...tiny, indicators: tiny.indicators.map((i) => ({ ...i, level: 'S' as const })) };
    const result = scoreJurisdiction(s, { jurisdictionLevel: 'national', answers: [] });
    expect(result.coverage).toMatchObject({ na: 0, notCoded: 10 });
  });

  it('renormalises over the areas that have a scored indicator, and says so', () => {
    const onlyA = worked.answers.filter((x) => x.indicatorId.startsWith('AA'));
    const result = scoreJurisdiction(tiny, { ...worked, answers: onlyA });
    // 52.5 points of the 60 counted → 87.5.
    expect(result).toMatchObject({
      total: 87.5,
      countedShare: 60,
      renormalized: true,
      excludedAreas: ['BB'],
    });
    expect(result.areas[1]).toMatchObject({ score: null, points: null, applicableWeight: 0 });
  });

  it('gives no total, grade or tier when nothing is scored', () => {
    const result = scoreJurisdiction(tiny, { jurisdictionLevel: 'national', answers: [] });
    expect(result).toMatchObject({
      total: null,
      grade: null,
      cappedGrade: null,
      tier: null,
      renormalized: false,
    });
    expect(result.coverage.ratio).toBe(0);
  });
});

describe('scoreJurisdiction: answers that do not fit are refused', () => {
  function refusal(answers: Answer[], modifiers: ScoreInput['modifiers'] = []): DomainError {
    try {
      scoreJurisdiction(tiny, { jurisdictionLevel: 'national', answers, modifiers });
    } catch (err) {
      if (err instanceof DomainError) return err;
      throw err;
    }
    throw new Error('expected the answers to be refused');
  }

  it.each([
    ['P on a yes/no indicator', a('AA-03', 'P'), /AA-03: "P" is not a YN answer/],
    ['Y on a graded indicator', a('AA-02', 'Y'), /AA-02: "Y" is not a G02 answer \(allowed: 0, 1, 2, NA\)/],
    ['a grade out of range', a('AA-05', '3'), /AA-05/],
    ['a lower-case code', a('AA-01', 'y'), /AA-01/],
    ['an unknown indicator', a('ZZ-01', 'Y'), /unknown indicator "ZZ-01"/],
    ['an empty citation', a('AA-01', 'Y', ' '), /AA-01: every citation needs/],
  ])('refuses %s, naming the indicator', (_label, answer, message) => {
    const err = refusal([answer]);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(message);
  });

  it('refuses a value that is not a string', () => {
    const answer = { indicatorId: 'AA-02', value: 1, citations: [] } as unknown as Answer;
    expect(refusal([answer]).message).toMatch(/AA-02/);
  });

  it('refuses an indicator answered twice', () => {
    expect(refusal([a('AA-01', 'Y'), a('AA-01', 'N')]).message).toMatch(/AA-01 is answered more than once/);
  });

  it('refuses unknown and repeated negative-modifier findings', () => {
    const unknown = refusal([], [{ modifierId: 'NEG-9', applies: true, citations: [] }]);
    expect(unknown.message).toMatch(/unknown negative modifier "NEG-9"/);
    const twice = refusal(
      [],
      [
        { modifierId: 'NEG-1', applies: true, citations: [] },
        { modifierId: 'NEG-1', applies: false, citations: [] },
      ],
    );
    expect(twice.message).toMatch(/NEG-1 is coded more than once/);
  });
});
