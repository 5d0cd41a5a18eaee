/**
 * The portal's comparison and public campaign pages in Chromium with JavaScript off: a reader opens Compare
 * from the navigation, chooses two jurisdictions in the plain form, and sees the score-over-time chart (an
 * SVG drawn on the server by Observable Plot) with its table; the page raises no CSP violation. axe finds
 * nothing on /compare and /campaigns/<slug>, and every request stays on our origin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswer, setAnswerStatus } from '../../src/services/coding.ts';
import { texas } from '../coding-fixtures.ts';
import { type CampaignSeed, campaignCanaries, seedPortalCampaigns } from '../portal-campaign-fixtures.ts';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

describe.runIf(browserAvailable())('portal comparison and campaigns without JavaScript in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axePage: Page;
  let campaigns: CampaignSeed;
  const requests: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    const started = await startPortalBrowser();
    ({ server, browser } = started);
    const seed = started.seed;
    campaigns = await seedPortalCampaigns(server.store, seed.zero);
    // Texas gets a published answer too, so two jurisdictions have a score to compare.
    const system = { db: server.store.db, actor: { kind: 'system', name: 'test' } as const };
    const indicator = seed.framework.indicators.find((i) => i.id === seed.zero);
    if (!indicator) throw new Error('no indicator');
    const values = Object.entries(seed.framework.responseTypes[indicator.type].values);
    const bottom = values.sort((a, b) => a[1] - b[1])[0]?.[0] ?? 'N';
    const tx = await createAnswer(system, {
      jurisdictionId: texas,
      indicatorId: seed.zero,
      value: bottom,
      citations: [],
      validFrom: '2030-01-01',
    });
    await setAnswerStatus(system, tx.id, 'reviewed');
    await setAnswerStatus(system, tx.id, 'published');
    context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // axe runs in the page, so it needs JavaScript: it checks the same server-rendered pages in a second tab.
    axePage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    axePage.on('request', (r) => requests.push(r.url()));
    axePage.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  it('chooses two jurisdictions in the form and sees the chart and its table', async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole('navigation').getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare jurisdictions' }).waitFor();
    await page.getByLabel('Jurisdiction 1').selectOption({ label: 'Iceland' });
    await page.getByLabel('Jurisdiction 2').selectOption({ label: 'Texas' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 2, name: 'Score over time' }).waitFor();
    expect(page.url()).toContain('j=ocd-division%2Fcountry%3Ais');
    const chart = page.getByRole('img', {
      name: /Published score on 1 January of each year: Iceland, Texas/,
    });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('svg.score-plot circle').count()).toBeGreaterThan(0);
    const table = page.locator('table.history-data');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Year', 'Iceland', 'Texas']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: 'Answers by indicator' }).waitFor();
    await axePage.goto(page.url());
    await expectAccessible(axePage, 'the comparison page');
    expect(violations).toEqual([]);
  }, 120_000);

  it('opens a public campaign from the home page; its page passes axe', async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole('link', { name: 'Close the gap in Iceland' }).click();
    await page.getByRole('heading', { level: 1, name: 'Close the gap in Iceland' }).waitFor();
    expect(page.url()).toContain(`/campaigns/${campaigns.publicSlug}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Sign the petition: Close the gap now');
    for (const canary of Object.values(campaignCanaries)) expect(main).not.toContain(canary);
    await axePage.goto(page.url());
    await expectAccessible(axePage, 'a public campaign page');
    expectOnlyOwnOrigin(requests, server.url);
    expect(violations).toEqual([]);
  }, 120_000);
});
