/**
 * Reader of Open States scrape-format event JSON (`openstates-core scrape/schemas/event.py`): `_id`, `name`,
 * `all_day`, `start_date`, `end_date`, `status`, `classification`, `description`, `location{name}`,
 * `media[]`, `documents[]`, `participants[]`, `agenda[{description, classification, related_entities}]`,
 * `dedupe_key`. Agenda bills come as `related_entities[{entity_type: "bill", name, bill_id}]` where `bill_id`
 * is an OCD id or a pseudo id `~{"identifier": …}`. A file holds one event or a list; bad records are
 * rejected with a reason naming their JSON path, malformed JSON refuses the file naming line and column.
 */

import {
  type AgendaBill,
  type EventRecord,
  type EventStatus,
  eventStatuses,
} from '../../core/bills/events.ts';
import { divisionOfJurisdiction } from '../../core/bills/jurisdiction.ts';
import { normalizeIdentifier } from '../../core/bills/types.ts';
import {
  isObj,
  jsonRecords,
  list,
  type Obj,
  obj,
  optDate,
  optStr,
  problem,
  readLabelled,
  reqDate,
  reqStr,
  scrapeSourceId,
  strList,
} from '../bill-fields.ts';

/** One record of an event file: the event read, or why it was rejected. */
export interface EventFileRecord {
  index: number;
  label: string;
  record: EventRecord | null;
  reason: string | null;
}

function agendaBill(e: Obj, path: string): AgendaBill {
  const raw = optStr(e, 'bill_id', path) ?? optStr(e, 'id', path);
  if (raw?.startsWith('ocd-bill/')) {
    // The OCD id decides the link; the name is only shown, so a missing one falls back to the id.
    const name = optStr(e, 'name', path);
    return {
      identifier: name === null ? raw : normalizeIdentifier(name),
      ocdId: raw.toLowerCase(),
      note: optStr(e, 'note', path),
    };
  }
  let identifier = optStr(e, 'name', path);
  if (raw?.startsWith('~')) {
    try {
      const criteria: unknown = JSON.parse(raw.slice(1));
      if (isObj(criteria) && typeof criteria.identifier === 'string') identifier = criteria.identifier;
    } catch {
      problem(`${path}.bill_id`, `"${raw}" is not a pseudo id`);
    }
  }
  if (identifier === null) problem(path, 'names no bill');
  return { identifier: normalizeIdentifier(identifier), ocdId: null, note: optStr(e, 'note', path) };
}

function links(o: Obj, key: 'media' | 'documents', path: string): EventRecord['links'] {
  return list(o, key, path).flatMap((m, i) => {
    const e = obj(m, `${path}.${key}[${i}]`);
    const note = optStr(e, 'note', path) ?? optStr(e, 'classification', path) ?? key;
    const urls = list(e, 'links', `${path}.${key}[${i}]`).map((l, j) =>
      reqStr(obj(l, `${path}.${key}[${i}].links[${j}]`), 'url', path),
    );
    const direct = optStr(e, 'url', path);
    return [...(direct ? [direct] : []), ...urls].map((url) => ({
      kind: key === 'media' ? ('media' as const) : ('document' as const),
      note,
      url,
    }));
  });
}

function event(o: Obj, path: string, jurisdiction: string | undefined): EventRecord {
  const rawJurisdiction = optStr(o, 'jurisdiction', path) ?? jurisdiction;
  if (rawJurisdiction === undefined) problem(`${path}.jurisdiction`, 'is required (or give --jurisdiction)');
  const jurisdictionId = divisionOfJurisdiction(rawJurisdiction);
  if (jurisdictionId === null)
    problem(`${path}.jurisdiction`, `"${rawJurisdiction}" is not an OCD jurisdiction id`);
  const sourceId = scrapeSourceId(o, path, 'event');
  const status = optStr(o, 'status', path) ?? 'confirmed';
  if (!(eventStatuses as readonly string[]).includes(status))
    problem(`${path}.status`, `"${status}" is not one of ${eventStatuses.join(', ')}`);
  const allDay = o.all_day ?? false;
  if (typeof allDay !== 'boolean') problem(`${path}.all_day`, 'must be true or false');
  const location =
    o.location === undefined || o.location === null ? null : obj(o.location, `${path}.location`);
  return {
    sourceId,
    jurisdictionId,
    name: reqStr(o, 'name', path),
    startDate: reqDate(o, 'start_date', path),
    endDate: optDate(o, 'end_date', path),
    allDay,
    status: status as EventStatus,
    classification: optStr(o, 'classification', path),
    description: optStr(o, 'description', path),
    location: location ? optStr(location, 'name', `${path}.location`) : null,
    participants: list(o, 'participants', path).map((p, i) => {
      const e = obj(p, `${path}.participants[${i}]`);
      return {
        name: reqStr(e, 'name', `${path}.participants[${i}]`),
        entityType: optStr(e, 'entity_type', path) ?? 'person',
        note: optStr(e, 'note', path),
      };
    }),
    agenda: list(o, 'agenda', path).map((a, i) => {
      const p = `${path}.agenda[${i}]`;
      const e = obj(a, p);
      return {
        description: reqStr(e, 'description', p),
        classification: strList(e, 'classification', p),
        bills: list(e, 'related_entities', p)
          .map((r, j) => obj(r, `${p}.related_entities[${j}]`))
          .filter((r) => r.entity_type === 'bill')
          .map((r, j) => agendaBill(r, `${p}.related_entities[${j}]`)),
      };
    }),
    links: [...links(o, 'media', path), ...links(o, 'documents', path)],
  };
}

/** Reads an Open States event file; throws BILL_FILE_INVALID for malformed JSON, rejects bad records. */
export function readOpenStatesEvents(
  fileName: string,
  content: string,
  opts: { jurisdiction?: string } = {},
): EventFileRecord[] {
  return jsonRecords(fileName, content).map(({ item, path }, i) =>
    readLabelled(
      i,
      `record ${i + 1}`,
      () => {
        const o = obj(item, path);
        if (o.start_date === undefined && o.agenda === undefined)
          problem(path, 'not an Open States event (it has no start_date or agenda)');
        return event(o, path, opts.jurisdiction);
      },
      (record) => `${record.startDate} ${record.name}`,
    ),
  );
}
