/**
 * The group commit of signatures on both engines: signatures handed in together share one transaction, and
 * each still gets its own outcome (stored, repeat, replayed challenge, over the hourly limit); one signature
 * that cannot be written fails alone while the rest of its batch is stored.
 */
import { beforeAll, expect, it } from 'vitest';
import { testFieldKey } from '../../test/email-alert-helpers.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { solveToField } from '../../test/petition-challenge.ts';
import { seedPetition, signatureRows } from '../../test/petition-helpers.ts';
import { seedWorld } from '../../test/server/helpers.ts';
import type { Petition } from '../core/petitions/types.ts';
import { newSignChallenge } from './petition-challenge.ts';
import { type SignatureInput, signPetition } from './petition-signing.ts';
import { SignatureWriter } from './signature-writer.ts';

const input = (email: string, extra: Partial<SignatureInput> = {}): SignatureInput => ({
  name: 'Ana Example',
  email,
  postcode: '',
  country: '',
  consents: { campaign: true, updates: true },
  honeypot: '',
  idempotencyKey: '',
  locale: 'en',
  ...extra,
});

describeEachEngine('signature group commit', (getStore) => {
  let petition: Petition;
  const db = () => getStore().db;

  beforeAll(async () => {
    await seedWorld(db());
    ({ petition } = await seedPetition(db(), 'coalition-a'));
  });

  it('writes a burst in a few transactions, each signature with its own outcome', async () => {
    const writer = new SignatureWriter(db(), { parallel: 1, maxBatch: 400, settleMs: 50 });
    const deps = { db: db(), fieldKey: testFieldKey, publicUrl: 'http://localhost:8080', writer };
    // With the petition already read, nothing awaits the database before the writer: the burst arrives at once.
    const sign = (i: SignatureInput) =>
      signPetition(deps, petition.slug, i, petition).catch((e: { code?: string }) => e.code);
    // Three signatures of one person an hour ago (each alone: one pending signature per person at a time).
    for (let i = 0; i < 3; i++) {
      expect(await sign(input('Busy@Example.net', { idempotencyKey: `busy-key-${i}` }))).toBe('stored');
      await db()
        .updateTable('petition_signatures')
        .set({ status: 'validated', pending_person: null })
        .where('idempotency_key', '=', `busy-key-${i}`)
        .execute();
    }
    const solve = async () => solveToField(await newSignChallenge(testFieldKey, petition.slug, 20));
    const shared = await solve();
    const before = writer.stats.transactions;
    const outcomes = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => sign(input(`fresh${i}@example.net`, { challenge: '' }))),
      sign(input('twice@example.net', { idempotencyKey: 'same-key-123' })),
      sign(input('twice@example.net', { idempotencyKey: 'same-key-123' })),
      sign(input('first@example.net', { challenge: shared })),
      sign(input('second@example.net', { challenge: shared })),
      sign(input('busy@example.net')),
    ]);
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('stored'));
    expect(outcomes.slice(20, 22).sort()).toEqual(['repeat', 'stored']);
    expect(outcomes.slice(22, 24).sort()).toEqual(['PETITION_CHALLENGE_INVALID', 'stored']);
    expect(outcomes[24]).toBe('limited');
    expect(writer.stats.transactions - before).toBeLessThanOrEqual(2);

    const rows = await signatureRows(db(), petition.id);
    expect(rows.length).toBe(3 + 20 + 1 + 1);
    const ids = rows.map((r) => r.id);
    const consents = await db().selectFrom('petition_consents').select('signature_id').execute();
    const mail = await db()
      .selectFrom('mail_outbox')
      .select('subject_id')
      .where('subject_id', 'in', ids)
      .execute();
    // Two consents (campaign, updates) and one confirmation per stored signature; nothing for the others.
    expect(consents.filter((c) => ids.includes(c.signature_id)).length).toBe(rows.length * 2);
    expect(new Set(mail.map((m) => m.subject_id)).size).toBe(rows.length);
    expect(mail.length).toBe(rows.length);
    const replayed = await sign(input('third@example.net', { challenge: shared }));
    expect(replayed).toBe('PETITION_CHALLENGE_INVALID');
  });

  it('fails only the signature that cannot be written, and stores the rest of its batch', async () => {
    const writer = new SignatureWriter(db(), { parallel: 1, maxBatch: 400, settleMs: 50 });
    const deps = { db: db(), fieldKey: testFieldKey, publicUrl: 'http://localhost:8080', writer };
    const ghost: Petition = { ...petition, id: 'no-such-petition-id' };
    const results = await Promise.allSettled([
      signPetition(deps, petition.slug, input('ok1@example.net'), petition),
      signPetition(deps, petition.slug, input('bad@example.net'), ghost),
      signPetition(deps, petition.slug, input('ok2@example.net'), petition),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await db()
      .selectFrom('petition_signatures')
      .select('id')
      .where('petition_id', '=', 'no-such-petition-id')
      .execute();
    expect(stored).toEqual([]);
    expect(writer.stats.transactions).toBe(4);
  });
});
