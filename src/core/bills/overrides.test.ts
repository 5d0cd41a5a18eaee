import { describe, expect, it } from 'vitest';
import {
  type ActionOverrideRule,
  applyOverrides,
  type KeyedAction,
  matchOverrides,
  overrideProblem,
} from './overrides.ts';

const action = (order: number, date: string, text: string, classes: string[]): KeyedAction => ({
  order,
  date,
  description: text,
  organization: null,
  chamber: 'lower',
  classification: classes,
  unknownClassification: [],
  descriptionHash: `h:${text}`,
});

const rule = (
  id: string,
  order: number,
  date: string,
  text: string,
  classes: string[],
): ActionOverrideRule => ({
  id,
  key: { order, date, descriptionHash: `h:${text}` },
  classification: classes,
});

describe('matchOverrides', () => {
  const actions = [
    action(0, '2091-01-01', 'Filed', ['filing']),
    action(1, '2091-02-01', 'Passed', ['passage']),
    action(2, '2091-02-01', 'Read', []),
  ];

  it('matches by the exact key, follows a moved action found once, orphans the rest', () => {
    const m = matchOverrides(actions, [
      rule('exact', 1, '2091-02-01', 'Passed', ['failure']),
      rule('moved', 5, '2091-02-01', 'Read', ['reading-2']),
      rule('gone', 1, '2091-02-01', 'Vetoed', ['executive-veto']),
      rule('other-date', 2, '2091-03-01', 'Read', ['reading-2']),
    ]);
    expect(Object.fromEntries(m)).toEqual({ exact: 1, moved: 2, gone: null, 'other-date': null });
  });

  it('orphans an override whose text appears twice on its date (ambiguous)', () => {
    const twice = [...actions, action(3, '2091-02-01', 'Read', [])];
    expect(matchOverrides(twice, [rule('r', 9, '2091-02-01', 'Read', ['reading-2'])]).get('r')).toBeNull();
  });

  it('replaces the classes of matched actions only, clearing unknown ones', () => {
    const flagged = actions.map((a) => (a.order === 2 ? { ...a, unknownClassification: ['calendar'] } : a));
    const rules = [
      rule('a', 2, '2091-02-01', 'Read', ['reading-2']),
      rule('b', 7, '2091-09-09', 'x', ['failure']),
    ];
    const out = applyOverrides(flagged, rules, matchOverrides(flagged, rules));
    expect(out.map((a) => a.classification)).toEqual([['filing'], ['passage'], ['reading-2']]);
    expect(out[2]?.unknownClassification).toEqual([]);
    expect(out[0]).toBe(flagged[0]);
  });
});

describe('overrideProblem', () => {
  it('refuses no class, an unknown class, a repeat, a blank or too long reason', () => {
    expect(overrideProblem([], 'why')).toMatch(/at least one/);
    expect(overrideProblem(['passage', 'calendar-local'], 'why')).toMatch(/calendar-local/);
    expect(overrideProblem(['passage', 'passage'], 'why')).toMatch(/twice/);
    expect(overrideProblem(['passage'], '   ')).toMatch(/reason is required/);
    expect(overrideProblem(['passage'], 'x'.repeat(2001))).toMatch(/2000/);
    expect(overrideProblem(['passage'], 'x'.repeat(2000))).toBeNull();
  });
});
