/**
 * The public law library in Chromium with JavaScript off: a reader finds Iceland from the home page, opens its
 * report card, follows a citation to the provision's anchor on the law's page and reads the quoted words
 * there; searches the library with filters, opens a hit at its stable URL, reads the version history and the
 * changes between versions; bad input gets a page saying what is wrong. axe finds nothing on any library page
 * template (run in a second, JavaScript-enabled tab on the same URLs), and every request stays on our origin.
 * The fixture law is in force from 2030, so the server's clock is set to `portalDate`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PortalSeed } from '../portal-fixtures.ts';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

describe.runIf(browserAvailable())('public law library without JavaScript in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let axePage: Page;
  let seed: PortalSeed;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ server, browser, seed: seed } = await startPortalBrowser());
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    axePage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    axePage.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  /** Runs axe on the page the JavaScript-free tab shows. */
  const axe = async (what: string) => {
    await axePage.goto(page.url());
    await expectAccessible(axePage, what);
  };

  it('follows a report card citation from home to the quoted words at the provision anchor', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('row', { name: /Iceland/ })
      .getByRole('link', { name: 'Iceland' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
    const citation = page.locator('a[href^="/law/"]').first();
    const href = (await citation.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/law\/[0-9a-f-]{36}\?on=2031-06-01#p-s-1-1$/);
    await citation.click();
    await page.getByRole('heading', { level: 1, name: 'Examplia Protection Act 2030' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#p-s-1-1');
    const provision = page.locator('[id="p-s-1-1"]');
    expect(await provision.textContent()).toContain(seed.publishedQuote);
    expect(await provision.evaluate((el) => el.matches(':target'))).toBe(true);
    await axe('a law as in force on a date');
  }, 120_000);

  it('opens a provision at its stable URL, the version history and the changes', async () => {
    await page.getByRole('link', { name: 's. 2', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'EPA 2030 s. 2' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/law\/[0-9a-f-]{36}\/p-s-2$/);
    expect(await page.locator('main').textContent()).toContain('up to 5 years');
    await axe('a provision page');
    await page.getByRole('link', { name: 'Read it in the whole law' }).click();
    await page.getByRole('heading', { level: 2, name: 'Version history' }).waitFor();
    await page.getByRole('link', { name: 'Changes from the previous version' }).click();
    await page.getByRole('heading', { level: 1, name: /Changes to Examplia Protection Act 2030/ }).waitFor();
    const change = page.locator('li.change-changed').filter({ hasText: 's. 2' });
    expect(await change.locator('del').textContent()).toBe('Deleted: 5 (end of deletion)');
    expect(await change.locator('ins').textContent()).toBe('Inserted: 15 (end of insertion)');
    // Said in words and shown by strike-through and underline, not by colour alone.
    expect(await change.locator('del').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'line-through',
    );
    expect(await change.locator('ins').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'underline',
    );
    await axe('the changes between versions');
  }, 120_000);

  it('searches across jurisdictions with filters and opens a hit', async () => {
    await page.getByRole('link', { name: 'Law library' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Law library' }).waitFor();
    await axe('the law library index');
    await page.getByLabel('Words, or "a quoted phrase"').fill('exploitation');
    await page.getByLabel('Jurisdiction').selectOption({ label: 'Iceland' });
    await page.getByLabel('In force on (YYYY-MM-DD)').fill('2031-06-01');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 2, name: /^Results 1 to \d+$/ }).waitFor();
    const hits = page.locator('ol.hits > li');
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await hits.allTextContents()).not.toContainEqual(expect.stringContaining('Texas'));
    await axe('search results');
    await hits.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^EPA 2030 s\. 1/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('exploitation');
  }, 120_000);

  it('says what is wrong with bad input, and answers unknown laws with a page', async () => {
    await page.goto(`${server.url}/law?q=offence&on=2031-13-45`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('is not a date');
    await axe('a search with bad input');
    await page.goto(`${server.url}/law/no-such-law`);
    await page.getByRole('heading', { level: 1, name: 'Law not found' }).waitFor();
    await axe('the law not-found page');
    expectOnlyOwnOrigin(requests, server.url);
  }, 120_000);
});
