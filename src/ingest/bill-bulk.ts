/**
 * One entry point for every bill file shape of a source, picked from the content: for Open States, scrape or
 * API v3 JSON, per-session bulk JSON (a `.json` file, or the session JSON zip) and the CSV v2.1 zip; for
 * LegiScan, getBill JSON (weekly dataset zips are opened by the caller, which reads each entry on its own).
 * A file named `.zip`, or whose bytes start like one, is read as a zip.
 */
import { DomainError } from '../core/errors.ts';
import { readLegiScanBills } from './legiscan/bills.ts';
import { readOpenStatesBills } from './openstates/bills.ts';
import { type BulkRead, type BulkReadOptions, withBillZip } from './openstates/bulk-common.ts';
import { isOpenStatesCsvZip, readOpenStatesCsvZip } from './openstates/bulk-csv.ts';
import {
  isOpenStatesBulkJson,
  readOpenStatesBulkJson,
  readOpenStatesJsonZip,
} from './openstates/bulk-json.ts';
import { looksLikeZip } from './zip.ts';

export type { BulkRead, BulkReadOptions } from './openstates/bulk-common.ts';

/** True when the file is a zip archive by name or by its first bytes. */
export function isZipInput(name: string, data: string | Uint8Array): data is Uint8Array {
  return typeof data !== 'string' && (/\.zip$/i.test(name) || looksLikeZip(data));
}

/** The text of a file given as bytes; throws BILL_FILE_INVALID when it is not UTF-8. */
export function billText(name: string, data: string | Uint8Array): string {
  if (typeof data === 'string') return data;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw new DomainError('BILL_FILE_INVALID', `${name}: is neither a zip archive nor UTF-8 text`, {
      file: name,
    });
  }
}

/** Reads any Open States bill file (text or bytes); throws BILL_FILE_INVALID when the file is unreadable. */
export function readOpenStatesInput(
  name: string,
  data: string | Uint8Array,
  options: BulkReadOptions = {},
): BulkRead {
  if (isZipInput(name, data)) {
    return withBillZip(name, data, (zip) =>
      isOpenStatesCsvZip(zip)
        ? readOpenStatesCsvZip(name, zip, options)
        : readOpenStatesJsonZip(name, zip, options),
    );
  }
  const text = billText(name, data);
  if (isOpenStatesBulkJson(text)) return readOpenStatesBulkJson(name, text, options);
  return { records: readOpenStatesBills(name, text, options), votes: [], skippedVotes: 0 };
}

/** Reads a LegiScan getBill file (text or bytes, not a zip); throws BILL_FILE_INVALID when unreadable. */
export function readLegiScanInput(name: string, data: string | Uint8Array): BulkRead {
  return { records: readLegiScanBills(name, billText(name, data)), votes: [], skippedVotes: 0 };
}
