/**
 * Change events: what an import changed, as the alerts deliver it (in-app feed, email digests, signed
 * webhooks). The catalogue follows ../shared/reference/formats.md §b5. An event concerns one subject (a bill,
 * a vote, a hearing) and a set of targets that people can follow; a follow matches an event when one of the
 * event's targets equals the followed (kind, id).
 */

/** Event types, in the Standard Webhooks `type` naming (`noun.verb`). */
export const changeEventTypes = [
  'bill.created',
  'bill.action_added',
  'bill.status_changed',
  'bill.version_added',
  'vote.recorded',
  'hearing.scheduled',
  'hearing.changed',
] as const;
export type ChangeEventType = (typeof changeEventTypes)[number];

/** True when the value names an event type. */
export function isChangeEventType(value: string): value is ChangeEventType {
  return (changeEventTypes as readonly string[]).includes(value);
}

/** What an event is about. */
export const changeSubjectKinds = ['bill', 'vote', 'hearing'] as const;
export type ChangeSubjectKind = (typeof changeSubjectKinds)[number];

/** What a person can follow. Ids: bill id, OCD person id, OCD organization id (committee), jurisdiction id, indicator id. */
export const followTargetKinds = ['bill', 'person', 'committee', 'jurisdiction', 'indicator'] as const;
export type FollowTargetKind = (typeof followTargetKinds)[number];

/** True when the value names a follow target kind. */
export function isFollowTargetKind(value: string): value is FollowTargetKind {
  return (followTargetKinds as readonly string[]).includes(value);
}

/** How often a follow's events are mailed. */
export const emailFrequencies = ['none', 'immediate', 'daily'] as const;
export type EmailFrequency = (typeof emailFrequencies)[number];

export interface FollowTarget {
  kind: FollowTargetKind;
  id: string;
}

/** A change event as computed by an import, before it is stored. */
export interface ChangeEventDraft {
  type: ChangeEventType;
  jurisdictionId: string | null;
  billId: string | null;
  subjectKind: ChangeSubjectKind;
  subjectId: string;
  /** The event's data as webhooks send it (`data` of the Standard Webhooks payload). */
  payload: Record<string, unknown>;
  /** Who may be following this: always includes the subject's bill and jurisdiction when there is one. */
  targets: FollowTarget[];
}

/** A stored change event. */
export interface ChangeEvent extends ChangeEventDraft {
  /** UUID v7; the `webhook-id` of every delivery of this event. */
  id: string;
  createdAt: string;
}

/** A bill as events describe it. */
export interface EventBill {
  id: string;
  identifier: string;
  title: string;
  jurisdictionId: string;
  session: string;
  stage: string;
}

/**
 * The `payload` of each event type (the `data` of a webhook). Every bill-related payload has `bill`.
 * - bill.created: { bill }
 * - bill.action_added: { bill, action: { order, date, description, classification: string[], organization } }
 * - bill.status_changed: { bill, from: stage, to: stage, action: { date, description } | null }
 * - bill.version_added: { bill, version: { note, date, links: string[] } }
 * - vote.recorded: { bill: EventBill | null, vote: { id, motion, result, date, organization, counts: { option, value }[] } }
 * - hearing.scheduled / hearing.changed: { hearing: { id, name, startDate, location, status }, bills: EventBill[],
 *   changed?: string[] (field names, for hearing.changed) }
 */
export type ChangeEventPayload = Record<string, unknown> & { bill?: EventBill | null };
