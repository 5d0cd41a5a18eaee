/**
 * Page-weight budgets of the portal, on both engines: a fully answered report card (every indicator published
 * with a citation and quote, half of them gaps with a law elsewhere; test/portal-full-fixtures.ts) and the
 * home page with both maps stay under 60 KB on first load without JavaScript. Measured as the bytes of the HTML
 * plus every stylesheet it links (the pages load no script and no image): raw (uncompressed) for the home page
 * in every language and the report card in English, and as sent gzip-compressed in every language.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { seedFullyAnswered } from '../portal-full-fixtures.ts';
import { startApp } from './helpers.ts';

/** The first-load budget. */
const budget = 60 * 1024;

describeEachEngine('portal page weight', (getStore) => {
  let app: FastifyInstance;
  let indicators = 0;

  beforeAll(async () => {
    indicators = (await seedFullyAnswered(getStore())).indicators.length;
    ({ app } = await startApp(getStore()));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const gzip = { 'accept-encoding': 'gzip, deflate, br' };

  /**
   * HTML + linked stylesheets: raw bytes (`bytes`) and the bytes sent to a browser that accepts gzip
   * (`sent`); fails on any script, image or other subresource.
   */
  async function firstLoad(url: string): Promise<{ html: string; bytes: number; sent: number }> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    const html = res.body;
    expect(html, url).not.toMatch(/<script|<img|<iframe|<object|srcset=/);
    const zipped = await app.inject({ method: 'GET', url, headers: gzip });
    expect(zipped.headers['content-encoding'], url).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(html);
    let bytes = Buffer.byteLength(html);
    let sent = zipped.rawPayload.length;
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1] ?? '');
    expect(sheets.length, url).toBeGreaterThan(0);
    for (const href of sheets) {
      const css = await app.inject({ method: 'GET', url: href });
      expect(css.statusCode, href).toBe(200);
      bytes += css.rawPayload.length;
      sent += (await app.inject({ method: 'GET', url: href, headers: gzip })).rawPayload.length;
    }
    return { html, bytes, sent };
  }

  it('keeps a fully answered report card under 60 KB of HTML and CSS (raw in English, sent in every language)', async () => {
    for (const lang of ['en', 'es', 'fr']) {
      const { html, bytes, sent } = await firstLoad(`/jurisdictions/${iceland}?lang=${lang}`);
      // Fully answered: every indicator has its row, a citation with a quote, and the gap list is long.
      expect(html.match(/<tr id="indicator-/g)?.length).toBe(indicators);
      expect(html.match(/<q[ >]/g)?.length).toBe(indicators);
      expect(html.match(/<li class="gap">/g)?.length).toBeGreaterThanOrEqual(Math.floor(indicators / 2));
      // Raw bytes: the budget in English (the default); Spanish and French text runs about 8% longer, and what
      // a browser receives, compressed, is a quarter of the budget in every language.
      if (lang === 'en') expect(bytes, `report card (${lang})`).toBeLessThan(budget);
      expect(sent, `report card (${lang}), gzip`).toBeLessThan(budget / 3);
    }
    const other = await firstLoad(`/jurisdictions/${texas}`);
    expect(other.bytes).toBeLessThan(budget);
  });

  it('keeps the home page with both maps under 60 KB of HTML and CSS in every language', async () => {
    for (const lang of ['en', 'es', 'fr']) {
      const { html, bytes, sent } = await firstLoad(`/?lang=${lang}`);
      expect(html.match(/<svg class="map"/g)?.length).toBe(2);
      expect(bytes, `home (${lang})`).toBeLessThan(budget);
      expect(sent, `home (${lang}), gzip`).toBeLessThan(budget / 3);
    }
  });
});
