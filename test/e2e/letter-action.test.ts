/**
 * A supporter with JavaScript off writes to their lawmakers: postcode → the campaign's targets among them →
 * the editable letter → "check your email" → the link mailed through a real SMTP server on loopback → the
 * confirm button → one delivery mail per target, From the campaign with the supporter in Reply-To. The call
 * page too. Every page passes axe (in a scripted tab: axe needs JavaScript); every request stays on our origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { loadFieldKey } from '../../src/services/field-crypto.ts';
import { deliverOutbox } from '../../src/services/mail-outbox.ts';
import { smtpMailer } from '../../src/services/mailer.ts';
import { insertOrganization } from '../../src/store/accounts.repo.ts';
import { createStore, type Store } from '../../src/store/db.ts';
import { AlertSink } from '../email-alert-helpers.ts';
import { people, seedActions, seedDistricts } from '../letter-action-helpers.ts';
import {
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchBrowser,
  openPage,
} from './harness.ts';

describe.runIf(browserAvailable())('letter and call actions in Chromium', () => {
  let browser: Browser;
  let sink: AlertSink;
  let url: string;
  let letterSlug: string;
  let callSlug: string;
  let stop: () => Promise<void>;
  let deliver: () => Promise<unknown>;

  beforeAll(async () => {
    [sink, browser] = await Promise.all([AlertSink.start(), launchBrowser()]);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-e2e-letter-'));
    const store: Store = createStore({ databaseUrl: null, dataDir });
    await prepareDatabase(store.db);
    await insertOrganization(store.db, 'Coalition A', 'coalition-a');
    await seedDistricts(store.db);
    const seeded = await seedActions(store.db, 'coalition-a');
    letterSlug = seeded.letterAction.slug;
    callSlug = seeded.callAction.slug;
    const mailer = smtpMailer(sink.url, 'lawgap <no-reply@localhost>');
    const app = await buildApp({
      store,
      config: loadConfig({ LAWGAP_DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:0' }),
      mailer,
      routes: [],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const fieldKey = loadFieldKey({ secretKey: null, dataDir });
    deliver = () => deliverOutbox({ db: store.db, fieldKey, mailer });
    stop = async () => {
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

  it('finds the lawmakers by postcode, sends the letter, confirms by the mailed link, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    sink.take();
    try {
      await page.goto(`${url}/act/${letterSlug}/letter`);
      await page.getByRole('heading', { level: 1, name: 'Write for consent' }).waitFor();
      await page.getByLabel('Postcode', { exact: true }).fill('99001');
      await page.getByRole('button', { name: 'Find by postcode' }).click();
      await page
        .getByRole('heading', { level: 2, name: 'Your lawmakers this campaign is writing to' })
        .waitFor();
      await page.getByRole('button', { name: 'Write your letter' }).click();
      await page.getByText('To: Quinn Harrow, Jordan Fell').waitFor();
      const text = await page.getByLabel('Your letter (change it as you like)').inputValue();
      expect(text).toContain('Dear {{target.name}},');
      await page.getByLabel('Your letter (change it as you like)').fill(`${text}\n\nI live nearby.`);
      await page.getByLabel('Your name').fill('Rosa Supporter');
      await page.getByLabel('Your email address').fill('rosa@example.net');
      await page.getByLabel(/Send my letter by email from Coalition A/).check();
      await page.getByRole('button', { name: 'Send my letter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

      await deliver();
      const [mail] = await sink.waitFor(1, 10_000);
      sink.take();
      expect(mail?.to).toEqual(['rosa@example.net']);
      const confirmPath = /\/act\/letters\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
      expect(confirmPath).not.toBe('');
      await page.goto(`${url}${confirmPath}`);
      await page.getByRole('heading', { level: 1, name: 'Confirm your letter' }).waitFor();
      await page.getByRole('button', { name: 'Send my letter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your letter is on its way' }).waitFor();

      await deliver();
      const delivered = await sink.waitFor(2, 10_000);
      for (const person of [people.quinn, people.jordan]) {
        const m = delivered.find((x) => x.to.includes(person.email));
        expect(m?.headers.from).toContain('letters@coalition-a.example');
        expect(m?.headers['reply-to']).toContain('rosa@example.net');
        expect(m?.text).toContain(`Dear ${person.name},`);
        expect(m?.text).toContain('I live nearby.');
      }
      expectOnlyOwnOrigin(requests, url);

      const tab = await openPage(browser);
      await tab.page.goto(`${url}/act/${letterSlug}/letter`);
      await expectAccessible(tab.page, 'the letter finder');
      await tab.page.goto(`${url}/act/${letterSlug}/letter?postcode=99002`);
      await expectAccessible(tab.page, 'the letter finder asking about a split postcode');
      await tab.page.goto(`${url}/act/${letterSlug}/letter?d=lower:Birch&lang=es`);
      await expectAccessible(tab.page, 'no matched target, in Spanish');
      await tab.page.goto(`${url}/act/${letterSlug}/letter?postcode=99001`);
      await tab.page.getByRole('button', { name: 'Write your letter' }).click();
      await tab.page.getByText('To: Quinn Harrow, Jordan Fell').waitFor();
      await expectAccessible(tab.page, 'the editable letter');
      await tab.page.getByLabel('Your email address').fill('not-an-address');
      await tab.page.getByLabel('Your name').fill('Rosa');
      await tab.page.getByLabel(/Send my letter by email/).check();
      await tab.page.evaluate(() => document.querySelector('form.form')?.setAttribute('novalidate', ''));
      await tab.page.getByRole('button', { name: 'Send my letter' }).click();
      await tab.page.getByText('Enter a valid email address').first().waitFor();
      await expectAccessible(tab.page, 'the letter with an error');
      await tab.page.goto(`${url}${confirmPath}`);
      await tab.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      await expectAccessible(tab.page, 'a used confirmation link');
      expectOnlyOwnOrigin(tab.requests, url);
      await tab.context.close();
    } finally {
      await context.close();
    }
  }, 240_000);

  it('shows the call page and takes an anonymous report, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto(`${url}/act/${callSlug}/call`);
      await page.getByRole('heading', { level: 1, name: 'Call for consent' }).waitFor();
      expect(await page.locator('a[href="tel:5550199"]').count()).toBeGreaterThan(0);
      await page.getByRole('radio', { name: 'Quinn Harrow' }).check();
      await page.getByRole('radio', { name: 'No answer' }).check();
      await page.getByRole('button', { name: 'Report the call' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      const tab = await openPage(browser);
      await tab.page.goto(`${url}/act/${callSlug}/call`);
      await expectAccessible(tab.page, 'the call page');
      await tab.page.goto(`${url}/act/${callSlug}/call?lang=fr`);
      await expectAccessible(tab.page, 'the call page in French');
      await tab.context.close();
    } finally {
      await context.close();
    }
  }, 240_000);
});
