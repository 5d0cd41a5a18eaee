/**
 * The real Open States samples in the shared corpus (`openstates/`) through the bulk-aware entry point the
 * bill import now uses: none is a bulk file (no bulk JSON, zip or CSV is in the corpus), so each must still
 * be refused cleanly, as text and as bytes, never read as a bulk file and never crash. Read in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../src/core/errors.ts';
import { readOpenStatesInput } from '../src/ingest/bill-bulk.ts';
import { isOpenStatesBulkJson } from '../src/ingest/openstates/bulk-json.ts';
import { looksLikeZip } from '../src/ingest/zip.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus', 'openstates');
const present = fs.existsSync(dir);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${dir}: skipping the Open States bulk check`);

describe.skipIf(!present && !required)('Open States corpus samples through the bulk readers', () => {
  const files = present ? fs.readdirSync(dir).sort() : [];

  it('finds no bulk file and refuses every sample cleanly, as text and as bytes', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const name of files) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(looksLikeZip(bytes), name).toBe(false);
      expect(isOpenStatesBulkJson(bytes.toString('utf8')), name).toBe(false);
      for (const data of [bytes.toString('utf8'), new Uint8Array(bytes)]) {
        try {
          const { records, skippedVotes } = readOpenStatesInput(name, data);
          expect(skippedVotes).toBe(0);
          for (const r of records) expect(r.record, name).toBeNull();
        } catch (err) {
          if (!isDomainError(err, 'BILL_FILE_INVALID')) throw err;
          expect(err.message.startsWith(`${name}: `), err.message).toBe(true);
        }
      }
    }
  });
});
