/**
 * Open data in Chromium with JavaScript off: a reader goes from the home page to /data, downloads answers.csv
 * (a real browser download), and the test recomputes Iceland's score from the file by the codebook's steps and
 * compares it with the figure on the report card. axe finds nothing on /data (run in a second,
 * JavaScript-enabled tab, since axe runs in the page), and every request stays on our origin.
 */
import fs from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { iceland } from '../coding-fixtures.ts';
import { totalsFromCsv } from '../open-data-recompute.ts';
import { canaries } from '../portal-fixtures.ts';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

describe.runIf(browserAvailable())('open data without JavaScript in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startPortalBrowser());
    context = await browser.newContext({
      javaScriptEnabled: false,
      acceptDownloads: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  it('downloads answers.csv from /data and recomputes the report card score from it', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Download the open data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    expect(await page.getByText('Creative Commons Attribution 4.0 International').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'answers.csv' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('answers.csv');
    const csv = await fs.readFile(await download.path(), 'utf8');
    for (const canary of Object.values(canaries)) expect(csv).not.toContain(canary);
    const total = totalsFromCsv(csv).get(iceland);
    expect(total).toBeDefined();

    const axePage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    axePage.on('request', (r) => requests.push(r.url()));
    await axePage.goto(page.url());
    await expectAccessible(axePage, 'the open-data page');
    await axePage.goto(`${server.url}/data?lang=es`);
    await expectAccessible(axePage, 'the open-data page in Spanish');

    await page.goto(`${server.url}/?lang=en`);
    await page
      .getByRole('row', { name: /Iceland/ })
      .getByRole('link', { name: 'Iceland' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`${total?.toFixed(1)} out of 100`);
    expectOnlyOwnOrigin(requests, server.url);
  }, 120_000);
});
