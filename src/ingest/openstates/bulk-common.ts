/**
 * What the two Open States bulk readers (per-session JSON and CSV v2.1) share. Bulk files name the
 * jurisdiction by its name (`jurisdiction_name` "Texas") and action organizations by name ("Senate"), not by
 * id, so both are mapped here: names through the built-in jurisdiction list (US states, DC and territories;
 * "United States" is Congress), organizations to chambers by the words legislatures use for them.
 */
import { divisionOfJurisdiction } from '../../core/bills/jurisdiction.ts';
import { type Chamber, chambers } from '../../core/bills/types.ts';
import { DomainError } from '../../core/errors.ts';
import type { BillFileRecord } from '../bill-fields.ts';
import { builtinJurisdictions } from '../iso-jurisdictions.ts';
import { openZip, type ZipArchive, ZipError } from '../zip.ts';

/** What a bulk reader returns: the bills, their roll-call votes, and the votes it could not convert. */
export interface BulkRead {
  records: BillFileRecord[];
  /** The file's votes as scrape-format vote events naming their bill by OCD id (`ingest/votes.ts` reads them). */
  votes: Record<string, unknown>[];
  /** Votes left out because their bill is not in the file (or has no OCD id). */
  skippedVotes: number;
}

/** A row of a bulk CSV: its cells by column name, and where it came from (`zip!entry line N`). */
export interface CsvRow {
  get(column: string): string;
  where: string;
}

/** Options of the bulk readers. */
export interface BulkReadOptions {
  /** An ocd-jurisdiction or ocd-division id, for files whose jurisdiction name is not known. */
  jurisdiction?: string;
}

let byName: Map<string, string> | null = null;

/** The OCD division of an Open States jurisdiction name (`Texas`, `United States`); null when unknown. */
export function divisionOfJurisdictionName(name: string): string | null {
  if (byName === null) {
    byName = new Map([['united states', 'ocd-division/country:us']]);
    for (const j of builtinJurisdictions()) {
      if (j.parentId === 'ocd-division/country:us') byName.set(j.name.en.toLowerCase(), j.id);
    }
  }
  return byName.get(name.trim().toLowerCase()) ?? null;
}

/**
 * The jurisdiction of a bulk record from its name, else the option; a message when neither names a known
 * jurisdiction or when they disagree.
 */
export function bulkJurisdiction(
  name: string | null,
  options: BulkReadOptions,
): { id: string } | { problem: string } {
  const fromOption = options.jurisdiction === undefined ? null : divisionOfJurisdiction(options.jurisdiction);
  if (options.jurisdiction !== undefined && fromOption === null)
    return { problem: `"${options.jurisdiction}" is not an OCD jurisdiction or division id` };
  const fromName = name === null ? null : divisionOfJurisdictionName(name);
  if (fromName !== null && fromOption !== null && fromName !== fromOption)
    return { problem: `jurisdiction "${name}" is ${fromName}, not the ${fromOption} given` };
  const id = fromName ?? fromOption;
  if (id !== null) return { id };
  return {
    problem:
      name === null
        ? 'names no jurisdiction: give --jurisdiction'
        : `jurisdiction "${name}" is not a known US jurisdiction name: give --jurisdiction`,
  };
}

/** The chamber an organization name or classification stands for ("Senate" → upper); null when unclear. */
export function chamberOfOrganization(name: string | null): Chamber | null {
  if (name === null) return null;
  const n = name.trim().toLowerCase();
  if ((chambers as readonly string[]).includes(n)) return n as Chamber;
  if (/\bsenate\b/.test(n)) return 'upper';
  if (/^(house|assembly)\b|\bhouse of (representatives|delegates)\b/.test(n)) return 'lower';
  if (/\b(governor|executive)\b/.test(n)) return 'executive';
  if (/\b(legislature|general assembly|council|congress)\b/.test(n)) return 'legislature';
  return null;
}

/** A fuzzy date as Open States writes it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with a time). */
export const fuzzyDate = /^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A list cell of the CSV export: Python's list repr as the exporter writes it (`['passage', 'reading-3']`),
 * a JSON array, or plain text separated by semicolons; null when it is none of these.
 */
export function listCell(cell: string): string[] | null {
  const s = cell.trim();
  if (s === '' || s === '[]' || s === '{}') return [];
  if (!s.startsWith('[') && !s.startsWith('{'))
    return s
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  if (s.startsWith('{')) {
    // PostgreSQL array literal: {a,"b c"}
    const inner = s.slice(1, -1);
    if (!s.endsWith('}')) return null;
    return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) =>
      m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '').trim(),
    );
  }
  // JSON only when the first item is double-quoted: Python's repr single-quotes most strings, and a
  // failed JSON.parse (an exception per cell) is slow on large files.
  if (/^\[\s*"/.test(s)) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
    } catch {
      // not JSON (Python writes "it's" with double quotes too): read it as Python's repr below
    }
  }
  const items: string[] = [];
  const token = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*(,|\])/gy;
  token.lastIndex = 1;
  if (/^\[\s*\]$/.test(s)) return [];
  for (;;) {
    const m = token.exec(s);
    if (!m) return null;
    items.push(pythonUnescape(m[1] ?? m[2] ?? ''));
    if (m[3] === ']') return token.lastIndex === s.length ? items : null;
  }
}

const pythonEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0' };

/** The text of a Python string literal's body: `\n`, `\t`, `\xNN`, `\uNNNN`, `\\`, `\'` and the like. */
function pythonUnescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    if (e.length > 1) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    return pythonEscapes[e] ?? e;
  });
}

/** A boolean cell (`True`, `false`, `t`, `1`, …); null when it is not one. */
export function boolCell(cell: string): boolean | null {
  const s = cell.trim().toLowerCase();
  if (['true', 't', '1', 'yes'].includes(s)) return true;
  if (['false', 'f', '0', 'no', ''].includes(s)) return false;
  return null;
}

/**
 * Runs a reader over a zip (opened from bytes when needed), turning zip problems (a damaged or unsafe archive,
 * a corrupt entry) into BILL_FILE_INVALID with the message naming the file.
 */
export function withBillZip<R>(name: string, data: Uint8Array | ZipArchive, read: (zip: ZipArchive) => R): R {
  try {
    return read(data instanceof Uint8Array ? openZip(name, data) : data);
  } catch (err) {
    if (err instanceof ZipError) throw new DomainError('BILL_FILE_INVALID', err.message, { file: name });
    throw err;
  }
}
