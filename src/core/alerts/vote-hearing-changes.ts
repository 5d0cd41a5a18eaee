/**
 * Change events of imported votes and hearings. Pure, like bill-changes.ts. Policy:
 * - a vote seen for the first time makes `vote.recorded`; a re-imported vote that changed makes nothing
 *   (corrections of a roll call are not news a follower asked for);
 * - a new hearing makes `hearing.scheduled`; a stored one makes `hearing.changed` naming the fields that
 *   differ (a time moved, a status cancelled, an agenda changed), or nothing when none differ;
 * - targets: the bills concerned, the jurisdiction, the people who voted (linked ones) and the committees
 *   that hold a hearing (when the caller resolved their names).
 */
import type { CommitteeIndex } from './bill-changes.ts';
import type { ChangeEventDraft, EventBill, FollowTarget } from './types.ts';

/** A stored vote as events describe it. */
export interface VoteSnapshot {
  id: string;
  motionText: string;
  result: 'pass' | 'fail';
  startDate: string;
  chamber: string | null;
  counts: { option: string; value: number }[];
  /** Linked person ids of the members (null where unlinked). */
  personIds: (string | null)[];
}

/** The `vote.recorded` event of a newly stored vote of `bill`. */
export function voteRecordedEvent(vote: VoteSnapshot, bill: EventBill): ChangeEventDraft {
  const people = [...new Set(vote.personIds.filter((p): p is string => p !== null))].sort();
  return {
    type: 'vote.recorded',
    jurisdictionId: bill.jurisdictionId,
    billId: bill.id,
    subjectKind: 'vote',
    subjectId: vote.id,
    payload: {
      bill,
      vote: {
        id: vote.id,
        motion: vote.motionText,
        result: vote.result,
        date: vote.startDate,
        organization: vote.chamber,
        counts: vote.counts,
      },
    },
    targets: [
      { kind: 'bill', id: bill.id },
      { kind: 'jurisdiction', id: bill.jurisdictionId },
      ...people.map((id) => ({ kind: 'person' as const, id })),
    ],
  };
}

/** A hearing as events compare it. */
export interface HearingSnapshot {
  id: string;
  jurisdictionId: string;
  name: string;
  startDate: string;
  endDate: string | null;
  allDay: boolean;
  status: string;
  classification: string | null;
  description: string | null;
  location: string | null;
  participants: { name: string; entityType: string; note: string | null }[];
  agenda: unknown[];
  links: unknown[];
  billIds: string[];
}

const comparedFields = [
  'name',
  'startDate',
  'endDate',
  'allDay',
  'status',
  'classification',
  'description',
  'location',
  'participants',
  'agenda',
  'links',
  'billIds',
] as const satisfies readonly (keyof HearingSnapshot)[];

/** The field names that differ between two snapshots of a hearing, in a fixed order. */
export function changedHearingFields(before: HearingSnapshot, after: HearingSnapshot): string[] {
  return comparedFields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** The event of writing hearing `after` over `before` (null: new); [] when nothing that matters changed. */
export function hearingChangeEvents(
  before: HearingSnapshot | null,
  after: HearingSnapshot,
  bills: EventBill[],
  committees: CommitteeIndex = new Map(),
): ChangeEventDraft[] {
  const changed = before === null ? null : changedHearingFields(before, after);
  if (changed !== null && changed.length === 0) return [];
  const committeeIds = after.participants.flatMap((p) => {
    const id = committees.get(p.name);
    return id === undefined ? [] : [id];
  });
  const targets: FollowTarget[] = [
    ...bills.map((b) => ({ kind: 'bill' as const, id: b.id })),
    { kind: 'jurisdiction', id: after.jurisdictionId },
    ...[...new Set(committeeIds)].map((id) => ({ kind: 'committee' as const, id })),
  ];
  return [
    {
      type: changed === null ? 'hearing.scheduled' : 'hearing.changed',
      jurisdictionId: after.jurisdictionId,
      billId: bills.length === 1 ? (bills[0]?.id ?? null) : null,
      subjectKind: 'hearing',
      subjectId: after.id,
      payload: {
        hearing: {
          id: after.id,
          name: after.name,
          startDate: after.startDate,
          location: after.location,
          status: after.status,
        },
        bills,
        ...(changed === null ? {} : { changed }),
      },
      targets,
    },
  ];
}
