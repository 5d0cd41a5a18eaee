/**
 * Events (hearings, committee meetings) from Open States scrape-format event JSON. An event belongs to a
 * jurisdiction, not a bill; its agenda items name bills, which are linked to stored bills when the name
 * resolves to exactly one, so a bill shows its hearings.
 */

/** The Open States event statuses. */
export const eventStatuses = ['cancelled', 'tentative', 'confirmed', 'passed'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** A bill named by an agenda item: its identifier as written and the agenda note ("consideration"). */
export interface AgendaBill {
  identifier: string;
  /** The OCD bill id when the source gives one instead of a pseudo id. */
  ocdId: string | null;
  note: string | null;
}

/** One agenda item in source order. */
export interface AgendaItem {
  description: string;
  classification: string[];
  bills: AgendaBill[];
}

/** An event as read from a file. */
export interface EventRecord {
  /** ocd-event/<uuid> from `_id`/`id`, else the scrape `dedupe_key`. */
  sourceId: string;
  jurisdictionId: string;
  name: string;
  startDate: string;
  endDate: string | null;
  allDay: boolean;
  status: EventStatus;
  classification: string | null;
  description: string | null;
  location: string | null;
  participants: { name: string; entityType: string; note: string | null }[];
  agenda: AgendaItem[];
  /** Media and documents as `{note, url}` (agenda, minutes, transcript, testimony, recordings). */
  links: { kind: 'media' | 'document'; note: string; url: string }[];
}

/** A stored event, with the stored bills its agenda resolved to. */
export interface HearingEvent extends EventRecord {
  id: string;
  billIds: string[];
}
