/**
 * A person finds their lawmakers with JavaScript off: a postcode split between districts makes the page ask,
 * the person chooses, and the lawmakers are shown; a point near a boundary asks too. Every request stays on
 * our origin; the page passes axe in English, Spanish and French, with a question and with results.
 * Invented districts and people from test/fixtures/districts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor } from '../../src/services/context.ts';
import { importBoundaries, importPostcodes } from '../../src/services/districts.ts';
import { consoleMailer } from '../../src/services/mailer.ts';
import { importPeople } from '../../src/services/people.ts';
import { createStore } from '../../src/store/db.ts';
import {
  browserAvailable,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchBrowser,
  openPage,
} from './harness.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/districts');
const read = (name: string) => ({ name, content: fs.readFileSync(path.join(fixtures, name), 'utf8') });
const tx = encodeURIComponent('ocd-division/country:us/state:tx');

describe.runIf(browserAvailable())('find your lawmakers in Chromium', () => {
  let browser: Browser;
  let url: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    browser = await launchBrowser();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-e2e-districts-'));
    const store = createStore({ databaseUrl: null, dataDir });
    await prepareDatabase(store.db);
    const ctx = { db: store.db, actor: cliActor };
    await importPeople(ctx, {
      files: fs.readdirSync(path.join(fixtures, 'people')).map((f) => read(`people/${f}`)),
    });
    await importBoundaries(ctx, read('plan-2020.geojson'));
    await importPostcodes(ctx, read('postcodes.csv'));
    const app = await buildApp({
      store,
      config: loadConfig({ LAWGAP_DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:0' }),
      mailer: consoleMailer(() => undefined),
      routes: [],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    stop = async () => {
      await app.close();
      await store.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  it('asks for an ambiguous postcode, then shows the chosen lawmakers, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${url}/find-lawmakers?jurisdiction=${tx}`);
      await page.getByRole('heading', { level: 1, name: 'Find your lawmakers' }).waitFor();
      await page.getByLabel('Postcode').fill('99002');
      await page.getByRole('button', { name: 'Find by postcode' }).click();
      await page.getByText('This postcode is split between districts').waitFor();
      // The settled chamber is shown already; the split one is a question, never a guess.
      expect(await page.getByText('Jordan Fell').count()).toBe(1);
      expect(await page.getByText('Quinn Harrow').count()).toBe(0);
      expect(await page.getByText('Morgan Vale').count()).toBe(0);
      await page.getByRole('group', { name: 'Lower chamber: which district is yours?' }).waitFor();
      await page.getByLabel('Birch District (about 60% of this postcode)').check();
      await page.getByRole('button', { name: 'Show my lawmakers' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your lawmakers' }).waitFor();
      const names = await page.locator('ul.lawmakers > li strong').allTextContents();
      expect(names).toEqual(['Morgan Vale', 'Jordan Fell']);

      await page.getByLabel('Your district').selectOption('lower:Alder');
      await page.getByRole('button', { name: 'Show lawmakers' }).click();
      await page.getByText('Quinn Harrow').waitFor();
      expectOnlyOwnOrigin(requests, url);

      // axe needs JavaScript, so the same pages are checked in a scripted tab.
      const tab = await openPage(browser);
      await tab.page.goto(`${url}/find-lawmakers?jurisdiction=${tx}`);
      await expectAccessible(tab.page, 'the find-lawmakers page');
      await tab.page.goto(`${url}/find-lawmakers?jurisdiction=${tx}&postcode=99002&lang=es`);
      await tab.page.getByText('Este código postal abarca varios distritos').waitFor();
      await expectAccessible(tab.page, 'the postcode question in Spanish');
      await tab.page.goto(`${url}/find-lawmakers?jurisdiction=${tx}&lat=0.5&lon=1.0005&lang=fr`);
      await tab.page.getByText('Ce lieu est proche d’une limite de circonscription').waitFor();
      await expectAccessible(tab.page, 'the boundary question in French');
      await tab.page.goto(`${url}/find-lawmakers?jurisdiction=${tx}&d=lower:Birch&d=upper:North`);
      await tab.page.getByText('Morgan Vale').waitFor();
      await expectAccessible(tab.page, 'the lawmakers');
      await tab.page.goto(`${url}/find-lawmakers?jurisdiction=${tx}&postcode=`);
      await tab.page.getByRole('alert').waitFor();
      await expectAccessible(tab.page, 'the page with an input error');
      expectOnlyOwnOrigin(tab.requests, url);
      await tab.context.close();
      const missing = await fetch(`${url}/find-lawmakers?jurisdiction=nowhere`);
      expect(missing.status).toBe(404);
    } finally {
      await context.close();
    }
  }, 120_000);
});
