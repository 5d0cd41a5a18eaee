import { describe, expect, it } from 'vitest';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { scoreJurisdiction } from './score-jurisdiction.ts';
import type { Answer, ModifierFinding } from './types.ts';

const framework = parseFramework(v1);

/** The best (or worst) code of each indicator's response type, read from the framework's value table. */
function extremeAnswers(pick: 'best' | 'worst'): Answer[] {
  return framework.indicators.map((indicator) => {
    const entries = Object.entries(framework.responseTypes[indicator.type].values);
    entries.sort((x, y) => (pick === 'best' ? y[1] - x[1] : x[1] - y[1]));
    return {
      indicatorId: indicator.id,
      value: entries[0]![0],
      citations: [{ citation: `Act, ${indicator.id}` }],
    };
  });
}

const noModifiers: ModifierFinding[] = framework.negativeModifiers.map((m) => ({
  modifierId: m.id,
  applies: false,
  citations: [],
}));

describe('scoreJurisdiction on the real v1', () => {
  it('gives full marks 100, an A and Tier 1 when every answer is the best, and calls it complete', () => {
    const result = scoreJurisdiction(framework, {
      jurisdictionLevel: 'national',
      answers: extremeAnswers('best'),
      modifiers: noModifiers,
    });
    expect(result).toMatchObject({ total: 100, totalRounded: 100, grade: 'A', cappedGrade: 'A', tier: 1 });
    expect(result.complete).toBe(true);
    expect(result.coverage).toEqual({
      indicators: 66,
      applicable: 66,
      scored: 66,
      na: 0,
      notCoded: 0,
      ratio: 1,
    });
    for (const area of result.areas) expect(area.points, area.id).toBe(area.share);
  });

  it('gives 0, an F and Tier 4 when every answer is the worst', () => {
    const result = scoreJurisdiction(framework, {
      jurisdictionLevel: 'national',
      answers: extremeAnswers('worst'),
      modifiers: noModifiers,
    });
    expect(result).toMatchObject({ total: 0, grade: 'F', cappedGrade: 'F', tier: 4, uncited: [] });
  });

  it('still reaches 100 for a state: its national-only indicators are N/A by level', () => {
    const nationalOnly = new Set(framework.indicators.filter((i) => i.level === 'N').map((i) => i.id));
    const answers = extremeAnswers('best').filter((x) => !nationalOnly.has(x.indicatorId));
    const result = scoreJurisdiction(framework, {
      jurisdictionLevel: 'subnational',
      answers,
      modifiers: noModifiers,
    });
    expect(result.total).toBe(100);
    expect(result.coverage).toMatchObject({ na: nationalOnly.size, notCoded: 0 });
    expect(result.complete).toBe(true);
  });

  it('caps the grade at C for each applying modifier, without stacking and without touching the total', () => {
    const modifiers = noModifiers.map((m) =>
      m.modifierId === 'NEG-1' || m.modifierId === 'NEG-4'
        ? { ...m, applies: true, citations: [{ citation: 'Nationality and Borders Act 2022 s63' }] }
        : m,
    );
    const result = scoreJurisdiction(framework, {
      jurisdictionLevel: 'national',
      answers: extremeAnswers('best'),
      modifiers,
    });
    expect(result).toMatchObject({ total: 100, grade: 'A', cappedGrade: 'C', tier: 2 });
    expect(result.capReasons).toEqual([
      { modifierId: 'NEG-1', cap: 'C' },
      { modifierId: 'NEG-4', cap: 'C' },
    ]);
    const failing = scoreJurisdiction(framework, {
      jurisdictionLevel: 'national',
      answers: extremeAnswers('worst'),
      modifiers,
    });
    expect(failing).toMatchObject({ grade: 'F', cappedGrade: 'F', capReasons: [] });
    expect(failing.modifiers.filter((m) => m.status === 'applies')).toHaveLength(2);
  });
});
