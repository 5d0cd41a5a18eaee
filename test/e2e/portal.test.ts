/**
 * The public portal in Chromium with JavaScript off: a reader finds a jurisdiction from the home page, reads
 * its report card (the published quote, not the draft), sorts the rankings, opens the methodology, and follows
 * a citation to the provision's anchor on the public law library's page. axe finds nothing on any portal page
 * template, and every request stays on our origin. The fixture law is in force from 2030, so the server's clock is set to `portalDate`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canaries, type PortalSeed } from '../portal-fixtures.ts';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

describe.runIf(browserAvailable())('public portal without JavaScript in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axePage: Page;
  let seed: PortalSeed;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ server, browser, seed: seed } = await startPortalBrowser());
    context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    // axe runs in the page, so it needs JavaScript: it checks the same server-rendered pages in a second tab.
    axePage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    axePage.on('request', (r) => requests.push(r.url()));
  });

  /** Runs axe on the page the JavaScript-free tab shows. */
  const axe = async (what: string) => {
    await axePage.goto(page.url());
    await expectAccessible(axePage, what);
  };
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  it('finds a jurisdiction from home and reads its report card', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('svg.map').count()).toBe(2);
    await axe('the portal home');
    await page
      .getByRole('row', { name: /Iceland/ })
      .getByRole('link', { name: 'Iceland' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
    expect(page.url()).toContain('/jurisdictions/ocd-division/country:is');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain(seed.publishedQuote);
    expect(body).toContain('It is not legal advice');
    for (const canary of Object.values(canaries)) expect(body).not.toContain(canary);
    await axe('the report card');
  }, 120_000);

  it('shows the report card in Spanish through the language switcher', async () => {
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: /boletín de calificaciones/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
  });

  it('links the card to its "Embed this" page, with snippets readable without JavaScript', async () => {
    await page.getByRole('link', { name: 'Embed this report card on your site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Embed the report card of Iceland' }).waitFor();
    expect(await page.locator('pre code').count()).toBe(4);
    await axe('the embed snippets page');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
  });

  it('follows a citation to the provision anchor on the law page', async () => {
    const link = page.locator('a[href^="/law/"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/law\/[^?#]+\?on=\d{4}-\d{2}-\d{2}#p-/);
    const anchor = href.split('#')[1] ?? '';
    // The law page is the public library's, server-rendered: it works with JavaScript off.
    await link.click();
    const provision = page.locator(`[id="${anchor}"]`);
    await provision.waitFor();
    expect(await provision.textContent()).toContain(seed.publishedQuote);
  });

  it('sorts the rankings by links', async () => {
    await page.goto(`${server.url}/rankings`);
    await page.getByRole('heading', { level: 1, name: 'Rankings' }).waitFor();
    await axe('the rankings');
    await page.getByRole('link', { name: 'US states and territories' }).click();
    await page.getByRole('link', { name: /Sort by Jurisdiction/ }).click();
    const first = await page.locator('tbody th[scope="row"]').first().textContent();
    expect(first).toBe('Alabama');
    await page.getByRole('link', { name: /Sort by Jurisdiction/ }).click();
    const firstDesc = await page.locator('tbody th[scope="row"]').first().textContent();
    expect(firstDesc).not.toBe('Alabama');
  }, 120_000);

  it('reads the methodology and a not-found page, loading nothing from another origin', async () => {
    await page.getByRole('link', { name: 'Methodology' }).click();
    await page.getByRole('heading', { level: 1, name: 'Methodology' }).waitFor();
    await axe('the methodology');
    await page.goto(`${server.url}/jurisdictions/ocd-division/country:zz`);
    await axe('the not-found page');
    expectOnlyOwnOrigin(requests, server.url);
  }, 120_000);
});
