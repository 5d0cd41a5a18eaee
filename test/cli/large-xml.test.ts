/**
 * `lawgap laws import` and `lawgap analyze` take a USLM title from its path and stream it (the service tests in
 * test/store-contract/large-xml-import.test.ts import a 40 MB title and measure the heap): the provision count,
 * the format and the file's own citation come through, and a title cut short is refused with exit 2, one line
 * naming the file, and nothing stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateUslmTitle } from '../../src/ingest/documents/fixtures/generate-uslm.ts';
import { freshDataDir, runCli, stderrLines } from './run-cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-cli-large-'));
const dataDir = freshDataDir();
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('lawgap with a generated US Code title', () => {
  it('imports and analyzes it from the path; refuses a truncated copy and stores nothing', async () => {
    const file = path.join(dir, 'title-99.xml');
    const bytes = Buffer.concat([...generateUslmTitle(3_000_000)]);
    fs.writeFileSync(file, bytes);
    const part = path.join(dir, 'title-99-part.xml');
    fs.writeFileSync(part, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const sections = bytes.toString('utf8').match(/<section /g)?.length ?? 0;
    const chapters = bytes.toString('utf8').match(/<chapter /g)?.length ?? 0;
    const us = ['--jurisdiction', 'ocd-division/country:us', '--effective-from', '2031-01-01'];

    const imported = await runCli(['laws', 'import', file, ...us, '--json'], { dataDir });
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout) as {
      format: string;
      document: { citation: string };
      version: { provisionCount: number };
    };
    expect(result.format).toBe('uslm');
    expect(result.document.citation).toBe('99 U.S.C.');
    expect(result.version.provisionCount).toBe(sections * 5 + chapters);

    const [truncated, analyzed] = await Promise.all([
      runCli(['laws', 'import', part, ...us, '--citation', 'Part'], { dataDir }),
      runCli(['analyze', file, '--json'], { dataDir }),
    ]);
    expect(truncated.code).toBe(2);
    expect(truncated.stdout).toBe('');
    expect(stderrLines(truncated)).toHaveLength(1);
    expect(truncated.stderr).toMatch(
      /^lawgap: DOCUMENT_UNREADABLE: title-99-part\.xml: malformed XML at line/,
    );
    const list = await runCli(['laws', 'list', '--json'], { dataDir });
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);

    expect(analyzed.code, analyzed.stderr).toBe(0);
    const analysis = JSON.parse(analyzed.stdout) as {
      document: { format: string; provisions: Array<{ citation: string }> };
      suggestions: unknown[];
    };
    expect(analysis.document.format).toBe('uslm');
    expect(analysis.document.provisions).toHaveLength(sections * 5 + chapters);
    expect(analysis.suggestions).toHaveLength(66);
  }, 120_000);
});
