/**
 * The portal's print styles in Chromium with JavaScript off, on a fully answered report card: under print
 * media the navigation, language switcher, skip link and embed snippets are hidden, each citation is followed
 * by its link target, text is black; the rights page hides its quick exit and forms; the methodology prints
 * without navigation; and each of the three prints to a non-empty PDF.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceland } from '../coding-fixtures.ts';
import { seedFullyAnswered } from '../portal-full-fixtures.ts';
import { browserAvailable, launchBrowser, startServer, type TestServer } from './harness.ts';

describe.runIf(browserAvailable())('portal print styles in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await seedFullyAnswered(server.store);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const display = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).display);

  /** Prints the current page to PDF and checks it is a real, non-empty PDF. */
  const printsToPdf = async () => {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  };

  it('prints a report card without navigation, with each citation followed by its URL', async () => {
    await page.goto(`${server.url}/jurisdictions/${iceland}?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Iceland: report card' }).waitFor();
    expect(await display('nav.portal')).not.toBe('none');
    const citation = page.locator('main a[href^="/app/laws/"], main a[href^="/law/"]').first();
    const href = (await citation.getAttribute('href')) ?? '';
    expect(href).not.toBe('');
    const after = () => citation.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(['none', 'normal']).toContain(await after());

    await page.emulateMedia({ media: 'print' });
    expect(await display('nav.portal')).toBe('none');
    expect(await display('header.site')).toBe('none');
    expect(await page.locator('nav.portal').isVisible()).toBe(false);
    expect(await after()).toContain(href);
    const colour = await page
      .locator('main p')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(0, 0, 0)');
    expect(
      await page
        .locator('thead')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('table-header-group');
    expect(
      await page
        .locator('tbody tr')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    await printsToPdf();
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints the rights page without the quick exit or forms, and the methodology without navigation', async () => {
    await page.goto(`${server.url}/jurisdictions/${iceland}/rights?lang=en`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await display('.quick-exit')).not.toBe('none');
    await page.emulateMedia({ media: 'print' });
    expect(await display('.quick-exit')).toBe('none');
    expect(await display('nav.portal')).toBe('none');
    for (const form of await page.locator('form').all()) {
      expect(await form.evaluate((el) => getComputedStyle(el).display)).toBe('none');
    }
    await printsToPdf();

    await page.goto(`${server.url}/methodology?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Methodology' }).waitFor();
    expect(await display('nav.portal')).toBe('none');
    await printsToPdf();
    await page.emulateMedia({ media: 'screen' });
  });
});
