/** Row types of the event tables (migration 20261129120000-events), as stored; mapped in events.repo.ts. */

export interface EventRow {
  id: string;
  source_id: string;
  jurisdiction_id: string;
  name: string;
  start_date: string;
  end_date: string | null;
  all_day: number;
  status: string;
  classification: string | null;
  description: string | null;
  location: string | null;
  participants_json: string;
  agenda_json: string;
  links_json: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface EventBillRow {
  event_id: string;
  bill_id: string;
}

/** The event tables, merged into the store's Database type. */
export interface EventTables {
  events: EventRow;
  event_bills: EventBillRow;
}
