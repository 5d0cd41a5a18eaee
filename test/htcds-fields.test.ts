/**
 * Our HTCDS field table against the standard's own files in ../shared/corpus/htcds (read in place, never copied):
 * every accepted field has the standard's type and exactly its picklist values; every field of the standard is
 * either accepted or rejected, so no field of the standard can slip in unclassified; the forced-labour industry
 * picklist matches the TIER 1 list of the field definitions. Skipped with a message when the corpus is absent;
 * REQUIRE_CORPUS=1 makes its absence fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedField, acceptedFields, rejectedFields } from '../src/core/cases/htcds-fields.ts';
import { parseCsv } from '../src/core/csv.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus', 'htcds');
const standards = path.join(corpus, 'HTCDS Field Standards 2.0.Field_Standards.csv');
const definitions = path.join(corpus, 'htcds-field-definitions.csv');
const present = fs.existsSync(standards) && fs.existsSync(definitions);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required)
  console.warn(`HTCDS corpus not found at ${corpus}: skipping the field table check`);

function standardFields(): Map<string, { type: string; values: string[]; status: string }> {
  const { records } = parseCsv(fs.readFileSync(standards, 'utf8'));
  const out = new Map<string, { type: string; values: string[]; status: string }>();
  for (const { cells } of records.slice(1)) {
    const name = (cells[6] ?? '').trim();
    if (name === '' || name === 'N/A') continue;
    const values = (cells[9] ?? '')
      .split('\n')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    out.set(name, { type: (cells[7] ?? '').trim(), values, status: (cells[1] ?? '').trim() });
  }
  return out;
}

describe.skipIf(!present && !required)('HTCDS field table', () => {
  it('finds the corpus', () => {
    expect(present, `HTCDS corpus not found at ${corpus} (REQUIRE_CORPUS=1)`).toBe(true);
  });

  it('gives every accepted field the standard’s type and exact picklist values', () => {
    const standard = standardFields();
    expect(standard.size).toBeGreaterThan(60);
    for (const field of acceptedFields) {
      const theirs = standard.get(field.name);
      expect(theirs, field.name).toBeDefined();
      expect(field.type, field.name).toBe(theirs?.type);
      // Country fields: the standard names ISO 3166 instead of listing values (prs_Citizenship), or leaves a
      // country as text (hte_Country), which we narrow to ISO 3166 codes like its other country fields.
      if (field.iso3166)
        expect(theirs?.type === 'Text' || /ISO 3166/.test(theirs?.values.join(' ') ?? ''), field.name).toBe(
          true,
        );
      else if (field.type.includes('Picklist'))
        expect([...(field.values ?? [])], field.name).toEqual(theirs?.values);
    }
  });

  it('classifies every field of the standard as accepted or rejected, never both', () => {
    const standard = standardFields();
    for (const name of standard.keys()) {
      expect(acceptedField(name) !== undefined || rejectedFields.has(name), name).toBe(true);
      expect(acceptedField(name) !== undefined && rejectedFields.has(name), name).toBe(false);
    }
    for (const name of rejectedFields.keys()) expect(standard.has(name), name).toBe(true);
  });

  it('matches the TIER 1 labour industries of the field definitions', () => {
    const { records } = parseCsv(fs.readFileSync(definitions, 'utf8'));
    const tier1 = records
      .filter((r) => (r.cells[0] ?? '').startsWith('Labour Industry (TIER 1)'))
      .map((r) => (r.cells[1] ?? '').trim());
    expect(tier1.length).toBe(21);
    expect(tier1).toEqual([...(acceptedField('vic_ForcedLabourIndustry')?.values ?? [])]);
  });
});
