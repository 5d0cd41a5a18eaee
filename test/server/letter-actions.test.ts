/**
 * Letter and call actions over HTTP with mail through a real SMTP server on loopback: find your lawmakers by
 * postcode (a match, an ambiguous postcode that asks), the campaign's targets among them (or its list when none
 * is), the editable letter, the letter stored with its confirmation mail in one transaction, double opt-in by
 * POST, one delivery per matched target From the campaign's address with the supporter in Reply-To, a target
 * without an address (no-address), pacing per recipient, bad input, nothing personal in logs or plaintext
 * columns, one-click withdrawal, the call page and its anonymous report, and the workspace API by role.
 * Invented people and districts (test/fixtures/districts).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverOutbox } from '../../src/services/mail-outbox.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { AlertSink, testFieldKey, testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { letterLink, people, postForm, seedActions, seedDistricts } from '../letter-action-helpers.ts';
import { countRows, expectError, okJson, postJson, seedWorld, startApp, useSignedInApp } from './helpers.ts';

const canary = `Canary${randomBytes(5).toString('hex')}`;

describeEachEngine('letter actions: the public letter flow', (getStore) => {
  let app: FastifyInstance;
  let sink: AlertSink;
  const lines: string[] = [];
  let seeded: Awaited<ReturnType<typeof seedActions>>;
  let slug: string;
  const db = () => getStore().db;
  const deliver = (now?: Date) =>
    deliverOutbox({
      db: db(),
      fieldKey: testFieldKey,
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      ...(now ? { now: () => now } : {}),
    });
  const get = (url: string) => app.inject({ method: 'GET', url });
  const write = (fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) =>
    postForm(
      app,
      `/act/${slug}/letter/send`,
      {
        t: [people.quinn.id, people.jordan.id],
        text: 'Dear {{target.name}},\n\nPlease act.',
        name: 'Ana Example',
        email: 'ana@example.net',
        consent: 'yes',
        website: '',
        lang: 'en',
        ...fields,
      },
      headers,
    );
  /** Sends a letter and confirms it from the mailed link; returns the letter's mail. */
  const sendAndConfirm = async (fields: Record<string, string | string[]> = {}, to = 'ana@example.net') => {
    expect((await write({ email: to, ...fields })).statusCode).toBe(200);
    await deliver();
    const mail = (await sink.waitFor(1)).find((m) => m.to.includes(to));
    if (!mail) throw new Error('no confirmation mail');
    sink.take();
    const res = await postForm(app, letterLink(mail.text, 'confirm'), { lang: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    return mail;
  };

  beforeAll(async () => {
    sink = await AlertSink.start();
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, LOG_LEVEL: 'trace', PUBLIC_URL: 'http://localhost:8080' },
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(db());
    await seedDistricts(db());
    seeded = await seedActions(db(), 'coalition-a');
    slug = seeded.letterAction.slug;
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.take();
  });

  it('shows the lawmaker finder without JavaScript, small, in three languages', async () => {
    const res = await get(`/act/${slug}/letter`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Write for consent</h1>');
    expect(res.body).toContain(`action="/act/${slug}/letter"`);
    expect(res.body).toContain('name="postcode"');
    expect(res.body).not.toContain('<script');
    expect(Buffer.byteLength(res.body)).toBeLessThan(30 * 1024);
    expect((await get(`/act/${slug}/letter?lang=es`)).body).toContain('Encuentre a sus legisladores');
    expect((await get(`/act/${slug}/letter?lang=fr`)).body).toContain('Trouvez vos élus');
  });

  it('matches by postcode, asks on an ambiguous one, and lists the targets when none of yours is one', async () => {
    const one = await get(`/act/${slug}/letter?postcode=99001`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Your lawmakers this campaign is writing to');
    expect(one.body).toContain(`name="t" value="${people.quinn.id}"`);
    expect(one.body).toContain(`name="t" value="${people.jordan.id}"`);
    const ask = await get(`/act/${slug}/letter?postcode=99002`);
    expect(ask.body).toContain('type="radio"');
    expect(ask.body).toContain('value="lower:Birch"');
    // The settled chamber's target is already offered; the split one is asked, not guessed.
    expect(ask.body).toContain(`name="t" value="${people.jordan.id}"`);
    expect(ask.body).not.toContain(`name="t" value="${people.quinn.id}"`);
    const chosen = await get(`/act/${slug}/letter?d=lower:Alder&d=upper:North`);
    expect(chosen.body).toContain(`name="t" value="${people.quinn.id}"`);
    const none = await get(`/act/${slug}/letter?d=lower:Birch`);
    expect(none.body).toContain('None of your lawmakers');
    expect(none.body).toContain('Quinn Harrow');
    expect(none.body).toContain('Jordan Fell');
    expect(none.body).not.toContain('name="t"');
    expect((await get(`/act/${slug}/letter?postcode=`)).statusCode).toBe(400);
  });

  it('prefills an editable letter for the matched targets', async () => {
    const res = await postForm(app, `/act/${slug}/letter`, {
      t: [people.quinn.id, people.jordan.id],
      lang: 'en',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('To: Quinn Harrow, Jordan Fell');
    expect(res.body).toMatch(/<textarea[^>]*name="text"[^>]*>Dear \{\{target.name\}\},/);
    expect(res.body).toContain('Please support “Close the consent gap”.');
    expect(Buffer.byteLength(res.body)).toBeLessThan(30 * 1024);
    const none = await postForm(app, `/act/${slug}/letter`, { lang: 'en' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose at least one lawmaker.');
    const stranger = await postForm(app, `/act/${slug}/letter`, { t: people.morgan.id, lang: 'en' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('not someone this campaign is asking to act');
  });

  it('sends after confirmation by POST: one delivery per target, From the campaign, Reply-To the supporter', async () => {
    const before = await countRows(db(), 'letters');
    const res = await write({ name: `Ana ${canary}`, email: `${canary.toLowerCase()}@example.net` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Check your email');
    expect(await countRows(db(), 'letters')).toBe(before + 1);
    expect(await countRows(db(), 'letter_deliveries')).toBe(0);
    expect((await deliver()).sent).toBe(1);
    const [confirm] = await sink.waitFor(1);
    sink.take();
    expect(confirm?.headers.from).toContain('letters@coalition-a.example');
    expect(confirm?.headers['list-unsubscribe']).toMatch(
      /^<http:\/\/localhost:8080\/act\/letters\/unsubscribe\/l\./,
    );
    expect(confirm?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = letterLink(confirm?.text ?? '', 'confirm');
    // A GET (a link scanner) confirms nothing.
    expect((await get(link)).body).toContain('<form method="post"');
    expect(await countRows(db(), 'letter_deliveries')).toBe(0);
    const done = await postForm(app, link, { lang: 'en' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your letter is on its way');
    expect(await countRows(db(), 'letter_deliveries')).toBe(2);
    expect((await postForm(app, link, { lang: 'en' })).statusCode).toBe(400);
    expect(await countRows(db(), 'letter_deliveries')).toBe(2);
    expect((await deliver()).sent).toBe(2);
    const mails = await sink.waitFor(2);
    for (const person of [people.quinn, people.jordan]) {
      const m = mails.find((x) => x.to.includes(person.email));
      expect(m, person.name).toBeDefined();
      expect(m?.headers.from).toContain('Coalition A');
      expect(m?.headers.from).toContain('<letters@coalition-a.example>');
      expect(m?.headers['reply-to']).toContain(`${canary.toLowerCase()}@example.net`);
      expect(m?.headers['message-id']).toMatch(/@localhost>$/);
      expect(m?.text).toContain(`Dear ${person.name},`);
      expect(m?.text).toContain(`Sent by Ana ${canary}`);
    }
    const rows = await db().selectFrom('letter_deliveries').selectAll().execute();
    expect(rows.map((r) => r.status)).toEqual(['queued', 'queued']);
  });

  it('marks a target without an official address no-address and still sends to the others', async () => {
    await db().updateTable('people').set({ email: null }).where('id', '=', people.jordan.id).execute();
    try {
      await sendAndConfirm({}, 'noaddress@example.net');
      const rows = await db()
        .selectFrom('letter_deliveries')
        .select(['person_id', 'status', 'outbox_id'])
        .orderBy('created_at', 'desc')
        .limit(2)
        .execute();
      const jordan = rows.find((r) => r.person_id === people.jordan.id);
      expect(jordan).toMatchObject({ status: 'no-address', outbox_id: null });
      expect(rows.find((r) => r.person_id === people.quinn.id)?.status).toBe('queued');
      await deliver();
      const got = await sink.waitFor(1);
      expect(got.every((m) => !m.to.includes(people.jordan.email))).toBe(true);
    } finally {
      await db()
        .updateTable('people')
        .set({ email: people.jordan.email })
        .where('id', '=', people.jordan.id)
        .execute();
    }
  });

  it('paces letters per recipient: beyond the hourly number they wait for the next hour', async () => {
    const paced = await seedActions(db(), 'coalition-a', 1);
    const previous = slug;
    slug = paced.letterAction.slug;
    try {
      // Earlier deliveries to the same people (from the other action) count too: the recipient's inbox is one.
      await db().deleteFrom('letter_deliveries').execute();
      await sendAndConfirm({ t: people.quinn.id }, 'first@example.net');
      await sendAndConfirm({ t: people.quinn.id }, 'second@example.net');
      const slots = await db()
        .selectFrom('letter_deliveries')
        .select('scheduled_at')
        .where('person_id', '=', people.quinn.id)
        .orderBy('scheduled_at')
        .execute();
      expect(slots).toHaveLength(2);
      const gap = Date.parse(slots[1]?.scheduled_at ?? '') - Date.parse(slots[0]?.scheduled_at ?? '');
      expect(gap).toBeGreaterThanOrEqual(3600_000 - 1000);
      // The first went with the second confirmation mail; the second waits for its hour.
      expect((await deliver()).sent).toBe(0);
      expect((await deliver(new Date(Date.now() + 3601_000))).sent).toBe(1);
      expect((await sink.waitFor(1)).some((m) => m.to.includes(people.quinn.email))).toBe(true);
    } finally {
      slug = previous;
    }
  });

  it('refuses bad input with the values kept, and stores nothing', async () => {
    const before = await countRows(db(), 'letters');
    const mail = await countRows(db(), 'mail_outbox');
    const empty = await write({ text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write your letter.');
    expect(empty.body).toContain('value="ana@example.net"');
    const email = await write({ email: 'not-an-address' });
    expect(email.statusCode).toBe(400);
    expect(email.body).toContain('Enter a valid email address');
    expect(email.body).toContain('aria-invalid="true"');
    expect((await write({ consent: '' })).body).toContain('Tick the box to send your letter.');
    expect((await write({ t: [] })).statusCode).toBe(400);
    expect((await write({ t: people.morgan.id })).statusCode).toBe(400);
    expect((await write({}, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await countRows(db(), 'letters')).toBe(before);
    expect(await countRows(db(), 'mail_outbox')).toBe(mail);
    // The honeypot and a repeated idempotency key answer alike and store nothing more.
    expect((await write({ website: 'http://spam.example' })).body).toContain('Check your email');
    expect(await countRows(db(), 'letters')).toBe(before);
    expect((await write({ idempotency_key: 'repeat-key-0001' })).statusCode).toBe(200);
    expect((await write({ idempotency_key: 'repeat-key-0001' })).statusCode).toBe(200);
    expect(await countRows(db(), 'letters')).toBe(before + 1);
    expect((await get('/act/no-such-action/letter')).statusCode).toBe(404);
    expect((await get(`/act/${seeded.callAction.slug}/letter`)).statusCode).toBe(404);
    expect((await get('/act/letters/confirm/abc')).statusCode).toBe(400);
  });

  it('keeps supporter data encrypted and out of the logs, and withdraws by one click', async () => {
    const dump = JSON.stringify(await db().selectFrom('letters').selectAll().execute());
    expect(dump).not.toContain(canary);
    expect(dump.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(dump).not.toContain('Please act.');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n').toLowerCase()).not.toContain(canary.toLowerCase());
    expect(lines.join('\n')).not.toMatch(/\/act\/letters\/(confirm|unsubscribe)\/(?!:token)/);
    await write({ email: 'stop@example.net' });
    await deliver();
    const mail = (await sink.waitFor(1)).find((m) => m.to.includes('stop@example.net'));
    const stop = letterLink(mail?.text ?? '', 'unsubscribe');
    const res = await app.inject({
      method: 'POST',
      url: stop,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const row = await db()
      .selectFrom('letters')
      .select(['consent_withdrawn_at', 'confirm_token_hash'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    expect(row?.consent_withdrawn_at).not.toBeNull();
    expect(row?.confirm_token_hash).toBeNull();
    expect((await postForm(app, letterLink(mail?.text ?? '', 'confirm'), {})).statusCode).toBe(400);
  });

  it('shows the call page with numbers and the script, and records an anonymous outcome', async () => {
    const call = `/act/${seeded.callAction.slug}/call`;
    const res = await get(call);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Quinn Harrow');
    expect(res.body).toContain('href="tel:5550199"');
    expect(res.body).toContain('Hello, I am calling the lawmaker about “Close the consent gap”.');
    expect(res.body).not.toContain('<script');
    expect(Buffer.byteLength(res.body)).toBeLessThan(30 * 1024);
    expect((await get(`${call}?lang=fr`)).body).toContain('Qui appeler');
    const ok = await postForm(app, call, { target: people.quinn.id, outcome: 'voicemail', lang: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Your call is counted');
    expect((await postForm(app, call, { target: people.quinn.id, outcome: 'shouted' })).statusCode).toBe(400);
    expect((await postForm(app, call, { target: people.morgan.id, outcome: 'reached' })).statusCode).toBe(
      400,
    );
    const rows = await db().selectFrom('call_reports').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ person_id: people.quinn.id, outcome: 'voicemail' });
  });
});

describeEachEngine('letter actions: workspace API', (getStore) => {
  const api = useSignedInApp(getStore);
  let campaignId: string;
  let letterId: string;
  let messageId: string;
  let scriptId: string;

  beforeAll(async () => {
    await seedDistricts(getStore().db);
    const seeded = await seedActions(getStore().db, 'coalition-a');
    campaignId = seeded.campaign.id;
    letterId = seeded.letterAction.id;
    messageId = seeded.letterMessage.id;
    scriptId = seeded.scriptMessage.id;
  });

  describe('roles', () => {
    it('reads counts for members of the organisation, and hides other coalitions’ actions', async () => {
      const list = okJson<Array<{ id: string; kind: string }>>(
        await api.send('GET', `/api/v1/campaigns/${campaignId}/actions`, 'viewer'),
      );
      expect(list.map((a) => a.kind).sort()).toEqual(['call', 'letter']);
      const one = okJson<{ deliveries: Record<string, number>; letters: Record<string, number> }>(
        await api.send('GET', `/api/v1/actions/${letterId}`, 'analyst'),
      );
      expect(one.deliveries).toEqual({ queued: 0, sent: 0, failed: 0, 'no-address': 0 });
      expect(one.letters).toEqual({ pending: 0, confirmed: 0 });
      expectError(
        await api.send('GET', `/api/v1/actions/${letterId}`, 'otherAdmin'),
        404,
        'ACTION_NOT_FOUND',
      );
      expectError(await api.send('GET', `/api/v1/actions/${letterId}`, null), 401, 'AUTH_REQUIRED');
    });

    it('lets campaigners create, open and close; refuses viewers; names the wrong field', async () => {
      const body = {
        kind: 'letter',
        slug: `api-letter-${Math.random().toString(36).slice(2, 8)}`,
        title: 'Write',
        messageId,
        senderName: 'Coalition A',
        senderEmail: 'letters@coalition-a.example',
      };
      const url = `/api/v1/campaigns/${campaignId}/actions`;
      expectError(await api.app.inject(postJson(api, url, body, 'viewer')), 403, 'FORBIDDEN');
      expectError(await api.app.inject(postJson(api, url, body, 'otherAdmin')), 404, 'CAMPAIGN_NOT_FOUND');
      const created = okJson<{ id: string; status: string }>(
        await api.app.inject(postJson(api, url, body, 'campaigner')),
        201,
      );
      expect(created.status).toBe('draft');
      expectError(await api.app.inject(postJson(api, url, body, 'campaigner')), 409, 'ACTION_SLUG_TAKEN');
      const wrongKind = await api.app.inject(
        postJson(api, url, { ...body, slug: 'api-letter-wrong-kind', messageId: scriptId }, 'campaigner'),
      );
      expectError(wrongKind, 400, 'VALIDATION_FAILED');
      expect(wrongKind.body).toContain('messageId');
      const noSender = await api.app.inject(
        postJson(api, url, { ...body, slug: 'api-letter-no-sender', senderEmail: 'nope' }, 'campaigner'),
      );
      expectError(noSender, 400, 'VALIDATION_FAILED');
      expect(noSender.body).toContain('senderEmail');
      const open = `/api/v1/actions/${created.id}/open`;
      expectError(await api.app.inject(postJson(api, open, {}, 'viewer')), 403, 'FORBIDDEN');
      expect(
        okJson<{ status: string }>(await api.app.inject(postJson(api, open, {}, 'campaigner'))).status,
      ).toBe('open');
      expectError(await api.app.inject(postJson(api, open, {}, 'admin')), 409, 'ACTION_STATE_INVALID');
      const close = `/api/v1/actions/${created.id}/close`;
      expect(okJson<{ status: string }>(await api.app.inject(postJson(api, close, {}, 'admin'))).status).toBe(
        'closed',
      );
    });
  });
});
