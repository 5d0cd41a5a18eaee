/**
 * Public petitions over HTTP with mail through a real SMTP server on loopback: the cached page, signing with
 * the signature and its mail committed together, double opt-in confirmed only by POST, one counted signature
 * per person (canonical address), honeypot, idempotency, no enumeration, clear errors for bad input, nothing
 * personal in logs or plaintext columns, one-click withdrawal, and the 30-day purge of pending signatures.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { petitionPageCache } from '../../src/server/pages/petition-cache.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { runPetitionJobs } from '../../src/services/petition-jobs.ts';
import { AlertSink, testFieldKey, testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import {
  linkPath,
  postSign,
  postToken,
  seedPetition,
  signatureRows,
  signFields,
} from '../petition-helpers.ts';
import { countRows, seedWorld, startApp } from './helpers.ts';

const canary = `Canary${randomBytes(5).toString('hex')}`;

describeEachEngine('public petitions', (getStore) => {
  let app: FastifyInstance;
  let sink: AlertSink;
  const lines: string[] = [];
  let petition: { id: string; slug: string };
  const db = () => getStore().db;
  const mailer = () => smtpMailer(sink.url, 'lawgap <no-reply@localhost>');
  const jobs = async (now?: Date) => {
    const r = await runPetitionJobs({
      db: db(),
      fieldKey: testFieldKey,
      mailer: mailer(),
      ...(now ? { now: () => now } : {}),
    });
    petitionPageCache(app).invalidate(r.changedSlugs);
    return r;
  };
  const mailTo = async (address: string) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = sink.messages.find((m) => m.to.includes(address));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const page = (lang = 'en') => app.inject({ method: 'GET', url: `/act/${petition.slug}?lang=${lang}` });
  const sign = (fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    postSign(app, petition.slug, signFields(fields), headers);

  beforeAll(async () => {
    sink = await AlertSink.start();
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, LOG_LEVEL: 'trace', PUBLIC_URL: 'http://localhost:8080' },
      mailer: mailer(),
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(db());
    ({ petition } = await seedPetition(db(), 'coalition-a'));
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.take();
  });

  it('shows the petition with its count and a form that works without JavaScript, small, in three languages', async () => {
    const res = await page();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>Close the consent gap now</h1>');
    expect(res.body).toContain('0 of 500 signatures');
    expect(res.body).toContain(`<form method="post" action="/act/${petition.slug}/sign"`);
    expect(res.body).toContain('name="website"');
    expect(res.body).toContain('Partner Org');
    expect(res.body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/petition.js" defer>']);
    expect(Buffer.byteLength(res.body)).toBeLessThan(30 * 1024);
    const key = (body: string) => /name="idempotency_key" value="([^"]+)"/.exec(body)?.[1];
    expect(key(res.body)).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(key((await page()).body)).not.toBe(key(res.body));
    expect((await page('es')).body).toContain('Firme esta petición');
    expect((await page('fr')).body).toContain('Signer cette pétition');
  });

  it('serves a cached page without the database until the petition changes or the count refreshes', async () => {
    await page();
    await db()
      .updateTable('petitions')
      .set({ title: 'Changed behind the cache' })
      .where('id', '=', petition.id)
      .execute();
    expect((await page()).body).toContain('<h1>Close the consent gap now</h1>');
    petitionPageCache(app).invalidate([petition.slug]);
    expect((await page()).body).toContain('<h1>Changed behind the cache</h1>');
    await db()
      .updateTable('petitions')
      .set({ title: 'Close the consent gap now' })
      .where('id', '=', petition.id)
      .execute();
    petitionPageCache(app).invalidate([petition.slug]);
  });

  it('signs as pending, mails a link from the petition’s sender, confirms only by POST, and counts after aggregation', async () => {
    const before = (await signatureRows(db(), petition.id)).length;
    const res = await sign({ email: 'bea@example.net', name: 'Bea' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Check your email');
    const rows = await signatureRows(db(), petition.id);
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ status: 'pending' });
    expect(Number(row.counted)).toBe(0);
    expect(await countRows(db(), 'mail_outbox')).toBeGreaterThan(0);
    const consents = await db()
      .selectFrom('petition_consents')
      .selectAll()
      .where('signature_id', '=', row.id)
      .execute();
    expect(consents.map((c) => [c.purpose, c.wording_version, c.channel])).toEqual([
      ['campaign', 'petition-consent-2026-11', 'web'],
    ]);

    expect((await jobs()).sent).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual(['bea@example.net']);
    expect(mail?.headers.from).toMatch(/^"?Coalition A"? <petitions@coalition-a\.example>$/);
    expect(mail?.headers['message-id']).toMatch(/^<[0-9a-f-]+@localhost>$/);
    expect(mail?.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:8080\/act\/unsubscribe\/p\./);
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const confirm = linkPath(mail?.text ?? '', 'confirm');

    const shown = await app.inject({ method: 'GET', url: confirm });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`<form method="post" action="${confirm}">`);
    expect((await signatureRows(db(), petition.id)).at(-1)?.status).toBe('pending');

    const done = await postToken(app, confirm);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Signature confirmed');
    const after = (await signatureRows(db(), petition.id)).at(-1)!;
    expect([after.status, Number(after.counted)]).toEqual(['validated', 1]);
    expect((await postToken(app, confirm)).statusCode).toBe(400);

    const counted = (await signatureRows(db(), petition.id)).filter((r) => Number(r.counted) === 1).length;
    expect((await jobs()).changedSlugs).toContain(petition.slug);
    expect((await page()).body).toContain(`${counted} of 500 signatures`);
  });

  it('counts the same person once, however the address is written (case, dots, +tags)', async () => {
    const counted = async () =>
      (await signatureRows(db(), petition.id)).filter((r) => Number(r.counted) === 1).length;
    const start = await counted();
    // While one is pending, the same person's second signature is not stored; once confirmed, it may be.
    for (const email of ['Dots.And+Tags@gmail.com', 'dotsand@googlemail.com']) {
      expect((await sign({ email })).statusCode).toBe(200);
      await jobs();
      const [mail] = await sink.waitFor(1);
      sink.take();
      expect((await postToken(app, linkPath(mail?.text ?? '', 'confirm'))).statusCode).toBe(200);
    }
    const rows = (await signatureRows(db(), petition.id)).slice(-2);
    expect(rows.map((r) => r.status)).toEqual(['validated', 'validated']);
    expect(await counted()).toBe(start + 1);
  });

  it('accepts a filled honeypot with the same page but stores and mails nothing', async () => {
    const before = await countRows(db(), 'petition_signatures');
    const res = await sign({ email: 'bot@example.net', website: 'http://spam.example' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe((await sign({ email: 'real@example.net' })).body);
    expect(await countRows(db(), 'petition_signatures')).toBe(before + 1);
  });

  it('treats a repeated idempotency key (form field or header) as the same request: one row, one mail', async () => {
    const before = await countRows(db(), 'petition_signatures');
    const outbox = await countRows(db(), 'mail_outbox');
    const fields = { email: 'cleo@example.net', idempotency_key: 'form-key-0123456789' };
    const first = await sign(fields);
    const again = await sign(fields);
    expect(again.body).toBe(first.body);
    const header = { 'idempotency-key': 'header-key-0123456789' };
    await sign({ email: 'dan@example.net' }, header);
    await sign({ email: 'dan@example.net' }, header);
    expect(await countRows(db(), 'petition_signatures')).toBe(before + 2);
    expect(await countRows(db(), 'mail_outbox')).toBe(outbox + 2);
    await jobs();
    await mailTo('dan@example.net');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mine = sink.messages.filter((m) => ['cleo@example.net', 'dan@example.net'].includes(m.to[0] ?? ''));
    expect(mine.map((m) => m.to[0]).sort()).toEqual(['cleo@example.net', 'dan@example.net']);
  });

  it('answers identically whether or not the address already signed', async () => {
    const known = await sign({ email: 'bea@example.net', name: 'Bea' });
    const unknown = await sign({ email: `new-${randomBytes(3).toString('hex')}@example.net`, name: 'Bea' });
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
  });

  it.each([
    ['a missing email', { email: '' }, 'Enter your email address.'],
    ['a malformed email', { email: 'not-an-address' }, 'Enter a valid email address'],
    ['a name too long', { name: 'N'.repeat(101) }, 'Your name must be at most 100 characters.'],
    ['no consent', { consent_campaign: '' }, 'Tick the first box to sign'],
  ])(
    'refuses %s with the form, its error and the values kept, storing nothing',
    async (_n, change, message) => {
      const before = await countRows(db(), 'petition_signatures');
      const res = await sign({ name: 'Kept Name', postcode: 'KEPT1', ...change });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('aria-invalid="true"');
      expect(res.body).toContain('value="KEPT1"');
      if (!('name' in change)) expect(res.body).toContain('value="Kept Name"');
      expect(await countRows(db(), 'petition_signatures')).toBe(before);
    },
  );

  it('answers an unknown or draft petition with not found, and a closed one with a clear error', async () => {
    expect((await app.inject({ method: 'GET', url: '/act/no-such-petition' })).statusCode).toBe(404);
    expect((await postSign(app, 'no-such-petition', signFields())).statusCode).toBe(404);
    const draft = await seedPetition(db(), 'coalition-a', {}, false);
    expect((await app.inject({ method: 'GET', url: `/act/${draft.petition.slug}` })).statusCode).toBe(404);
    await db()
      .updateTable('petitions')
      .set({ status: 'closed' })
      .where('id', '=', draft.petition.id)
      .execute();
    const closed = await postSign(app, draft.petition.slug, signFields({ name: 'Kept Name' }));
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('This petition is closed');
    expect(await countRows(db(), 'petition_signatures')).toBeGreaterThan(0);
    expect((await signatureRows(db(), draft.petition.id)).length).toBe(0);
  });

  it('refuses a form posted from another site', async () => {
    const res = await sign({}, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form must be sent from this site');
  });

  it('withdraws consent in one click (RFC 8058) and keeps the signature', async () => {
    await sign({ email: 'eve@example.net', consent_updates: 'yes', consent_partner: 'yes' });
    await jobs();
    const mail = await mailTo('eve@example.net');
    const stop = linkPath(mail?.text ?? '', 'unsubscribe');
    const row = (await signatureRows(db(), petition.id)).at(-1)!;
    const consents = () =>
      db().selectFrom('petition_consents').selectAll().where('signature_id', '=', row.id).execute();
    expect((await consents()).map((c) => [c.purpose, c.partner_name])).toEqual([
      ['campaign', null],
      ['partner', 'Partner Org'],
      ['updates', null],
    ]);
    expect((await app.inject({ method: 'GET', url: stop })).body).toContain('Stop emails');
    const oneClick = await app.inject({
      method: 'POST',
      url: stop,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await consents()).every((c) => c.withdrawn_at !== null)).toBe(true);
    expect((await signatureRows(db(), petition.id)).some((r) => r.id === row.id)).toBe(true);
    expect((await postToken(app, linkPath(mail?.text ?? '', 'confirm'))).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/act/unsubscribe/p.nope' })).statusCode).toBe(400);
  });

  it('never writes a signer’s name or address to a log line or a plaintext column', async () => {
    await sign({
      name: `Name ${canary}`,
      email: `${canary.toLowerCase()}@example.net`,
      postcode: canary.slice(0, 12),
    });
    await jobs();
    await sink.waitFor(1);
    const log = lines.join('');
    expect(log).toContain('/act/');
    expect(log.toLowerCase()).not.toContain(canary.toLowerCase());
    const dump = JSON.stringify([
      await db().selectFrom('petition_signatures').selectAll().execute(),
      await db().selectFrom('petition_consents').selectAll().execute(),
      await db().selectFrom('mail_outbox').selectAll().execute(),
      await db().selectFrom('audit_events').selectAll().execute(),
    ]);
    expect(dump.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(dump).toContain('v1.');
  });

  it('keeps a refused mail queued and retries it later, recording only the error code', async () => {
    await jobs();
    sink.take();
    await sign({ email: 'retry@example.net' });
    sink.refuse = true;
    const refused = await jobs();
    sink.refuse = false;
    expect(refused).toMatchObject({ sent: 0, failed: 1 });
    const row = await db()
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, last_error: 'SMTP 550' });
    expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now());
    expect((await jobs()).sent).toBe(0);
    expect((await jobs(new Date(Date.now() + 60_000))).sent).toBe(1);
    expect((await mailTo('retry@example.net')).headers['message-id']).toBe(`<${row.id}@localhost>`);
  });

  it('deletes pending signatures (with their consents and mail) after 30 days, keeping validated ones', async () => {
    await sign({ email: 'late@example.net' });
    const validated = (await signatureRows(db(), petition.id)).filter((r) => r.status === 'validated').length;
    expect((await jobs(new Date(Date.now() + 29 * 24 * 3600_000))).purgedPending).toBe(0);
    const later = await jobs(new Date(Date.now() + 31 * 24 * 3600_000));
    expect(later.purgedPending).toBeGreaterThan(0);
    const rows = await signatureRows(db(), petition.id);
    expect(rows.every((r) => r.status === 'validated')).toBe(true);
    expect(rows).toHaveLength(validated);
    const orphans = await db()
      .selectFrom('petition_consents')
      .select('signature_id')
      .where('signature_id', 'not in', db().selectFrom('petition_signatures').select('id'))
      .execute();
    expect(orphans).toEqual([]);
  });
});
