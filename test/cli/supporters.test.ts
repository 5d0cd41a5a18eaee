/**
 * `lawgap supporters export|erase` as an administrator runs them for a request received by post or phone: the
 * export (stdout, or a 0600 file) holds the address's records; erasing needs --yes; a malformed address exits 2
 * with one line; after erasure the address's records are gone and it is on the do-not-contact list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { createStore } from '../../src/store/db.ts';
import { seedPetition } from '../petition-helpers.ts';
import { expectOk, expectRefusal, runCli, scratchDataDir } from './run-cli.ts';

const erin = { email: 'erin.cli@example.net', name: 'Erin Canary Cli' };

it('exports and erases a supporter’s data, and refuses a malformed address or a missing --yes', async () => {
  const dataDir = scratchDataDir();
  const cli = (...args: string[]) => runCli(args, { dataDir });
  expectOk(await cli('org', 'create', 'Coalition One'));
  const store = createStore({ databaseUrl: null, dataDir });
  try {
    const { petition } = await seedPetition(store.db, 'coalition-one');
    const fieldKey = loadFieldKey({ secretKey: null, dataDir });
    await signPetition({ db: store.db, fieldKey, publicUrl: 'http://localhost:8080' }, petition.slug, {
      name: erin.name,
      email: erin.email,
      postcode: '',
      country: '',
      consents: { campaign: true },
      honeypot: '',
      idempotencyKey: 'cli-test-key-1',
      locale: 'en',
    });
  } finally {
    await store.destroy();
  }
  const out = path.join(dataDir, 'erin.json');
  const [shown, written, noYes, bad, badErase] = await Promise.all([
    cli('supporters', 'export', '--email', erin.email.toUpperCase()),
    cli('supporters', 'export', '--email', erin.email, '--out', out),
    cli('supporters', 'erase', '--email', erin.email),
    cli('supporters', 'export', '--email', 'erin-at-example'),
    cli('supporters', 'erase', '--email', 'erin-at-example', '--yes'),
  ]);
  const data = JSON.parse(expectOk(shown).stdout) as { petitionSignatures: Array<{ name: string }> };
  expect(data.petitionSignatures.map((s) => s.name)).toEqual([erin.name]);
  expectOk(written);
  expect(fs.readFileSync(out, 'utf8')).toContain(erin.name);
  expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  expect(expectRefusal(noYes)).toContain('--yes');
  expect(expectRefusal(bad)).toContain('VALIDATION_FAILED');
  // A malformed address erases nothing: Erin's signature is still there to be erased below.
  expect(expectRefusal(badErase)).toContain('VALIDATION_FAILED');
  const erased = expectOk(await cli('supporters', 'erase', '--email', erin.email, '--yes', '--json'));
  expect(JSON.parse(erased.stdout)).toMatchObject({ signaturesDeleted: 1 });
  const after = JSON.parse(expectOk(await cli('supporters', 'export', '--email', erin.email)).stdout) as {
    petitionSignatures: unknown[];
    doNotContact: unknown;
  };
  expect(after.petitionSignatures).toEqual([]);
  expect(after.doNotContact).not.toBeNull();
});
