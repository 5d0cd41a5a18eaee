import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  billFile,
  billRecord,
  codeCitation,
  codeText,
  effective,
  newPenalty,
  texas,
} from '../recoding-fixtures.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-recoding-'));
afterAll(() => fs.rmSync(files, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const p = path.join(files, name);
  fs.writeFileSync(p, content);
  return p;
};

describe('lawgap recoding', () => {
  it('imports an enacted bill, lists its task, applies it, shows the suggestions; refuses bad input with exit 2', async () => {
    const run = (args: string[]) => runCli(args, { dataDir: dir });
    const law = write('lsftc.txt', codeText);
    expectOk(
      await run([
        'laws',
        'import',
        law,
        '--jurisdiction',
        texas,
        '--citation',
        codeCitation,
        '--effective-from',
        '2080-01-01',
      ]),
    );
    const bills = write(
      'hb701.json',
      billFile('x', billRecord({ n: 1 }), billRecord({ n: 2, became: '2089-06' })).content,
    );
    expectOk(await run(['bills', 'import', 'openstates', bills]));

    const listed = JSON.parse(
      expectOk(await run(['recoding', 'list', '--status', 'open', '--json'])).stdout,
    ) as Array<{
      id: string;
      effectiveDate: string | null;
      bill: { identifier: string };
    }>;
    expect(listed.map((t) => t.bill.identifier).sort()).toEqual(['HB 701', 'HB 702']);
    const task = listed.find((t) => t.bill.identifier === 'HB 701');
    const undated = listed.find((t) => t.bill.identifier === 'HB 702');
    expect(task?.effectiveDate).toBe(effective);

    expect(expectRefusal(await run(['recoding', 'apply', undated?.id ?? '']))).toContain(
      'give the effective date',
    );
    expect(expectRefusal(await run(['recoding', 'apply', 'no-such-task']))).toContain(
      'recoding task no-such-task does not exist',
    );
    expect(expectRefusal(await run(['recoding', 'apply', task?.id ?? '', '--file', 'nonsense']))).toContain(
      '--file must be DOCUMENT_ID=PATH',
    );
    expect(expectRefusal(await run(['recoding', 'list', '--status', 'finished']))).toContain(
      '--status must be',
    );

    const applied = JSON.parse(
      expectOk(await run(['recoding', 'apply', task?.id ?? '', '--json'])).stdout,
    ) as {
      versions: Array<{ documentId: string; versionId: string; effectiveFrom: string }>;
    };
    expect(applied.versions[0]?.effectiveFrom).toBe(effective);
    const text = expectOk(
      await run([
        'laws',
        'show',
        applied.versions[0]?.documentId ?? '',
        '--version',
        applied.versions[0]?.versionId ?? '',
      ]),
    );
    expect(text.stdout + text.stderr).toContain(newPenalty);

    const shown = expectOk(await run(['recoding', 'show', task?.id ?? '']));
    expect(shown.stderr).toContain(
      `new version ${applied.versions[0]?.versionId} from ${effective} (bill-text)`,
    );
    expect(shown.stdout).toMatch(/PN-01\s+yes\s+\(not coded\)\s+yes\s+machine-suggested, not reviewed/);

    expect(expectRefusal(await run(['recoding', 'dismiss', task?.id ?? '', '--reason', 'late']))).toContain(
      'only an open task can be dismissed',
    );
    expectOk(await run(['recoding', 'dismiss', undated?.id ?? '', '--reason', 'no text to amend']));
    const open = JSON.parse(
      expectOk(await run(['recoding', 'open', billRecord({ n: 2 }).id, '--json'])).stdout,
    );
    expect(open).toMatchObject({ outcome: 'exists', task: { status: 'dismissed' } });
  }, 240_000);
});
