import { describe, expect, it } from 'vitest';
import type { BillAction } from '../bills/types.ts';
import { billVenue, targetGroup, targetsForVenue, type VenuePeople, whipCount } from './targets.ts';

const act = (
  order: number,
  classification: string[],
  chamber: BillAction['chamber'],
  organization: string | null = null,
) => ({
  order,
  classification,
  chamber,
  organization,
});

const introduced = act(0, ['introduction'], 'lower', 'House');
const referred = act(1, ['referral-committee'], 'lower', 'Criminal Jurisprudence');
const reported = act(2, ['committee-passage-favorable'], 'lower', 'Criminal Jurisprudence');
const passedHouse = act(3, ['passage'], 'lower', 'House');
const referredSenate = act(4, ['referral-committee'], 'upper', 'State Affairs');

describe('billVenue', () => {
  it.each([
    [
      'introduced: the floor of the chamber of origin',
      'introduced',
      [introduced],
      { kind: 'floor', chambers: ['lower'] },
    ],
    [
      'referred: that committee',
      'in_committee',
      [introduced, referred],
      { kind: 'committee', chamber: 'lower', committee: 'Criminal Jurisprudence' },
    ],
    [
      'reported out: back to the floor',
      'in_committee',
      [introduced, referred, reported],
      { kind: 'floor', chambers: ['lower'] },
    ],
    [
      'passed the house: the senate floor',
      'passed_one_chamber',
      [introduced, referred, reported, passedHouse],
      { kind: 'floor', chambers: ['upper'] },
    ],
    [
      'then referred in the senate: the senate committee',
      'passed_one_chamber',
      [introduced, referred, reported, passedHouse, referredSenate],
      { kind: 'committee', chamber: 'upper', committee: 'State Affairs' },
    ],
    ['passed both: the executive', 'passed_both', [], { kind: 'executive' }],
    ['sent to the executive', 'sent_to_executive', [], { kind: 'executive' }],
    ['vetoed: both floors for an override', 'vetoed', [], { kind: 'floor', chambers: ['upper', 'lower'] }],
    ['enacted: no one', 'enacted', [], { kind: 'none', reason: 'enacted' }],
    ['failed: no one', 'failed', [], { kind: 'none', reason: 'failed' }],
  ] as const)('%s', (_name, stage, actions, venue) => {
    expect(billVenue(stage, actions as never, 'lower')).toEqual(venue);
  });

  it('keeps a referral that does not name its committee, and says so instead of guessing', () => {
    const venue = billVenue('in_committee', [introduced, act(1, ['referral-committee'], 'upper')], 'lower');
    expect(venue).toEqual({ kind: 'committee', chamber: 'upper', committee: null });
    expect(targetsForVenue(venue, { committees: [], seats: [] }).unresolved).toBe(
      'the referral does not name the committee',
    );
  });

  it('uses the action order, not the list order', () => {
    expect(billVenue('in_committee', [referred, introduced], 'lower').kind).toBe('committee');
    expect(billVenue('passed_one_chamber', [passedHouse, referred], 'lower')).toEqual({
      kind: 'floor',
      chambers: ['upper'],
    });
  });
});

describe('targetsForVenue', () => {
  const people: VenuePeople = {
    committees: [
      {
        id: 'c1',
        name: 'Criminal Jurisprudence',
        parent: 'lower',
        members: [
          { personId: 'p1', name: 'Ada Chair', role: 'chair' },
          { personId: null, name: 'Unlinked Member', role: 'member' },
          { personId: 'p2', name: 'Ben Member', role: 'member' },
        ],
      },
      {
        id: 'c2',
        name: 'Criminal Jurisprudence',
        parent: 'upper',
        members: [{ personId: 'p9', name: 'Sen', role: 'chair' }],
      },
    ],
    seats: [
      { personId: 'p1', name: 'Ada Chair', type: 'lower' },
      { personId: 'p2', name: 'Ben Member', type: 'lower' },
      { personId: 'p3', name: 'Cy Senator', type: 'upper' },
      { personId: 'p4', name: 'Di Governor', type: 'governor' },
    ],
  };

  it('gives the members of the committee of the right chamber, skipping unlinked members', () => {
    const r = targetsForVenue(
      { kind: 'committee', chamber: 'lower', committee: 'House Criminal Jurisprudence Committee' },
      people,
    );
    expect(r.targets.map((t) => [t.personId, t.reason])).toEqual([
      ['p1', 'committee'],
      ['p2', 'committee'],
    ]);
    expect(r.unresolved).toBeNull();
  });

  it('says so when the committee is not imported instead of guessing', () => {
    const r = targetsForVenue({ kind: 'committee', chamber: 'lower', committee: 'Ways and Means' }, people);
    expect(r.targets).toEqual([]);
    expect(r.unresolved).toContain('Ways and Means');
  });

  it('gives a chamber’s sitting members on the floor and the office holders at the executive', () => {
    expect(
      targetsForVenue({ kind: 'floor', chambers: ['upper'] }, people).targets.map((t) => t.personId),
    ).toEqual(['p3']);
    expect(targetsForVenue({ kind: 'executive' }, people).targets.map((t) => t.personId)).toEqual(['p4']);
    expect(targetsForVenue({ kind: 'executive' }, { committees: [], seats: [] }).unresolved).toContain(
      'executive',
    );
  });
});

describe('groups and the whip count', () => {
  const sponsors = [
    { personId: 'p1', primary: true },
    { personId: 'p2', primary: false },
  ];
  it('puts sponsors first, then groups by position', () => {
    expect(targetGroup('p1', sponsors, 'oppose')).toBe('primary_sponsor');
    expect(targetGroup('p2', sponsors, 'unknown')).toBe('cosponsor');
    expect(targetGroup('p3', sponsors, 'support')).toBe('supporter');
    expect(targetGroup('p3', sponsors, 'oppose')).toBe('opposed');
    expect(targetGroup(null, sponsors, 'unknown')).toBe('undecided');
  });
  it('counts positions', () => {
    expect(whipCount(['support', 'support', 'oppose', 'unknown'])).toEqual({
      support: 2,
      oppose: 1,
      undecided: 0,
      unknown: 1,
    });
  });
});
