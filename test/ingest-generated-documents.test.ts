/**
 * Real corpus texts rendered at test time to HTML, DOCX and (with Chromium) PDF by test/fixtures/
 * generate-documents.ts, into a temporary folder, then read back: each format must give the same citations as
 * the text itself, and a quote of the Palermo Protocol's Article 3 and of 18 U.S.C. § 1589 must survive.
 * Skipped with a warning when the corpus (or Chromium, for PDF) is absent, unless REQUIRE_CORPUS=1 /
 * REQUIRE_BROWSER=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenProvisions } from '../src/core/laws/types.ts';
import { readDocument } from '../src/ingest/documents/read-document.ts';
import { readText } from '../src/ingest/documents/readers/text.ts';
import type { ReadDocument } from '../src/ingest/documents/types.ts';
import {
  chromiumAvailable,
  corpusDir,
  type GeneratedDocuments,
  generateDocuments,
} from './fixtures/generate-documents.ts';

const corpus = corpusDir();
const withPdf = corpus !== null && chromiumAvailable();

const sources = [
  {
    file: 'treaties/BWBV0001749-un-trafficking-in-persons-protocol-2000.md',
    citation: 'Art. 3(a)',
    quote: 'the recruitment, transportation, transfer, harbouring or receipt of persons',
  },
  {
    file: 'uslm/usc-t18-ch77-codexstanford-chunks.txt',
    citation: '§ 1589(a)',
    quote: 'knowingly provides or obtains the labor or services of a person',
  },
] as const;

const load = (file: string) => ({
  fileName: path.basename(file),
  bytes: new Uint8Array(fs.readFileSync(file)),
});
const citations = (d: ReadDocument) => flattenProvisions(d.provisions).map((p) => p.node.citation);
const textOf = (d: ReadDocument, c: string) =>
  flattenProvisions(d.provisions).find((p) => p.node.citation === c)?.node.text ?? '';

describe.skipIf(corpus === null)('documents generated from the corpus', () => {
  let dir = '';
  const made = new Map<string, GeneratedDocuments>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-generated-'));
    for (const s of sources) {
      made.set(s.file, await generateDocuments(path.join(corpus ?? '', s.file), dir, { pdf: withPdf }));
    }
  }, 120_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const s of sources) {
    for (const format of ['html', 'docx', 'pdf'] as const) {
      it.skipIf(format === 'pdf' && !withPdf)(
        `${s.file} as ${format}: same citations, quote kept`,
        async () => {
          const text = await readText(load(path.join(corpus ?? '', s.file)));
          const generated = made.get(s.file)?.[format];
          expect(generated).toBeTruthy();
          const doc = await readDocument(load(generated ?? ''));
          expect(doc.format).toBe(format);
          expect(citations(doc)).toEqual(citations(text));
          expect(textOf(text, s.citation)).toContain(s.quote);
          expect(textOf(doc, s.citation)).toContain(s.quote);
          if (format === 'pdf') {
            // Every provision has the page it starts on, pages only grow, and no page number is left in the text.
            const pages = citations(doc).map((c) => doc.pages?.[c] ?? 0);
            expect(pages.every((p, i) => p >= 1 && p >= (pages[i - 1] ?? 1))).toBe(true);
            expect(pages.at(-1)).toBeGreaterThan(1);
            expect(doc.notes.some((n) => /removed \d+ repeated page header/.test(n))).toBe(true);
          }
        },
      );
    }
  }
});
