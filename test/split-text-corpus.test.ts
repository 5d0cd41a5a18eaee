/**
 * Pins the citations the plain-text splitter gives the corpus text files (US Code chunks and treaties). Other
 * work labels these files by those citations, so a splitter change must not move them: each file's citation
 * count, a readable sample and a hash of the full list (in document order) were recorded before the OCR and
 * heading extensions and must stay equal; only C029 and the slavery conventions were re-pinned, when markdown
 * headings without a space (`###Article 1`) began to split them. Reads the corpus in place; skipped when it is absent, unless
 * REQUIRE_CORPUS=1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPlainText } from '../src/core/laws/split-text.ts';
import { flattenProvisions } from '../src/core/laws/types.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'treaties')) && fs.existsSync(path.join(corpus, 'uslm'));
if (!present && process.env.REQUIRE_CORPUS !== '1')
  console.warn(`corpus not found at ${corpus}: skipping the pinned splitter citations`);

/** File, citation count, first 16 hex digits of sha256(citations joined by newlines), first six and last two. */
const pinned: Array<[string, number, string, string[]]> = [
  [
    'uslm/usc-t18-ch77-codexstanford-chunks.txt',
    117,
    'd55c3ce24c5c3765',
    ['tit. 18', 'ch. 77', '§ 1581', '§ 1581(a)', '§ 1581(b)', '§ 1582', '§ 1597(b)', '§ 1597(c)'],
  ],
  [
    'uslm/usc-t22-ch78-codexstanford-chunks.txt',
    768,
    '7632d8d523c6cf4c',
    ['tit. 22', 'ch. 78', '§ 7101', '§ 7101(a)', '§ 7101(b)', '§ 7101(b)(1)', '§ 7115(c)(2)', '§ 7115(c)(3)'],
  ],
  [
    'treaties/BWBV0001710-un-firearms-protocol-2001.md',
    105,
    '505ed7632b4b1a7f',
    ['preamble', 'Art. 1', 'Art. 1(1)', 'Art. 1(2)', 'Art. 1(3)', 'Art. 2', 'Art. 21(5)', 'Art. 21(6)'],
  ],
  [
    'treaties/BWBV0001749-un-trafficking-in-persons-protocol-2000.md',
    102,
    'e001f58a09d84462',
    ['preamble', 'Art. 1', 'Art. 1(1)', 'Art. 1(2)', 'Art. 1(3)', 'Art. 2', 'Art. 20(5)', 'Art. 20(6)'],
  ],
  [
    'treaties/BWBV0001750-un-smuggling-of-migrants-protocol-2000.md',
    139,
    '13c9d8161ac0b49b',
    ['preamble', 'Art. 1', 'Art. 1(1)', 'Art. 1(2)', 'Art. 1(3)', 'Art. 2', 'Art. 25(7)', 'Art. 25(8)'],
  ],
  [
    'treaties/BWBV0001752-crc-optional-protocol-sale-of-children-2000.md',
    91,
    'f34c8dfa2c7666cf',
    ['preamble', 'Art. 1', 'Art. 2', 'Art. 2(a)', 'Art. 2(b)', 'Art. 2(c)', 'Art. 17(5)', 'Art. 17(6)'],
  ],
  [
    'treaties/BWBV0004138-coe-convention-action-against-trafficking-2005.md',
    238,
    '7a9312a4da4e1bc1',
    [
      'preamble',
      'ch. I',
      'Art. 1',
      'Art. 1(1)',
      'Art. 1(1)(a)',
      'Art. 1(1)(b)',
      'Art. 47(g)(6)',
      'Art. 47(g)(7)',
    ],
  ],
  [
    'treaties/BWBV0004945-ilo-c105-abolition-of-forced-labour-1957.md',
    36,
    'b3fa8eb47a8c4667',
    [
      'preamble',
      'Art. 1',
      'Art. 1(a)',
      'Art. 1(b)',
      'Art. 1(c)',
      'Art. 1(d)',
      'Art. 10(e)(2)',
      'Art. 10(e)(3)',
    ],
  ],
  // C029 and the two slavery conventions split into articles since the splitter reads `###Article 1` (markdown
  // without the space); before, each was one provision cited by its file name.
  [
    'treaties/BWBV0006218-ilo-c029-forced-labour-convention-1930.md',
    115,
    '1f46eba9e56e3934',
    ['preamble', 'Art. 1', 'Art. 1(1)', 'Art. 1(2)', 'Art. 1(3)', 'Art. 2', 'Art. 33(4)', 'Art. 33(5)'],
  ],
  [
    'treaties/BWBV0006246-supplementary-convention-abolition-of-slavery-1956.md',
    67,
    'a72b6f5e69593d86',
    ['preamble', 's. I', 'Art. 1', 'Art. 1(a)', 'Art. 1(b)', 'Art. 1(c)', 'Art. 15(d)', 'Art. 15(d)(1)'],
  ],
  [
    'treaties/BWBV0006262-slavery-convention-1926.md',
    20,
    'f33d1f2d59d7962a',
    ['preamble', 'Art. 1', 'Art. 2', 'Art. 2(a)', 'Art. 2(b)', 'Art. 3', 'Art. 12(a)', 'Art. 12(b)'],
  ],
  [
    'treaties/BWBV0006447-ilo-p029-protocol-2014-forced-labour.md',
    33,
    '6b680e5fbd107de3',
    ['preamble', 'Art. 1', 'Art. 1(1)', 'Art. 1(2)', 'Art. 1(3)', 'Art. 2', 'Art. 11', 'Art. 12'],
  ],
];

describe.skipIf(!present && process.env.REQUIRE_CORPUS !== '1')(
  'splitter citations on the corpus text files',
  () => {
    it.each(pinned)('%s keeps its citations', (file, count, sha, sample) => {
      const text = fs.readFileSync(path.join(corpus, file), 'utf8');
      const citations = flattenProvisions(splitPlainText(text, { documentCitation: file }).provisions).map(
        (p) => p.node.citation,
      );
      expect([...citations.slice(0, 6), ...citations.slice(-2)]).toEqual(sample);
      expect(citations).toHaveLength(count);
      expect(createHash('sha256').update(citations.join('\n')).digest('hex').slice(0, 16)).toBe(sha);
    });
  },
);
