/**
 * Petitions in the workspace API (roles, isolation, bad input, counts by status and never who signed), and the
 * outbox across a crash: a signature acknowledged before the store closes gets its mail after reopening, and a
 * crash between sending and marking sends it again under the same Message-ID (recognisable), never losing it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { runPetitionJobs } from '../../src/services/petition-jobs.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore, type Store } from '../../src/store/db.ts';
import { AlertSink, testFieldKey } from '../email-alert-helpers.ts';
import { adminQuery, adminUrl, describeEachEngine, engines } from '../engines.ts';
import { seedPetition } from '../petition-helpers.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

const publicUrl = 'http://localhost:8080';
const input = (email: string, idempotencyKey = '') => ({
  name: 'Ana Example',
  email,
  postcode: '',
  country: '',
  consents: { campaign: true },
  honeypot: '',
  idempotencyKey,
  locale: 'en' as const,
});

describeEachEngine('petitions in the workspace', (getStore) => {
  const api = useSignedInApp(getStore);
  let campaignId: string;
  const body = {
    slug: 'close-the-gap',
    title: 'Close the gap',
    text: 'Please act.',
    targetDescription: 'The Texas House',
    senderName: 'Coalition A',
    senderEmail: 'act@coalition-a.example',
  };

  beforeAll(async () => {
    ({
      campaign: { id: campaignId },
    } = await seedPetition(getStore().db, 'coalition-a'));
  });

  it('lets the owner’s admins and campaigners create, change, open and close petitions, and no one else', async () => {
    const url = `/api/v1/campaigns/${campaignId}/petitions`;
    expectError(await api.send('POST', url, null, body), 401, 'AUTH_REQUIRED');
    for (const who of ['viewer', 'analyst', 'reviewer', 'loner'] as const)
      expectError(await api.send('POST', url, who, body), 403, 'FORBIDDEN');
    expectError(await api.send('POST', url, 'otherAdmin', body), 404, 'CAMPAIGN_NOT_FOUND');
    const created = okJson<{ id: string; status: string; goal: number }>(
      await api.send('POST', url, 'campaigner', body),
      201,
    );
    expect(created).toMatchObject({ status: 'draft', goal: 1000 });
    const one = `/api/v1/petitions/${created.id}`;
    expectError(await api.send('GET', one, 'otherAdmin'), 404, 'PETITION_NOT_FOUND');
    expectError(await api.send('PATCH', one, 'otherAdmin', { goal: 5 }), 404, 'PETITION_NOT_FOUND');
    expectError(await api.send('POST', `${one}/open`, 'viewer'), 403, 'FORBIDDEN');
    expectError(await api.send('POST', `${one}/close`, 'admin'), 409, 'PETITION_STATE_INVALID');
    expect(okJson<{ status: string }>(await api.send('POST', `${one}/open`, 'admin')).status).toBe('open');
    expect(okJson<{ goal: number }>(await api.send('PATCH', one, 'campaigner', { goal: 5 })).goal).toBe(5);
    expect(okJson<{ status: string }>(await api.send('POST', `${one}/close`, 'campaigner')).status).toBe(
      'closed',
    );
    expect(okJson<unknown[]>(await api.send('GET', url, 'viewer')).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a bad slug', { slug: 'Not A Slug' }, 400, 'VALIDATION_FAILED', 'slug'],
    ['a reserved slug', { slug: 'confirm' }, 400, 'VALIDATION_FAILED', 'slug'],
    ['a bad sender address', { senderEmail: 'nope' }, 400, 'VALIDATION_FAILED', 'senderEmail'],
    ['a taken slug', { slug: 'close-the-gap' }, 409, 'PETITION_SLUG_TAKEN', '/act/close-the-gap'],
    ['an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED', 'colour'],
  ])('refuses %s naming the field', async (_n, change, status, code, named) => {
    const res = await api.send('POST', `/api/v1/campaigns/${campaignId}/petitions`, 'campaigner', {
      ...body,
      slug: 'fresh-slug',
      ...change,
    });
    expectError(res, status, code);
    expect(res.body).toContain(named);
  });

  it('counts signatures by status without showing who signed', async () => {
    const db = getStore().db;
    const { petition } = await seedPetition(db, 'coalition-a');
    const deps = { db, fieldKey: testFieldKey, publicUrl };
    await signPetition(deps, petition.slug, input('first@example.net'));
    await signPetition(deps, petition.slug, input('second@example.net'));
    const res = await api.send('GET', `/api/v1/petitions/${petition.id}`, 'viewer');
    expect(okJson<{ signatures: unknown }>(res).signatures).toEqual({ pending: 2, validated: 0, counted: 0 });
    expect(res.body).not.toContain('example.net');
    expect(res.body).not.toContain('Ana Example');
  });
});

/** A database that survives closing its store: a SQLite file, or a PostgreSQL database of its own. */
async function durable(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lawgap-outbox-'));
    return { open: () => createStore({ databaseUrl: null, dataDir }), drop: async () => undefined };
  }
  const name = `lawgap_outbox_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    open: () => createStore({ databaseUrl: url.toString(), dataDir: ':memory:' }),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

for (const dialect of await engines()) {
  describe(`petition mail across a crash [${dialect}]`, () => {
    let sink: AlertSink;
    let place: Awaited<ReturnType<typeof durable>>;
    beforeAll(async () => {
      sink = await AlertSink.start();
      place = await durable(dialect);
    });
    afterAll(async () => {
      await sink?.close();
      await place?.drop();
    });

    it('delivers every acknowledged signature’s mail after a restart, at least once, under one Message-ID', async () => {
      let store: Store = place.open();
      await prepareDatabase(store.db);
      await insertOrganization(store.db, 'Coalition A', 'coalition-a');
      const { petition } = await seedPetition(store.db, 'coalition-a');
      const deps = () => ({ db: store.db, fieldKey: testFieldKey, publicUrl });
      expect(await signPetition(deps(), petition.slug, input('one@example.net', 'key-one-0001'))).toBe(
        'stored',
      );
      // The process dies right after the commit, before any mail went.
      await store.destroy();
      store = place.open();
      expect(await signPetition(deps(), petition.slug, input('one@example.net', 'key-one-0001'))).toBe(
        'repeat',
      );
      const mailer = smtpMailer(sink.url, 'lawgap <no-reply@localhost>');
      expect((await runPetitionJobs({ db: store.db, fieldKey: testFieldKey, mailer })).sent).toBe(1);
      await sink.waitFor(1);

      // Now it dies after the SMTP server took the mail but before the outbox row was marked sent.
      expect(await signPetition(deps(), petition.slug, input('two@example.net'))).toBe('stored');
      const dying = store;
      const crashing = {
        async send(m: Parameters<typeof mailer.send>[0]) {
          await mailer.send(m);
          await dying.destroy();
          await new Promise(() => undefined);
        },
      };
      void runPetitionJobs({ db: dying.db, fieldKey: testFieldKey, mailer: crashing }).catch(() => undefined);
      await sink.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      store = place.open();
      const afterLease = () => new Date(Date.now() + 3 * 60_000);
      expect(
        (await runPetitionJobs({ db: store.db, fieldKey: testFieldKey, mailer, now: afterLease })).sent,
      ).toBe(1);
      await sink.waitFor(3);
      expect(
        (await runPetitionJobs({ db: store.db, fieldKey: testFieldKey, mailer, now: afterLease })).sent,
      ).toBe(0);
      const byTo = (to: string) => sink.messages.filter((m) => m.to.includes(to));
      expect(byTo('one@example.net')).toHaveLength(1);
      const two = byTo('two@example.net');
      expect(two).toHaveLength(2);
      expect(two[0]?.headers['message-id']).toBe(two[1]?.headers['message-id']);
      const rows = await store.db
        .selectFrom('mail_outbox')
        .select(['sent_at', 'payload_ciphertext'])
        .execute();
      expect(rows.every((r) => r.sent_at !== null && r.payload_ciphertext === null)).toBe(true);
      await store.destroy();
    }, 60_000);
  });
}
