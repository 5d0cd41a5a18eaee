/**
 * The "know your rights / get help" page in Chromium: a survivor reading Spanish finds, from the report card
 * and without JavaScript, a plain-language protection with the link to its provision and a hotline offered in
 * Spanish with its last-verified date. Quick exit leaves the site with JavaScript off (a plain link) and on
 * (`location.replace`, so Back does not return to the rights page; the Escape key too); the neutral site is
 * intercepted with `page.route`, and nothing is requested from it before the click. axe finds nothing on the
 * rights page or the report-error form.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswer, setAnswerStatus } from '../../src/services/coding.ts';
import { addHelpResource } from '../../src/services/help-resources.ts';
import { iceland, pid } from '../coding-fixtures.ts';
import { browserAvailable, expectAccessible, expectOnlyOwnOrigin, type TestServer } from './harness.ts';
import { startPortalBrowser } from './portal-harness.ts';

const neutral = 'https://www.google.com/';
const system = { kind: 'system', name: 'test' } as const;
const hotline = 'Línea contra la trata (Examplia)';

describe.runIf(browserAvailable())('rights page and quick exit in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let noJs: BrowserContext;
  let page: Page;
  let axePage: Page;
  const requests: string[] = [];
  const rightsUrl = () => `${server.url}/jurisdictions/${iceland}/rights?lang=es`;

  /** Answers navigations to the neutral site locally, so the test needs no network. */
  async function interceptNeutral(context: BrowserContext): Promise<string[]> {
    const hits: string[] = [];
    await context.route('https://www.google.com/**', async (route) => {
      hits.push(route.request().url());
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Neutral</title><p>neutral</p>',
      });
    });
    return hits;
  }

  beforeAll(async () => {
    const started = await startPortalBrowser();
    ({ server, browser } = started);
    const seed = started.seed;
    const ctx = { db: server.store.db, actor: system };
    const answer = await createAnswer(ctx, {
      jurisdictionId: iceland,
      indicatorId: 'VI-01',
      value: '2',
      citations: [{ provisionId: pid(seed.fx.v1, 's. 3'), quote: 'A victim is not liable for' }],
    });
    await setAnswerStatus(ctx, answer.id, 'reviewed');
    await setAnswerStatus(ctx, answer.id, 'published');
    await addHelpResource(
      ctx,
      {
        jurisdictionId: iceland,
        kind: 'hotline',
        name: hotline,
        phone: '+354 555 0199',
        languages: ['es', 'en'],
        hours: '24 h',
        lastVerified: '2031-05-02',
        published: true,
      },
      { organization: 'portal-coalition', today: '2031-06-01' },
    );
    noJs = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'es-ES',
      viewport: { width: 1280, height: 900 },
    });
    page = await noJs.newPage();
    page.on('request', (r) => requests.push(r.url()));
    axePage = await (await browser.newContext({ locale: 'es-ES' })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    vi.useRealTimers();
  });

  it('finds a plain-language protection with its provision link and a hotline in Spanish, without JavaScript', async () => {
    await page.goto(`${server.url}/jurisdictions/${iceland}?lang=es`);
    await page.getByRole('link', { name: /Conozca sus derechos/ }).click();
    await page.getByRole('heading', { level: 1, name: /conozca sus derechos/ }).waitFor();
    const protection = page.locator('#protection-VI-01');
    expect(await protection.textContent()).toContain('No deberían detenerle, procesarle ni castigarle');
    const link = protection.locator('a[href^="/law/"]');
    expect(await link.getAttribute('href')).toMatch(/\?on=\d{4}-\d{2}-\d{2}#p-/);
    const help = (await page.locator('ul.resources').textContent()) ?? '';
    expect(help).toContain(hotline);
    expect(help).toContain('español');
    expect(help).toContain('Verificado por última vez el 2031-05-02');
    expect(await page.locator('main').textContent()).toContain('No es asesoramiento jurídico');
    // Only met indicators are claimed: the published zero answer is not a protection.
    expect(await page.locator('ul.protections > li').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Idioma de atención' }).selectOption('es');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    expect(page.url()).toContain('lang_filter=es');
    expect(await page.locator('ul.resources').textContent()).toContain(hotline);
    expectOnlyOwnOrigin(requests, server.url);
    await axePage.goto(rightsUrl());
    await expectAccessible(axePage, 'the rights page');
    await axePage.goto(
      `${server.url}${(await protection.getByRole('link', { name: 'Informar de un error' }).getAttribute('href')) ?? ''}`,
    );
    await expectAccessible(axePage, 'the report-error form');
  }, 120_000);

  it('leaves through the quick-exit link with JavaScript off', async () => {
    const hits = await interceptNeutral(noJs);
    await page.goto(rightsUrl());
    expect(hits).toEqual([]);
    await page.getByRole('link', { name: 'Salida rápida' }).click();
    await page.waitForURL(neutral);
    expect(hits).toEqual([neutral]);
  }, 60_000);

  it('replaces the page with JavaScript on, so Back does not return to it; Escape does the same', async () => {
    const context = await browser.newContext({ locale: 'es-ES' });
    try {
      const hits = await interceptNeutral(context);
      const tab = await context.newPage();
      await tab.goto(`${server.url}/jurisdictions/${iceland}?lang=es`);
      await tab.getByRole('link', { name: /Conozca sus derechos/ }).click();
      await tab.waitForURL(/\/rights/);
      await tab.waitForLoadState('load');
      expect(hits).toEqual([]);
      await tab.getByRole('link', { name: 'Salida rápida' }).click();
      await tab.waitForURL(neutral);
      await tab.evaluate(() => history.back());
      await tab.waitForURL((u) => u.origin === server.url);
      expect(tab.url()).not.toContain('/rights');
      expect(tab.url()).toContain(`/jurisdictions/${iceland}`);

      await tab.goto(rightsUrl());
      await tab.waitForLoadState('load');
      await tab.keyboard.press('Escape');
      await tab.waitForURL(neutral);
      await tab.goBack();
      expect(tab.url()).not.toContain('/rights');
    } finally {
      await context.close();
    }
  }, 60_000);
});
