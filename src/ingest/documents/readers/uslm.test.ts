import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, byCitation, corpusXml, itReadsEach, readFile, readFixtureChecked } from './xml-test-corpus.ts';

describe('USLM reader, our fixtures', () => {
  it('reads a Code title in the house.gov 1.0 namespace with § citations and notes kept apart', async () => {
    const doc = await readFixtureChecked('uslm-code-title.xml', {
      format: 'uslm',
      title: 'Title 99—PUBLIC PARKS',
      citation: '99 U.S.C.',
      language: 'en',
      effectiveFrom: '2099-01-15',
      type: 'statute',
    });
    // The title element is the document: chapters are the top provisions.
    expect(doc.provisions.map((p) => p.citation)).toEqual(['ch. 1', 'ch. 2']);
    expect(doc.provisions[0]?.children.map((p) => p.citation)).toEqual([
      'ch. 1, subch. I',
      'ch. 1, subch. II',
    ]);
    // The second chapter's subchapter I does not collide with the first's.
    expect(doc.provisions[1]?.children[0]?.citation).toBe('ch. 2, subch. I');
    const s101 = byCitation(doc, '§ 101');
    expect(s101).toMatchObject({ kind: 'section', heading: 'Opening hours', text: 'A park keeper shall—' });
    expect(byCitation(doc, '§ 101(a)')).toMatchObject({
      heading: 'Daily hours',
      text: 'open each park at sunrise; and',
    });
    expect(byCitation(doc, '§ 101(b)').text).toBe(
      'close each park at sunset, except—\n\nas the keeper decides.',
    );
    expect(byCitation(doc, '§ 101(b)(1)').text).toBe('on public holidays;');
    expect(byCitation(doc, '§ 101(b)(2)(A)')).toMatchObject({
      kind: 'subparagraph',
      text: 'are approved in writing;',
    });
    const text = all(doc)
      .map((p) => `${p.heading ?? ''} ${p.text}`)
      .join('\n');
    for (const note of [
      'invented amendment note',
      'Invented Act, § 1',
      'So in original',
      'enacted by an invented act',
    ]) {
      expect(text).not.toContain(note);
    }
    expect(doc.notes.join(' ')).toMatch(/2 notes, 1 footnotes, 1 source credits/);
  });

  it('reads a bill in the GPO namespace: s. citations, titles, preamble, quoted sections stay text', async () => {
    const doc = await readFixtureChecked('uslm-bill.xml', {
      format: 'uslm',
      title: 'To provide for benches in public parks.',
      citation: '199 HR 42 IH',
      language: 'en',
      effectiveFrom: '2099-03-04',
      type: 'bill_version',
    });
    expect(all(doc).map((p) => p.citation)).toEqual([
      'preamble',
      's. 1',
      'tit. I',
      's. 101',
      's. 101(a)',
      's. 101(b)',
    ]);
    expect(byCitation(doc, 'preamble').text).toBe(
      'A BILL\n\nTo provide for benches in public parks.\n\nBe it enacted by the invented legislature,',
    );
    expect(byCitation(doc, 's. 101(a)').heading).toBe('In General');
    // The quoted SEC. 4 is the amending provision's text, not a provision of this bill.
    expect(byCitation(doc, 's. 101(b)').text).toContain(
      '“SEC. 4.\n\nSHADE.\n\nBenches shall be placed in the shade.”.',
    );
    expect(
      all(doc)
        .map((p) => p.text)
        .join(' '),
    ).not.toContain('199th CONGRESS');
  });
});

const uslm = corpusXml('uslm');
const dir = uslm.dir;

describe.skipIf(!uslm.present)('USLM reader, the corpus', () => {
  it('finds the four USLM files', () => {
    expect(uslm.files).toEqual(['114hr644enr_good.xml', 'H2839_RH.XML', 'usc01.xml', 'usc16_slice.xml']);
  });

  itReadsEach(uslm, 'uslm');

  it('usc01.xml: Title 1, three chapters, § 1 with its list, source credits and notes left out', async () => {
    const doc = await readFile(path.join(dir, 'usc01.xml'));
    expect(doc).toMatchObject({ title: 'Title 1—GENERAL PROVISIONS', citation: '1 U.S.C.', language: 'en' });
    expect(doc.provisions.map((p) => [p.citation, p.heading])).toEqual([
      ['ch. 1', 'RULES OF CONSTRUCTION'],
      ['ch. 2', 'ACTS AND RESOLUTIONS; FORMALITIES OF ENACTMENT; REPEALS; SEALING OF INSTRUMENTS'],
      ['ch. 3', 'CODE OF LAWS OF UNITED STATES AND SUPPLEMENTS; DISTRICT OF COLUMBIA CODE AND SUPPLEMENTS'],
    ]);
    const s1 = byCitation(doc, '§ 1');
    expect(s1.heading).toBe('Words denoting number, gender, and so forth');
    expect(s1.text).toMatch(
      /^In determining the meaning of any Act of Congress, unless the context indicates otherwise—\n\nwords importing the singular include/,
    );
    expect(s1.text).not.toContain('61 Stat. 633');
    expect(byCitation(doc, '§ 2').text).toBe(
      'The word “county” includes a parish, or any other equivalent subdivision of a State or Territory of the United States.',
    );
    expect(byCitation(doc, '§ 7(a)').text).toMatch(/^For the purposes of any Federal law/);
    const everything = all(doc)
      .map((p) => p.text)
      .join('\n');
    expect(everything).not.toContain('Positive Law; Citation');
    expect(everything).not.toContain('So in original');
    expect(doc.notes.join(' ')).toMatch(/39 source credits/);
  });

  it('usc16_slice.xml: Title 16, subchapters under chapter 1, repealed sections keep their headings', async () => {
    const doc = await readFile(path.join(dir, 'usc16_slice.xml'));
    expect(doc).toMatchObject({ title: 'Title 16—CONSERVATION', citation: '16 U.S.C.' });
    expect(byCitation(doc, 'ch. 1, subch. I').heading).toBe('NATIONAL PARK SERVICE');
    expect(byCitation(doc, '§ 1a–7b').heading).toBe('Protection of right of individuals to bear arms');
    expect(byCitation(doc, '§ 1').heading).toMatch(/^Repealed\. Pub\. L\. 113–287, § 7, Dec\. 19, 2014/);
  });

  it('114hr644enr_good.xml: the enrolled bill, its definitions and the sections it quotes', async () => {
    const doc = await readFile(path.join(dir, '114hr644enr_good.xml'));
    expect(doc).toMatchObject({ citation: '114 HR 644 ENR', type: 'bill_version', language: 'en' });
    expect(doc.title).toBe(
      'To reauthorize trade facilitation and trade enforcement functions and activities, and for other purposes.',
    );
    expect(byCitation(doc, 's. 1(a)')).toMatchObject({
      heading: 'Short Title',
      text: 'This Act may be cited as the “Trade Facilitation and Trade Enforcement Act of 2015”.',
    });
    expect(byCitation(doc, 's. 2').heading).toBe('DEFINITIONS.');
    expect(byCitation(doc, 's. 2(2)(C)(i)').text).toBe('investigations relating to trade enforcement; and');
    expect(byCitation(doc, 'tit. I').heading).toBe('TRADE FACILITATION AND TRADE ENFORCEMENT');
    expect(byCitation(doc, 's. 101').heading).toBe('IMPROVING PARTNERSHIP PROGRAMS.');
    // Quoted sections (amendments) never become provisions of the bill.
    expect(all(doc).filter((p) => /“/.test(p.citation))).toEqual([]);
    expect(byCitation(doc, 'preamble').text).toMatch(/^An Act\n\nTo reauthorize trade facilitation/);
  });

  it('H2839_RH.XML: the reported appropriations bill, its dated action and unnumbered headings', async () => {
    const doc = await readFile(path.join(dir, 'H2839_RH.XML'));
    expect(doc).toMatchObject({
      citation: '116 HR 2839 RH',
      effectiveFrom: '2019-05-20',
      type: 'bill_version',
    });
    expect(byCitation(doc, 'tit. I').heading).toBe('DEPARTMENT OF STATE AND RELATED AGENCY');
    expect(byCitation(doc, 'tit. I, ¶ 3').heading).toBe('diplomatic programs');
    expect(byCitation(doc, 'tit. I, ¶ 3(1)').heading).toBe('Human resources');
  });
});
