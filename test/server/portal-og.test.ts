/**
 * Share images and tags of the portal, on both engines, with the canary seed (published and unpublished data
 * side by side): `/jurisdictions/<id>/og.png` is a 1200×630 PNG drawn from the public report card only (its
 * text source, the SVG, holds no canary; Texas, with only a reviewed answer, shows no score), cached and
 * redrawn on publication; unknown ids are 404; report cards, home and methodology carry og:* and twitter:card.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { renderPng, reportImageSvg } from '../../src/server/pages/portal-og.ts';
import { setAnswerStatus } from '../../src/services/coding.ts';
import { portalReportCard } from '../../src/services/portal.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { canaries, type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;
const date = portalDate.slice(0, 10);
const publicUrl = 'https://lawgap.example.org';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

/** The PNG signature and the IHDR chunk's width and height. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describeEachEngine('portal share images', (getStore) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    seed = await seedPortal(getStore());
    ({ app } = await startApp(getStore(), { env: { PUBLIC_URL: publicUrl } }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('draws a 1200×630 PNG of the published report card, from published data only', async () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      const res = await get(`/jurisdictions/${iceland}/og.png?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(pngSize(res.rawPayload)).toEqual({ width: 1200, height: 630 });
      // The image is exactly the drawing of the public report card's SVG: that SVG is its only text source.
      const card = await portalReportCard({ db: getStore().db }, iceland, date, lang);
      const svg = reportImageSvg(lang, card);
      expect(res.rawPayload.equals(renderPng(svg))).toBe(true);
      for (const canary of Object.values(canaries)) expect(svg).not.toContain(canary);
      expect(svg).toContain(`>${card.score.result.totalRounded?.toFixed(1)}<`);
      expect(svg).toContain(`>${card.score.result.cappedGrade}<`);
      expect(svg).toContain(String(seed.framework.version));
      expect(svg).toContain('>lawgap<');
    }
    const es = reportImageSvg('es', await portalReportCard({ db: getStore().db }, iceland, date, 'es'));
    expect(es).toContain('Islandia');
    // Texas has only a reviewed (unpublished) answer: its image has no score.
    const tx = await portalReportCard({ db: getStore().db }, texas, date, 'en');
    const txSvg = reportImageSvg('en', tx);
    expect(txSvg).toContain('No published score yet');
    for (const canary of Object.values(canaries)) expect(txSvg).not.toContain(canary);
    const txRes = await get(`/jurisdictions/${texas}/og.png`);
    expect(txRes.statusCode).toBe(200);
    expect(txRes.rawPayload.equals(renderPng(txSvg))).toBe(true);
  });

  it('answers 404 for unknown jurisdictions and serves the site image', async () => {
    for (const url of [
      '/jurisdictions/ocd-division/country:zz/og.png',
      '/jurisdictions/nonsense/og.png',
      '/jurisdictions/og.png',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).not.toContain('image/png');
    }
    const site = await get('/og.png?lang=fr');
    expect(site.statusCode).toBe(200);
    expect(pngSize(site.rawPayload)).toEqual({ width: 1200, height: 630 });
  });

  it('caches the image and draws it again when an answer is published', async () => {
    const url = `/jurisdictions/${iceland}/og.png?lang=en`;
    const first = await get(url);
    const again = await get(url);
    expect(again.headers['x-portal-cache']).toBe('hit');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'reviewed');
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'published');
    const after = await get(url);
    expect(after.headers['x-portal-cache']).toBe('miss');
    // The draft was at full marks, so the published score (and the image) changed.
    expect(after.rawPayload.equals(first.rawPayload)).toBe(false);
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'reviewed');
  });

  it('puts Open Graph and Twitter card tags on report cards, home and methodology', async () => {
    const pages = [
      [`/jurisdictions/${iceland}?lang=es`, `${publicUrl}/jurisdictions/${iceland}/og.png?lang=es`],
      ['/?lang=en', `${publicUrl}/og.png?lang=en`],
      ['/methodology?lang=fr', `${publicUrl}/og.png?lang=fr`],
    ] as const;
    for (const [url, image] of pages) {
      const { body } = await get(url);
      const head = body.slice(0, body.indexOf('</head>'));
      expect(head, url).toContain(`<meta property="og:image" content="${image}">`);
      expect(head, url).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(head, url).toMatch(/<meta property="og:description" content="[^"]+">/);
      expect(head, url).toContain('<meta name="twitter:card" content="summary_large_image">');
    }
    const card = (await get(`/jurisdictions/${iceland}?lang=en`)).body;
    expect(card).toMatch(/<meta property="og:description" content="Iceland: \d+\.\d out of 100, grade [A-F]/);
    for (const canary of Object.values(canaries)) expect(card).not.toContain(canary);
  });
});
