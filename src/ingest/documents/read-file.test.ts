/** readDocumentFile: XML formats streamed from disk with the larger limits, other formats read whole, bad paths. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.ts';
import { flattenProvisions, lawLimits } from '../../core/laws/types.ts';
import { generateUslmTitle } from './fixtures/generate-uslm.ts';
import { readDocument } from './read-document.ts';
import { openDocumentFile, readDocumentFile } from './read-file.ts';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-read-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array | Iterable<Uint8Array>): string {
  const file = path.join(dir, name);
  if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(file, content);
  else fs.writeFileSync(file, Buffer.concat([...content]));
  return file;
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(err)) throw new Error(`expected a domain error, got ${String(err)}`);
  return { code: err.code, message: err.message };
}

/** A USLM title of `n` one-line sections (tiny, so many provisions fit in a few MB). */
function manySections(n: number): string {
  const sections: string[] = [];
  for (let i = 1; i <= n; i++) {
    sections.push(`<section><num value="${i}">§ ${i}.</num><content>Rule ${i}.</content></section>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0" ' +
    'identifier="/us/usc/t98"><main><title><num value="98">Title 98—</num><heading>RULES</heading>' +
    `<chapter><num value="1">CHAPTER 1—</num>${sections.join('\n')}</chapter></title></main></uscDoc>\n`
  );
}

describe('readDocumentFile', () => {
  it('streams USLM from disk chunk by chunk and reads it as the byte reader does', async () => {
    const fixture = path.join(fixtures, 'uslm-code-title.xml');
    const fromBytes = await readDocument({
      fileName: 'uslm-code-title.xml',
      bytes: new Uint8Array(fs.readFileSync(fixture)),
    });
    expect(await readDocumentFile(fixture)).toEqual(fromBytes);

    const file = write('generated.xml', generateUslmTitle(3_500_000));
    const opened = await openDocumentFile(file);
    expect(opened).toMatchObject({ streamed: true, format: 'uslm', fileName: 'generated.xml' });
    const reads: number[] = [];
    const doc = await readDocumentFile(file, 'auto', { onChunk: (n) => reads.push(n) });
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.at(-1)).toBe(fs.statSync(file).size);
    expect(doc.citation).toBe('99 U.S.C.');
    expect(flattenProvisions(doc.provisions).map((p) => p.node.citation)).toContain('§ 100(b)(2)');
  });

  it('lets a streamed file hold more provisions than an upload may', async () => {
    const n = lawLimits.provisions + 100;
    const file = write('many.xml', manySections(n));
    const doc = await readDocumentFile(file);
    expect(flattenProvisions(doc.provisions)).toHaveLength(n + 1);
    const upload = await refusal(
      readDocument({ fileName: 'many.xml', bytes: new Uint8Array(fs.readFileSync(file)) }),
    );
    expect(upload).toEqual({
      code: 'LAW_INVALID',
      message: `many.xml: the document has more than ${lawLimits.provisions} provisions, the most one import may hold`,
    });
  });

  it('reads other formats whole, within the byte limit given', async () => {
    const text = write('act.txt', 'An Act\n\nSection 1. Short title\nThis Act may be cited as the Act.\n');
    expect(await openDocumentFile(text)).toMatchObject({ streamed: false, format: 'auto' });
    expect((await readDocumentFile(text)).format).toBe('text');
    expect(await refusal(readDocumentFile(text, 'auto', { maxBytes: 10 }))).toEqual({
      code: 'DOCUMENT_UNREADABLE',
      message: `act.txt: the file has ${fs.statSync(text).size} bytes, more than the 10 one import may read`,
    });
    // The streamed limit is not the caller's: an XML file is held to lawLimits.streamedFileBytes only.
    const xml = path.join(fixtures, 'akn30-act.xml');
    expect((await readDocumentFile(xml, 'auto', { maxBytes: 10 })).format).toBe('akn');
  });

  it('refuses missing, empty and non-file paths, and a format the content is not', async () => {
    expect(await refusal(readDocumentFile(path.join(dir, 'nope.xml')))).toEqual({
      code: 'DOCUMENT_UNREADABLE',
      message: 'nope.xml: no such file',
    });
    expect(await refusal(readDocumentFile(write('empty.xml', '')))).toEqual({
      code: 'DOCUMENT_UNREADABLE',
      message: 'empty.xml: the file is empty',
    });
    expect((await refusal(readDocumentFile(dir, 'auto', { fileName: 'folder' }))).message).toBe(
      'folder: not a file',
    );
    const wrong = await refusal(readDocumentFile(path.join(fixtures, 'uslm-code-title.xml'), 'akn'));
    expect(wrong.code).toBe('DOCUMENT_UNREADABLE');
    expect(wrong.message).toMatch(/^uslm-code-title\.xml: not Akoma Ntoso \(the root element is <uscDoc>/);
  });
});
