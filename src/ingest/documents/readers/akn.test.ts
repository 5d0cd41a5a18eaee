import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, byCitation, corpusXml, itReadsEach, readFile, readFixtureChecked } from './xml-test-corpus.ts';

describe('Akoma Ntoso reader, our fixtures', () => {
  it('reads an AKN 3.0 act: eIds become citations, FRBR metadata, notes and cross-headings apart', async () => {
    const doc = await readFixtureChecked('akn30-act.xml', {
      format: 'akn',
      title: 'Loi sur les bibliothèques communales',
      citation: '/akn/xx/act/2099/5',
      language: 'fr',
      effectiveFrom: '2099-06-01',
      type: 'statute',
    });
    expect(all(doc).map((p) => p.citation)).toEqual([
      'preface',
      'ch. 1',
      'Art. 1',
      'Art. 1(1)',
      'Art. 1(2)',
      'Art. 1(2)(a)',
      'Art. 1(2)(b)',
      'Art. 2',
      's. 3',
      's. 3(1)',
    ]);
    expect(byCitation(doc, 'Art. 1(1)').text).toBe(
      'Chaque commune tient une bibliothèque ouverte au public.',
    );
    expect(byCitation(doc, 'Art. 1(2)').text).toBe('La bibliothèque offre:');
    expect(byCitation(doc, 'ch. 1').heading).toBe('Dispositions générales');
    expect(doc.notes.join(' ')).toMatch(/1 authorial notes, 1 cross-headings/);
  });

  it('reads a WD17 judgment with older ids: header, divisions, numbered paragraphs', async () => {
    const doc = await readFixtureChecked('akn-wd17-judgment.xml', {
      title: 'Parks Board v Bench Makers Ltd',
      citation: '/akn/xx/judgment/2099-07-01/12-99',
      language: 'en',
      type: 'case',
    });
    expect(doc.provisions.map((p) => [p.citation, p.kind])).toEqual([
      ['header', 'preamble'],
      ['Background', 'part'],
      ['Motivation', 'part'],
      ['Decision', 'part'],
    ]);
    expect(byCitation(doc, 'para. 3').text).toBe('Nothing in the contract names a colour.');
    expect(byCitation(doc, 'Decision').text).toBe('The appeal is dismissed.');
  });
});

const akn = corpusXml('akn');
const read = (name: string) => readFile(path.join(akn.dir, 'oasis-examples', name));

describe.skipIf(!akn.present)('Akoma Ntoso reader, the corpus', () => {
  it('finds the five OASIS examples', () => {
    expect(akn.files.length).toBe(5);
  });

  itReadsEach(akn, 'akn');

  it('uk_pga-2014-27: sections, subsections and paragraphs from eIds, FRBR citation and date', async () => {
    const doc = await read('uk_pga-2014-27-enacted-data.xml');
    expect(doc).toMatchObject({
      title: 'Data Retention and Investigatory Powers Act 2014',
      citation: 'http://www.legislation.gov.uk/id/ukpga/2014/27/enacted',
      effectiveFrom: '2014-07-17',
      language: 'en',
      type: 'statute',
    });
    expect(byCitation(doc, 's. 1').heading).toBe(
      'Powers for retention of relevant communications data subject to safeguards',
    );
    expect(byCitation(doc, 's. 1(2)').text).toBe('A retention notice may—');
    expect(byCitation(doc, 's. 1(2)(a)').text).toBe(
      'relate to a particular operator or any description of operators,',
    );
    expect(byCitation(doc, 'preamble').text).toMatch(/^Be it enacted by the Queen’s most Excellent Majesty/);
  });

  it('us_Act_2011-11-29: points under lists keep their printed case; side notes and page markers left out', async () => {
    const doc = await read('us_Act_2011-11-29.xml');
    expect(doc).toMatchObject({
      citation: '/akn/us/act/2011-11-29/112-61',
      title: "America's Cup Act of 2011",
    });
    expect(byCitation(doc, 's. 1').heading).toBe('SHORT TITLE.');
    expect(byCitation(doc, 's. 2(1)(A)').text).toMatch(/^means the sailing competitions, commencing in 2011/);
    expect(all(doc).some((p) => p.text.includes('Page 125 STAT. 754'))).toBe(false);
    expect(
      all(doc)
        .filter((p) => p.kind === 'section')
        .map((p) => p.citation),
    ).toEqual(['s. 1', 's. 2', 's. 3', 's. 4', 's. 5', 's. 6']);
  });

  it('us_Title9-Chap3: a portion of the Code, source credit blocks left out', async () => {
    const doc = await read('us_Title9-Chap3-eng.xml');
    expect(doc).toMatchObject({ citation: '/akn/us/usc/title_9', effectiveFrom: '2013-07-26' });
    expect(byCitation(doc, 'ch. 3').heading).toBe(
      'INTER-AMERICAN CONVENTION ON INTERNATIONAL COMMERCIAL ARBITRATION',
    );
    expect(byCitation(doc, 's. 301').heading).toBe('Enforcement of Convention');
    expect(byCitation(doc, 's. 301').text).not.toContain('Pub. L. 101–369');
    expect(byCitation(doc, 's. 303(a)').text).toMatch(/^A court having jurisdiction under this chapter/);
  });

  it('za_Judgement_2008-11-26: a judgment read block by block', async () => {
    const doc = await read('za_Judgement_2008-11-26.xml');
    expect(doc).toMatchObject({
      type: 'case',
      title: 'Fourway Haulage v SA National Roads Agency (653/07)',
      effectiveFrom: '2008-11-26',
    });
    expect(byCitation(doc, 'Background').children.map((p) => p.citation)).toEqual([
      'para. 1',
      'para. 2',
      'para. 3',
    ]);
    expect(byCitation(doc, 'para. 1').text).toMatch(
      /^The appellant \('Fourway'\) is a long distance haulier\./,
    );
    expect(byCitation(doc, 'header').text).toMatch(/^SUPREME COURT OF APPEAL REPUBLIC OF SOUTH AFRICA/);
  });

  it('eu_COM(2013)0619: a document collection, its components, recitals and articles', async () => {
    const doc = await read('eu_COM(2013)0619_EN-8.xml');
    expect(doc.citation).toBe('/akn/eu/documentCollection/COMproposal/ec/2013/619');
    expect(doc.provisions.map((p) => p.citation)).toEqual([
      'preface',
      'explanation',
      'regulation',
      'financialStatement',
    ]);
    expect(byCitation(doc, 'rec. 36').text).toMatch(/^This Regulation respects fundamental rights/);
    expect(byCitation(doc, 'Art. 1').heading).toBe('Subject matter and scope');
    expect(byCitation(doc, 'Art. 1(1)').text).toMatch(/^This Regulation establishes rules for restrictions/);
    expect(byCitation(doc, 'Art. 2(a)').text).toMatch(
      /^‘new psychoactive substance’ means a natural or synthetic/,
    );
    expect(all(doc).some((p) => p.text.includes('COM(2011) 689 final'))).toBe(false);
  });
});
