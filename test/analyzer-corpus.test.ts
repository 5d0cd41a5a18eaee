/**
 * The analyzer over the development corpus (uslm/, treaties/, akn/), read as `lawgap analyze FILE` reads it
 * (services/analysis.ts): every quote is verbatim at its offsets, every file gets one suggestion per
 * indicator, and Title 1 of the US Code (general provisions, unrelated to trafficking) gets `no` everywhere.
 * The blind set (national/, states/) is not read here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/core/errors.ts';
import { analyzeFiles } from '../src/services/analysis.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'uslm'));
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${corpus}: skipping the analyzer corpus test`);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

async function analyze(file: string) {
  return analyzeFiles([{ fileName: path.basename(file), bytes: fs.readFileSync(file) }], 'auto');
}

describe.skipIf(!present && !required)('analyzer on the development corpus', () => {
  it('finds the corpus when it is required', () => {
    expect(present, `corpus not found at ${corpus} (REQUIRE_CORPUS=1)`).toBe(true);
  });

  for (const folder of ['uslm', 'treaties', 'akn']) {
    it(`quotes verbatim in ${folder}/`, { timeout: 240_000 }, async () => {
      const files = filesUnder(path.join(corpus, folder));
      expect(files.length).toBeGreaterThan(0);
      let analyzed = 0;
      for (const file of files) {
        let result: Awaited<ReturnType<typeof analyze>>;
        try {
          result = await analyze(file);
        } catch (error) {
          if (error instanceof DomainError) continue; // refusals are the readers' tests' business
          throw error;
        }
        analyzed += 1;
        expect(result.suggestions, file).toHaveLength(66);
        const texts = new Map(result.document.provisions.map((p) => [p.citation, p.text]));
        expect(texts.size, `${file}: citations are unique`).toBe(result.document.provisions.length);
        for (const s of result.suggestions) {
          for (const e of s.evidence) {
            expect(texts.get(e.citation)?.slice(e.start, e.end), `${file} ${s.indicator} ${e.citation}`).toBe(
              e.quote,
            );
          }
        }
      }
      expect(analyzed).toBeGreaterThan(0);
    });
  }

  it('answers no everywhere on US Code Title 1 (unrelated law)', { timeout: 60_000 }, async () => {
    const result = await analyze(path.join(corpus, 'uslm/usc01.xml'));
    expect(result.document.format).toBe('uslm');
    expect(result.document.provisions.length).toBeGreaterThan(10);
    expect(result.suggestions.filter((s) => s.answer !== 'no').map((s) => s.indicator)).toEqual([]);
  });

  it('finds the core offence in 18 U.S.C. ch. 77 with evidence in § 1589-§ 1591', {
    timeout: 60_000,
  }, async () => {
    const result = await analyze(path.join(corpus, 'uslm/usc-t18-ch77-codexstanford-chunks.txt'));
    const cr01 = result.suggestions.find((s) => s.indicator === 'CR-01');
    expect(cr01?.answer).toBe('yes');
    expect(cr01?.evidence.some((e) => /§ 159[01]/.test(e.citation))).toBe(true);
  });
});
