/**
 * The labelled development set (eval/labels) checked against the corpus as our readers produce it: every
 * labelled document exists and reads, every label names an indicator of framework v1, and every label quote is
 * a verbatim substring of the provision it cites. A splitter or reader change that moves citations fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPresent, corpusRoot, readCorpusDocument, toEvalDocument } from '../eval/corpus.ts';
import { loadLabelFiles } from '../eval/labels.ts';
import { builtinFrameworks } from '../src/core/framework/builtin.ts';
import { parseFramework } from '../src/core/framework/parse-framework.ts';

const corpus = corpusRoot();
const present = corpusPresent(corpus);
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${corpus}: skipping the label checks`);

const framework = parseFramework(builtinFrameworks[0]);
const indicatorIds = new Set(framework.indicators.map((i) => i.id));
const labelFiles = loadLabelFiles();

describe('eval label files', () => {
  it('name only real indicators, never the blind set, and cover the priority documents', () => {
    expect(labelFiles.length).toBeGreaterThanOrEqual(10);
    for (const file of labelFiles) {
      for (const label of file.labels)
        expect(indicatorIds, `${file.file} ${label.indicator}`).toContain(label.indicator);
      expect(file.document).not.toMatch(/^(national|states)\//);
    }
    const documents = labelFiles.map((f) => f.document);
    expect(documents).toContain('uslm/usc-t18-ch77-codexstanford-chunks.txt');
    expect(documents).toContain('treaties/BWBV0001749-un-trafficking-in-persons-protocol-2000.md');
    expect(labelFiles.some((f) => f.relevance === 'unrelated')).toBe(true);
  });
});

describe.skipIf(!present && !required)('eval labels against the corpus', () => {
  it('finds the corpus', () => {
    expect(present, `corpus expected at ${corpus}`).toBe(true);
  });

  for (const file of labelFiles) {
    it(`${file.document}: exists, reads, and every quote is verbatim in its provision`, async () => {
      expect(fs.existsSync(path.join(corpus, file.document)), file.document).toBe(true);
      const read = await readCorpusDocument(corpus, file.document, file.format);
      expect(read.format).toBe(file.format);
      const doc = toEvalDocument(read, file.document);
      expect(doc.analyzerDocument.provisions.length).toBeGreaterThan(0);
      const cited = new Set(file.labels.flatMap((l) => l.evidence.map((e) => e.citation)));
      const repeated = doc.analyzerDocument.provisions.filter((p, i, all) =>
        all.some((q, j) => j < i && q.citation === p.citation),
      );
      // A repeated citation is renamed `… [2]` for the analyzer, so a label must never rest on one.
      expect(repeated.filter((p) => cited.has(p.citation)).map((p) => p.citation)).toEqual([]);
      for (const label of file.labels) {
        for (const evidence of label.evidence) {
          const where = `${file.file} ${label.indicator} [${evidence.citation}]`;
          const text = doc.texts.get(evidence.citation);
          expect(text, `${where}: no provision has this citation`).toBeDefined();
          expect(text, `${where}: quote not verbatim`).toContain(evidence.quote);
        }
      }
    });
  }
});
