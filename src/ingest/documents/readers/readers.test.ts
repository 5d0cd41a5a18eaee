import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blocksToDocx } from '../../../../test/fixtures/generate-documents.ts';
import { buildPdf, layoutPages } from '../../../../test/fixtures/pdf-builder.ts';
import { type DomainError, isDomainError } from '../../../core/errors.ts';
import { flattenProvisions } from '../../../core/laws/types.ts';
import { readDocument } from '../read-document.ts';
import type { ReadDocument } from '../types.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const read = (fileName: string, content: Uint8Array | string) =>
  readDocument({ fileName, bytes: typeof content === 'string' ? bytes(content) : content });
const citations = (d: ReadDocument) => flattenProvisions(d.provisions).map((p) => p.node.citation);
const byCitation = (d: ReadDocument, c: string) =>
  flattenProvisions(d.provisions).find((p) => p.node.citation === c)?.node;

/** The DomainError a read rejects with (fails the test when it resolves or throws something else). */
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('text reader (headings)', () => {
  it('reads a markdown treaty with a <meta> line and "###Article 1" headings (no space after the hashes)', async () => {
    const doc = await read(
      'convention.md',
      "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n##Fictional Convention\n\n###Article 1 \n\nEach Party shall act.\n\n###Article 2 \n\n1. The first paragraph.",
    );
    expect(doc.format).toBe('text');
    expect(doc.title).toBe('Fictional Convention');
    expect(citations(doc)).toEqual(['Art. 1', 'Art. 2', 'Art. 2(1)']);
  });

  it('reads Commonwealth numbered headings and US state code sections from a .txt file', async () => {
    const act = await read(
      'act.txt',
      'Fictional Widgets Act\n\nPART II\nOFFENCES\n\n3. Hoarding of widgets\n(1) A person who hoards widgets commits an offence.\n\n3A. Aggravated hoarding\nA person who hoards ten widgets commits an aggravated offence.',
    );
    expect(citations(act)).toEqual(['pt. II', 's. 3', 's. 3(1)', 's. 3A']);
    expect(byCitation(act, 's. 3')?.heading).toBe('Hoarding of widgets');
    const code = await read(
      'code.txt',
      'Fictional Code\n\nSec. 20A.02. HOARDING OF WIDGETS.\n(a) A person commits an offense.\n\n§ 712-1202 Promoting hoarding\nText.',
    );
    expect(citations(code)).toEqual(['s. 20A.02', 's. 20A.02(a)', '§ 712-1202']);
  });
});

describe('text reader (OCR)', () => {
  it('cleans OCR text: page furniture, hyphenation, form feeds; records pages', async () => {
    const page = (n: number, body: string) => `FICTIONAL GAZETTE\n${body}\n- ${n} -`;
    const doc = await read(
      'gazette.txt',
      [
        page(1, 'Fictional Widgets Act\n\nArt. 1a. Scope\nThis Act covers in-\nvented widgets.'),
        page(2, 'Art. 2. Duty\nA maker registers each'),
        page(3, 'widget.\n\nArt. 3. End\nThe end.'),
      ].join('\f'),
    );
    expect(doc.format).toBe('text');
    expect(doc.title).toBe('Fictional Widgets Act');
    expect(citations(doc)).toEqual(['Art. 1a', 'Art. 2', 'Art. 3']);
    expect(byCitation(doc, 'Art. 1a')?.text).toBe('This Act covers invented widgets.');
    expect(byCitation(doc, 'Art. 2')?.text).toBe('A maker registers each widget.');
    expect(doc.pages).toEqual({ 'Art. 1a': 1, 'Art. 2': 2, 'Art. 3': 3 });
    expect(doc.notes).toContain('removed 6 repeated page header/footer or page-number line(s)');
  });

  it('refuses whitespace-only text and invalid UTF-8, naming the file and offset', async () => {
    const empty = await refusal(read('blank.txt', ' \n\t\n'));
    expect(empty.code).toBe('DOCUMENT_UNREADABLE');
    expect(empty.message).toBe('blank.txt: the file has no text');
    const bad = await refusal(read('latin.txt', new Uint8Array([0x41, 0x42, 0xe9, 0x43])));
    expect(bad.message).toBe('latin.txt: not valid UTF-8 at byte 2; convert the file to UTF-8');
  });
});

describe('HTML reader', () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Fictional Widgets Act</title>
    <style>p { color: red }</style><script>var section = "Section 9. Injected";</script></head>
    <body><nav><a href="/">Home</a> Section 8. Menu</nav>
    <h1>Fictional Widgets Act</h1>
    <h2>Article 1</h2><h3>Use of terms</h3>
    <p>For the purposes of this Act &ldquo;widget&rdquo; means an invented thing &amp; its parts.</p>
    <ol type="a"><li>first&nbsp;item;</li><li>second item.</li></ol>
    <h2>Article 2 &ndash; Duty</h2><div>A maker<br>registers widgets.</div>
    <ul><li>(1) typed marker kept</li></ul>
    </body></html>`;

  it('reads headings, lists, entities and the title; drops script, style and nav', async () => {
    const doc = await read('act.html', html);
    expect(doc).toMatchObject({ format: 'html', title: 'Fictional Widgets Act', language: 'en' });
    expect(citations(doc)).toEqual(['Art. 1', 'Art. 1(a)', 'Art. 1(b)', 'Art. 2', 'Art. 2(1)']);
    expect(byCitation(doc, 'Art. 1')).toMatchObject({
      heading: 'Use of terms',
      text: 'For the purposes of this Act “widget” means an invented thing & its parts.',
    });
    expect(byCitation(doc, 'Art. 1(a)')?.text).toBe('first item;');
    expect(byCitation(doc, 'Art. 2')).toMatchObject({ heading: 'Duty', text: 'A maker registers widgets.' });
    const all = JSON.stringify(doc);
    for (const gone of ['Injected', 'Menu', 'color']) expect(all).not.toContain(gone);
  });

  it('reads a fragment and windows-1252 declared by meta charset; refuses an HTML page without text', async () => {
    const frag = await read('frag.html', '<div><h4>Section 3. Fragment</h4><p>Text.</p></div>');
    expect(citations(frag)).toEqual(['s. 3']);
    const latin = new Uint8Array([
      ...bytes('<html><head><meta charset="windows-1252"></head><body><p>Section 1. Caf'),
      0xe9,
      ...bytes('</p><p>Text.</p></body></html>'),
    ]);
    expect((await read('latin.html', latin)).provisions[0]?.heading).toBe('Café');
    const empty = await refusal(read('empty.html', '<html><body><script>x</script></body></html>'));
    expect(empty.message).toBe('empty.html: the HTML has no text');
  });
});

describe('DOCX reader', () => {
  it('reads Word heading styles and typed markers', async () => {
    const docx = await blocksToDocx([
      { kind: 'heading', level: 1, text: 'Fictional Widgets Act' },
      { kind: 'heading', level: 2, text: 'Section 1' },
      { kind: 'heading', level: 3, text: 'Interpretation' },
      { kind: 'paragraph', text: '(1) In this Act a widget is an invented thing.' },
      { kind: 'paragraph', text: '(2) A gadget is another.' },
      { kind: 'heading', level: 2, text: 'Section 2. Duty' },
      { kind: 'paragraph', text: 'A maker registers widgets.' },
    ]);
    const doc = await read('act.docx', docx);
    expect(doc).toMatchObject({ format: 'docx', title: 'Fictional Widgets Act' });
    expect(citations(doc)).toEqual(['s. 1', 's. 1(1)', 's. 1(2)', 's. 2']);
    expect(byCitation(doc, 's. 1')?.heading).toBe('Interpretation');
    expect(byCitation(doc, 's. 2')?.text).toBe('A maker registers widgets.');
  });

  it('refuses a zip that is not a Word document and a damaged one, naming the file', async () => {
    const zip = new JSZip();
    zip.file('word/other.xml', '<x/>');
    zip.file('[Content_Types].xml', '<Types/>');
    const notWord = await zip.generateAsync({ type: 'uint8array' });
    const err = await refusal(read('other.docx', notWord));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(/^other\.docx: not a readable DOCX/);
    const good = await blocksToDocx([{ kind: 'paragraph', text: 'Section 1. A' }]);
    const cut = await refusal(read('cut.docx', good.subarray(0, good.length - 40)));
    expect(cut.message).toMatch(/^cut\.docx: /);
  });
});

describe('PDF reader', () => {
  const pages = layoutPages(
    [
      [
        ['Fictional Widgets Act'],
        ['Section 1. Scope'],
        [
          'This Act applies to every invented wid-',
          'get made in the fictional republic as defined in',
          'section 4. of the code.',
        ],
      ],
      [['Section 2. Duty'], ['(1) A maker shall register each widget.'], ['(2) A register is kept.']],
      [['Section 3. Penalty'], ['A fine.']],
    ],
    (n) => `Page ${n} of 3`,
  );

  it('rebuilds lines and paragraphs, drops page numbers and records the page of each provision', async () => {
    const doc = await read('act.pdf', buildPdf(pages, { title: 'Widgets Act' }));
    expect(doc).toMatchObject({ format: 'pdf', title: 'Widgets Act' });
    expect(citations(doc)).toEqual(['s. 1', 's. 2', 's. 2(1)', 's. 2(2)', 's. 3']);
    expect(byCitation(doc, 's. 1')?.text).toBe(
      'This Act applies to every invented widget made in the fictional republic as defined in section 4. of the code.',
    );
    expect(doc.pages).toEqual({ 's. 1': 1, 's. 2': 2, 's. 2(1)': 2, 's. 2(2)': 2, 's. 3': 3 });
    expect(JSON.stringify(doc.provisions)).not.toContain('Page');
  });

  it('refuses encrypted, scanned (no text layer) and corrupt PDFs with specific messages', async () => {
    const enc = await refusal(read('secret.pdf', buildPdf(pages, { encrypted: true })));
    expect(enc.message).toBe(
      'secret.pdf: the PDF is encrypted (password-protected); remove the password and try again',
    );
    const scan = await refusal(read('scan.pdf', buildPdf([[], []])));
    expect(scan.code).toBe('DOCUMENT_UNREADABLE');
    expect(scan.message).toMatch(/^scan\.pdf: the PDF has no text layer .*OCR/);
    const junk = await refusal(read('junk.pdf', bytes('%PDF-1.7\nthis is not a pdf body\n')));
    expect(junk.message).toMatch(/^junk\.pdf: /);
    expect(junk.code).toBe('DOCUMENT_UNREADABLE');
  });
});

describe('JSON reader', () => {
  it('reads lawgap.law/1 through readLawJson, keeping its metadata', async () => {
    const file = path.resolve(import.meta.dirname, '../../../../test/fixtures/laws/loi-fictive.json');
    const doc = await read('loi.json', new Uint8Array(fs.readFileSync(file)));
    expect(doc).toMatchObject({
      format: 'json',
      citation: 'Loi fictive n° 2031-7',
      language: 'fr',
      effectiveFrom: '2031-03-01',
      type: 'statute',
    });
    expect(citations(doc)[0]).toBe('Art. 1');
    const bare = await read(
      'bare.json',
      JSON.stringify({
        schema: 'lawgap.law/1',
        document: { type: 'statute', title: 'T' },
        provisions: [{ kind: 'section', citation: 's. 1', text: 'x' }],
      }),
    );
    expect(bare).toMatchObject({ citation: null, effectiveFrom: null, title: 'T' });
    const wrong = await refusal(
      read('wrong.json', '{"schema":"lawgap.law/1","document":{"title":"T","x":1}}'),
    );
    expect(wrong.message).toBe('wrong.json: JSON $.document: unknown field(s) "x"');
  });

  it('reads other JSON as generic text, using heading-like keys as prefixes', async () => {
    const doc = await read(
      'other.json',
      JSON.stringify({
        name: 'Fictional Widgets Act',
        body: { 'Section 1': { heading: 'Scope', text: 'Covers widgets.' }, 'Section 2': 'Makers register.' },
        count: 2,
      }),
    );
    expect(doc.notes).toContain('read as generic JSON text');
    expect(doc.title).toBe('Fictional Widgets Act');
    expect(citations(doc)).toEqual(['s. 1', 's. 2']);
    expect(byCitation(doc, 's. 1')).toMatchObject({ heading: 'Scope', text: 'Covers widgets.' });
    expect(byCitation(doc, 's. 2')).toMatchObject({ heading: 'Makers register.' });
  });

  it('refuses invalid JSON with line:column, and JSON without text', async () => {
    const err = await refusal(read('bad.json', '{\n  "a": "b",\n  "c": }\n'));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(/^bad\.json: invalid JSON at line 3:8 /);
    const cut = await refusal(read('cut.json', '{"a": ['));
    expect(cut.message).toMatch(/^cut\.json: invalid JSON at line 1:/);
    const none = await refusal(read('nums.json', '[1, 2, {"a": true}]'));
    expect(none.message).toBe('nums.json: the JSON holds no text');
  });
});

describe('detection at the edge of JSON', () => {
  it('reads markdown that starts with a bracketed link as text, and bracketed JSON as JSON', async () => {
    const md = await read('notes.md', '[Home](https://example.org) | [Up](..)\n\nSection 1. Invented\nText.');
    expect(md.format).toBe('text');
    expect(citations(md)).toEqual(['s. 1']);
    for (const json of ['["Section 1. A"]', '[ {"x": "Section 1. A"} ]', '{"a": "Section 1. A"}']) {
      expect((await read('x.json', json)).format).toBe('json');
    }
    expect((await refusal(read('x.json', '[1, oops]'))).message).toMatch(/invalid JSON at line 1:5/);
  });
});
