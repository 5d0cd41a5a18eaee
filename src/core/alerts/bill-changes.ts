/**
 * Which change events an import of one bill, vote or hearing makes. Pure: the caller passes the stored state
 * before the write (or null for a new one) and the new state. Policy:
 * - a bill seen for the first time makes only `bill.created` (its existing history is not news);
 * - a stored bill makes one `bill.action_added` per action it did not have (compared by date, description
 *   and classification, not by position, since sources renumber), `bill.status_changed` when the derived stage
 *   moved, and one `bill.version_added` per new version (compared by note and date);
 * - an unchanged bill makes nothing;
 * - targets are the bill, its jurisdiction, its sponsors' people and the committees the new actions name
 *   (when the caller could resolve the name to a committee id).
 */
import type { ChangeEventDraft, EventBill, FollowTarget } from './types.ts';

/** A bill action as events compare it. */
export interface ChangeAction {
  order: number;
  date: string;
  description: string;
  classification: string[];
  organization: string | null;
}

/** A bill version as events compare it. */
export interface ChangeVersion {
  note: string;
  date: string | null;
  links: { url: string }[];
}

/** The parts of a bill (stored or new) that events compare. */
export interface BillSnapshot {
  bill: EventBill;
  actions: ChangeAction[];
  versions: ChangeVersion[];
  /** Sponsors' person ids (OCD person ids) where known. */
  sponsorPersonIds: string[];
}

/** Committee ids by the organization name used in actions (resolved by the caller). */
export type CommitteeIndex = ReadonlyMap<string, string>;

const actionKey = (a: ChangeAction) => JSON.stringify([a.date, a.description, [...a.classification].sort()]);
const versionKey = (v: ChangeVersion) => JSON.stringify([v.note, v.date]);

function uniqueTargets(targets: FollowTarget[]): FollowTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.kind} ${t.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function baseTargets(after: BillSnapshot, before: BillSnapshot | null): FollowTarget[] {
  const people = new Set([...(before?.sponsorPersonIds ?? []), ...after.sponsorPersonIds]);
  return [
    { kind: 'bill', id: after.bill.id },
    { kind: 'jurisdiction', id: after.bill.jurisdictionId },
    ...[...people].sort().map((id) => ({ kind: 'person' as const, id })),
  ];
}

function committeeTargets(actions: ChangeAction[], committees: CommitteeIndex): FollowTarget[] {
  return actions.flatMap((a) => {
    const id = a.organization === null ? undefined : committees.get(a.organization);
    return id === undefined ? [] : [{ kind: 'committee' as const, id }];
  });
}

/** The change events of writing `after` over `before` (null: a new bill); [] when nothing changed. */
export function billChangeEvents(
  before: BillSnapshot | null,
  after: BillSnapshot,
  committees: CommitteeIndex = new Map(),
): ChangeEventDraft[] {
  const bill = after.bill;
  const draft = (
    type: ChangeEventDraft['type'],
    payload: Record<string, unknown>,
    extra: FollowTarget[] = [],
  ): ChangeEventDraft => ({
    type,
    jurisdictionId: bill.jurisdictionId,
    billId: bill.id,
    subjectKind: 'bill',
    subjectId: bill.id,
    payload: { bill, ...payload },
    targets: uniqueTargets([...baseTargets(after, before), ...extra]),
  });
  if (before === null) return [draft('bill.created', {}, committeeTargets(after.actions, committees))];

  const events: ChangeEventDraft[] = [];
  const known = new Set(before.actions.map(actionKey));
  const added = [...after.actions].sort((a, b) => a.order - b.order).filter((a) => !known.has(actionKey(a)));
  for (const a of added) {
    events.push(
      draft(
        'bill.action_added',
        {
          action: {
            order: a.order,
            date: a.date,
            description: a.description,
            classification: a.classification,
            organization: a.organization,
          },
        },
        committeeTargets([a], committees),
      ),
    );
  }
  if (before.bill.stage !== bill.stage) {
    const last = added.at(-1);
    events.push(
      draft(
        'bill.status_changed',
        {
          from: before.bill.stage,
          to: bill.stage,
          action: last ? { date: last.date, description: last.description } : null,
        },
        committeeTargets(added, committees),
      ),
    );
  }
  const knownVersions = new Set(before.versions.map(versionKey));
  for (const v of after.versions.filter((x) => !knownVersions.has(versionKey(x)))) {
    events.push(
      draft('bill.version_added', {
        version: { note: v.note, date: v.date, links: v.links.map((l) => l.url) },
      }),
    );
  }
  return events;
}
