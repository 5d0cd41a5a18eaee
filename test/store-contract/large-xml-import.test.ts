/**
 * A whole US Code title imported from disk on every engine: a generated USLM title of tens of MB (invented text
 * in the real structure, src/ingest/documents/fixtures/generate-uslm.ts) is streamed through the reader and
 * stored in one transaction. Asserts the provision count, a sampled citation with its text and parent, that the
 * heap grew far less than the file (a DOM of the file would need several times its size), and that a file cut
 * short is refused with nothing stored. PostgreSQL gets a smaller title: its inserts are slower here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { isDomainError } from '../../src/core/errors.ts';
import { lawLimits } from '../../src/core/laws/types.ts';
import { generateUslmTitle } from '../../src/ingest/documents/fixtures/generate-uslm.ts';
import { importLawFileAt } from '../../src/services/law-files.ts';
import type { Store } from '../../src/store/db.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const us = 'ocd-division/country:us';
const system: Actor = { kind: 'system', name: 'test' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-large-xml-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Title {
  file: string;
  bytes: number;
  sections: number;
  chapters: number;
}

/** Writes a generated title to disk chunk by chunk, counting its sections and chapters as it goes. */
function writeTitle(name: string, targetBytes: number): Title {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  let sections = 0;
  let chapters = 0;
  const decoder = new TextDecoder();
  for (const chunk of generateUslmTitle(targetBytes)) {
    const text = decoder.decode(chunk);
    sections += text.match(/<section /g)?.length ?? 0;
    chapters += text.match(/<chapter /g)?.length ?? 0;
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
  return { file, bytes: fs.statSync(file).size, sections, chapters };
}

/** A copy of the file's first `fraction` of bytes: a download that broke off. */
function truncated(title: Title, fraction: number): string {
  const file = `${title.file}.part`;
  const fd = fs.openSync(title.file, 'r');
  const buffer = Buffer.alloc(Math.floor(title.bytes * fraction));
  fs.readSync(fd, buffer, 0, buffer.length, 0);
  fs.closeSync(fd);
  fs.writeFileSync(file, buffer);
  return file;
}

const sizes = { sqlite: 40_000_000, postgres: 12_000_000 } as const;

describeEachEngine('importing a whole US Code title from disk', (get, dialect) => {
  let store: Store;
  let title: Title;
  const ctx = () => ({ db: store.db, actor: system, dialect: store.dialect });
  const counts = async () => ({
    documents: await countRows(store.db, 'law_documents'),
    versions: await countRows(store.db, 'law_versions'),
    provisions: await countRows(store.db, 'law_provisions'),
  });

  beforeAll(() => {
    store = get();
    title = writeTitle(`title-${dialect}.xml`, sizes[dialect]);
  });

  it('streams the title into one version: every provision, the right citations, heap far below the file', async () => {
    // Five provisions a section (section, two subsections, two paragraphs) and one per chapter.
    const expected = title.sections * 5 + title.chapters;
    expect(title.bytes).toBeGreaterThan(sizes[dialect] * 0.99);
    // Live heap: collected before every fourth sample (chunks read, batches stored), so garbage not yet
    // collected does not count; the raw peak (garbage included) is logged beside it.
    gc();
    const base = process.memoryUsage().heapUsed;
    let live = base;
    let raw = base;
    let samples = 0;
    let chunks = 0;
    const sample = () => {
      raw = Math.max(raw, process.memoryUsage().heapUsed);
      if (samples++ % 4 === 0) gc();
      live = Math.max(live, process.memoryUsage().heapUsed);
    };
    const result = await importLawFileAt(ctx(), {
      path: title.file,
      jurisdictionId: us,
      effectiveFrom: '2031-01-01',
      onChunk: () => {
        chunks++;
        sample();
      },
      onProgress: sample,
    });
    sample();
    expect(result.outcome).toBe('created');
    expect(result.format).toBe('uslm');
    expect(result.document).toMatchObject({ citation: '99 U.S.C.', title: 'Title 99—PARKS', language: 'en' });
    expect(result.version.provisionCount).toBe(expected);
    expect(chunks).toBeGreaterThan(title.bytes / (2 * 1024 * 1024));
    expect(result.notes.join(' ')).toContain(`${title.sections} source credits`);

    const n = Math.floor(title.sections * 0.7);
    const sampled = await store.db
      .selectFrom('law_provisions as p')
      .innerJoin('law_provisions as parent', 'parent.id', 'p.parent_id')
      .select(['p.text', 'p.kind', 'parent.citation as parentCitation'])
      .where('p.version_id', '=', result.version.id)
      .where('p.citation', '=', `§ ${n}(b)(2)`)
      .executeTakeFirstOrThrow();
    expect(sampled).toEqual({
      text: 'the name of the inspector.',
      kind: 'paragraph',
      parentCitation: `§ ${n}(b)`,
    });
    const section = await store.db
      .selectFrom('law_provisions')
      .select(['heading', 'depth'])
      .where('version_id', '=', result.version.id)
      .where('citation', '=', `§ ${n}`)
      .executeTakeFirstOrThrow();
    expect(section).toEqual({ heading: `Records of park ${n}`, depth: 1 });
    expect(await counts()).toEqual({ documents: 1, versions: 1, provisions: expected });

    // A DOM of the file (the decoded string, two bytes a character here, plus nodes) needs several times its
    // size; the stream keeps the provisions' text (about 40% of this file) and one chunk.
    const growth = live - base;
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB (${(n / title.bytes).toFixed(2)}× the file)`;
    console.info(
      `[${dialect}] ${(title.bytes / 1e6).toFixed(1)} MB title, ${expected} provisions: live heap growth ` +
        `${mb(growth)}, raw peak growth ${mb(raw - base)}`,
    );
    expect(growth).toBeLessThan(title.bytes * 1.6);
  }, 90_000);

  it('refuses a title cut short, naming where it broke, and stores nothing', async () => {
    const before = await counts();
    const part = truncated(title, 0.6);
    const err = await importLawFileAt(ctx(), {
      path: part,
      jurisdictionId: us,
      citation: '99 U.S.C. (partial)',
      effectiveFrom: '2032-01-01',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(err) && err.code).toBe('DOCUMENT_UNREADABLE');
    expect((err as Error).message).toMatch(/^title-\w+\.xml\.part: malformed XML at line \d+/);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('stores more provisions from a streamed file than an upload may hold', async () => {
    const n = lawLimits.provisions + 10;
    const sections = Array.from(
      { length: n },
      (_, i) => `<section><num value="${i + 1}">§ ${i + 1}.</num><content>Rule ${i + 1}.</content></section>`,
    );
    const file = path.join(dir, `many-${dialect}.xml`);
    fs.writeFileSync(
      file,
      '<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0" identifier="/us/usc/t98"><main><title>' +
        `<chapter><num value="1">CHAPTER 1—</num>${sections.join('\n')}</chapter></title></main></uscDoc>`,
    );
    const result = await importLawFileAt(ctx(), {
      path: file,
      jurisdictionId: us,
      effectiveFrom: '2031-01-01',
    });
    expect(result.document.citation).toBe('98 U.S.C.');
    expect(result.version.provisionCount).toBe(n + 1);
    expect(lawLimits.streamedProvisions).toBeGreaterThan(n);
  }, 90_000);

  it('keeps the upload limit for formats read whole and the streamed limit for XML', async () => {
    const big = path.join(dir, `big-${dialect}.txt`);
    fs.writeFileSync(big, 'Section 1. Text.\n'.repeat(Math.ceil((lawLimits.contentChars * 4 + 1) / 17)));
    const err = await importLawFileAt(ctx(), {
      path: big,
      jurisdictionId: us,
      citation: 'Big Act',
      effectiveFrom: '2031-01-01',
    }).then(
      () => null,
      (e: unknown) => e,
    );
    fs.rmSync(big);
    expect(isDomainError(err) && err.code).toBe('DOCUMENT_UNREADABLE');
    expect((err as Error).message).toMatch(
      /^big-\w+\.txt: the file has \d+ bytes, more than the 33554432 \(32 MiB\)/,
    );
    expect(await countRows(store.db, 'law_documents')).toBe(2);
  }, 60_000);
});
