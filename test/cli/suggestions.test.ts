/**
 * `lawgap laws import FILE --analyze`, `lawgap suggestions list|accept|reject` and `lawgap demo`: what a person
 * sees (the machine-suggested label), JSON output, and refusals (exit 2, one line on stderr).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const statute = path.resolve(import.meta.dirname, '../fixtures/suggestions/safe-passage-act.txt');
const us = 'ocd-division/country:us';
/** A scratch folder for files the tests write (not a data dir). */
const tmp = scratchDataDir();

describe('lawgap suggestions', () => {
  const dataDir = scratchDataDir();
  const run = (...args: string[]) => runCli(args, { dataDir });

  it('imports with --analyze, lists labelled suggestions, accepts and rejects; refuses bad input', async () => {
    const imported = expectOk(
      await run(
        'laws',
        'import',
        statute,
        '--jurisdiction',
        us,
        '--citation',
        'Safe Passage Act',
        '--effective-from',
        '2031-03-01',
        '--analyze',
      ),
    );
    expect(imported.stderr).toMatch(/imported Safe Passage Act/);
    expect(imported.stderr).toMatch(/66 new.*machine-suggested, not reviewed/);
    const table = expectOk(await run('suggestions', 'list', '--jurisdiction', us));
    expect(table.stdout).toContain('machine-suggested, not reviewed');
    const list = JSON.parse(
      expectOk(await run('suggestions', 'list', '--jurisdiction', us, '--json')).stdout,
    ) as Array<{
      id: string;
      label: string | null;
    }>;
    expect(list).toHaveLength(66);
    const [first, second] = list;
    const accepted = JSON.parse(
      expectOk(await run('suggestions', 'accept', first?.id ?? '', '--json')).stdout,
    );
    expect(accepted.suggestion.reviewStatus).toBe('accepted');
    expect(accepted.answer.status).toBe('coded');
    expectOk(await run('suggestions', 'reject', second?.id ?? '', '--reason', 'not relevant'));
    expect(expectRefusal(await run('suggestions', 'accept', second?.id ?? ''))).toMatch(/already rejected/);
    const binary = path.join(tmp, 'picture.png');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(
      expectRefusal(
        await run(
          'laws',
          'import',
          binary,
          '--jurisdiction',
          us,
          '--citation',
          'X',
          '--effective-from',
          '2031-01-01',
        ),
      ),
    ).toMatch(/picture\.png: unsupported format/);
    expect(
      expectRefusal(await run('laws', 'import', statute, '--jurisdiction', us, '--format', 'rtf')),
    ).toMatch(/--format must be one of auto/);
    expect(
      expectRefusal(
        await run(
          'laws',
          'import',
          statute,
          '--jurisdiction',
          'ocd-division/country:us/state:zz',
          '--citation',
          'X',
          '--effective-from',
          '2031-01-01',
        ),
      ),
    ).toMatch(/does not exist/);
    expect(expectRefusal(await run('suggestions', 'list', '--jurisdiction', 'nowhere'))).toMatch(
      /OCD division id/,
    );
    const after = JSON.parse(
      expectOk(await run('suggestions', 'list', '--jurisdiction', us, '--status', 'pending', '--json'))
        .stdout,
    );
    expect(after).toHaveLength(64);
  }, 180_000);

  it('refuses a demo without a corpus folder', async () => {
    expect(expectRefusal(await run('demo', '--corpus', path.join(tmp, 'no-such-folder')))).toMatch(
      /is not a folder/,
    );
  });
});
