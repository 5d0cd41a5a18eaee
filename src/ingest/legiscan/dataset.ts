/**
 * LegiScan weekly dataset zips (getDataset): `{ST}/{session}/bill/*.json` (getBill payloads),
 * `{ST}/{session}/people/*.json` (getPerson) and `{ST}/{session}/vote/*.json` (getRollCall), plus a README
 * and hash files. This module only sorts the entries: each is read later, one at a time, by the reader of its
 * kind (bills by `readLegiScanBills`, so the `change_hash` skip holds; roll calls by the vote reader), and
 * reported as `zip-name!entry-path`.
 */
import type { ZipArchive } from '../zip.ts';

/** One dataset entry: its report name (`zip!path`) and a lazy reader of its text. */
export interface DatasetEntry {
  name: string;
  path: string;
  text: () => string;
}

/** The entries of a dataset by kind; `other` lists the paths of everything else (README, hashes). */
export interface LegiScanDataset {
  bills: DatasetEntry[];
  people: DatasetEntry[];
  votes: DatasetEntry[];
  other: string[];
}

const kinds = { bill: 'bills', people: 'people', vote: 'votes' } as const;

/** Sorts a LegiScan dataset's JSON entries by the folder they sit in (`bill/`, `people/`, `vote/`). */
export function readLegiScanDataset(zip: ZipArchive): LegiScanDataset {
  const out: LegiScanDataset = { bills: [], people: [], votes: [], other: [] };
  for (const e of [...zip.entries].sort((a, b) => a.path.localeCompare(b.path))) {
    const parts = e.path.split('/');
    const folder = parts.at(-2);
    const kind = folder !== undefined && folder in kinds ? kinds[folder as keyof typeof kinds] : null;
    if (kind === null || !/\.json$/i.test(e.path)) {
      out.other.push(e.path);
      continue;
    }
    out[kind].push({ name: `${zip.name}!${e.path}`, path: e.path, text: () => zip.text(e.path) });
  }
  return out;
}

/** True when the zip looks like a LegiScan dataset (it has a `bill/`, `people/` or `vote/` JSON entry). */
export function isLegiScanDataset(zip: ZipArchive): boolean {
  const d = readLegiScanDataset(zip);
  return d.bills.length + d.people.length + d.votes.length > 0;
}
