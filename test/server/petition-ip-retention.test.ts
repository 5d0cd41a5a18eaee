/**
 * Client addresses are kept for abuse checks only: a signature stores the keyed hash of its client address,
 * and 30 days after signing even that is erased (the petition loop does it hourly), on both engines.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Petition } from '../../src/core/petitions/types.ts';
import { forgetOldClientHashes } from '../../src/services/petition-jobs.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { testFieldKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { seedPetition, signatureRows } from '../petition-helpers.ts';
import { seedWorld } from './helpers.ts';

const day = 24 * 3600 * 1000;

describeEachEngine('petition client-address retention', (getStore) => {
  let petition: Petition;
  const db = () => getStore().db;

  beforeAll(async () => {
    await seedWorld(db());
    ({ petition } = await seedPetition(db(), 'coalition-a'));
  });

  it('erases the client-address hash of signatures older than 30 days, and only theirs', async () => {
    const now = new Date();
    const signAt = (email: string, at: Date) =>
      signPetition(
        { db: db(), fieldKey: testFieldKey, publicUrl: 'http://localhost:8080', now: at },
        petition.slug,
        {
          name: 'Ana Example',
          email,
          postcode: '',
          country: '',
          consents: { campaign: true },
          honeypot: '',
          idempotencyKey: '',
          locale: 'en',
          clientIp: '198.51.100.7',
        },
      );
    expect(await signAt('old@example.net', new Date(now.getTime() - 31 * day))).toBe('stored');
    expect(await signAt('recent@example.net', new Date(now.getTime() - 29 * day))).toBe('stored');
    const before = await signatureRows(db(), petition.id);
    expect(before.map((r) => r.ip_hash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}$/),
      before[0]?.ip_hash,
    ]);
    expect(before[0]?.ip_hash).not.toContain('198.51.100.7');

    expect(await forgetOldClientHashes(db(), now)).toBe(1);
    const after = await signatureRows(db(), petition.id);
    expect(after.map((r) => r.ip_hash)).toEqual([null, before[1]?.ip_hash]);
    expect(await forgetOldClientHashes(db(), now)).toBe(0);
    // Everything else about the old signature stays.
    expect(after[0]).toEqual({ ...before[0], ip_hash: null });
  });
});
