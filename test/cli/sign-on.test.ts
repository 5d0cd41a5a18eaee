/**
 * `lawgap campaigns letters …` as a person runs it: write and open a letter (the invite link printed once),
 * list and moderate the signatures organisations left through the link, export the approved ones as one HTML
 * file; another organisation is refused, bad input exits 2 with one line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { publicActor } from '../../src/core/auth/permissions.ts';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { signLetter } from '../../src/services/sign-on.ts';
import { createStore } from '../../src/store/db.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

it('creates, moderates and exports a sign-on letter, and refuses outsiders and bad input with exit 2', async () => {
  const dataDir = scratchDataDir();
  const cli = (...args: string[]) => runCli(args, { dataDir });
  for (const name of ['Coalition One', 'Coalition Two']) expectOk(await cli('org', 'create', name));
  const prepared = createStore({ databaseUrl: null, dataDir });
  const gap = await prepared.db
    .selectFrom('framework_indicators')
    .select('id')
    .orderBy('position')
    .executeTakeFirstOrThrow()
    .then((r) => r.id)
    .finally(() => prepared.destroy());
  const campaign = expectOk(
    await cli(
      'campaigns',
      'create',
      '--org',
      'coalition-one',
      '--title',
      'Close the gap',
      '--jurisdiction',
      'ocd-division/country:us/state:tx',
      '--gap',
      gap,
      '--json',
    ),
  );
  const campaignId = (JSON.parse(campaign.stdout) as { id: string }).id;
  const bodyFile = path.join(dataDir, 'letter.txt');
  fs.writeFileSync(bodyFile, 'We, the undersigned organisations,\n\nurge the legislature to act.');
  const created = expectOk(
    await cli(
      'campaigns',
      'letters',
      'create',
      campaignId,
      '--org',
      'coalition-one',
      '--title',
      'Act now',
      '--body-file',
      bodyFile,
      '--open',
    ),
  );
  const inviteUrl = created.stdout.trim();
  expect(inviteUrl).toMatch(/^http:\/\/localhost:8080\/sign-on\/[A-Za-z0-9_-]{40,}$/);
  const token = inviteUrl.split('/sign-on/')[1]!;

  // Two organisations sign through the link (what the public page does).
  const store = createStore({ databaseUrl: null, dataDir });
  const ctx = {
    db: store.db,
    actor: publicActor,
    fieldKey: loadFieldKey({ secretKey: null, dataDir }),
    publicUrl: 'http://localhost:8080',
  };
  const base = { signerName: 'Sam Lee', signerTitle: '', website: '' };
  const logo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
  let letterId = '';
  try {
    const first = await signLetter(
      ctx,
      token,
      { ...base, organizationName: 'Shelter North', contactEmail: 'north-contact@shelter.example' },
      { bytes: logo },
    );
    await signLetter(
      ctx,
      token,
      { ...base, organizationName: 'Spam Inc', contactEmail: 'spam-contact@spam.example' },
      null,
    );
    letterId = first.letterId;
  } finally {
    await store.destroy();
  }

  const listed = expectOk(
    await cli('campaigns', 'letters', 'signatures', letterId, '--org', 'coalition-one', '--json'),
  );
  const sigs = JSON.parse(listed.stdout) as Array<{
    id: string;
    organizationName: string;
    contactEmail: string;
    status: string;
  }>;
  expect(sigs.map((s) => [s.organizationName, s.status, s.contactEmail])).toEqual([
    ['Shelter North', 'pending', 'north-contact@shelter.example'],
    ['Spam Inc', 'pending', 'spam-contact@spam.example'],
  ]);
  expectOk(await cli('campaigns', 'letters', 'approve', sigs[0]!.id, '--org', 'coalition-one'));
  expectOk(await cli('campaigns', 'letters', 'reject', sigs[1]!.id, '--org', 'coalition-one'));
  const out = path.join(dataDir, 'letter.html');
  expectOk(await cli('campaigns', 'letters', 'export', letterId, '--org', 'coalition-one', '--out', out));
  const html = fs.readFileSync(out, 'utf8');
  expect(html).toContain('Act now');
  expect(html).toContain('urge the legislature to act.');
  expect(html).toContain('Shelter North');
  expect(html).toContain('data:image/jpeg;base64,');
  expect(html).not.toContain('Spam Inc');
  expect(html).not.toContain('contact@');
  const letters = expectOk(
    await cli('campaigns', 'letters', 'list', campaignId, '--org', 'coalition-one', '--json'),
  );
  expect(JSON.parse(letters.stdout)).toMatchObject([{ id: letterId, status: 'open', title: 'Act now' }]);

  const outsider = expectRefusal(
    await cli('campaigns', 'letters', 'signatures', letterId, '--org', 'coalition-two'),
  );
  expect(outsider).toContain('LETTER_NOT_FOUND');
  expect(
    expectRefusal(await cli('campaigns', 'letters', 'approve', sigs[1]!.id, '--org', 'coalition-one')),
  ).toContain('SIGNATURE_STATE_INVALID');
  expect(
    expectRefusal(
      await cli('campaigns', 'letters', 'create', campaignId, '--org', 'coalition-one', '--title', 'No text'),
    ),
  ).toContain('exactly one of --body or --body-file');
  expect(
    expectRefusal(
      await cli(
        'campaigns',
        'letters',
        'signatures',
        letterId,
        '--org',
        'coalition-one',
        '--status',
        'maybe',
      ),
    ),
  ).toContain('--status must be one of pending, approved, rejected');
}, 600_000);
