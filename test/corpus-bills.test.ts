/**
 * The real Open States samples in the shared corpus (`openstates/`): none is a bill (a committee, a person,
 * the legacy billy JSON schema, a committee YAML), so each must be refused cleanly with a reason, never
 * imported and never crash the readers. Read in place, never copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../src/core/errors.ts';
import { readLegiScanBills } from '../src/ingest/legiscan/bills.ts';
import { readOpenStatesBills } from '../src/ingest/openstates/bills.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus', 'openstates');
const present = fs.existsSync(dir);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${dir}: skipping the Open States samples`);

describe.skipIf(!present && !required)('Open States corpus samples', () => {
  const files = present ? fs.readdirSync(dir).sort() : [];

  it('has the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses every non-bill sample with a reason or a positioned JSON error', () => {
    for (const name of files) {
      const content = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const read of [readOpenStatesBills, readLegiScanBills]) {
        try {
          const records = read(name, content);
          expect(records.length, name).toBeGreaterThan(0);
          for (const r of records) {
            expect(r.record, name).toBeNull();
            expect(r.reason, name).toMatch(/not an Open States bill|not a LegiScan bill/);
          }
        } catch (err) {
          if (!isDomainError(err, 'BILL_FILE_INVALID')) throw err;
          expect(name.endsWith('.yml'), `${name}: ${err.message}`).toBe(true);
          expect(err.message).toMatch(
            new RegExp(`^${name.replace(/\./g, '\\.')}: invalid JSON at line 1, column \\d+`),
          );
        }
      }
    }
  });

  it('reads the legacy billy schema’s action types as unknown classes if a file used them', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, 'legacy-billy-schema-bill.json'), 'utf8'));
    const legacy: string[] = schema.properties.actions.items.properties.type.items.enum;
    const bill = {
      id: 'ocd-bill/12345678-1234-4234-8234-123456789012',
      session: 'x',
      jurisdiction: { id: 'ocd-jurisdiction/country:us/state:ks/government' },
      identifier: 'HB 1',
      title: 'invented',
      actions: [{ date: '2091-01-01', description: 'legacy', classification: legacy }],
    };
    const [r] = readOpenStatesBills('legacy.json', JSON.stringify(bill));
    expect(r?.record?.actions[0]?.classification).toEqual([]);
    expect(r?.record?.actions[0]?.unknownClassification).toEqual(legacy);
  });
});
