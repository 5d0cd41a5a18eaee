/**
 * `lawgap campaigns export|import` as a person runs them: export OSDI and the CSV zip, re-import the OSDI export
 * (an update, not a copy), import the zip into another installation (a new campaign keeping the identifiers),
 * and exit 2 for another coalition's campaign, a bad format and a broken file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { createCampaign } from '../../src/services/campaigns.ts';
import { cliActor } from '../../src/services/context.ts';
import { getFramework } from '../../src/services/framework.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore } from '../../src/store/db.ts';
import { freshDataDir, runCli } from './run-cli.ts';

it('exports and imports campaigns, and refuses what it cannot do with exit 2', async () => {
  const dataDir = freshDataDir();
  const other = freshDataDir();
  const cli = (...args: string[]) => runCli(args, { dataDir });
  let id = '';
  // Filled in-process (spawning a first CLI run that migrates a new database is slow on a loaded machine).
  for (const [dir, orgs] of [
    [dataDir, ['Coalition One', 'Coalition Two']],
    [other, ['Elsewhere']],
  ] as const) {
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      for (const name of orgs) await insertOrganization(store.db, name, name.toLowerCase().replace(' ', '-'));
      if (dir === dataDir) {
        const ctx = { db: store.db, actor: cliActor };
        const gap = (await getFramework(ctx)).indicators[0]!.id;
        id = (
          await createCampaign(ctx, {
            organization: 'coalition-one',
            title: 'Close the gap',
            jurisdictionId: 'ocd-division/country:us/state:tx',
            gaps: [gap],
          })
        ).id;
      }
    } finally {
      await store.destroy();
    }
  }
  const osdiFile = path.join(dataDir, 'campaign.json');
  const zipFile = path.join(dataDir, 'campaign.zip');

  const osdi = await cli(
    'campaigns',
    'export',
    id,
    '--org',
    'coalition-one',
    '--format',
    'osdi',
    '--out',
    osdiFile,
  );
  expect(osdi.code, osdi.stderr).toBe(0);
  const doc = JSON.parse(fs.readFileSync(osdiFile, 'utf8')) as { identifiers: string[]; title: string };
  expect(doc.identifiers).toEqual([`lawgap:${id}`]);
  doc.identifiers.push('action_network:abc-123');
  doc.title = 'Close the gap, renamed';
  fs.writeFileSync(osdiFile, JSON.stringify(doc));
  const reimported = await cli('campaigns', 'import', osdiFile, '--org', 'coalition-one', '--json');
  expect(reimported.code, reimported.stderr).toBe(0);
  expect(JSON.parse(reimported.stdout)).toMatchObject({ campaignId: id, created: false });

  const csv = await cli(
    'campaigns',
    'export',
    id,
    '--org',
    'coalition-one',
    '--format',
    'csv',
    '--out',
    zipFile,
  );
  expect(csv.code, csv.stderr).toBe(0);
  const copied = await runCli(['campaigns', 'import', zipFile, '--org', 'elsewhere', '--json'], {
    dataDir: other,
  });
  expect(copied.code, copied.stderr).toBe(0);
  const copy = JSON.parse(copied.stdout) as { campaignId: string; created: boolean };
  expect(copy.created).toBe(true);
  const back = path.join(other, 'back.json');
  const exported = await runCli(
    ['campaigns', 'export', copy.campaignId, '--org', 'elsewhere', '--format', 'osdi', '--out', back],
    { dataDir: other },
  );
  expect(exported.code, exported.stderr).toBe(0);
  const again = JSON.parse(fs.readFileSync(back, 'utf8')) as { identifiers: string[]; title: string };
  expect(again.title).toBe('Close the gap, renamed');
  expect(again.identifiers[0]).toBe(`lawgap:${copy.campaignId}`);
  expect(again.identifiers.slice(1).sort()).toEqual(['action_network:abc-123', `lawgap:${id}`]);

  const hidden = await cli(
    'campaigns',
    'export',
    id,
    '--org',
    'coalition-two',
    '--format',
    'osdi',
    '--out',
    path.join(dataDir, 'x.json'),
  );
  expect(hidden.code).toBe(2);
  expect(hidden.stderr).toContain(`no campaign ${id}`);
  expect(fs.existsSync(path.join(dataDir, 'x.json'))).toBe(false);
  const badFormat = await cli(
    'campaigns',
    'export',
    id,
    '--org',
    'coalition-one',
    '--format',
    'xml',
    '--out',
    osdiFile,
  );
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toContain('--format must be osdi or csv');
  fs.writeFileSync(osdiFile, '{"title": ');
  const broken = await cli('campaigns', 'import', osdiFile, '--org', 'coalition-one');
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('not valid JSON');
}, 300_000);
