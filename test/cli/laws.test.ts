/** `lawgap laws import|list|show|diff` and `lawgap search`, with their refusals (exit 2, one line on stderr). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { texas } from '../laws-fixtures.ts';
import { type CliResult, freshDataDir, runCli, stderrLines } from './run-cli.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/laws');
const v1 = path.join(fixtures, 'fictional-act-2031.txt');
const v2 = path.join(fixtures, 'fictional-act-2034.txt');
const dirs: string[] = [];
function dataDir(): string {
  const dir = freshDataDir();
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function ok(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** Asserts a refused command: exit 2, nothing on stdout, one line on stderr; returns that line. */
function refusal(result: CliResult): string {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('lawgap laws', () => {
  const dir = dataDir();
  const act = ['--jurisdiction', texas, '--citation', 'FATA 2031'];

  it('imports two versions, lists them as of a date, shows, diffs and searches', async () => {
    const first = ok(
      await runCli(['laws', 'import', v1, ...act, '--effective-from', '2031-01-01', '--json'], {
        dataDir: dir,
      }),
    );
    const created = JSON.parse(first.stdout) as {
      outcome: string;
      document: { id: string };
      version: { id: string };
    };
    expect(created.outcome).toBe('created');
    const second = ok(
      await runCli(['laws', 'import', v2, ...act, '--effective-from', '2034-07-01'], { dataDir: dir }),
    );
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(`closed version ${created.version.id}: now ends on 2034-07-01`);
    const id = created.document.id;
    const [before, after, shown, search, again] = await Promise.all([
      runCli(['laws', 'list', '--jurisdiction', texas, '--as-of', '2034-06-30', '--json'], { dataDir: dir }),
      runCli(['laws', 'list', '--as-of', '2034-07-01'], { dataDir: dir }),
      runCli(['laws', 'show', id, '--json'], { dataDir: dir }),
      runCli(['search', 'trafficked person', '--jurisdiction', texas, '--json'], { dataDir: dir }),
      runCli(['laws', 'import', v1, ...act, '--effective-from', '2031-01-01', '--json'], { dataDir: dir }),
    ]);
    expect(
      (JSON.parse(ok(before).stdout) as Array<{ version: { id: string } }>).map((l) => l.version.id),
    ).toEqual([created.version.id]);
    expect(ok(after).stdout).toMatch(/FATA 2031 .* 2034-07-01– +14\n$/);
    const versions = (JSON.parse(ok(shown).stdout) as { versions: Array<{ id: string }> }).versions.map(
      (v) => v.id,
    );
    expect(versions).toHaveLength(2);
    const { hits } = JSON.parse(ok(search).stdout) as { hits: Array<{ citation: string }> };
    expect(hits.map((h) => h.citation)).toContain('s. 2(1)(b)');
    expect((JSON.parse(ok(again).stdout) as { outcome: string }).outcome).toBe('unchanged');
    const diff = ok(
      await runCli(['laws', 'diff', id, '--from', versions[0]!, '--to', versions[1]!], { dataDir: dir }),
    );
    expect(diff.stdout).toContain('up to [-10-]{+15+} years.');
    expect(diff.stdout).toContain('- s. 5  Confiscation of documents');
    expect(diff.stdout).toContain('+ s. 6  Protection of victims');
    expect(diff.stderr).toBe('1 added, 1 removed, 2 changed, 11 unchanged\n');
  });

  it('refuses bad input with exit 2 and one line, and shows progress on a long import', async () => {
    const scratch = dataDir();
    const empty = path.join(scratch, 'empty.txt');
    const broken = path.join(scratch, 'broken.json');
    const long = path.join(scratch, 'long.txt');
    fs.writeFileSync(empty, '\n\n');
    fs.writeFileSync(broken, '{"schema": "lawgap.law/1", "document": ');
    fs.writeFileSync(
      long,
      `Fictional Long Act\n\n${Array.from({ length: 1200 }, (_, i) => `Section ${i + 1}. Rule ${i + 1}\nText ${i + 1}.`).join('\n\n')}`,
    );
    const run = (args: string[]) => runCli(args, { dataDir: dir });
    // The refusals run side by side; the long import runs alone afterwards, since its write transaction would
    // make a concurrent writer on the same SQLite file wait past its busy timeout on a loaded machine.
    const [noCitation, badDate, unknown, missing, emptyText, malformed, overlap, badType] = await Promise.all(
      [
        run(['laws', 'import', v1, '--jurisdiction', texas, '--effective-from', '2031-01-01']),
        run(['laws', 'import', v1, ...act, '--effective-from', '2031-02-30']),
        run([
          'laws',
          'import',
          v1,
          '--jurisdiction',
          'ocd-division/country:zz',
          '--citation',
          'X',
          '--effective-from',
          '2031-01-01',
        ]),
        run(['laws', 'import', path.join(scratch, 'nope.txt'), ...act, '--effective-from', '2031-01-01']),
        run(['laws', 'import', empty, ...act, '--effective-from', '2040-01-01']),
        run(['laws', 'import', broken, '--jurisdiction', texas]),
        run(['laws', 'import', v2, ...act, '--effective-from', '2032-01-01', '--effective-to', '2035-01-01']),
        run(['search', 'x', '--type', 'novel']),
      ],
    );
    const longImport = await run([
      'laws',
      'import',
      long,
      '--jurisdiction',
      texas,
      '--citation',
      'FLA',
      '--effective-from',
      '2031-01-01',
      '--json',
    ]);
    expect(refusal(noCitation)).toBe(
      'lawgap: LAW_INVALID: fictional-act-2031.txt does not state a citation: give one (--citation)',
    );
    expect(refusal(badDate)).toBe(
      'lawgap: VALIDATION_FAILED: --effective-from must be a date YYYY-MM-DD, got "2031-02-30"',
    );
    expect(refusal(unknown)).toBe(
      'lawgap: JURISDICTION_NOT_FOUND: jurisdiction ocd-division/country:zz does not exist',
    );
    expect(refusal(missing)).toBe('lawgap: DOCUMENT_UNREADABLE: nope.txt: no such file');
    expect(refusal(emptyText)).toMatch(/^lawgap: DOCUMENT_UNREADABLE: empty\.txt: the file has no text/);
    expect(refusal(malformed)).toMatch(/^lawgap: LAW_INVALID: the content is not valid JSON/);
    expect(refusal(overlap)).toMatch(/^lawgap: LAW_VERSION_OVERLAP: /);
    expect(refusal(badType)).toMatch(/^lawgap: VALIDATION_FAILED: --type must be one of statute/);
    expect(ok(longImport).stderr).toContain('stored 1200/1200 provisions');
    expect(
      (JSON.parse(longImport.stdout) as { version: { provisionCount: number } }).version.provisionCount,
    ).toBe(1200);
  });
});
