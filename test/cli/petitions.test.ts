/** `lawgap petitions create|list|open|close` as a person runs them: counts only, bad input exit 2. */
import { expect, it } from 'vitest';
import { freshDataDir, runCli } from './run-cli.ts';

it('creates, lists, opens and closes a petition, and refuses a bad slug or a wrong move with a clear error', async () => {
  const dataDir = freshDataDir();
  const cli = (...args: string[]) => runCli(args, { dataDir });
  expect((await cli('org', 'create', 'Coalition One')).code).toBe(0);
  const framework = await cli('framework', 'show', '--json');
  const gap = (JSON.parse(framework.stdout) as { indicators: Array<{ id: string }> }).indicators[0]!.id;
  const tx = 'ocd-division/country:us/state:tx';
  const campaign = await cli(
    'campaigns',
    'create',
    '--org',
    'coalition-one',
    '--title',
    'Gap',
    '--jurisdiction',
    tx,
    '--gap',
    gap,
    '--json',
  );
  expect(campaign.code, campaign.stderr).toBe(0);
  const campaignId = (JSON.parse(campaign.stdout) as { id: string }).id;
  const base = [
    '--org',
    'coalition-one',
    '--title',
    'Close it',
    '--text',
    'Please act.',
    '--target',
    'The House',
  ];
  const sender = ['--sender-name', 'Coalition One', '--sender-email', 'act@coalition-one.example'];
  const created = await cli(
    'petitions',
    'create',
    campaignId,
    ...base,
    ...sender,
    '--slug',
    'close-it',
    '--goal',
    '250',
    '--json',
  );
  expect(created.code, created.stderr).toBe(0);
  const petition = JSON.parse(created.stdout) as { id: string; status: string; goal: number };
  expect(petition).toMatchObject({ status: 'draft', goal: 250 });

  const [opened, badSlug, taken, badGoal] = await Promise.all([
    cli('petitions', 'open', petition.id, '--org', 'coalition-one'),
    cli('petitions', 'create', campaignId, ...base, ...sender, '--slug', 'Bad Slug!'),
    cli('petitions', 'create', campaignId, ...base, ...sender, '--slug', 'close-it'),
    cli('petitions', 'create', campaignId, ...base, ...sender, '--slug', 'other', '--goal', 'many'),
  ]);
  expect(opened.code, opened.stderr).toBe(0);
  expect(opened.stdout + opened.stderr).toContain('close-it is open');
  const list = await cli('petitions', 'list', campaignId, '--org', 'coalition-one', '--json');
  expect(JSON.parse(list.stdout)).toMatchObject([
    { slug: 'close-it', status: 'open', signatures: { pending: 0, validated: 0, counted: 0 } },
  ]);
  expect((await cli('petitions', 'close', petition.id, '--org', 'coalition-one')).code).toBe(0);

  expect(badSlug.code).toBe(2);
  expect(badSlug.stderr).toContain('slug');
  expect(taken.code).not.toBe(0);
  expect(taken.stderr).toContain('/act/close-it is taken');
  expect(badGoal.code).toBe(2);
  expect(badGoal.stderr).toContain('--goal');
  const again = await cli('petitions', 'close', petition.id, '--org', 'coalition-one');
  expect(again.code).not.toBe(0);
  expect(again.stderr).toContain('a closed petition cannot become closed');
}, 240_000);
