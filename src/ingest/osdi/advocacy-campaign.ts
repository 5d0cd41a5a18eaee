/**
 * Reads an OSDI v1 `osdi:advocacy_campaign` document (HAL+JSON, as lawgap and Action Network write it) into a
 * campaign bundle (core/campaigns/interop.ts). Policy: every problem names its JSON pointer (RFC 6901) and all of
 * them are returned at once; nothing is guessed. A collection, or another resource type (a person, an outreach,
 * a tag), is refused as such. Targets come from the campaign's `targets` (`osdi:people` repeats them and is not
 * read); outreaches from `_embedded["osdi:outreaches"]`, each pointing at a target by one of its identifiers;
 * gaps and status from `_embedded["osdi:tags"]` (`gap:<indicator>`, `status:<status>`; other tags ignored).
 */
import {
  type CampaignBundle,
  type InteropOutreach,
  type InteropPosition,
  type InteropProblem,
  type InteropTarget,
  isIdentifier,
  kindFromOsdiType,
  type ReadBundle,
} from '../../core/campaigns/interop.ts';
import { type InteractionKind, interactionKinds, targetPositions } from '../../core/campaigns/targets.ts';
import { type CampaignStatus, campaignStatuses } from '../../core/campaigns/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON pointer from path parts (escaping `~` and `/`). */
export function jsonPointer(parts: ReadonlyArray<string | number>): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** What kind of OSDI resource a document looks like, when it is not an advocacy campaign (else null). */
function otherResourceType(doc: Obj): string | null {
  const embedded = isObj(doc._embedded) ? doc._embedded : {};
  if ('osdi:advocacy_campaigns' in embedded)
    return 'a collection of advocacy campaigns (export one campaign)';
  if ('email_addresses' in doc || 'postal_addresses' in doc || ('given_name' in doc && !('title' in doc)))
    return 'an osdi:person';
  if ('action_date' in doc) return 'an osdi:outreach';
  if ('name' in doc && !('title' in doc)) return 'an osdi:tag';
  if ('start_date' in doc && 'location' in doc) return 'an osdi:event';
  return null;
}

/** Reads an OSDI advocacy campaign from JSON text; returns the bundle or every problem found. */
export function readOsdiCampaign(text: string): { read: ReadBundle | null; problems: InteropProblem[] } {
  const problems: InteropProblem[] = [];
  const bad = (parts: ReadonlyArray<string | number>, message: string) => {
    problems.push({ pointer: jsonPointer(parts), message });
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return {
      read: null,
      problems: [
        { pointer: '', message: `not valid JSON (${err instanceof Error ? err.message : 'parse error'})` },
      ],
    };
  }
  if (!isObj(doc))
    return {
      read: null,
      problems: [{ pointer: '', message: 'must be a JSON object (an osdi:advocacy_campaign)' }],
    };
  const other = otherResourceType(doc);
  if (other)
    return { read: null, problems: [{ pointer: '', message: `is ${other}, not an osdi:advocacy_campaign` }] };

  const str = (
    o: Obj,
    key: string,
    parts: Array<string | number>,
    required: boolean,
    max = 5000,
  ): string | null => {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      if (required) bad([...parts, key], 'is required');
      return null;
    }
    if (typeof v !== 'string') {
      bad([...parts, key], 'must be a string');
      return null;
    }
    if (v.length > max) bad([...parts, key], `at most ${max} characters`);
    return v;
  };
  const date = (o: Obj, key: string, parts: Array<string | number>, required: boolean): string | null => {
    const v = str(o, key, parts, required, 40);
    if (v === null) return null;
    const day = v.slice(0, 10);
    if (!isIsoDate(day)) {
      bad([...parts, key], 'must be a date YYYY-MM-DD (or a timestamp starting with one)');
      return null;
    }
    return day;
  };
  const identifiers = (o: Obj, parts: Array<string | number>): string[] => {
    const v = o.identifiers;
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      bad([...parts, 'identifiers'], 'must be an array of "system:id" strings');
      return [];
    }
    const out: string[] = [];
    v.forEach((id, i) => {
      if (typeof id === 'string' && isIdentifier(id)) out.push(id);
      else bad([...parts, 'identifiers', i], 'must be a "system:id" string');
    });
    return [...new Set(out)];
  };
  const array = (v: unknown, parts: Array<string | number>): unknown[] => {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    bad(parts, 'must be an array');
    return [];
  };

  const campaignIdentifiers = identifiers(doc, []);
  const title = str(doc, 'title', [], true, 200);
  const startDate = date(doc, 'lawgap:start_date', [], false);
  const endDate = date(doc, 'lawgap:end_date', [], false);
  const summary = str(doc, 'description', [], false) ?? '';
  const jurisdictionId = str(doc, 'lawgap:jurisdiction_id', [], true, 300);
  const places: ReadBundle['places'] = {
    jurisdiction: { pointer: jsonPointer(['lawgap:jurisdiction_id']), message: '' },
    gaps: [],
    bills: [],
    targets: [],
  };
  const bills = array(doc['lawgap:bills'], ['lawgap:bills']).flatMap((b, i) => {
    const parts = ['lawgap:bills', i];
    if (!isObj(b)) {
      bad(parts, 'must be an object');
      return [];
    }
    const session = str(b, 'legislative_session', parts, true, 100);
    const identifier = str(b, 'identifier', parts, true, 100);
    places.bills.push({ pointer: jsonPointer(parts), message: '' });
    return session && identifier ? [{ identifiers: identifiers(b, parts), session, identifier }] : [];
  });

  const targets: InteropTarget[] = [];
  array(doc.targets, ['targets']).forEach((t, i) => {
    const parts = ['targets', i];
    if (!isObj(t)) {
      bad(parts, 'must be an object');
      return;
    }
    const ids = identifiers(t, parts);
    const kindValue = t['lawgap:kind'] ?? 'custom';
    if (kindValue !== 'custom' && kindValue !== 'person')
      bad([...parts, 'lawgap:kind'], 'must be custom or person');
    const kind = kindValue === 'person' ? 'person' : 'custom';
    const personId = str(t, 'ocdid', parts, kind === 'person', 300);
    const given = str(t, 'given_name', parts, false, 200) ?? '';
    const family = str(t, 'family_name', parts, false, 200) ?? '';
    const office = str(t, 'title', parts, false, 300);
    const name = str(t, 'lawgap:name', parts, false, 200) ?? (`${given} ${family}`.trim() || office || '');
    if (name === '') bad(parts, 'a target needs a name (given_name/family_name, lawgap:name or title)');
    const positions: InteropPosition[] = [];
    array(t['lawgap:positions'], [...parts, 'lawgap:positions']).forEach((p, j) => {
      const pp = [...parts, 'lawgap:positions', j];
      if (!isObj(p)) {
        bad(pp, 'must be an object');
        return;
      }
      const position = p.position;
      if (!(targetPositions as readonly unknown[]).includes(position))
        bad([...pp, 'position'], `must be one of ${targetPositions.join(', ')}`);
      const day = date(p, 'date', pp, true);
      const source = str(p, 'source', pp, false, 500);
      const note = str(p, 'note', pp, false, 2000);
      if (day && (targetPositions as readonly unknown[]).includes(position))
        positions.push({ position: position as InteropPosition['position'], date: day, source, note });
    });
    if (ids.length === 0 && personId === null && kind === 'custom') ids.push(`import:target-${i}`); // lets a foreign outreach point at it by position; not stored
    places.targets.push({ pointer: jsonPointer([...parts, 'ocdid']), message: '' });
    targets.push({ identifiers: ids, kind, personId, name, office: office ?? null, positions });
  });
  const targetOf = (id: string) => targets.find((t) => t.identifiers.includes(id) || t.personId === id);

  const embedded = isObj(doc._embedded) ? doc._embedded : {};
  if (doc._embedded !== undefined && !isObj(doc._embedded)) bad(['_embedded'], 'must be an object');
  const outreaches: InteropOutreach[] = [];
  array(embedded['osdi:outreaches'], ['_embedded', 'osdi:outreaches']).forEach((o, i) => {
    const parts = ['_embedded', 'osdi:outreaches', i];
    if (!isObj(o)) {
      bad(parts, 'must be an object');
      return;
    }
    const ids = identifiers(o, parts);
    const day = date(o, 'action_date', parts, true);
    const note = str(o, 'message', parts, false, 2000);
    let kind: InteractionKind | null = null;
    if (o['lawgap:kind'] !== undefined) {
      kind = (interactionKinds as readonly unknown[]).includes(o['lawgap:kind'])
        ? (o['lawgap:kind'] as InteractionKind)
        : null;
      if (!kind) bad([...parts, 'lawgap:kind'], `must be one of ${interactionKinds.join(', ')}`);
    } else {
      const type = str(o, 'type', parts, true, 100);
      kind = type ? kindFromOsdiType(type) : null;
      if (type && !kind)
        bad([...parts, 'type'], 'must be in-person, phone, postal mail, email, testimony or other');
    }
    const pointed =
      typeof o['lawgap:target'] === 'string'
        ? [o['lawgap:target']]
        : (() => {
            const first = Array.isArray(o.targets) && isObj(o.targets[0]) ? o.targets[0] : null;
            return first
              ? [...(Array.isArray(first.identifiers) ? first.identifiers : []), first.ocdid].filter(
                  (x): x is string => typeof x === 'string',
                )
              : [];
          })();
    const target = pointed.map(targetOf).find((t) => t !== undefined);
    if (!target)
      bad([...parts, 'targets', 0], 'names no target of this campaign (by one of its identifiers)');
    if (day && kind && target)
      outreaches.push({
        identifiers: ids,
        targetIdentifier: target.identifiers[0] ?? target.personId ?? '',
        kind,
        date: day,
        note,
      });
  });

  const gaps: string[] = [];
  let status: CampaignStatus | null = null;
  array(embedded['osdi:tags'], ['_embedded', 'osdi:tags']).forEach((t, i) => {
    const parts = ['_embedded', 'osdi:tags', i];
    if (!isObj(t)) {
      bad(parts, 'must be an object');
      return;
    }
    const name = str(t, 'name', parts, true, 200);
    if (name?.startsWith('gap:')) {
      gaps.push(name.slice(4));
      places.gaps.push({ pointer: jsonPointer([...parts, 'name']), message: '' });
    } else if (name?.startsWith('status:')) {
      const s = name.slice(7);
      if ((campaignStatuses as readonly string[]).includes(s)) status = s as CampaignStatus;
      else bad([...parts, 'name'], `status must be one of ${campaignStatuses.join(', ')}`);
    }
  });
  if (gaps.length === 0)
    bad(['_embedded', 'osdi:tags'], 'name at least one gap as a tag "gap:<indicator id>"');

  if (problems.length > 0 || title === null || jurisdictionId === null) return { read: null, problems };
  const bundle: CampaignBundle = {
    identifiers: campaignIdentifiers,
    title,
    summary,
    status: status ?? 'planning',
    jurisdictionId,
    gaps,
    bills,
    startDate,
    endDate,
    createdDate: null,
    modifiedDate: null,
    targets,
    outreaches,
  };
  return { read: { bundle, places }, problems };
}
