import { describe, expect, it } from 'vitest';
import {
  type CampaignFields,
  checkCampaignFields,
  checkMilestone,
  mergeTimeline,
  type TimelineEntry,
} from './types.ts';

const base: CampaignFields = {
  title: '  Close the consent gap ',
  summary: '',
  status: 'planning',
  jurisdictionId: 'ocd-division/country:us/state:tx',
  gaps: ['A1', ' A1', 'B2'],
  billIds: [],
  startDate: null,
  endDate: null,
};

describe('checkCampaignFields', () => {
  it('trims and dedupes', () => {
    const { fields, problems } = checkCampaignFields(base);
    expect(problems).toEqual([]);
    expect(fields.title).toBe('Close the consent gap');
    expect(fields.gaps).toEqual(['A1', 'B2']);
  });

  it('names every problem with its field', () => {
    const { problems } = checkCampaignFields({
      ...base,
      title: ' ',
      gaps: [],
      status: 'won-ish' as never,
      startDate: '2027-05-01',
      endDate: '2027-04-30',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['endDate', 'gaps', 'status', 'title']);
  });

  it('refuses malformed dates and over-long text', () => {
    const { problems } = checkCampaignFields({
      ...base,
      title: 'x'.repeat(201),
      summary: 'y'.repeat(5001),
      startDate: '2027-02-30',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['startDate', 'summary', 'title']);
  });
});

describe('checkMilestone', () => {
  it('needs a real date and a title', () => {
    expect(checkMilestone({ date: '2027-01-05', title: 'Hearing prep', note: null })).toEqual([]);
    expect(checkMilestone({ date: '5 Jan', title: ' ', note: 'z'.repeat(2001) }).map((p) => p.field)).toEqual(
      ['date', 'title', 'note'],
    );
  });
});

describe('mergeTimeline', () => {
  const e = (date: string, kind: TimelineEntry['kind'], title: string): TimelineEntry => ({
    date,
    kind,
    title,
    detail: null,
    billId: null,
    billIdentifier: null,
    sourceId: title,
  });

  it('orders by day, then milestones, actions, hearings, keeping input order within a kind', () => {
    const merged = mergeTimeline([
      e('2027-03-02', 'hearing', 'h1'),
      e('2027-03-02T10:00:00', 'bill_action', 'a2'),
      e('2027-03-01', 'bill_action', 'a1'),
      e('2027-03-02', 'milestone', 'm1'),
      e('2027-03-02', 'bill_action', 'a3'),
    ]);
    expect(merged.map((x) => x.title)).toEqual(['a1', 'm1', 'a2', 'a3', 'h1']);
  });
});
