/**
 * Fuzzing every format through readDocument: seeds of each kind (our own text, HTML, JSON, a PDF from
 * test/fixtures/pdf-builder.ts, a DOCX from the generator, and USLM/AKN/CLML fixtures of the XML readers plus
 * a few corpus AKN samples when present) are broken by fast-check (truncation, bit flips, byte overwrites,
 * inserted garbage or invalid UTF-8, deleted or duplicated ranges) and read with detection or with the seed's
 * format forced. Every case must end in a document or in a DomainError DOCUMENT_UNREADABLE or
 * FORMAT_UNSUPPORTED whose message names the file, within a per-case time limit. Runs are seeded, so a
 * failure replays; fast-check prints the seed and the shrunk case.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../src/core/errors.ts';
import { readDocument } from '../src/ingest/documents/read-document.ts';
import type { DocumentFormat } from '../src/ingest/documents/types.ts';
import { blocksToDocx, corpusDir } from './fixtures/generate-documents.ts';
import { buildPdf, layoutPages } from './fixtures/pdf-builder.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const perCaseMs = 5_000;
const runsPerSeed = Number(process.env.FUZZ_RUNS ?? 60);

const xmlFixtures = path.resolve(import.meta.dirname, '../src/ingest/documents/fixtures');

/** Small seeds of every format, with the format each is meant as. */
async function seeds(): Promise<Array<{ name: string; format: DocumentFormat; bytes: Uint8Array }>> {
  const out: Array<{ name: string; format: DocumentFormat; bytes: Uint8Array }> = [
    {
      name: 'act.txt',
      format: 'text',
      bytes: new Uint8Array(
        fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/laws/fictional-act-2031.txt')),
      ),
    },
    {
      name: 'ocr.txt',
      format: 'text',
      bytes: enc(
        'GAZETTE\nSection 1. A\nTraf-\nficking (a) one;\n- 1 -\fGAZETTE\n3.—(1) Two.\nDefinitions\n- 2 -',
      ),
    },
    {
      name: 'act.html',
      format: 'html',
      bytes: enc(
        '<!DOCTYPE html><html lang="en"><head><title>T</title><script>x<y</script></head><body><h2>Article 1</h2><p>A &amp; B</p><ol type="i"><li>one</li></ol></body></html>',
      ),
    },
    {
      name: 'law.json',
      format: 'json',
      bytes: new Uint8Array(
        fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/laws/loi-fictive.json')),
      ),
    },
    { name: 'other.json', format: 'json', bytes: enc('{"Section 1":"Text.","list":[{"(a)":"one"},2,null]}') },
    {
      name: 'act.pdf',
      format: 'pdf',
      bytes: buildPdf(
        layoutPages(
          [[['Section 1. Scope'], ['Text of the', 'section.']], [['Section 2. End']]],
          (n) => `${n}`,
        ),
      ),
    },
    {
      name: 'act.docx',
      format: 'docx',
      bytes: await blocksToDocx([
        { kind: 'heading', level: 2, text: 'Section 1' },
        { kind: 'paragraph', text: '(a) Invented text.' },
      ]),
    },
    {
      name: 'uslm.xml',
      format: 'uslm',
      bytes: enc(
        '<?xml version="1.0"?><uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0"><main><section identifier="/us/usc/t99/s1"><num value="1">§ 1.</num><heading>Invented</heading><content>Text.</content></section></main></uscDoc>',
      ),
    },
    {
      name: 'akn.xml',
      format: 'akn',
      bytes: enc(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section eId="sec_1"><num>1</num><heading>Invented</heading><content><p>Text.</p></content></section></body></act></akomaNtoso>',
      ),
    },
    {
      name: 'clml.xml',
      format: 'clml',
      bytes: enc(
        '<Legislation xmlns="http://www.legislation.gov.uk/namespaces/legislation"><Primary><Body><P1group><Title>Invented</Title><P1 id="section-1"><Pnumber>1</Pnumber><P1para><Text>Text.</Text></P1para></P1></P1group></Body></Primary></Legislation>',
      ),
    },
  ];
  const xml: Array<[string, DocumentFormat]> = [
    ['uslm-bill.xml', 'uslm'],
    ['uslm-code-title.xml', 'uslm'],
    ['akn30-act.xml', 'akn'],
    ['akn-wd17-judgment.xml', 'akn'],
    ['clml-sample.xml', 'clml'],
  ];
  for (const [file, format] of xml) {
    const p = path.join(xmlFixtures, file);
    if (fs.existsSync(p)) out.push({ name: file, format, bytes: new Uint8Array(fs.readFileSync(p)) });
  }
  const corpus = fs.existsSync(
    path.resolve(import.meta.dirname, '..', process.env.LAWGAP_CORPUS ?? '../shared/corpus', 'akn'),
  )
    ? corpusDir()
    : null;
  for (const file of [
    'akn/oasis-examples/us_Act_2011-11-29.xml',
    'akn/oasis-examples/us_Title9-Chap3-eng.xml',
  ]) {
    const p = corpus ? path.join(corpus, file) : '';
    if (p && fs.existsSync(p))
      out.push({ name: path.basename(file), format: 'akn', bytes: new Uint8Array(fs.readFileSync(p)) });
  }
  return out;
}

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at,
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }),
      fc.constantFrom<number[]>([0xff], [0xc3], [0xed, 0xa0, 0x80], [0x3c], [0x26, 0x23, 0x78]),
    ),
  }),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 256 }) }),
);

function apply(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const i = Math.min(out.length, Math.floor(m.at * out.length));
    const copy = [...out];
    if (m.op === 'truncate') copy.length = i;
    else if (m.op === 'flip' && i < copy.length) copy[i] = (copy[i] ?? 0) ^ (1 << m.bit);
    else if (m.op === 'set' && i < copy.length) copy[i] = m.byte;
    else if (m.op === 'insert') copy.splice(i, 0, ...m.bytes);
    else if (m.op === 'delete') copy.splice(i, m.length);
    else if (m.op === 'duplicate') copy.splice(i, 0, ...copy.slice(i, i + m.length));
    out = new Uint8Array(copy);
  }
  return out;
}

/** Outcomes seen per seed: documents read, and refusals by code (to show the mutations reach the readers). */
const tally = new Map<string, Record<string, number>>();
const count = (seed: string, outcome: string) => {
  const t = tally.get(seed) ?? {};
  t[outcome] = (t[outcome] ?? 0) + 1;
  tally.set(seed, t);
};

/** Reads within the time limit; returns what went wrong, or null when the outcome is acceptable. */
async function check(
  fileName: string,
  bytes: Uint8Array,
  format: DocumentFormat | 'auto',
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), perCaseMs);
  });
  try {
    const outcome = await Promise.race([
      readDocument({ fileName, bytes }, format).then(
        (doc) => ({ doc }),
        (err: unknown) => ({ err }),
      ),
      timeout,
    ]);
    if (outcome === 'hang') return `no answer within ${perCaseMs} ms`;
    const seed = fileName.replace(/^fuzz-/, '');
    if ('doc' in outcome) {
      count(seed, `read as ${outcome.doc.format}`);
      return Array.isArray(outcome.doc.provisions) ? null : 'a document without provisions';
    }
    const err = outcome.err;
    if (isDomainError(err)) count(seed, err.code);
    if (!isDomainError(err)) return `not a DomainError: ${(err as Error)?.stack ?? String(err)}`;
    if (err.code !== 'DOCUMENT_UNREADABLE' && err.code !== 'FORMAT_UNSUPPORTED')
      return `code ${err.code}: ${err.message}`;
    if (!err.message.includes(fileName)) return `message does not name the file: ${err.message}`;
    return null;
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing readDocument with broken variants of every format', () => {
  let all: Awaited<ReturnType<typeof seeds>> = [];
  beforeAll(async () => {
    all = await seeds();
  });

  it('reads every seed unmutated without an unexpected failure', async () => {
    for (const s of all) expect(await check(s.name, s.bytes, 'auto'), s.name).toBeNull();
  });

  it('meets every mutation with a document or a clean refusal naming the file', async () => {
    for (const [n, s] of all.entries()) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          async (ms, forced) => {
            const problem = await check(`fuzz-${s.name}`, apply(s.bytes, ms), forced ? s.format : 'auto');
            if (problem) throw new Error(`${s.name} (${forced ? s.format : 'auto'}): ${problem}`);
          },
        ),
        { seed: 20261129 + n, numRuns: runsPerSeed, endOnFailure: true },
      );
    }
    // The binary formats must really be broken by the mutations (refusals), not only read.
    for (const name of ['act.pdf', 'act.docx', 'law.json']) {
      expect(tally.get(name)?.DOCUMENT_UNREADABLE ?? 0, name).toBeGreaterThan(0);
    }
    if (process.env.FUZZ_REPORT === '1') console.info(Object.fromEntries(tally));
  }, 60_000);

  it('meets random bytes and random text with a document or a clean refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 2048 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 2048 }).map(enc),
        ),
        async (bytes) => {
          const problem = await check('random.bin', bytes, 'auto');
          if (problem) throw new Error(problem);
        },
      ),
      { seed: 4242, numRuns: 150 },
    );
  });
});
