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

  it('reads Art. with letter suffixes, bis, Roman article numbers and "Sect." headings', () => {
    const r = split(
      'Code\n\nArt. 273f. Offence\nText f.\nArt 12 bis - Added\nText bis.\nArticle IV\nFinal\nSect. 9: Nine\nArticle vi of this code stays text.',
    );
    expect(flattenProvisions(r.provisions).map((p) => `${p.node.citation}|${p.node.heading ?? ''}`)).toEqual([
      'Art. 273f|Offence',
      'Art. 12 bis|Added',
      'Art. IV|Final',
      's. 9|Nine',
    ]);
    expect(r.provisions[3]?.text).toBe('Article vi of this code stays text.');
  });

  it('reads UK-style "3.—(1)" sections with the side heading standing before them', () => {
    const r = split(
      'Fictional Act\n\nMeaning of things\n\n1.—(1) In this Act a thing is invented.\n(2) Also this.\n\n2.-(1) Dash variant.\n(a) item.',
    );
    expect(outline(r.provisions)).toEqual([
      'section s. 1 | Meaning of things | ',
      '  subsection s. 1(1) |  | In this Act a thing is invented.',
      '  subsection s. 1(2) |  | Also this.',
      'section s. 2 |  | ',
      '  subsection s. 2(1) |  | Dash variant.',
      '    paragraph s. 2(1)(a) |  | item.',
    ]);
    const titled = split('Fictional Widgets Act 2031\n\n1.—(1) Text.');
    expect(titled.title).toBe('Fictional Widgets Act 2031');
    expect(outline(titled.provisions)).toEqual(['section s. 1 |  | ', '  subsection s. 1(1) |  | Text.']);
  });

  it('keeps a Definitions block citable: as its own provision, or as the heading of the next section', () => {
    const block = split(
      'Fictional Act\n\nSection 1. Scope\nApplies.\n\nDEFINITIONS\n\n(a) "widget" means an invented thing;\n(b) "gadget" means another.\n\nSection 2. Duty\nText.',
    );
    expect(outline(block.provisions)).toEqual([
      'section s. 1 | Scope | Applies.',
      'section Definitions | DEFINITIONS | ',
      '  subsection Definitions(a) |  | "widget" means an invented thing;',
      '  subsection Definitions(b) |  | "gadget" means another.',
      'section s. 2 | Duty | Text.',
    ]);
    const cross = split('Fictional Act\n\nInterpretation:\n\nSection 4.\n(1) "widget" means a thing.');
    expect(outline(cross.provisions)).toEqual([
      'section s. 4 | Interpretation | ',
      '  subsection s. 4(1) |  | "widget" means a thing.',
    ]);
  });

  it('joins words hyphenated at line ends, keeping real compounds', () => {
    const r = split(
      'Act\n\nSection 1. Offence\nWhoever engages in traf-\nficking of persons, or a self-\nemployed recruiter, or an Anti-\nTrafficking unit.',
    );
    expect(r.provisions[0]?.text).toBe(
      'Whoever engages in trafficking of persons, or a self-employed recruiter, or an Anti- Trafficking unit.',
    );
    expect(r.notes).toContain('joined 2 word(s) hyphenated at a line end');
  });

  it('removes repeated page headers, footers and page numbers, and records the page of each provision', () => {
    const page = (n: number, body: string) => `FICTIONAL GAZETTE No. 12\n\n${body}\n\nPage ${n} of 3\n`;
    const r = split(
      [
        page(1, 'Fictional Act\n\nSection 1. Scope\nThis Act applies to'),
        page(2, 'invented things.\n\nSection 2. Duty\nA duty.'),
        page(3, 'Section 3. End\nThe end.'),
      ].join('\f'),
    );
    expect(outline(r.provisions)).toEqual([
      'section s. 1 | Scope | This Act applies to invented things.',
      'section s. 2 | Duty | A duty.',
      'section s. 3 | End | The end.',
    ]);
    expect(r.pages).toEqual({ 's. 1': 1, 's. 2': 2, 's. 3': 3 });
    expect(r.notes).toContain('removed 6 repeated page header/footer or page-number line(s)');
    // Without form feeds only counted page labels go; a header seen twice stays.
    const flat = split('Act\n\nSection 1. A\nOne.\n\n- 1 -\n\nTwo.\n\n- 2 -\n\nThree.\n\n- 3 -\n\n7\n');
    expect(flat.provisions[0]?.text).toBe('One.\n\nTwo.\n\nThree.\n\n7');
    expect(flat.pages).toBeNull();
    const kept = split('Act\n\nSection 1. A\n1\n\nSection 2. B\n2');
    expect(kept.provisions.map((p) => p.text)).toEqual(['1', '2']);
  });

  it('normalizes ligatures, soft hyphens and stray form feeds', () => {
    const r = split('Act\n\nSection 1. A\nThe \ufb01ne is de\u00adfined.\f');
    expect(r.provisions[0]?.text).toBe('The fine is defined.');
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
