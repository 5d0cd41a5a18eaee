/**
 * The analyzer's promise on real law: over every document of the corpus that our readers accept, analyzed as
 * `lawgap analyze FILE` does, every quote it emits is a verbatim substring of the provision it cites, at the offsets it gives. The blind set
 * (`national/`, `states/`) is included only for this mechanical property: failures there name the file,
 * indicator and citation but never print the quote, and nothing about its content is asserted or shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBadQuotes } from '../eval/compare.ts';
import { analyzeCorpusDocument, corpusPresent, corpusRoot } from '../eval/corpus.ts';
import { DomainError } from '../src/core/errors.ts';
import { builtinFrameworks } from '../src/core/framework/builtin.ts';
import { parseFramework } from '../src/core/framework/parse-framework.ts';

const corpus = corpusRoot();
const present = corpusPresent(corpus);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required)
  console.warn(`corpus not found at ${corpus}: skipping the analyzer verbatim check`);

const folders = [
  { name: 'uslm', blind: false },
  { name: 'treaties', blind: false },
  { name: 'akn', blind: false },
  { name: 'national', blind: true },
  { name: 'states', blind: true },
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe.skipIf(!present && !required)('analyzer quotes on the corpus', () => {
  const framework = parseFramework(builtinFrameworks[0]);

  for (const folder of folders) {
    it(`every quote is verbatim in ${folder.name}/`, { timeout: 240_000 }, async () => {
      const files = filesUnder(path.join(corpus, folder.name));
      if (!folder.blind) expect(files.length, `${folder.name}/ is empty`).toBeGreaterThan(0);
      let count = 0;
      const bad: string[] = [];
      for (const file of files) {
        const relative = path.relative(corpus, file);
        let result: Awaited<ReturnType<typeof analyzeCorpusDocument>>;
        try {
          result = await analyzeCorpusDocument(corpus, relative, 'auto');
        } catch (error) {
          // Refusals are the readers' tests' business; here only accepted documents matter.
          if (error instanceof DomainError) continue;
          throw error;
        }
        const { doc, analysis } = result;
        expect(analysis.suggestions).toHaveLength(framework.indicators.length);
        for (const q of findBadQuotes(relative, doc, analysis)) {
          bad.push(
            `${relative} ${q.indicator} [${q.citation}]: ${q.reason}${folder.blind ? '' : ` "${q.quote}"`}`,
          );
        }
        count++;
      }
      if (!folder.blind) expect(count, `no ${folder.name}/ document was read`).toBeGreaterThan(0);
      expect(bad).toEqual([]);
    });
  }
});
