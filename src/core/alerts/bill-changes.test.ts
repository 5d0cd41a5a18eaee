import { describe, expect, it } from 'vitest';
import { type BillSnapshot, billChangeEvents, type ChangeAction } from './bill-changes.ts';

const action = (
  order: number,
  description: string,
  classification: string[] = [],
  organization: string | null = null,
): ChangeAction => ({
  order,
  date: `2026-01-0${order + 1}`,
  description,
  classification,
  organization,
});

const snapshot = (
  stage: string,
  actions: ChangeAction[],
  extra: Partial<BillSnapshot> = {},
): BillSnapshot => ({
  bill: {
    id: 'b1',
    identifier: 'HB 1',
    title: 'A bill',
    jurisdictionId: 'ocd-division/country:xx',
    session: '2026',
    stage,
  },
  actions,
  versions: [],
  sponsorPersonIds: ['ocd-person/1'],
  ...extra,
});

const introduced = [action(0, 'Introduced', ['introduction'])];
const referred = [...introduced, action(1, 'Referred to Judiciary', ['referral-committee'], 'Judiciary')];

describe('billChangeEvents', () => {
  const cases: { name: string; before: BillSnapshot | null; after: BillSnapshot; types: string[] }[] = [
    {
      name: 'first import: created only',
      before: null,
      after: snapshot('in_committee', referred),
      types: ['bill.created'],
    },
    {
      name: 'unchanged: nothing',
      before: snapshot('introduced', introduced),
      after: snapshot('introduced', introduced),
      types: [],
    },
    {
      name: 'new action moving the stage',
      before: snapshot('introduced', introduced),
      after: snapshot('in_committee', referred),
      types: ['bill.action_added', 'bill.status_changed'],
    },
    {
      name: 'two new actions, same stage',
      before: snapshot('in_committee', referred),
      after: snapshot('in_committee', [...referred, action(2, 'Hearing'), action(3, 'Second hearing')]),
      types: ['bill.action_added', 'bill.action_added'],
    },
    {
      name: 'renumbered actions are not new',
      before: snapshot('introduced', introduced),
      after: snapshot(
        'introduced',
        introduced.map((a) => ({ ...a, order: 5 })),
      ),
      types: [],
    },
    {
      name: 'new version',
      before: snapshot('introduced', introduced),
      after: snapshot('introduced', introduced, {
        versions: [{ note: 'Engrossed', date: '2026-02-01', links: [{ url: 'https://example.org/v2' }] }],
      }),
      types: ['bill.version_added'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(billChangeEvents(c.before, c.after).map((e) => e.type)).toEqual(c.types);
    });
  }

  it('fills payloads and targets (bill, jurisdiction, sponsors, committees of new actions)', () => {
    const events = billChangeEvents(
      snapshot('introduced', introduced, { sponsorPersonIds: ['ocd-person/0'] }),
      snapshot('in_committee', referred),
      new Map([['Judiciary', 'ocd-organization/judiciary']]),
    );
    const [added, status] = events;
    expect(added?.payload).toMatchObject({
      bill: { id: 'b1', stage: 'in_committee' },
      action: { order: 1, description: 'Referred to Judiciary', organization: 'Judiciary' },
    });
    expect(added?.targets).toEqual([
      { kind: 'bill', id: 'b1' },
      { kind: 'jurisdiction', id: 'ocd-division/country:xx' },
      { kind: 'person', id: 'ocd-person/0' },
      { kind: 'person', id: 'ocd-person/1' },
      { kind: 'committee', id: 'ocd-organization/judiciary' },
    ]);
    expect(status?.payload).toMatchObject({
      from: 'introduced',
      to: 'in_committee',
      action: { description: 'Referred to Judiciary' },
    });
    expect(status?.billId).toBe('b1');
    expect(status?.subjectKind).toBe('bill');
  });

  it('names a version by note, date and links', () => {
    const [e] = billChangeEvents(
      snapshot('introduced', introduced),
      snapshot('introduced', introduced, {
        versions: [{ note: 'Filed', date: null, links: [{ url: 'https://x.example/1' }] }],
      }),
    );
    expect(e?.payload).toMatchObject({
      version: { note: 'Filed', date: null, links: ['https://x.example/1'] },
    });
  });
});
