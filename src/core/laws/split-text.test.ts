import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { splitPlainText } from './split-text.ts';
import { flattenProvisions, type ProvisionNode } from './types.ts';

const split = (text: string) => splitPlainText(text, { documentCitation: 'Fictional Act' });
/** `kind citation | heading | text` per provision, indented by depth. */
const outline = (nodes: ProvisionNode[]) =>
  flattenProvisions(nodes).map(
    ({ node, depth }) =>
      `${'  '.repeat(depth)}${node.kind} ${node.citation} | ${node.heading ?? ''} | ${node.text}`,
  );

describe('splitPlainText', () => {
  it('splits by §, Section, Sec., Article, Art. and Artículo headings, with the title and a preamble', () => {
    const r = split(
      [
        'Fictional Omnibus Act',
        'An invented preamble',
        'spanning two lines.',
        '',
        '§ 101. Scope',
        'Applies to everything.',
        'Section 2 — Duties',
        'Sec. 3: Rights',
        'Article 4 - Remedies',
        'Art. 5. Review',
        'Artículo 6. Vigencia',
        '§ 7A.',
        'Commencement',
        'On a date.',
      ].join('\n'),
    );
    expect(r.title).toBe('Fictional Omnibus Act');
    expect(outline(r.provisions)).toEqual([
      'preamble preamble |  | An invented preamble spanning two lines.',
      'section § 101 | Scope | Applies to everything.',
      'section s. 2 | Duties | ',
      'section s. 3 | Rights | ',
      'article Art. 4 | Remedies | ',
      'article Art. 5 | Review | ',
      'article Art. 6 | Vigencia | ',
      'section § 7A | Commencement | On a date.',
    ]);
    expect(r.notes).toEqual([]);
  });

  it('keeps sentences that start like a heading as text, unless they are markdown headings', () => {
    const r = split(
      'Act\n\nSection 1. Application\nSection 3 of this Act applies to ships.\n\n## Section 2 Offences\nText.',
    );
    expect(outline(r.provisions)).toEqual([
      'section s. 1 | Application | Section 3 of this Act applies to ships.',
      'section s. 2 | Offences | Text.',
    ]);
  });

  it('takes the next short line as the heading of a bare "Article N"', () => {
    const r = split(
      'Fictional Convention\n\nArticle 1\nPurposes\n\n1. The purposes are listed.\n\nArticle 2\n(a) items follow.',
    );
    expect(outline(r.provisions)).toEqual([
      'article Art. 1 | Purposes | ',
      '  subsection Art. 1(1) |  | The purposes are listed.',
      'article Art. 2 |  | ',
      '  subsection Art. 2(a) |  | items follow.',
    ]);
  });

  it('nests subsections in the order their marker styles appear', () => {
    const us = split(
      'Act\n\n§ 1. Offence\n(a) Whoever—\n(1) recruits; or\n(A) by force;\n(i) openly;\n(ii) secretly;\n(B) by fraud;\n(2) harbours.\n(b) Penalty.',
    );
    expect(
      flattenProvisions(us.provisions).map((p) => `${p.depth} ${p.node.kind} ${p.node.citation}`),
    ).toEqual([
      '0 section § 1',
      '1 subsection § 1(a)',
      '2 paragraph § 1(a)(1)',
      '3 subparagraph § 1(a)(1)(A)',
      '4 clause § 1(a)(1)(A)(i)',
      '4 clause § 1(a)(1)(A)(ii)',
      '3 subparagraph § 1(a)(1)(B)',
      '2 paragraph § 1(a)(2)',
      '1 subsection § 1(b)',
    ]);
    const uk = split('Act\n\nSection 2. Meaning\n(1) In this Act—\n(a) one;\n(b) two.\n(2) Also (c) this.');
    expect(flattenProvisions(uk.provisions).map((p) => p.node.citation)).toEqual([
      's. 2',
      's. 2(1)',
      's. 2(1)(a)',
      's. 2(1)(b)',
      's. 2(2)',
    ]);
  });

  it('reads (i) after (h) as a letter and elsewhere as a roman numeral; splits chained markers', () => {
    const letters = 'abcdefgh'.split('').map((l) => `(${l}) item ${l};`);
    const r = split(
      `Act\n\n§ 1. List\n${letters.join('\n')}\n(i) item i;\n(j) item j.\n\n§ 2. Chain\n(a)(1) first;\n(2) second.`,
    );
    const citations = flattenProvisions(r.provisions).map((p) => p.node.citation);
    expect(citations).toContain('§ 1(i)');
    expect(citations).toContain('§ 1(j)');
    expect(citations.slice(-4)).toEqual(['§ 2', '§ 2(a)', '§ 2(a)(1)', '§ 2(a)(2)']);
    expect(r.provisions[1]?.children[0]?.children[0]?.text).toBe('first;');
  });

  it('merges a repeated section heading (chunk boundaries) and repeated container headings', () => {
    const chunk = (body: string) =>
      `===== FILE: chunk.md =====\n\n# Title 99— FICTIONAL CODE\n### CHAPTER 7— OFFENCES\n#### § 701. Offence\n${body}\n`;
    const r = split(
      `${chunk('###### (a) Whoever—\n\n(1) first;')}${chunk('(2) second.\n\n###### (b) Penalty.')}`,
    );
    expect(r.mergedHeadings).toBe(3);
    expect(r.notes).toEqual(['merged 3 repeated heading(s) into the provisions they repeat']);
    expect(outline(r.provisions)).toEqual([
      'title tit. 99 | FICTIONAL CODE | ',
      '  chapter ch. 7 | OFFENCES | ',
      '    section § 701 | Offence | ',
      '      subsection § 701(a) |  | Whoever—',
      '        paragraph § 701(a)(1) |  | first;',
      '        paragraph § 701(a)(2) |  | second.',
      '      subsection § 701(b) |  | Penalty.',
    ]);
  });

  it('qualifies a section number repeated under another part, keeping citations unique', () => {
    const r = split(
      'Act\n\nPart 1 — One\nSection 1. A\nText a.\nPart 2 — Two\nSection 1. B\nText b.\nPart II — Again\nSection 1. C',
    );
    expect(flattenProvisions(r.provisions).map((p) => p.node.citation)).toEqual([
      'pt. 1',
      's. 1',
      'pt. 2',
      'pt. 2, s. 1',
      'pt. II',
      'pt. II, s. 1',
    ]);
  });

  it('joins hard-wrapped lines, keeps paragraphs, and reads CRLF text with a byte-order mark', () => {
    const r = split(
      '\uFEFFAct\r\n\r\nSection 1. Rule\r\nOne line\r\ncontinued.\r\n\r\nA second   paragraph.',
    );
    expect(r.provisions[0]?.text).toBe('One line continued.\n\nA second paragraph.');
  });

  it('keeps a heading too long to be one as the provision’s text', () => {
    const long = `${'word '.repeat(60)}end.`;
    const r = split(`Act\n\nSection 1. ${long}`);
    expect(r.provisions[0]).toMatchObject({ citation: 's. 1', heading: null, text: long });
  });

  it('imports text without headings as one provision citing the document, with a note', () => {
    const r = split('A fictional notice\nwith two lines.\n\nAnd a paragraph.');
    expect(r.provisions).toEqual([
      {
        kind: 'document',
        citation: 'Fictional Act',
        heading: null,
        text: 'A fictional notice with two lines.\n\nAnd a paragraph.',
        children: [],
      },
    ]);
    expect(r.notes).toEqual(['no section headings were recognized: the text was imported as one provision']);
  });

  it('refuses empty text', () => {
    for (const text of ['', '  \n\t\n', '===== FILE: x =====\n-----\n']) {
      expect(() => split(text)).toThrowError(/empty/);
      try {
        split(text);
      } catch (err) {
        expect(isDomainError(err, 'LAW_INVALID')).toBe(true);
      }
    }
  });
});
