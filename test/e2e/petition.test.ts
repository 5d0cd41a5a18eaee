/**
 * A supporter signs a petition with JavaScript on (the page's own script solves the proof-of-work challenge) and
 * with JavaScript off (the no-JavaScript path, accepted under the lower per-address limit): the form, the "check your email" answer, the link mailed
 * through a real SMTP server on loopback, the confirm button, and the count after the background loop
 * aggregated it. The petition page and the confirmation pages pass axe; every request stays on our origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { petitionPageCache } from '../../src/server/pages/petition-cache.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { startPetitionLoop } from '../../src/services/petition-jobs.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore, type Store } from '../../src/store/db.ts';
import { AlertSink } from '../email-alert-helpers.ts';
import { seedPetition } from '../petition-helpers.ts';
import {
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchBrowser,
  openPage,
} from './harness.ts';

describe.runIf(browserAvailable())('petitions in Chromium', () => {
  let browser: Browser;
  let sink: AlertSink;
  let url: string;
  let slug: string;
  let stop: () => Promise<void>;
  let db: Store['db'];

  beforeAll(async () => {
    [sink, browser] = await Promise.all([AlertSink.start(), launchBrowser()]);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-e2e-petition-'));
    const store = createStore({ databaseUrl: null, dataDir });
    await prepareDatabase(store.db);
    db = store.db;
    await insertOrganization(store.db, 'Coalition A', 'coalition-a');
    slug = (await seedPetition(store.db, 'coalition-a')).petition.slug;
    const app = await buildApp({
      store,
      config: loadConfig({ LAWGAP_DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:0' }),
      mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      routes: [],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // As main.ts does: the loop mails the outbox and drops the cached page when the count changes.
    const stopLoop = startPetitionLoop(
      {
        db: store.db,
        fieldKey: loadFieldKey({ secretKey: null, dataDir }),
        mailer: smtpMailer(sink.url, 'lawgap <no-reply@localhost>'),
      },
      200,
      () => undefined,
      (slugs) => petitionPageCache(app).invalidate(slugs),
    );
    stop = async () => {
      await stopLoop();
      await app.close();
      await store.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await sink?.close();
  });

  it('signs, confirms by the mailed link and sees the count rise, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    sink.take();
    try {
      await page.goto(`${url}/act/${slug}`);
      await page.getByRole('heading', { level: 1, name: 'Close the consent gap now' }).waitFor();
      expect(await page.getByText('0 of 500 signatures').count()).toBe(1);
      await page.getByLabel('Your name').fill('Rosa Supporter');
      await page.getByLabel('Your email address').fill('rosa@example.net');
      await page.getByLabel('Postcode (optional)').fill('78701');
      await page.getByLabel(/Add my signature to this petition/).check();
      await page.getByRole('button', { name: 'Sign' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      expect(requests.some((u) => u.endsWith('/challenge'))).toBe(false);
      const row = await db
        .selectFrom('petition_signatures')
        .select(['challenge', 'marked'])
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ challenge: 'none', marked: null });

      const [mail] = await sink.waitFor(1, 10_000);
      expect(mail?.to).toEqual(['rosa@example.net']);
      const confirmPath = /\/act\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
      expect(confirmPath).not.toBe('');
      await page.goto(`${url}${confirmPath}`);
      await page.getByRole('heading', { level: 1, name: 'Confirm your signature' }).waitFor();
      await page.getByRole('button', { name: 'Confirm my signature' }).click();
      await page.getByRole('heading', { level: 1, name: 'Signature confirmed' }).waitFor();

      const deadline = Date.now() + 10_000;
      for (;;) {
        await page.goto(`${url}/act/${slug}`);
        if ((await page.getByText('1 of 500 signatures').count()) === 1) break;
        if (Date.now() > deadline) throw new Error('the count did not rise');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expectOnlyOwnOrigin(requests, url);

      // axe needs JavaScript, so the same pages are checked in a scripted tab.
      const tab = await openPage(browser);
      await tab.page.goto(`${url}/act/${slug}`);
      await expectAccessible(tab.page, 'the petition page');
      await tab.page.goto(`${url}/act/${slug}?lang=es`);
      await tab.page.getByRole('heading', { level: 2, name: 'Firme esta petición' }).waitFor();
      await expectAccessible(tab.page, 'the petition page in Spanish');
      await tab.page.getByLabel('Su correo electrónico').fill('not-an-address');
      await tab.page.getByLabel('Su nombre').fill('Rosa');
      await tab.page.getByLabel(/Añadir mi firma/).check();
      await tab.page.evaluate(() => document.querySelector('form')?.setAttribute('novalidate', ''));
      await tab.page.getByRole('button', { name: 'Firmar' }).click();
      await tab.page.getByText('Escriba un correo válido').first().waitFor();
      await expectAccessible(tab.page, 'the petition form with an error');
      await tab.page.goto(`${url}${confirmPath}`);
      await tab.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      await expectAccessible(tab.page, 'a used confirmation link');
      const stopPath = /\/act\/unsubscribe\/p\.[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
      await tab.page.goto(`${url}${stopPath}`);
      await tab.page.getByRole('heading', { level: 1, name: 'Stop emails about this petition' }).waitFor();
      await expectAccessible(tab.page, 'the unsubscribe page');
      await tab.context.close();
    } finally {
      await context.close();
    }
  }, 90_000);

  it('signs with JavaScript on: the page’s script solves the challenge from our origin, and the signature counts', async () => {
    const tab = await openPage(browser);
    sink.take();
    try {
      await tab.page.goto(`${url}/act/${slug}`);
      await tab.page.getByLabel('Your name').fill('Jo Scripted');
      await tab.page.getByLabel('Your email address').fill('jo@example.net');
      await tab.page.getByLabel(/Add my signature to this petition/).check();
      await tab.page.getByRole('button', { name: 'Sign' }).click();
      await tab.page
        .getByRole('heading', { level: 1, name: 'Check your email' })
        .waitFor({ timeout: 30_000 });
      expect(tab.requests.filter((u) => u.endsWith(`/act/${slug}/challenge`)).length).toBeGreaterThan(0);
      expect(tab.requests.some((u) => u.endsWith('/assets/petition.js'))).toBe(true);
      expectOnlyOwnOrigin(tab.requests, url);
      const row = await db
        .selectFrom('petition_signatures')
        .select(['challenge', 'marked'])
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ challenge: 'solved', marked: null });

      const [mail] = await sink.waitFor(1, 10_000);
      expect(mail?.to).toEqual(['jo@example.net']);
      const confirmPath = /\/act\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
      await tab.page.goto(`${url}${confirmPath}`);
      await tab.page.getByRole('button', { name: 'Confirm my signature' }).click();
      await tab.page.getByRole('heading', { level: 1, name: 'Signature confirmed' }).waitFor();
      const deadline = Date.now() + 10_000;
      for (;;) {
        await tab.page.goto(`${url}/act/${slug}`);
        if ((await tab.page.getByText('2 of 500 signatures').count()) === 1) break;
        if (Date.now() > deadline) throw new Error('the count did not rise');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await tab.context.close();
    }
  }, 90_000);
});
