/**
 * `lawgap trend`, `changes`, `compare`, `rankings` and `crosswalk` as a person runs them on fresh databases:
 * nothing coded is a result, and each kind of bad input exits 2 with its message.
 */
import { expect, it } from 'vitest';
import { freshDataDir, runCli } from './run-cli.ts';

const iceland = 'ocd-division/country:is';

it('prints trends, rankings and crosswalks with nothing coded, and refuses bad input with exit 2', async () => {
  const run = (args: string[]) => runCli(args, { dataDir: freshDataDir() });
  const [trend, rankings, crosswalk, one, unknown, backwards, badLimit] = await Promise.all([
    run(['trend', iceland, '--from', '2030', '--to', '2031', '--json']),
    run([
      'rankings',
      '--parent',
      'ocd-division/country:us',
      '--as-of',
      '2031-01-01',
      '--limit',
      '10',
      '--offset',
      '50',
      '--json',
    ]),
    run(['crosswalk', iceland, 'polaris', '--json']),
    run(['compare', iceland]),
    run(['crosswalk', iceland, 'untoc']),
    run(['changes', iceland, '--from', '2031-01-01', '--to', '2030-01-01']),
    run(['rankings', '--limit', '501']),
  ]);
  expect(trend.code, trend.stderr).toBe(0);
  const points = (JSON.parse(trend.stdout) as { points: Array<{ year: number; status: string }> }).points;
  expect(points.map((p) => [p.year, p.status])).toEqual([
    [2030, 'not_coded'],
    [2031, 'not_coded'],
  ]);
  expect(rankings.code, rankings.stderr).toBe(0);
  const ranked = JSON.parse(rankings.stdout) as {
    lines: Array<{ rank: number | null }>;
    total: number;
    offset: number;
  };
  const lines = ranked.lines;
  expect(ranked.total).toBeGreaterThan(50);
  expect(ranked.offset).toBe(50);
  expect(lines.length).toBe(Math.min(10, ranked.total - 50));
  expect(lines.every((l) => l.rank === null)).toBe(true);
  expect(crosswalk.code, crosswalk.stderr).toBe(0);
  expect(JSON.parse(crosswalk.stdout)).toMatchObject({ instrument: 'polaris', summary: { met: 0 } });
  expect([one.code, unknown.code, backwards.code]).toEqual([2, 2, 2]);
  expect(one.stderr).toContain('compare 2 to 6 jurisdictions, not 1');
  expect(unknown.stderr).toMatch(/"untoc" is not a crosswalk instrument .*palermo/);
  expect(backwards.stderr).toContain('from (2031-01-01) is after to (2030-01-01)');
  expect(badLimit.code).toBe(2);
  expect(badLimit.stderr).toContain('--limit must be a whole number from 1 to 500');
});
