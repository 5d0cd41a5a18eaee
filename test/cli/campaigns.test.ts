/** `lawgap campaigns create|list|show|partner|public` as a person runs them: one organisation's view, bad input exit 2. */
import { expect, it } from 'vitest';
import { type CliResult, freshDataDir, runCli } from './run-cli.ts';

it('creates a campaign, shares it with a partner, shows it only to them, and refuses bad input with exit 2', async () => {
  const dataDir = freshDataDir();
  const cli = (...args: string[]) => runCli(args, { dataDir });
  for (const name of ['Coalition One', 'Coalition Two', 'Coalition Three']) {
    const org = await cli('org', 'create', name);
    expect(org.code, org.stderr).toBe(0);
  }
  const framework = await cli('framework', 'show', '--json');
  expect(framework.code, framework.stderr).toBe(0);
  const gap = (JSON.parse(framework.stdout) as { indicators: Array<{ id: string }> }).indicators[0]!.id;
  const tx = 'ocd-division/country:us/state:tx';
  const created = await cli(
    'campaigns',
    'create',
    '--org',
    'coalition-one',
    '--title',
    'Close the gap',
    '--jurisdiction',
    tx,
    '--gap',
    gap,
    '--json',
  );
  expect(created.code, created.stderr).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  const partner = await cli(
    'campaigns',
    'partner',
    id,
    '--org',
    'coalition-one',
    '--partner',
    'coalition-two',
    '--role',
    'viewer',
  );
  expect(partner.code, partner.stderr).toBe(0);
  const runs = [
    () => cli('campaigns', 'list', '--org', 'coalition-two', '--json'),
    () => cli('campaigns', 'list', '--org', 'coalition-three', '--json'),
    () => cli('campaigns', 'show', id, '--org', 'coalition-two', '--json'),
    () => cli('campaigns', 'show', id, '--org', 'coalition-three'),
    () =>
      cli(
        'campaigns',
        'create',
        '--org',
        'coalition-one',
        '--title',
        'T',
        '--jurisdiction',
        tx,
        '--gap',
        'NOPE-1',
      ),
    () =>
      cli(
        'campaigns',
        'partner',
        id,
        '--org',
        'coalition-one',
        '--partner',
        'coalition-three',
        '--role',
        'boss',
      ),
    () => cli('campaigns', 'list', '--org', 'nobody'),
    () => cli('campaigns', 'outcome', id, '--org', 'coalition-two', '--json'),
    () => cli('campaigns', 'public', id, '--org', 'coalition-one', '--json'),
    () => cli('campaigns', 'public', id, '--org', 'coalition-two', '--off'),
  ];
  // One at a time: seven CLI processes at once can starve a loaded two-core machine.
  const results = [];
  for (const run of runs) results.push(await run());
  const [two, three, shown, hidden, badGap, badRole, noOrg, outcome, madePublic, viewerPublic] = results as [
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
    CliResult,
  ];
  for (const r of [two, three, shown]) expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(two.stdout).map((c: { id: string; access: string }) => [c.id, c.access])).toEqual([
    [id, 'viewer'],
  ]);
  expect(JSON.parse(three.stdout)).toEqual([]);
  expect(JSON.parse(shown.stdout)).toMatchObject({ id, title: 'Close the gap', timeline: [] });
  expect(hidden.code).toBe(2);
  expect(hidden.stderr).toContain(`no campaign ${id}`);
  expect(badGap.code).toBe(2);
  expect(badGap.stderr).toContain('NOPE-1 is not an indicator');
  expect(badRole.code).toBe(2);
  expect(badRole.stderr).toContain('--role must be one of editor, viewer');
  expect(noOrg.code).toBe(2);
  expect(noOrg.stderr).toContain('no organization nobody');
  expect(outcome.code, outcome.stderr).toBe(0);
  expect(JSON.parse(outcome.stdout)).toMatchObject({
    decidedOn: null,
    correlationOnly: true,
    gaps: [{ indicatorId: gap }],
  });
  // The public flag: the owner may set it (a slug is given), a viewer partner may not.
  expect(madePublic.code, madePublic.stderr).toBe(0);
  expect(JSON.parse(madePublic.stdout)).toMatchObject({
    id,
    public: true,
    publicSlug: expect.stringMatching(/^close-the-gap-/),
  });
  expect(viewerPublic.code).toBe(2);
  expect(viewerPublic.stderr).toContain('only views this campaign');
});
