/**
 * The plain-text importer on a real chunked source: US Code title 18 chapter 77 as the codexstanford chunk
 * files, which repeat the title, chapter and section headings at every chunk boundary. Each section must come
 * out once, with its subsections in order. The corpus is read in place and never copied; only `uslm/` is used
 * (`national/` and `states/` are a blind set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLawVersionText, importLaw, searchLaws } from '../src/services/laws.ts';
import { describeEachEngine } from './engines.ts';
import { lawCtx } from './laws-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const file = path.join(corpus, 'uslm/usc-t18-ch77-codexstanford-chunks.txt');
const present = fs.existsSync(file);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${corpus}: skipping the US Code import`);

const sections = [
  ...Array.from({ length: 13 }, (_, i) => `§ ${1581 + i}`),
  '§ 1593A',
  '§ 1594',
  '§ 1595',
  '§ 1595A',
  '§ 1596',
  '§ 1597',
];

describe.skipIf(!present && !required)('US Code chapter 77 chunks', () => {
  it('finds the corpus', () => {
    expect(present, `corpus not found at ${file} (REQUIRE_CORPUS=1)`).toBe(true);
  });
});

if (present) {
  describeEachEngine('US Code chapter 77 chunks imported as text', (get) => {
    it('gives each section once, repeated headings merged, subsections nested', async () => {
      const ctx = lawCtx(get());
      const result = await importLaw(ctx, {
        jurisdictionId: 'ocd-division/country:us',
        format: 'text',
        content: fs.readFileSync(file, 'utf8'),
        citation: '18 U.S.C. ch. 77',
        effectiveFrom: '2024-01-01',
      });
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]).toMatch(/^merged \d+ repeated heading\(s\)/);
      const { provisions } = await getLawVersionText(ctx, result.document.id, result.version.id);
      const citations = provisions.map((p) => p.citation);
      expect(new Set(citations).size).toBe(citations.length);
      expect(provisions.filter((p) => p.kind === 'section').map((p) => p.citation)).toEqual(sections);
      expect(
        provisions.filter((p) => p.kind === 'title' || p.kind === 'chapter').map((p) => p.citation),
      ).toEqual(['tit. 18', 'ch. 77']);
      const s1591 = provisions.find((p) => p.citation === '§ 1591');
      expect(s1591?.heading).toBe('Sex trafficking of children or by force, fraud, or coercion');
      const children = provisions.filter((p) => p.parentId === s1591?.id).map((p) => p.citation);
      expect(children).toEqual(['§ 1591(a)', '§ 1591(b)', '§ 1591(c)', '§ 1591(d)', '§ 1591(e)']);
      expect(citations).toContain('§ 1591(e)(2)(C)');
      const hits = await searchLaws(ctx, { query: 'commercial sex act', limit: 5 });
      expect(hits.map((h) => h.citation)).toContain('§ 1591(e)(3)');
    });
  });
}
