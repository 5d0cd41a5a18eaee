import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../analyzer/types.ts';
import type { Framework, Indicator, ResponseType } from '../framework/types.ts';
import type { Answer } from '../scoring/types.ts';
import { impactLabel, projectBillImpact, projectedCode } from './impact.ts';

function ind(id: string, type: ResponseType, weight: number): Indicator {
  return {
    id,
    area: id.slice(0, 2),
    question: { en: `Question ${id}?` },
    type,
    weight,
    level: 'B',
    sources: [{ instrument: 'palermo', citation: `Palermo ${id}` }],
  };
}

/** Two areas, small enough to score by hand. */
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
    ind('AA-04', 'YPN', 2),
    ind('BB-01', 'YPN', 3),
    ind('BB-02', 'G02', 1),
    ind('BB-03', 'YN', 2),
    ind('BB-04', 'YN', 1),
  ],
  negativeModifiers: [{ id: 'NEG-1', description: { en: 'one' } }],
};

const a = (indicatorId: string, value: string): Answer => ({
  indicatorId,
  value,
  citations: [{ citation: `Act s${indicatorId}` }],
});

const s = (indicator: string, answer: Suggestion['answer']): Suggestion => ({
  indicator,
  answer,
  confidence: 0.7,
  rationale: `${answer} for ${indicator}`,
  evidence:
    answer === 'no'
      ? []
      : [{ citation: `Bill s. ${indicator}`, quote: `quote ${indicator}`, start: 0, end: 9 }],
});

// AA-04 is not coded; BB-04 is answered N/A.
const current = [
  a('AA-01', 'P'),
  a('AA-02', '0'),
  a('AA-03', 'Y'),
  a('BB-01', 'N'),
  a('BB-02', '2'),
  a('BB-03', 'N'),
  a('BB-04', 'NA'),
];

const bill = [
  s('AA-01', 'yes'), // P → Y
  s('AA-02', 'partial'), // 0 → 1
  s('AA-03', 'no'), // Y stays: silence repeals nothing
  s('AA-04', 'yes'), // not coded: listed apart, not scored
  s('BB-01', 'partial'), // N → P
  s('BB-02', 'partial'), // 2 stays: 1 would be lower
  s('BB-03', 'partial'), // yes/no indicator has no partial code: N stays
  s('BB-04', 'yes'), // N/A stays N/A
];

const base = { framework: tiny, jurisdictionLevel: 'national' as const, findings: [], billCitation: 'HB 1' };

describe('projectBillImpact', () => {
  it('projects the hand-checked worked example', () => {
    // Score = Σ(area score × share) over counted areas; area score = Σ(weight × value) ÷ Σ weight (scored only).
    // Current: AA = (3×0.5 + 2×0 + 1×1) ÷ 6 = 2.5/6 → 25 points; BB = (3×0 + 1×1 + 2×0) ÷ 6 = 1/6 → 6.667 points;
    //          total 31.667 (AA-04 not coded and BB-04 N/A leave the denominators).
    // Projected: AA = (3×1 + 2×0.5 + 1×1) ÷ 6 = 5/6 → 50; BB = (3×0.5 + 1×1 + 2×0) ÷ 6 = 2.5/6 → 16.667;
    //          total 66.667, delta 35 = AA-01 1.5/6×60 (15) + AA-02 1/6×60 (10) + BB-01 1.5/6×40 (10).
    const r = projectBillImpact({ ...base, answers: current, suggestions: bill });
    expect(r.label).toBe(impactLabel);
    expect(r.machineProjected).toBe(true);
    expect(r.current.total).toBeCloseTo(31.6667, 3);
    expect(r.current.totalRounded).toBe(31.7);
    expect(r.projected.total).toBeCloseTo(66.6667, 3);
    expect(r.projected.totalRounded).toBe(66.7);
    expect(r.delta).toBeCloseTo(35, 9);
    expect(r.areas.map((x) => [x.id, Number(x.delta.toFixed(6))])).toEqual([
      ['AA', 25],
      ['BB', 10],
    ]);
    expect(
      r.changes.map((c) => [c.indicatorId, c.current, c.projected, Number(c.points.toFixed(6))]),
    ).toEqual([
      ['AA-01', 'P', 'Y', 15],
      ['AA-02', '0', '1', 10],
      ['BB-01', 'N', 'P', 10],
    ]);
    expect(r.changes[0]?.evidence).toEqual([{ citation: 'Bill s. AA-01', quote: 'quote AA-01' }]);
    expect(r.uncoded).toEqual([
      {
        indicatorId: 'AA-04',
        suggested: 'Y',
        evidence: [{ citation: 'Bill s. AA-04', quote: 'quote AA-04' }],
      },
    ]);
  });

  it('changes nothing for a bill with all-no suggestions', () => {
    const r = projectBillImpact({
      ...base,
      answers: current,
      suggestions: tiny.indicators.map((i) => s(i.id, 'no')),
    });
    expect(r.changes).toEqual([]);
    expect(r.uncoded).toEqual([]);
    expect(r.projected).toEqual(r.current);
    expect(r.delta).toBe(0);
  });

  it('never projects below the current score, and the changes add up to the delta (random codings)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    for (let round = 0; round < 300; round++) {
      const answers: Answer[] = [];
      for (const i of tiny.indicators) {
        const codes = [...Object.keys(tiny.responseTypes[i.type]?.values ?? {}), 'NA', null];
        const code = pick(codes);
        if (code !== null) answers.push(a(i.id, code));
      }
      const suggestions = tiny.indicators.map((i) => s(i.id, pick(['yes', 'partial', 'no'] as const)));
      const r = projectBillImpact({ ...base, answers, suggestions });
      if (r.current.total === null) {
        expect(r.projected.total).toBeNull();
        continue;
      }
      expect(r.projected.total ?? -1).toBeGreaterThanOrEqual(r.current.total - 1e-9);
      const sum = r.changes.reduce((t, c) => t + c.points, 0);
      expect(sum).toBeCloseTo(r.delta, 9);
      for (const c of r.changes) expect(c.points).toBeGreaterThan(0);
    }
  });
});

describe('projectedCode', () => {
  it('maps yes to the full code and partial to the best code between 0 and 1', () => {
    expect(projectedCode({ Y: 1, P: 0.5, N: 0 }, 'yes')).toBe('Y');
    expect(projectedCode({ Y: 1, P: 0.5, N: 0 }, 'partial')).toBe('P');
    expect(projectedCode({ '0': 0, '1': 0.5, '2': 1 }, 'yes')).toBe('2');
    expect(projectedCode({ '0': 0, '1': 0.5, '2': 1 }, 'partial')).toBe('1');
    expect(projectedCode({ Y: 1, N: 0 }, 'partial')).toBeNull();
    expect(projectedCode({ Y: 1, N: 0 }, 'no')).toBeNull();
  });
});
