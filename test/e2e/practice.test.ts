/**
 * Law vs practice in Chromium: with JavaScript off, Iceland's report card shows the practice section (marked
 * as not part of the law score) with the chart of victims identified by year beside the non-punishment
 * indicator and the same figures in a table with their source and date; the draft figures never show; axe
 * finds nothing. With JavaScript on, the workspace's compare page shows the same figures in its practice panel.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importStatistics, setStatisticImportPublished } from '../../src/services/statistics.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { browserAvailable, expectAccessible, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

const system = { kind: 'system', name: 'test' } as const;
const org = { organization: 'portal-coalition' };
const header =
  'jurisdiction,year,measure,form_of_exploitation,sex,age_group,value,unit,source,source_url,source_date';
const source = 'Invented Office: Synthetic Practice Table (test fixture)';
const published = `${header}
IS,2028,victims_identified,all,all,all,120,persons,${source},https://example.org/synthetic/practice,2031-02-01
IS,2029,victims_identified,all,all,all,140,persons,${source},https://example.org/synthetic/practice,2031-02-01
IS,2030,victims_identified,all,all,all,160,persons,${source},https://example.org/synthetic/practice,2031-02-01
`;
const canarySource = 'CANARY-unpublished-practice-source';
const draft = `${header}
IS,2027,victims_identified,all,all,all,987654,persons,${canarySource},,2031-03-01
`;

describe.runIf(browserAvailable())('law vs practice in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let scripted: Page;

  beforeAll(async () => {
    ({ server, browser } = await startPortalBrowser());
    const ctx = { db: server.store.db, actor: system };
    const made = await importStatistics(ctx, { ...org, csv: published });
    await setStatisticImportPublished(ctx, made.id, true, org);
    await importStatistics(ctx, { ...org, csv: draft });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    page = await context.newPage();
    scripted = await (await browser.newContext({ locale: 'en-US' })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  it('shows the practice chart and table beside non-punishment on the report card, without JavaScript', async () => {
    await page.goto(`${server.url}/jurisdictions/${iceland}`);
    await page
      .getByRole('heading', { level: 2, name: 'Practice data — not part of the law score' })
      .waitFor();
    const heading = page.getByRole('heading', { level: 3, name: /^VI-01/ });
    await heading.waitFor();
    const chart = page.getByRole('img', { name: 'Practice data for VI-01, by year: victims identified' });
    expect(await chart.count()).toBe(1);
    const table = page.getByRole('table', { name: /Practice data for VI-01/ });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      `2028victims identified120persons${source}2031-02-01Portal Coalition`,
      `2029victims identified140persons${source}2031-02-01Portal Coalition`,
      `2030victims identified160persons${source}2031-02-01Portal Coalition`,
    ]);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(canarySource);
    expect(text).not.toContain('987654');
    expect(text).not.toContain('987,654');
    // axe runs in the page, so it checks the same server-rendered page in a JavaScript-enabled tab.
    await scripted.goto(page.url());
    await expectAccessible(scripted, 'the report card with practice data');
  }, 120_000);

  it('shows the figures in the compare page’s practice panel', async () => {
    await scripted.goto(
      `${server.url}/app/compare?jurisdiction=${encodeURIComponent(iceland)}&jurisdiction=${encodeURIComponent(texas)}`,
    );
    await scripted
      .getByRole('heading', { level: 2, name: 'Practice data (not part of the law score)' })
      .waitFor();
    const table = scripted.getByRole('table', { name: /VI-01/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.textContent()).toContain(source);
    await scripted.getByText('No published practice figures for VI-01.').waitFor();
    await expectAccessible(scripted, 'the compare page with the practice panel');
  }, 120_000);
});
