import { describe, expect, it } from 'vitest';
import { markupLines, numberedSections, readHeading, toSplitLine } from './headings.ts';
import { splitPlainText } from './split-text.ts';
import { flattenProvisions, type ProvisionNode } from './types.ts';

// Every fixture is invented text in common drafting shapes, not real law.
const split = (text: string) => splitPlainText(text, { documentCitation: 'Fictional Act' });
/** `citation | heading | text` per provision, indented by depth. */
const outline = (nodes: ProvisionNode[]) =>
  flattenProvisions(nodes).map(
    ({ node, depth }) => `${'  '.repeat(depth)}${node.citation} | ${node.heading ?? ''} | ${node.text}`,
  );
const citations = (nodes: ProvisionNode[]) => flattenProvisions(nodes).map((p) => p.node.citation);

describe('markdown headings and markup lines', () => {
  it('reads markdown headings without a space after the hashes, but not a #hashtag', () => {
    expect(toSplitLine('###Article 1 ', 1)).toEqual({ line: 'Article 1', markdown: true, page: 1 });
    expect(toSplitLine('##Section 2', 1)).toEqual({ line: 'Section 2', markdown: true, page: 1 });
    expect(toSplitLine('#hashtag text', 1)).toEqual({ line: '#hashtag text', markdown: false, page: 1 });
    const r = split(
      '##Fictional Convention\n\n###Article 1\n\nEach Party shall act.\n\n###Article 2\n\n1. The first paragraph.\n\n2. The second.',
    );
    expect(r.title).toBe('Fictional Convention');
    expect(outline(r.provisions)).toEqual([
      'Art. 1 |  | Each Party shall act.',
      'Art. 2 |  | ',
      '  Art. 2(1) |  | The first paragraph.',
      '  Art. 2(2) |  | The second.',
    ]);
  });

  it('skips <meta>, <!DOCTYPE> and HTML comment lines (one or several lines) when choosing the title', () => {
    expect([
      ...markupLines(['<meta charset="utf-8" />', 'Text <b>x</b>', '<!-- a', 'b -->', '<!-- one -->', 'y']),
    ]).toEqual([0, 2, 3, 4]);
    const r = split(
      "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n<!-- converted\nby a tool -->\n##Fictional Convention\n\n### Article 1\nText.",
    );
    expect(r.title).toBe('Fictional Convention');
    expect(outline(r.provisions)).toEqual(['Art. 1 |  | Text.']);
  });
});

const commonwealthAct = [
  'Fictional Widgets Act 2031',
  '',
  'ARRANGEMENT OF SECTIONS',
  '1. Short title',
  '2. Interpretation',
  '3. Offence of widget hoarding',
  '3A. Aggravated hoarding',
  '',
  'PART I',
  'PRELIMINARY',
  '',
  '1. Short title',
  'This Act may be cited as the Fictional Widgets Act 2031.',
  '',
  '2. Interpretation',
  '(1) In this Act "widget" means an invented thing.',
  '',
  'PART II',
  'OFFENCES',
  '',
  '3. Offence of widget hoarding',
  '(1) A person who hoards widgets commits an offence.',
  '(2) A court may order—',
  '1. the forfeiture of the widgets; and',
  '2. a fine.',
  '',
  '3A. Aggravated hoarding',
  'A person who hoards more than ten widgets commits an aggravated offence.',
].join('\n');

describe('Commonwealth numbered section headings', () => {
  it('reads "3. Heading" and "3A. Heading" lines as sections, not the arrangement of sections or list items', () => {
    const r = split(commonwealthAct);
    expect(r.title).toBe('Fictional Widgets Act 2031');
    expect(outline(r.provisions)).toEqual([
      expect.stringMatching(/^preamble \| {2}\| ARRANGEMENT OF SECTIONS 1\. Short title/),
      'pt. I | PRELIMINARY | ',
      '  s. 1 | Short title | This Act may be cited as the Fictional Widgets Act 2031.',
      '  s. 2 | Interpretation | ',
      '    s. 2(1) |  | In this Act "widget" means an invented thing.',
      'pt. II | OFFENCES | ',
      '  s. 3 | Offence of widget hoarding | ',
      '    s. 3(1) |  | A person who hoards widgets commits an offence.',
      '    s. 3(2) |  | A court may order—',
      '      s. 3(2)(1) |  | the forfeiture of the widgets; and',
      '      s. 3(2)(2) |  | a fine.',
      '  s. 3A | Aggravated hoarding | A person who hoards more than ten widgets commits an aggravated offence.',
    ]);
  });

  it('reads bold and markdown headings without the full stop, and margin notes before "3.(1)"', () => {
    const bold = split(
      'Fictional Act\n\n**1 Scope**\nThis Act applies to widgets.\n\n**2 Offence of hoarding**\n(1) A person commits an offence.\n\n## 3 Penalties\nA fine.',
    );
    expect(citations(bold.provisions)).toEqual(['s. 1', 's. 2', 's. 2(1)', 's. 3']);
    expect(bold.provisions.map((p) => p.heading)).toEqual(['Scope', 'Offence of hoarding', 'Penalties']);
    const margin = split(
      'Fictional Act\n\nHoarding of widgets\n5.(1) A person who hoards widgets commits an offence.\n(2) Also this.\n\nPenalty\n6. (1) A fine applies.',
    );
    expect(outline(margin.provisions)).toEqual([
      's. 5 | Hoarding of widgets | ',
      '  s. 5(1) |  | A person who hoards widgets commits an offence.',
      '  s. 5(2) |  | Also this.',
      's. 6 | Penalty | ',
      '  s. 6(1) |  | A fine applies.',
    ]);
  });

  it('reads "3. Heading.—(1) Body" with the body on the heading line', () => {
    const r = split(
      'Fictional Act\n\n1. Short title.—This Act may be cited as the Fictional Act.\n\n2. Punishment for hoarding.—(1) Whoever hoards widgets shall be punished.\n(2) Also this.\n\n2A. Forfeiture.-\nThe widgets are forfeit.',
    );
    expect(outline(r.provisions)).toEqual([
      's. 1 | Short title | This Act may be cited as the Fictional Act.',
      's. 2 | Punishment for hoarding | ',
      '  s. 2(1) |  | Whoever hoards widgets shall be punished.',
      '  s. 2(2) |  | Also this.',
      's. 2A | Forfeiture | The widgets are forfeit.',
    ]);
  });

  it('reads a heading that ends in "etc." as a heading', () => {
    const r = split(
      'Fictional Act\n\n7. Hoarding of widgets\n(1) Whoever hoards widgets commits an offence.\n\n8. Hoarding by means of threat, force, etc.\n(1) Whoever hoards widgets by threat commits an offence.',
    );
    expect(citations(r.provisions)).toEqual(['s. 7', 's. 7(1)', 's. 8', 's. 8(1)']);
    expect(flattenProvisions(r.provisions)[2]?.node.heading).toBe('Hoarding by means of threat, force, etc.');
  });

  it('leaves numbered lists alone: sentences, lower case, runs of headings, word headings, a lone number', () => {
    const sentences = split(
      'Fictional Act\n\nSection 1. Duties\n1. A person must keep records.\n2. A person must report.',
    );
    expect(citations(sentences.provisions)).toEqual(['s. 1', 's. 1(1)', 's. 1(2)']);
    // The document has word headings (`Article N`), so a capitalised numbered line stays a paragraph.
    const articles = split(
      'Fictional Convention\n\nArticle 1\n\n1. General Rule\nEach Party shall act.\n\nArticle 2\nText.',
    );
    expect(citations(articles.provisions)).toEqual(['Art. 1', 'Art. 1(1)', 'Art. 2']);
    const inlineWord = split(
      'Code\n\nSec. 1. SCOPE. This applies.\n1. Widget Makers\nare listed.\n2. Gadget Makers\nare listed.',
    );
    expect(citations(inlineWord.provisions)).toEqual(['s. 1', 's. 1(1)', 's. 1(2)']);
    // Out of sequence: 2, 1 after 5 — only the increasing run is kept.
    const lines = [
      '4. Widgets',
      'Text four.',
      '5. Gadgets',
      'The items are—',
      '1. Blue Gadgets',
      'those painted.',
      '6. Repeal',
      'Text.',
    ].map((l) => toSplitLine(l, 1));
    expect([...numberedSections(lines).keys()]).toEqual([0, 2, 6]);
    // One numbered line alone is a list item, unless `(1)` follows.
    expect(numberedSections(['1. Widgets', 'Text.'].map((l) => toSplitLine(l, 1))).size).toBe(0);
    expect(numberedSections(['1. Widgets', '(1) Text.'].map((l) => toSplitLine(l, 1))).size).toBe(1);
  });
});

describe('US state code section forms', () => {
  it('keeps numbers as written and reads all-capitals and spaced headings', () => {
    const r = split(
      [
        'Fictional State Code',
        '',
        'CHAPTER 20A. WIDGET HOARDING',
        'Sec. 20A.01. DEFINITIONS. In this chapter:',
        '(1) "Widget" means an invented thing.',
        'Sec. 20A.02. HOARDING OF WIDGETS.',
        '(a) A person commits an offense if the person hoards widgets.',
        '§ 712-1202 Promoting widget hoarding in the first degree. (1) A person commits this offense.',
        '§712-1203 Promoting widget hoarding in the second degree.',
        'Text.',
        'Section 10-9-101 DEFINITIONS',
        'Text.',
        '§ 18.2-357.1 Commercial widget hoarding; penalty',
        'Text.',
        'Article 273f',
        'Text.',
        'Section 3 of this code applies to gadgets.',
      ].join('\n'),
    );
    expect(outline(r.provisions)).toEqual([
      'ch. 20A | WIDGET HOARDING | ',
      '  s. 20A.01 | DEFINITIONS | In this chapter:',
      '    s. 20A.01(1) |  | "Widget" means an invented thing.',
      '  s. 20A.02 | HOARDING OF WIDGETS | ',
      '    s. 20A.02(a) |  | A person commits an offense if the person hoards widgets.',
      '  § 712-1202 | Promoting widget hoarding in the first degree | ',
      '    § 712-1202(1) |  | A person commits this offense.',
      '  § 712-1203 | Promoting widget hoarding in the second degree. | Text.',
      '  s. 10-9-101 | DEFINITIONS | Text.',
      '  § 18.2-357.1 | Commercial widget hoarding; penalty | Text.',
      '  Art. 273f |  | Text. Section 3 of this code applies to gadgets.',
    ]);
    const bare = split(
      'Fictional Statutes\n\n609.281 DEFINITIONS.\nThe terms have the meanings given.\n\n609.282 Hoarding of widgets.\n(a) A person who hoards widgets is guilty.\n\n609.2821 Penalty\nA fine.\n\n2.5 percent of the widgets are kept.\n\n609.283 REPEAL\nGone.',
    );
    expect(outline(bare.provisions)).toEqual([
      '§ 609.281 | DEFINITIONS | The terms have the meanings given.',
      '§ 609.282 | Hoarding of widgets | ',
      '  § 609.282(a) |  | A person who hoards widgets is guilty.',
      '§ 609.2821 | Penalty | A fine.\n\n2.5 percent of the widgets are kept.',
      '§ 609.283 | REPEAL | Gone.',
    ]);
    expect(readHeading('Section 3 The Minister may act.', false)).toBeNull();
    // A spaced heading shape on a line that goes on a wrapped sentence stays text.
    expect(readHeading('Article 16 Paragraph 2 of this Code', false)?.citation).toBe('Art. 16');
    const wrapped = split(
      'Fictional Code\n\nArticle 15. Scope\nThis applies as set out in\nArticle 16 Paragraph 2 of this Code\nand nowhere else.',
    );
    expect(outline(wrapped.provisions)).toEqual([
      'Art. 15 | Scope | This applies as set out in Article 16 Paragraph 2 of this Code and nowhere else.',
    ]);
    expect(readHeading('§ 5 of this code applies.', false)).toBeNull();
  });
});
