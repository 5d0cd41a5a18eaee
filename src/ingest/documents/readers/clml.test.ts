import { describe, expect, it } from 'vitest';
import { all, byCitation, readFixtureChecked } from './xml-test-corpus.ts';

describe('CLML reader (our fixture: the corpus has no CLML)', () => {
  it('reads parts, P1groups, P1–P3 and a schedule with s. and Sch. citations', async () => {
    const doc = await readFixtureChecked('clml-sample.xml', {
      format: 'clml',
      title: 'Public Libraries (Opening Hours) Act 2099',
      citation: '2099 c. 7',
      language: 'en',
      effectiveFrom: '2099-04-01',
      type: 'statute',
    });
    expect(all(doc).map((p) => p.citation)).toEqual([
      'preamble',
      'pt. 1',
      's. 1',
      's. 1(1)',
      's. 1(2)',
      's. 1(2)(a)',
      's. 1(2)(b)',
      's. 2',
      'pt. 2',
      's. 3',
      'Sch. 1',
      'Sch. 1, para. 1',
      'Sch. 1, para. 1(1)',
    ]);
    expect(byCitation(doc, 'pt. 1').heading).toBe('Opening hours');
    expect(byCitation(doc, 's. 1').heading).toBe('Duty to publish opening hours');
    expect(byCitation(doc, 's. 2')).toMatchObject({
      heading: 'Changes to opening hours',
      text: 'A library authority must give at least 28 days’ notice of a reduction in opening hours.',
    });
    expect(byCitation(doc, 's. 1(1)').text).toBe(
      'A library authority must publish the opening hours of each library it maintains.',
    );
    expect(byCitation(doc, 'Sch. 1').heading).toBe('Information to be published');
    const text = all(doc)
      .map((p) => `${p.heading ?? ''} ${p.text}`)
      .join('\n');
    expect(text).not.toContain('Words inserted by an invented amending Act');
    expect(text).not.toContain('Publication'); // the Pblock cross-heading
    expect(byCitation(doc, 'preamble').text).toMatch(
      /Be it enacted by the example legislature, as follows:—$/,
    );
  });

  it('cites the P1s of a statutory instrument as regulations', async () => {
    const { readClml } = await import('./clml.ts');
    const xml = `<?xml version="1.0"?>
<Legislation xmlns="http://www.legislation.gov.uk/namespaces/legislation" xmlns:ukm="http://www.legislation.gov.uk/namespaces/metadata" xmlns:dc="http://purl.org/dc/elements/1.1/">
<ukm:Metadata><dc:title>The Example Benches Regulations 2099</dc:title><ukm:SecondaryMetadata>
<ukm:DocumentClassification><ukm:DocumentCategory Value="secondary"/><ukm:DocumentMainType Value="UnitedKingdomStatutoryInstrument"/></ukm:DocumentClassification>
<ukm:Year Value="2099"/><ukm:Number Value="12"/><ukm:Made Date="2099-08-01"/></ukm:SecondaryMetadata></ukm:Metadata>
<Secondary><Body><P1group><Title>Citation</Title><P1 id="regulation-1"><Pnumber>1</Pnumber><P1para><Text>These Regulations may be cited as the Example Benches Regulations 2099.</Text></P1para></P1></P1group></Body></Secondary>
</Legislation>`;
    const doc = await readClml({ fileName: 'si.xml', bytes: new TextEncoder().encode(xml) });
    expect(doc).toMatchObject({ citation: 'S.I. 2099/12', type: 'regulation', effectiveFrom: '2099-08-01' });
    expect(byCitation(doc, 'reg. 1')).toMatchObject({ heading: 'Citation' });
  });
});
