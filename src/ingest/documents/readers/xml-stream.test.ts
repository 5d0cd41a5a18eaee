import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../test/seeded-random.ts';
import { DomainError } from '../../../core/errors.ts';
import { lawLimits } from '../../../core/laws/types.ts';
import { detectFormat } from '../detect.ts';
import { generateUslmTitle } from '../fixtures/generate-uslm.ts';
import { readDocument } from '../read-document.ts';
import { readAkn } from './akn.ts';
import { readUslm, readUslmChunks } from './uslm.ts';
import { all, corpus, corpusPresent } from './xml-test-corpus.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const bytes = (text: string) => new TextEncoder().encode(text);
const uslmHead =
  '<?xml version="1.0" encoding="UTF-8"?>\n<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0" identifier="/us/usc/t99"><main>';

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('format detection from content', () => {
  it.each([
    ['uslm-code-title.xml', 'uslm'],
    ['uslm-bill.xml', 'uslm'],
    ['akn30-act.xml', 'akn'],
    ['akn-wd17-judgment.xml', 'akn'],
    ['clml-sample.xml', 'clml'],
  ])('%s is %s whatever its name', (file, format) => {
    const content = fs.readFileSync(path.join(fixtures, file));
    expect(detectFormat({ fileName: 'upload.bin', bytes: content })).toBe(format);
  });

  it('sees UTF-16 XML (with a BOM) and reads it', async () => {
    const text = `\uFEFF${fs.readFileSync(path.join(fixtures, 'akn30-act.xml'), 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"')}`;
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(detectFormat({ fileName: 'a.xml', bytes: utf16 })).toBe('akn');
    const doc = await readDocument({ fileName: 'a.xml', bytes: utf16 });
    expect(doc.citation).toBe('/akn/xx/act/2099/5');
  });
});

describe('bad XML', () => {
  it('malformed XML names the file, line and column', async () => {
    const err = await failure(
      readUslm({
        fileName: 't.xml',
        bytes: bytes(`${uslmHead}\n<section><num>1</num>\n<content>text</section></main></uscDoc>`),
      }),
    );
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(/^t\.xml: malformed XML at line 4, column \d+: /);
    expect(err.details).toMatchObject({ file: 't.xml', line: 4 });
  });

  it('a truncated file is unreadable, not half imported', async () => {
    const full = fs.readFileSync(path.join(fixtures, 'uslm-code-title.xml'));
    const err = await failure(readUslm({ fileName: 'cut.xml', bytes: full.subarray(0, full.length / 2) }));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(/^cut\.xml: malformed XML at line \d+/);
  });

  it('an empty document element holds no text to import', async () => {
    const err = await failure(
      readDocument({ fileName: 'e.xml', bytes: bytes('<uscDoc xmlns="http://schemas.gpo.gov/xml/uslm"/>') }),
    );
    expect(err).toMatchObject({
      code: 'DOCUMENT_UNREADABLE',
      message: 'e.xml: the document holds no text to import',
    });
    const akn = await failure(
      readAkn({
        fileName: 'a.xml',
        bytes: bytes(
          '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta/></act></akomaNtoso>',
        ),
      }),
    );
    expect(akn.code).toBe('DOCUMENT_UNREADABLE');
  });

  it('bytes that are not the declared encoding are named by offset and line', async () => {
    const good = bytes(`${uslmHead}<section><num value="1">§ 1.</num><content>caf`);
    const bad = new Uint8Array([...good, 0xe9, ...bytes('</content></section></main></uscDoc>')]);
    const err = await failure(readUslm({ fileName: 'latin.xml', bytes: bad }));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(/^latin\.xml: not valid UTF-8 at byte \d+ \(line 2\)/);
    // Declared as Latin-1, the same bytes read.
    const declared = new Uint8Array([
      ...bytes('<?xml version="1.0" encoding="ISO-8859-1"?>'),
      ...bad.subarray(bytes('<?xml version="1.0" encoding="UTF-8"?>').length),
    ]);
    const doc = await readUslm({ fileName: 'latin.xml', bytes: declared });
    expect(all(doc).find((p) => p.citation === '§ 1')?.text).toBe('café');
  });

  it('an encoding lawgap does not decode is refused by name', async () => {
    const err = await failure(
      readUslm({ fileName: 'x.xml', bytes: bytes('<?xml version="1.0" encoding="EBCDIC-FOO"?><a/>') }),
    );
    expect(err.message).toBe(
      'x.xml: the XML declares encoding "ebcdic-foo", which lawgap does not read; convert the file to UTF-8',
    );
  });

  it('undefined entities and doctype tricks are errors, never expansions', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE uscDoc [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>
<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0"><main><section><num value="1">1</num><content>&b;</content></section></main></uscDoc>`;
    const err = await failure(readUslm({ fileName: 'bomb.xml', bytes: bytes(xml) }));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
  });

  it('a file deeper than the depth limit is refused with LAW_INVALID naming where', async () => {
    let xml = `${uslmHead}<section><num value="1">1</num>`;
    for (let i = 0; i < lawLimits.depth + 2; i++)
      xml += `<paragraph><num value="${i}">(${i})</num><content>x</content>`;
    for (let i = 0; i < lawLimits.depth + 2; i++) xml += '</paragraph>';
    xml += '</section></main></uscDoc>';
    const err = await failure(readUslm({ fileName: 'deep.xml', bytes: bytes(xml) }));
    expect(err.code).toBe('LAW_INVALID');
    expect(err.message).toMatch(
      /^deep\.xml: provisions are nested deeper than 12 levels \(under § 1\(0\)\(1\)/,
    );
  });

  it('more provisions than one import may hold stops the stream early', async () => {
    function* many() {
      yield bytes(uslmHead);
      for (let i = 0; i < lawLimits.provisions + 10; i += 1000) {
        let s = '';
        for (let j = i; j < i + 1000; j++)
          s += `<section><num value="${j}">${j}</num><content>t</content></section>`;
        yield bytes(s);
      }
      yield bytes('</main></uscDoc>');
    }
    const err = await failure(readUslmChunks('many.xml', many()));
    expect(err.code).toBe('LAW_INVALID');
    expect(err.message).toBe(
      `many.xml: the document has more than ${lawLimits.provisions} provisions, the most one import may hold`,
    );
  });

  it('a provision text over the limit is refused naming the provision', async () => {
    const big = 'word '.repeat(lawLimits.provisionTextChars / 5 + 10);
    const err = await failure(
      readUslm({
        fileName: 'big.xml',
        bytes: bytes(
          `${uslmHead}<section><num value="9">9</num><content>${big}</content></section></main></uscDoc>`,
        ),
      }),
    );
    expect(err.message).toMatch(/^big\.xml: § 9 has more than 1000000 characters of text/);
  });
});

describe('generic XML fallback', () => {
  it('reads XML of another schema as text, block by block, through the plain-text splitter', async () => {
    const xml = `<?xml version="1.0"?><Statute><Name>Example Parks Act</Name>
<Body><Block><Label>Section 1.</Label><Para>Every park has a <Emphasis>keeper</Emphasis>.</Para></Block>
<Block><Label>Section 2.</Label><Para>A keeper opens the gates.</Para></Block></Body></Statute>`;
    const doc = await readDocument({ fileName: 'other.xml', bytes: bytes(xml) });
    expect(doc.format).toBe('text');
    expect(doc.notes[0]).toBe('read as generic XML text');
    expect(doc.title).toBe('Example Parks Act');
    expect(all(doc).map((p) => [p.citation, p.text])).toEqual([
      ['s. 1', 'Every park has a keeper.'],
      ['s. 2', 'A keeper opens the gates.'],
    ]);
  });

  it('malformed XML of another schema is still an error with its position', async () => {
    const err = await failure(
      readDocument({ fileName: 'o.xml', bytes: bytes('<?xml version="1.0"?>\n<a><b></a>') }),
    );
    expect(err.message).toMatch(/^o\.xml: malformed XML at line 2, column \d+/);
  });
});

describe('bounded memory', () => {
  it('streams a generated 25 MB Code title with heap growth well under a DOM of it', async () => {
    const target = 25_000_000;
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let produced = 0;
    function* sampled() {
      for (const chunk of generateUslmTitle(target)) {
        produced += chunk.length;
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        yield chunk;
      }
    }
    const doc = await readUslmChunks('generated.xml', sampled());
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const sections = all(doc).filter((p) => p.kind === 'section');
    expect(produced).toBeGreaterThan(target);
    expect(sections.length).toBeGreaterThan(2000);
    expect(sections[0]?.citation).toBe('§ 1');
    expect(doc.notes[0]).toMatch(/notes/);
    // The tree keeps the operative text (about 40% of the bytes); a fast-xml-parser DOM of the same title
    // retains about 3 times the file (measured in bench/rows/ingest-xml.ts). Growth well under that shows
    // nothing holds the markup.
    expect(peak - base).toBeLessThan(produced * 1.6);
  }, 20_000);
});

const blind = ['national', 'states'].filter((sub) => fs.existsSync(path.join(corpus, sub)));
const blindFiles = blind.flatMap((sub) =>
  (fs.readdirSync(path.join(corpus, sub), { recursive: true }) as string[])
    .filter((f) => /\.xml$/i.test(f))
    .map((f) => path.join(corpus, sub, f)),
);
if (blind.length < 2) corpusPresent('national');

describe.skipIf(blindFiles.length === 0)('the blind set: every XML file reads or is refused cleanly', () => {
  // Only outcomes are checked here: the content of these folders is never looked at or labelled.
  it.each(blindFiles.map((f) => [path.relative(corpus, f), f]))('%s', async (_name, file) => {
    try {
      const doc = await readDocument({ fileName: path.basename(file), bytes: fs.readFileSync(file) });
      expect(all(doc).length).toBeGreaterThan(0);
      expect(new Set(all(doc).map((p) => p.citation)).size).toBe(all(doc).length);
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect(['DOCUMENT_UNREADABLE', 'FORMAT_UNSUPPORTED']).toContain((err as DomainError).code);
    }
  });
});

describe('a reader asked for the wrong format', () => {
  it.each([
    [
      'uslm',
      'akn30-act.xml',
      /^x\.xml: not USLM \(the root element is <akomaNtoso> in namespace http:\/\/docs\.oasis-open\.org/,
    ],
    ['akn', 'clml-sample.xml', /^x\.xml: not Akoma Ntoso \(the root element is <Legislation>/],
    [
      'clml',
      'uslm-bill.xml',
      /^x\.xml: not CLML \(the root element is <bill> in namespace http:\/\/schemas\.gpo\.gov\/xml\/uslm\)/,
    ],
  ] as const)('%s refuses %s by its root element', async (format, file, message) => {
    const content = fs.readFileSync(path.join(fixtures, file));
    const err = await failure(readDocument({ fileName: 'x.xml', bytes: content }, format));
    expect(err.code).toBe('DOCUMENT_UNREADABLE');
    expect(err.message).toMatch(message);
  });
});

describe('broken variants of every fixture: a result or a clean error, never a crash or a hang', () => {
  const names = fs.readdirSync(fixtures).filter((f) => f.endsWith('.xml'));
  it.each(names)('%s', async (name) => {
    const original = new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
    const next = seededRandom(name.length * 7919);
    const outcomes = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const bytes = Uint8Array.from(original);
      let variant: Uint8Array = bytes;
      const kind = i % 4;
      const at = Math.floor(next() * bytes.length);
      if (kind === 0)
        variant = bytes.subarray(0, at); // truncated
      else if (kind === 1)
        bytes[at] = Math.floor(next() * 256); // one byte changed
      else if (kind === 2)
        variant = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 40)]); // a cut
      else bytes.fill(0x3c, at, Math.min(bytes.length, at + 3)); // stray `<`
      try {
        const doc = await readDocument({ fileName: name, bytes: variant });
        expect(all(doc).length).toBeGreaterThan(0);
        outcomes.add('read');
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        expect(['DOCUMENT_UNREADABLE', 'FORMAT_UNSUPPORTED', 'LAW_INVALID']).toContain(err.code);
        expect(err.message.startsWith(`${name}: `) || err.code === 'LAW_INVALID').toBe(true);
        outcomes.add(err.code);
      }
    }
    expect(outcomes.has('DOCUMENT_UNREADABLE')).toBe(true);
  });
});

describe('document metadata within the limits', () => {
  it('a title longer than the limit is shortened at a word, with a note; the text is untouched', async () => {
    const long = 'To provide for benches and for other purposes '.repeat(20).trim();
    const xml = `<bill xmlns="http://schemas.gpo.gov/xml/uslm" xmlns:dc="http://purl.org/dc/elements/1.1/"><meta><dc:title>${long}</dc:title></meta>
<main><section><num value="1">SECTION 1.</num><content>${long}</content></section></main></bill>`;
    const doc = await readUslm({ fileName: 'long.xml', bytes: bytes(xml) });
    expect(doc.title?.length).toBeLessThanOrEqual(lawLimits.titleChars);
    expect(doc.title).toMatch(/^To provide for benches .*[a-z]…$/);
    expect(long.startsWith((doc.title ?? '').slice(0, -1))).toBe(true);
    expect(doc.notes).toContain(
      `the title has ${long.length} characters; it was shortened to ${lawLimits.titleChars}`,
    );
    expect(all(doc)[0]?.text).toBe(long);
  });
});
