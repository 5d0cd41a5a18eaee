/**
 * A supporter with JavaScript off gets their data and has it erased without an account: `/my-data` → "check
 * your email" → the link mailed through a real SMTP server on loopback → the JSON download → the erase form →
 * done; the used link then says it does not work. Every page passes axe (in a scripted tab: axe needs
 * JavaScript); every request stays on our origin.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { deliverOutbox } from '../../src/services/mail-outbox.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import type { Store } from '../../src/store/db.ts';
import { AlertSink } from '../email-alert-helpers.ts';
import { seedPetition } from '../petition-helpers.ts';
import {
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchBrowser,
  openPage,
  startServer,
  type TestServer,
} from './harness.ts';

const supporter = { email: 'lena.e2e@example.net', name: 'Lena Canary' };

describe.runIf(browserAvailable())('supporter data rights in Chromium', () => {
  let browser: Browser;
  let sink: AlertSink;
  let server: TestServer;
  let url: string;
  let store: Store;
  let deliver: () => Promise<unknown>;

  beforeAll(async () => {
    [sink, browser, server] = await Promise.all([AlertSink.start(), launchBrowser(), startServer()]);
    ({ url, store } = server);
    await insertOrganization(store.db, 'Coalition A', 'coalition-a');
    const { petition } = await seedPetition(store.db, 'coalition-a');
    const fieldKey = loadFieldKey(server.config);
    await signPetition({ db: store.db, fieldKey, publicUrl: url }, petition.slug, {
      name: supporter.name,
      email: supporter.email,
      postcode: '',
      country: '',
      consents: { campaign: true, updates: true },
      honeypot: '',
      idempotencyKey: 'e2e-my-data-1',
      locale: 'en',
    });
    // The outbox is delivered through a real SMTP server on loopback (the server's own mailer only records).
    const mailer = smtpMailer(sink.url, 'lawgap <no-reply@localhost>');
    deliver = () => deliverOutbox({ db: store.db, fieldKey, mailer });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
  });

  it('mails a link, downloads the data and erases it, with JavaScript off; every page passes axe', async () => {
    await deliver();
    sink.take();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const tab = await openPage(browser);
    try {
      await page.goto(`${url}/my-data`);
      await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
      await page.getByLabel('Email address').fill(supporter.email);
      await page.getByRole('button', { name: 'Email me the link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

      const deadline = Date.now() + 10_000;
      while (!sink.messages.some((m) => m.to.includes(supporter.email))) {
        if (Date.now() > deadline) throw new Error('no data link mail');
        await deliver();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const mail = sink.take().find((m) => m.to.includes(supporter.email));
      const linkPath = /\/my-data\/link\/d\.[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0] ?? '';
      expect(linkPath).not.toBe('');

      // axe on the pages while the link still works (a scripted tab; GET changes nothing).
      for (const [path, what] of [
        ['/my-data', 'the request form'],
        ['/my-data?lang=es', 'the request form in Spanish'],
        ['/my-data?lang=fr', 'the request form in French'],
        [linkPath, 'the link page'],
      ] as const) {
        await tab.page.goto(`${url}${path}`);
        await expectAccessible(tab.page, what);
      }
      await tab.page.goto(`${url}/my-data`);
      await tab.page.evaluate(() => document.querySelector('form.form')?.setAttribute('novalidate', ''));
      await tab.page.getByLabel('Email address').fill('not-an-address');
      await tab.page.getByRole('button', { name: 'Email me the link' }).click();
      await tab.page.getByText('Enter an email address like name@example.org.').first().waitFor();
      await expectAccessible(tab.page, 'the request form with an error');

      await page.goto(`${url}${linkPath}`);
      await page.getByText(`This link is for ${supporter.email}.`).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download my data (JSON)' }).click(),
      ]);
      const file = await download.path();
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        petitionSignatures: Array<{ name: string; consents: Array<{ purpose: string }> }>;
      };
      expect(data.petitionSignatures.map((s) => s.name)).toEqual([supporter.name]);
      expect(data.petitionSignatures[0]?.consents.map((c) => c.purpose)).toEqual(['campaign', 'updates']);

      await page.getByLabel('I understand that erasing cannot be undone.').check();
      await page.getByRole('button', { name: 'Erase my data' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your data has been erased' }).waitFor();
      await expectAccessibleCopy(tab, `${url}${linkPath}`, 'the used link');
      const left = await store.db.selectFrom('petition_signatures').select('email_ciphertext').execute();
      expect(left.every((r) => r.email_ciphertext === null)).toBe(true);
      expectOnlyOwnOrigin(requests, url);
      expectOnlyOwnOrigin(tab.requests, url);
    } finally {
      await tab.context.close();
      await context.close();
    }
  }, 240_000);
});

/** Opens the path in the scripted tab, expects the "does not work" page, and runs axe on it. */
async function expectAccessibleCopy(tab: Awaited<ReturnType<typeof openPage>>, href: string, what: string) {
  await tab.page.goto(href);
  await tab.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
  await expectAccessible(tab.page, what);
}
