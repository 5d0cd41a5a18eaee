import { describe, expect, it } from 'vitest';
import { deriveStage } from './stage.ts';
import type { BillAction, BillStage, Chamber } from './types.ts';

type Step = [classes: string[], chamber?: Chamber];

function actions(steps: Step[]): Pick<BillAction, 'classification' | 'chamber' | 'order'>[] {
  return steps.map(([classification, chamber], order) => ({
    classification,
    chamber: chamber ?? null,
    order,
  }));
}

const table: Array<[name: string, steps: Step[], stage: BillStage]> = [
  ['no actions at all', [], 'introduced'],
  ['only unclassified actions', [[[]], [['some-state-specific-class']]], 'introduced'],
  ['filed and read', [[['filing']], [['introduction', 'reading-1'], 'lower']], 'introduced'],
  [
    'referred to committee',
    [
      [['introduction'], 'lower'],
      [['referral-committee'], 'lower'],
    ],
    'in_committee',
  ],
  [
    'reported favourably, not yet passed',
    [[['introduction'], 'lower'], [['referral-committee']], [['committee-passage-favorable']]],
    'in_committee',
  ],
  [
    'passed the house',
    [[['introduction'], 'lower'], [['referral-committee']], [['passage', 'reading-3'], 'lower']],
    'passed_one_chamber',
  ],
  [
    'passed house, referred in the senate',
    [
      [['passage'], 'lower'],
      [['referral-committee'], 'upper'],
    ],
    'passed_one_chamber',
  ],
  [
    'passed both chambers',
    [
      [['passage'], 'lower'],
      [['passage'], 'upper'],
    ],
    'passed_both',
  ],
  [
    'passed twice in one chamber is still one',
    [
      [['passage'], 'lower'],
      [['passage'], 'lower'],
    ],
    'passed_one_chamber',
  ],
  [
    'unicameral legislature',
    [
      [['introduction'], 'legislature'],
      [['passage'], 'legislature'],
    ],
    'passed_both',
  ],
  [
    'enrolled',
    [
      [['passage'], 'upper'],
      [['enrolled'], 'upper'],
    ],
    'passed_both',
  ],
  [
    'sent to the governor',
    [
      [['passage'], 'lower'],
      [['passage'], 'upper'],
      [['executive-receipt'], 'executive'],
    ],
    'sent_to_executive',
  ],
  [
    'signed',
    [[['passage'], 'lower'], [['passage'], 'upper'], [['executive-receipt']], [['executive-signature']]],
    'enacted',
  ],
  [
    'became law without signature',
    [[['passage'], 'lower'], [['passage'], 'upper'], [['became-law']]],
    'enacted',
  ],
  [
    'vetoed',
    [
      [['passage'], 'lower'],
      [['passage'], 'upper'],
      [['executive-veto'], 'executive'],
    ],
    'vetoed',
  ],
  [
    'veto overridden',
    [[['passage'], 'upper'], [['executive-veto']], [['veto-override-passage'], 'lower']],
    'enacted',
  ],
  ['override failed stays vetoed', [[['executive-veto']], [['veto-override-failure'], 'lower']], 'vetoed'],
  [
    'line-item veto alone is not a veto',
    [[['passage'], 'lower'], [['executive-veto-line-item']]],
    'passed_one_chamber',
  ],
  [
    'failed on the floor',
    [
      [['introduction'], 'lower'],
      [['failure'], 'lower'],
    ],
    'failed',
  ],
  ['died in committee', [[['referral-committee']], [['committee-failure']]], 'failed'],
  ['withdrawn', [[['introduction']], [['withdrawal']]], 'failed'],
  [
    'reconsidered after failing',
    [
      [['failure'], 'lower'],
      [['passage'], 'lower'],
    ],
    'passed_one_chamber',
  ],
  ['nothing moves a bill once enacted', [[['became-law']], [['failure']]], 'enacted'],
];

describe('deriveStage', () => {
  it.each(table)('%s', (_name, steps, stage) => {
    expect(deriveStage(actions(steps))).toBe(stage);
  });

  it('orders actions by their order field, not their position in the list', () => {
    const list = actions([
      [['failure'], 'lower'],
      [['passage'], 'lower'],
    ]);
    expect(deriveStage(list)).toBe('passed_one_chamber');
    expect(deriveStage([...list].reverse())).toBe('passed_one_chamber');
  });
});
