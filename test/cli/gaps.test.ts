/** `lawgap gaps` and `lawgap export` as a person runs them: on a fresh database, both succeed with nothing coded. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freshDataDir, runCli } from './run-cli.ts';

it('reports a jurisdiction with nothing coded, exports plain files, and refuses bad input with exit 2', async () => {
  const out = path.join(freshDataDir(), 'export');
  const [gaps, md, exported, badFormat] = await Promise.all([
    runCli(['gaps', 'ocd-division/country:is', '--as-of', '2031-01-01', '--json'], {
      dataDir: freshDataDir(),
    }),
    runCli(['gaps', 'ocd-division/country:is', '--md'], { dataDir: freshDataDir() }),
    runCli(['export', '--format', 'csv', '--out', out], { dataDir: freshDataDir() }),
    runCli(['export', '--format', 'xml', '--out', out], { dataDir: freshDataDir() }),
  ]);
  expect(gaps.code, gaps.stderr).toBe(0);
  const report = JSON.parse(gaps.stdout) as { gaps: unknown[]; notCoded: unknown[] };
  expect([report.gaps.length, report.notCoded.length]).toEqual([0, 66]);
  expect(md.code, md.stderr).toBe(0);
  expect(md.stdout).toContain('# Gaps in the law of Iceland');
  expect(exported.code, exported.stderr).toBe(0);
  const files = fs.readdirSync(out).sort();
  expect(files).toEqual([
    'lawgap-codebook.json',
    'lawgap-codebook.md',
    'lawgap-dataset.csv',
    'lawgap-protocol.md',
    'manifest.json',
  ]);
  expect(fs.readFileSync(path.join(out, 'lawgap-dataset.csv'), 'utf8').split('\r\n')).toHaveLength(2);
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toContain('--format must be csv or json');
});
