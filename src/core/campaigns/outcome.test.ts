import { describe, expect, it } from 'vitest';
import type { BillAction } from '../bills/types.ts';
import { billDecision, dayBefore, suggestedStatus, targetsMoved } from './outcome.ts';

const act = (order: number, date: string, classification: string[]): BillAction => ({
  order,
  date,
  classification,
  description: classification.join(' '),
  organization: null,
  chamber: null,
  unknownClassification: [],
});

describe('billDecision', () => {
  it('dates an enactment by its chapter citation, else the became-law action', () => {
    const actions = [act(0, '2031-01-05', ['introduction']), act(1, '2031-05-20', ['became-law'])];
    expect(billDecision({ stage: 'enacted', actions, citations: [] })).toEqual({
      decision: 'enacted',
      date: '2031-05-20',
    });
    const citations = [
      {
        publication: 'Laws',
        citation: 'ch. 9',
        citationType: 'chapter' as const,
        effective: '2031-09-01',
        expires: null,
        url: null,
      },
    ];
    expect(billDecision({ stage: 'enacted', actions, citations })?.date).toBe('2031-09-01');
  });

  it('dates a failure or veto by its last ending action, and leaves live bills undecided', () => {
    const failed = [act(0, '2031-01-05', ['introduction']), act(1, '2031-03-01', ['committee-failure'])];
    expect(billDecision({ stage: 'failed', actions: failed, citations: [] })).toEqual({
      decision: 'failed',
      date: '2031-03-01',
    });
    expect(
      billDecision({ stage: 'vetoed', actions: [act(0, '2031-06', ['executive-veto'])], citations: [] }),
    ).toEqual({
      decision: 'vetoed',
      date: null,
    });
    expect(billDecision({ stage: 'in_committee', actions: failed, citations: [] })).toBeNull();
  });
});

describe('helpers', () => {
  it('steps back a day across months and years', () => {
    expect(dayBefore('2031-03-01')).toBe('2031-02-28');
    expect(dayBefore('2032-01-01')).toBe('2031-12-31');
  });

  it('lists targets whose position changed, first to latest', () => {
    expect(
      targetsMoved([
        { target: 'a', position: 'undecided' },
        { target: 'b', position: 'support' },
        { target: 'a', position: 'oppose' },
        { target: 'a', position: 'support' },
        { target: 'b', position: 'support' },
      ]),
    ).toEqual([{ target: 'a', from: 'undecided', to: 'support' }]);
  });

  it('suggests won on an enactment, lost when every bill ended otherwise', () => {
    expect(suggestedStatus(['failed', 'enacted'])).toBe('won');
    expect(suggestedStatus(['failed', 'vetoed'])).toBe('lost');
    expect(suggestedStatus(['failed', null])).toBeNull();
    expect(suggestedStatus([])).toBeNull();
  });
});
