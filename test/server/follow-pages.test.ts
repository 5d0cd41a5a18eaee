/**
 * Public email alerts over HTTP, with mail through a real SMTP server on loopback: the form, double opt-in
 * (confirmed only by POST), no address enumeration, origin checks and limits, clear pages for bad links, and
 * one-click unsubscribe (RFC 8058) that stops further mail.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { getBill } from '../../src/store/bills.repo.ts';
import { hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { AlertSink, mailNewBillEvent, testSecretKey, tokenIn } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { startApp } from './helpers.ts';

const publicUrl = 'http://localhost:8080';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let ip = 0;
const nextIp = () => `10.77.${Math.floor(++ip / 200)}.${(ip % 200) + 1}`;

function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

describeEachEngine('public email alerts over HTTP', (getStore) => {
  let app: FastifyInstance;
  let sink: AlertSink;
  let billId: string;
  const db = () => getStore().db;

  const post = (url: string, values: Record<string, string>, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      remoteAddress: nextIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: form(values),
    });
  const follow = (email: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    post(
      '/follow',
      { kind: 'bill', id: billId, email, frequency: 'immediate', consent: 'yes', lang: 'en', ...extra },
      headers,
    );
  const statuses = async () =>
    (await db().selectFrom('email_subscriptions').select('status').orderBy('created_at').execute()).map(
      (r) => r.status,
    );
  const newEventMailed = (description: string) =>
    mailNewBillEvent(db(), { id: billId, jurisdictionId: tx }, description, sink.url, publicUrl);
  const expectPage = (res: LightMyRequestResponse, status: number, text: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(text);
  };

  beforeAll(async () => {
    sink = await AlertSink.start();
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey },
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
    }));
    await importBills({ db: db(), actor: cliActor }, hb4021Import);
    billId = (await getBill(db(), hb4021))?.id ?? '';
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.take();
  });

  it('shows the form for a bill or a jurisdiction, in the asked language, keeping the target in language links', async () => {
    const res = await app.inject({ method: 'GET', url: `/follow?bill=${encodeURIComponent(hb4021)}` });
    expectPage(res, 200, '<form method="post" action="/follow"');
    expect(res.body).toContain('HB 4021: An invented act');
    expect(res.body).toContain(`<input type="hidden" name="id" value="${billId}">`);
    expect(res.body).toContain(`href="/follow?bill=${encodeURIComponent(billId)}&amp;lang=es"`);
    const es = await app.inject({
      method: 'GET',
      url: `/follow?jurisdiction=${encodeURIComponent(tx)}&lang=es`,
    });
    expectPage(es, 200, '<h1>Alertas por correo</h1>');
    expect(es.body).toContain('<html lang="es">');
  });

  it.each([
    ['an unknown bill', '/follow?bill=nope'],
    ['no target', '/follow'],
    ['two targets', `/follow?bill=x&jurisdiction=${encodeURIComponent(tx)}`],
  ])('answers %s with a clear not-found page', async (_name, url) => {
    expectPage(await app.inject({ method: 'GET', url }), 404, 'the bill or jurisdiction was not found');
  });

  it.each([
    ['a malformed address', { email: 'not-an-address' }, 'Enter a valid email address.'],
    ['no consent', { consent: '' }, 'Tick the box to agree'],
    ['a weekly frequency', { frequency: 'weekly' }, 'Choose how often to get alerts.'],
  ])('refuses %s with the form and its error, storing nothing', async (_name, change, message) => {
    const res = await follow('someone@example.net', change);
    expectPage(res, 400, message);
    expect(res.body).toContain('aria-invalid="true"');
    expect(await statuses()).toEqual([]);
  });

  it('refuses a form sent from another site, storing nothing', async () => {
    expectPage(
      await follow('x@example.net', {}, { origin: 'https://evil.example' }),
      403,
      'must be sent from this site',
    );
    expectPage(await follow('x@example.net', {}, { 'sec-fetch-site': 'cross-site' }), 403, 'must be sent');
    const sandboxed = { origin: 'null', 'sec-fetch-site': 'cross-site' };
    expectPage(await follow('x@example.net', {}, sandboxed), 403, 'must be sent');
    expectPage(await follow('x@example.net', { kind: 'person' }), 404, 'not found');
    await pause(100);
    expect(await statuses()).toEqual([]);
    expect(sink.take()).toEqual([]);
  });

  it('confirms only by POST, mails nothing before, and mails alerts after', async () => {
    // As a browser posts it from our page (which sends no referrer, hence `Origin: null`).
    const res = await follow(
      'Subscriber@Example.net',
      {},
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expectPage(res, 200, 'Check your mailbox');
    const [mail] = await sink.waitFor(1);
    sink.take();
    expect(mail?.to).toEqual(['subscriber@example.net']);
    const token = tokenIn(mail?.text ?? '', '/follow/confirm');
    expect(await statuses()).toEqual(['pending']);

    await newEventMailed('While pending');
    await pause(100);
    expect(sink.take()).toEqual([]);

    const page = await app.inject({ method: 'GET', url: `/follow/confirm?token=${token}` });
    expectPage(page, 200, `<form method="post" action="/follow/confirm?token=${token}">`);
    expect(await statuses()).toEqual(['pending']);
    expectPage(await post('/follow/confirm', { token }), 200, 'Alerts confirmed');
    expect(await statuses()).toEqual(['active']);
    expectPage(await post('/follow/confirm', { token }), 400, 'This link does not work');
    expectPage(
      await app.inject({ method: 'GET', url: `/follow/confirm?token=${token}` }),
      400,
      'does not work',
    );
    expectPage(
      await app.inject({ method: 'GET', url: '/follow/confirm?token=garbage' }),
      400,
      'does not work',
    );

    await newEventMailed('After confirming');
    const [alert] = await sink.waitFor(1);
    expect(alert?.to).toEqual(['subscriber@example.net']);
    expect(alert?.text).toContain('New action: After confirming');
    expect(alert?.text).not.toContain('While pending');
  });

  it('answers the same for a known and an unknown address, mailing only the new one', async () => {
    const known = await follow('subscriber@example.net');
    const unknown = await follow('newcomer@example.net');
    expect({ status: known.statusCode, body: known.body }).toEqual({
      status: unknown.statusCode,
      body: unknown.body,
    });
    await sink.waitFor(1);
    await pause(300);
    expect(sink.take().map((m) => m.to[0])).toEqual(['newcomer@example.net']);
  });

  it('stops the mail with one click on the List-Unsubscribe link, and a second click is harmless', async () => {
    await newEventMailed('Before unsubscribing');
    const [alert] = await sink.waitFor(1);
    sink.take();
    const header = alert?.headers['list-unsubscribe'] ?? '';
    expect(alert?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = header.slice(1, -1).replace(publicUrl, '');
    const token = tokenIn(url, '/unsubscribe');

    const page = await app.inject({ method: 'GET', url });
    expectPage(page, 200, 'Stop these alerts');
    expect(page.body).toContain(`<form method="post" action="/unsubscribe?token=${token}">`);
    expect(await statuses()).toContain('active');

    // A mail client's one-click POST: no Origin, no session, just the RFC 8058 body.
    const oneClick = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expectPage(oneClick, 200, 'Alerts stopped');
    const multipart = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expectPage(multipart, 200, 'Alerts stopped');
    expectPage(await app.inject({ method: 'GET', url }), 200, 'Alerts stopped');
    expectPage(await post('/unsubscribe?token=s.nope', {}), 400, 'This link does not work');

    await newEventMailed('After unsubscribing');
    await pause(300);
    expect(sink.take().map((m) => m.to[0])).not.toContain('subscriber@example.net');
    const row = await db()
      .selectFrom('email_subscriptions')
      .selectAll()
      .where('status', '=', 'unsubscribed')
      .execute();
    expect(row.map((r) => r.email_ciphertext)).toEqual(['']);
  });

  it('limits requests for one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await follow('limited@example.net')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('writes neither the address nor a token to the log', async () => {
    const lines: string[] = [];
    const { app: logged } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey },
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      build: { logger: true, logStream: { write: (line) => lines.push(line) } },
    });
    try {
      const res = await logged.inject({
        method: 'POST',
        url: '/follow',
        remoteAddress: nextIp(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({
          kind: 'bill',
          id: billId,
          email: 'logged.person@example.net',
          frequency: 'daily',
          consent: 'yes',
        }),
      });
      expect(res.statusCode).toBe(200);
      const [mail] = await sink.waitFor(1);
      const token = tokenIn(mail?.text ?? '', '/follow/confirm');
      await logged.inject({ method: 'GET', url: `/follow/confirm?token=${token}` });
      await logged.inject({ method: 'POST', url: `/follow/confirm?token=${token}` });
      const log = lines.join('\n');
      expect(log).toContain('/follow/confirm');
      expect(log).not.toContain('logged.person');
      expect(log).not.toContain(token);
    } finally {
      await logged.close();
    }
  });
});
