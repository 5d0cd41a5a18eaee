import { describe, expect, it } from 'vitest';
import type { EventBill } from './types.ts';
import { type HearingSnapshot, hearingChangeEvents, voteRecordedEvent } from './vote-hearing-changes.ts';

const bill: EventBill = {
  id: 'b1',
  identifier: 'HB 1',
  title: 'A bill',
  jurisdictionId: 'ocd-division/country:xx',
  session: '2026',
  stage: 'in_committee',
};

const hearing: HearingSnapshot = {
  id: 'h1',
  jurisdictionId: 'ocd-division/country:xx',
  name: 'Judiciary hearing',
  startDate: '2026-03-01T10:00:00Z',
  endDate: null,
  allDay: false,
  status: 'confirmed',
  classification: 'committee-meeting',
  description: null,
  location: 'Room 1',
  participants: [{ name: 'Judiciary', entityType: 'organization', note: 'host' }],
  agenda: [],
  links: [],
  billIds: ['b1'],
};

describe('voteRecordedEvent', () => {
  it('describes the vote and targets the bill, jurisdiction and linked voters', () => {
    const e = voteRecordedEvent(
      {
        id: 'v1',
        motionText: 'Do pass',
        result: 'pass',
        startDate: '2026-03-02',
        chamber: 'lower',
        counts: [{ option: 'yes', value: 2 }],
        personIds: ['p2', null, 'p1', 'p2'],
      },
      bill,
    );
    expect(e.type).toBe('vote.recorded');
    expect(e.subjectId).toBe('v1');
    expect(e.payload).toMatchObject({
      bill,
      vote: { id: 'v1', motion: 'Do pass', result: 'pass', organization: 'lower' },
    });
    expect(e.targets).toEqual([
      { kind: 'bill', id: 'b1' },
      { kind: 'jurisdiction', id: 'ocd-division/country:xx' },
      { kind: 'person', id: 'p1' },
      { kind: 'person', id: 'p2' },
    ]);
  });
});

describe('hearingChangeEvents', () => {
  const cases: {
    name: string;
    before: HearingSnapshot | null;
    after: HearingSnapshot;
    type: string | null;
    changed?: string[];
  }[] = [
    { name: 'new hearing', before: null, after: hearing, type: 'hearing.scheduled' },
    { name: 'unchanged', before: hearing, after: { ...hearing }, type: null },
    {
      name: 'moved and cancelled',
      before: hearing,
      after: { ...hearing, startDate: '2026-03-02T10:00:00Z', status: 'cancelled' },
      type: 'hearing.changed',
      changed: ['startDate', 'status'],
    },
    {
      name: 'bill added to agenda',
      before: hearing,
      after: { ...hearing, billIds: ['b1', 'b2'] },
      type: 'hearing.changed',
      changed: ['billIds'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const events = hearingChangeEvents(c.before, c.after, [bill]);
      expect(events.map((e) => e.type)).toEqual(c.type ? [c.type] : []);
      if (c.changed) expect(events[0]?.payload.changed).toEqual(c.changed);
    });
  }

  it('targets bills, jurisdiction and the hosting committee when resolved', () => {
    const [e] = hearingChangeEvents(null, hearing, [bill], new Map([['Judiciary', 'ocd-organization/j']]));
    expect(e?.billId).toBe('b1');
    expect(e?.payload).toMatchObject({
      hearing: { id: 'h1', location: 'Room 1', status: 'confirmed' },
      bills: [bill],
    });
    expect(e?.targets).toEqual([
      { kind: 'bill', id: 'b1' },
      { kind: 'jurisdiction', id: 'ocd-division/country:xx' },
      { kind: 'committee', id: 'ocd-organization/j' },
    ]);
  });
});
