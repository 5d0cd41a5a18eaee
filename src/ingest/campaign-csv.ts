/**
 * Reads the campaign CSV zip (the export of core/campaigns/interop-csv.ts) into a campaign bundle. Policy: the
 * archive holds exactly the files of the data dictionary (`campaigns.csv`, `targets.csv`, `positions.csv`,
 * `outreaches.csv`, `tags.csv`; `people.csv`, `data-dictionary.csv` and `README.md` may be there and are not
 * read), each with the dictionary's columns; every problem names the file, the row (the line of the file, the
 * header being line 1) and the column, and all are returned at once. Unsafe archives are refused by ingest/zip.ts.
 */

import {
  type CampaignBundle,
  type InteropProblem,
  type InteropTarget,
  isIdentifier,
  type ReadBundle,
} from '../core/campaigns/interop.ts';
import { columnsOf } from '../core/campaigns/interop-dictionary.ts';
import {
  type InteractionKind,
  interactionKinds,
  type TargetPosition,
  targetPositions,
} from '../core/campaigns/targets.ts';
import { type CampaignStatus, campaignStatuses } from '../core/campaigns/types.ts';
import { parseCsv } from '../core/csv.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { openZip, ZipError } from './zip.ts';

const limits = { entryBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024, entries: 20 };
const required = ['campaigns.csv', 'targets.csv', 'positions.csv', 'outreaches.csv', 'tags.csv'];
const ignored = ['people.csv', 'data-dictionary.csv', 'README.md'];

interface Row {
  file: string;
  row: number;
  get(column: string): string;
}

/** Reads a campaign CSV zip; returns the bundle or every problem found. */
export function readCampaignCsvZip(
  name: string,
  bytes: Uint8Array,
): { read: ReadBundle | null; problems: InteropProblem[] } {
  const problems: InteropProblem[] = [];
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(name, bytes, limits);
  } catch (err) {
    return {
      read: null,
      problems: [{ file: name, message: err instanceof ZipError ? err.message : 'not a zip archive' }],
    };
  }
  const paths = zip.entries.map((e) => e.path);
  for (const p of paths) {
    if (!required.includes(p) && !ignored.includes(p))
      problems.push({
        file: p,
        message: `unexpected entry; the archive holds ${[...required, ...ignored].join(', ')}`,
      });
  }
  for (const f of required)
    if (!paths.includes(f)) problems.push({ file: f, message: 'missing from the archive' });
  if (problems.length > 0) return { read: null, problems };

  const tables = new Map<string, Row[]>();
  for (const file of required) {
    let text: string;
    try {
      text = zip.text(file);
    } catch (err) {
      problems.push({ file, message: err instanceof Error ? err.message : 'unreadable' });
      continue;
    }
    const parsed = parseCsv(text);
    if (parsed.problem) {
      problems.push({ file, message: parsed.problem });
      continue;
    }
    const [header, ...records] = parsed.records;
    const columns = columnsOf(file);
    const cells = header?.cells.map((c) => c.trim()) ?? [];
    for (const c of cells)
      if (!columns.includes(c))
        problems.push({
          file,
          row: 1,
          column: c,
          message: `unknown column; the columns are ${columns.join(', ')}`,
        });
    for (const c of columns)
      if (!cells.includes(c)) problems.push({ file, row: 1, column: c, message: 'missing column' });
    tables.set(
      file,
      records.map((r) => ({
        file,
        row: r.line,
        get: (column: string) => (r.cells[cells.indexOf(column)] ?? '').trim(),
      })),
    );
  }
  if (problems.length > 0) return { read: null, problems };
  const rows = (file: string) => tables.get(file) ?? [];
  const bad = (r: Row, column: string, message: string) =>
    problems.push({ file: r.file, row: r.row, column, message });
  const text = (r: Row, column: string, need: boolean, max: number): string | null => {
    const v = r.get(column);
    if (v === '') {
      if (need) bad(r, column, 'is required');
      return null;
    }
    if (v.length > max) bad(r, column, `at most ${max} characters`);
    return v;
  };
  const date = (r: Row, column: string, need: boolean): string | null => {
    const v = text(r, column, need, 40);
    if (v !== null && !isIsoDate(v)) {
      bad(r, column, 'must be a date YYYY-MM-DD');
      return null;
    }
    return v;
  };
  const ids = (r: Row, column: string, need: boolean): string[] => {
    const v = text(r, column, need, 5000);
    if (v === null) return [];
    const list = v
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const id of list)
      if (!isIdentifier(id)) bad(r, column, `"${id.slice(0, 80)}" is not a system:id identifier`);
    return [...new Set(list)];
  };
  const oneOf = <T extends string>(r: Row, column: string, allowed: readonly T[]): T | null => {
    const v = r.get(column);
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad(r, column, `must be one of ${allowed.join(', ')}`);
    return null;
  };

  const campaigns = rows('campaigns.csv');
  if (campaigns.length !== 1)
    problems.push({
      file: 'campaigns.csv',
      message: `must hold exactly one campaign row, not ${campaigns.length}`,
    });
  const c = campaigns[0];
  const places: ReadBundle['places'] = {
    jurisdiction: { file: 'campaigns.csv', row: c?.row ?? 2, column: 'jurisdiction_id', message: '' },
    gaps: [],
    bills: [],
    targets: [],
  };
  const bills = (c ? (text(c, 'bills', false, 5000) ?? '') : '')
    .split('|')
    .filter((s) => s.trim() !== '')
    .flatMap((s) => {
      const at = s.indexOf('/');
      if (at <= 0 || at === s.length - 1) {
        if (c) bad(c, 'bills', `"${s.slice(0, 80)}" is not <session>/<bill identifier>`);
        return [];
      }
      places.bills.push({ file: 'campaigns.csv', row: c?.row ?? 2, column: 'bills', message: '' });
      return [{ identifiers: [], session: s.slice(0, at).trim(), identifier: s.slice(at + 1).trim() }];
    });

  const targets: InteropTarget[] = [];
  for (const r of rows('targets.csv')) {
    const identifiers = ids(r, 'identifiers', true);
    const kind = oneOf(r, 'kind', ['custom', 'person'] as const);
    const personId = text(r, 'ocdid', kind === 'person', 300);
    const name = text(r, 'name', true, 200);
    const office = text(r, 'title', false, 300);
    places.targets.push({ file: r.file, row: r.row, column: 'ocdid', message: '' });
    if (kind && name) targets.push({ identifiers, kind, personId, name, office, positions: [] });
  }
  const targetOf = (r: Row, column: string) => {
    const id = r.get(column);
    const t = targets.find((x) => x.identifiers.includes(id));
    if (!t)
      bad(
        r,
        column,
        id === '' ? 'is required' : `"${id.slice(0, 80)}" is no identifier of a target in targets.csv`,
      );
    return t;
  };
  for (const r of rows('positions.csv')) {
    const t = targetOf(r, 'target_identifier');
    const position = oneOf<TargetPosition>(r, 'position', targetPositions);
    const day = date(r, 'date', true);
    const source = text(r, 'source', false, 500);
    const note = text(r, 'note', false, 2000);
    if (t && position && day) t.positions.push({ position, date: day, source, note });
  }
  const outreaches: CampaignBundle['outreaches'] = [];
  for (const r of rows('outreaches.csv')) {
    const identifiers = ids(r, 'identifiers', false);
    const t = targetOf(r, 'target_identifier');
    const kind = oneOf<InteractionKind>(r, 'kind', interactionKinds);
    const day = date(r, 'action_date', true);
    const note = text(r, 'message', false, 2000);
    if (t && kind && day)
      outreaches.push({ identifiers, targetIdentifier: r.get('target_identifier'), kind, date: day, note });
  }
  const gaps: string[] = [];
  let status: CampaignStatus | null = null;
  for (const r of rows('tags.csv')) {
    const name = text(r, 'name', true, 200) ?? '';
    if (name.startsWith('gap:')) {
      gaps.push(name.slice(4));
      places.gaps.push({ file: r.file, row: r.row, column: 'name', message: '' });
    } else if (name.startsWith('status:')) {
      const s = name.slice(7);
      if ((campaignStatuses as readonly string[]).includes(s)) status = s as CampaignStatus;
      else bad(r, 'name', `status must be one of ${campaignStatuses.join(', ')}`);
    }
  }
  if (gaps.length === 0)
    problems.push({ file: 'tags.csv', message: 'name at least one gap as a tag gap:<indicator id>' });
  if (!c) return { read: null, problems };
  const identifiers = ids(c, 'identifiers', false);
  const title = text(c, 'title', true, 200);
  const csvStatus = oneOf<CampaignStatus>(c, 'status', campaignStatuses);
  const jurisdictionId = text(c, 'jurisdiction_id', true, 300);
  const startDate = date(c, 'start_date', false);
  const endDate = date(c, 'end_date', false);
  if (problems.length > 0 || !title || !jurisdictionId) return { read: null, problems };
  const bundle: CampaignBundle = {
    identifiers,
    title,
    summary: text(c, 'description', false, 5000) ?? '',
    status: csvStatus ?? status ?? 'planning',
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
