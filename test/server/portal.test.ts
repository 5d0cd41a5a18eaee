/**
 * The public portal over HTTP, on both engines: the unpublished-data crawl (every page and link reachable
 * from `/`, in every language, plus every public GET API route, on a database that also holds drafts,
 * suggestions, reviewed answers and an organisation's recommendations: no canary appears), cache
 * invalidation on publish, cache hits that never touch the database, 404s, sorting, the methodology's numbers
 * and the report card's weight.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { gradeThresholds } from '../../src/core/scoring/grades.ts';
import { setAnswerStatus } from '../../src/services/coding.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine, openPreparedStore } from '../engines.ts';
import { privateLawCanary, seedPrivateLaw } from '../law-library-fixtures.ts';
import { campaignCanaries, seedPortalCampaigns } from '../portal-campaign-fixtures.ts';
import { canaries, type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { startApp } from './helpers.ts';
import { expectedPublic } from './route-access.ts';

const system = { kind: 'system', name: 'test' } as const;
const card = (id: string) => `/jurisdictions/${id}`;
const canaryList = [...Object.values(canaries), privateLawCanary, ...Object.values(campaignCanaries)];
// Words of public law that the unpublished answers also quote: the law library shows law texts (public
// sources), so on /law pages only the other canaries are looked for (docs/portal.md, "Law library").
const lawTextCanaries: string[] = [canaries.draftQuote, canaries.suggestionQuote, canaries.reviewedQuote];
const canariesFor = (url: string) =>
  url.startsWith('/law') ? canaryList.filter((c) => !lawTextCanaries.includes(c)) : canaryList;

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('public portal', (getStore, dialect) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    seed = await seedPortal(getStore());
    await seedPrivateLaw(getStore());
    await seedPortalCampaigns(getStore(), seed.zero);
    ({ app } = await startApp(getStore()));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('crawls every page reachable from / and every public API route without meeting unpublished data', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/?lang=es', '/?lang=fr', `/compare?j=${iceland}&j=${texas}`];
    let pages = 0;
    while (queue.length > 0 && seen.size < 400) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await get(url);
      expect([200, 404], url).toContain(res.statusCode);
      for (const canary of canariesFor(url)) expect(res.body, `${canary} on ${url}`).not.toContain(canary);
      if (!(res.headers['content-type'] ?? '').toString().startsWith('text/html')) continue;
      pages += 1;
      // The rights pages load one first-party script, the quick exit; no page has any other.
      const ownScript = '<script src="/assets/quick-exit.js" defer></script>';
      // Campaign action pages (/act/…) enhance their forms with their own first-party script.
      if (!url.startsWith('/act/'))
        expect(res.body.replace(ownScript, ''), url).not.toMatch(/<script|style="/);
      for (const link of hrefs(res.body)) {
        const path = link.split('#')[0] ?? '';
        if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/app/')) continue;
        if (!seen.has(path)) queue.push(path);
      }
    }
    // Then every law library page to the end (the crawl above stops at 400 pages): search, each law in
    // each version, each provision's stable URL, the changes; in every language.
    const lawQueue = [
      '/law?lang=en',
      '/law?lang=es',
      '/law?lang=fr',
      ...queue.filter((u) => u.startsWith('/law')),
    ];
    while (lawQueue.length > 0 && seen.size < 1000) {
      const url = lawQueue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await get(url);
      expect([200, 404], url).toContain(res.statusCode);
      for (const canary of canariesFor(url)) expect(res.body, `${canary} on ${url}`).not.toContain(canary);
      expect(res.body, url).not.toMatch(/<script|style="/);
      for (const link of hrefs(res.body)) {
        const path = link.split('#')[0] ?? '';
        if (path.startsWith('/law') && !seen.has(path)) lawQueue.push(path);
      }
    }
    expect(lawQueue).toEqual([]);
    expect(seen.has(`${card(iceland)}?lang=en`)).toBe(true);
    expect(seen.has(`${card(iceland)}?lang=es`)).toBe(true);
    expect(seen.has('/rankings?scope=us&sort=score&dir=desc&lang=en')).toBe(true);
    // Public campaigns are reached from the home page; the private one is never listed.
    expect([...seen].some((u) => /^\/campaigns\/[^?]+\?lang=es$/.test(u))).toBe(true);
    expect(seen.has('/compare?lang=fr')).toBe(true);
    // The law library: search, a law, a provision's stable URL and the changes between versions.
    const law = [...seen].filter((u) => u.startsWith('/law'));
    expect(law).toContain('/law?lang=es');
    expect(law.some((u) => /^\/law\/[^/?]+\/p-/.test(u))).toBe(true);
    expect(law.some((u) => /^\/law\/[^/?]+\/changes\?/.test(u))).toBe(true);
    expect(pages).toBeGreaterThan(10);

    const fill = (route: string) =>
      route
        .replace(':jurisdiction', encodeURIComponent(iceland))
        .replace(':instrument', 'palermo')
        .replace(':versionId', 'none')
        .replace(':id', encodeURIComponent(iceland));
    const gets = expectedPublic.filter((r) => r.startsWith('GET ')).map((r) => fill(r.slice(4)));
    const extra = [
      `/api/v1/answers?jurisdiction=${encodeURIComponent(iceland)}`,
      `/api/v1/scores/${encodeURIComponent(iceland)}?asOf=2031-06-01`,
      `/api/v1/gaps/${encodeURIComponent(iceland)}?asOf=2031-06-01`,
      `/api/v1/rankings?asOf=2031-06-01`,
      `/api/v1/compare?ids=${encodeURIComponent(iceland)},${encodeURIComponent(texas)}&asOf=2031-06-01`,
    ];
    for (const url of [...gets, ...extra]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      for (const canary of canaryList) expect(res.body, `${canary} on ${url}`).not.toContain(canary);
    }
  });

  it('shows the published answers on the report card with citation, quote, framework version and date', async () => {
    const res = await get(`${card(iceland)}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain(seed.publishedQuote);
    expect(res.body).toContain(`id="indicator-${seed.zero}"`);
    expect(res.body).toMatch(/href="\/law\/[^"#?]+\?on=2031-06-01#p-[^"]+"/);
    expect(res.body).toContain(`version ${seed.framework.version}`);
    expect(res.body).toMatch(/Last published: \d{4}-\d{2}-\d{2}/);
    expect(res.body).toContain('It is not legal advice');
    expect(res.body).toContain('Report an error in');
    // Texas has only a reviewed answer: no score, no quote.
    const tx = await get(card(texas));
    expect(tx.statusCode).toBe(200);
    expect(tx.body).toContain('No published score yet');
  });

  it('keeps a report card under 60 KB with no script', async () => {
    const res = await get(card(iceland));
    expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('<link rel="stylesheet" href="/assets/portal.css">');
    const css = await get('/assets/portal.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('answers 404 with a page for unknown jurisdictions', async () => {
    for (const url of ['/jurisdictions/ocd-division/country:zz', '/jurisdictions/nonsense']) {
      const res = await get(`${url}?lang=fr`);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Juridiction inconnue');
      expect(res.headers['x-portal-cache']).toBe('miss');
    }
    expect((await get('/jurisdictions/')).statusCode).toBe(404);
  });

  it('sorts the rankings by links, in both directions, and lists unscored US states', async () => {
    const byScore = await get('/rankings?sort=score&dir=desc');
    expect(byScore.body).toContain('aria-sort="descending"');
    const us = await get('/rankings?scope=us&sort=name&dir=asc');
    const names = [...us.body.matchAll(/<th scope="row"><a [^>]+>([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(50);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const desc = await get('/rankings?scope=us&sort=name&dir=desc');
    const reversed = [...desc.body.matchAll(/<th scope="row"><a [^>]+>([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
    expect(reversed).toEqual([...names].reverse());
    const odd = await get('/rankings?sort=%3Cx%3E&dir=sideways&scope=mars');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<x>');
  });

  it('states the methodology from the framework and the scoring constants', async () => {
    const res = await get('/methodology');
    for (const indicator of seed.framework.indicators) expect(res.body).toContain(`>${indicator.id}<`);
    for (const g of gradeThresholds) {
      expect(res.body).toContain(`<th scope="row">${g.grade}</th><td class="num">${g.min}</td>`);
    }
  });

  it('drops cached pages when an answer is published, so the report card changes on the next request', async () => {
    const first = await get(card(iceland));
    const again = await get(card(iceland));
    expect(again.headers['x-portal-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    expect(first.body).not.toContain(canaries.draftQuote);
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'reviewed');
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'published');
    const after = await get(card(iceland));
    expect(after.headers['x-portal-cache']).toBe('miss');
    expect(after.body).toContain(canaries.draftQuote);
    // Withdrawn again: gone on the next request.
    await setAnswerStatus({ db: getStore().db, actor: system }, seed.draftId, 'reviewed');
    const withdrawn = await get(card(iceland));
    expect(withdrawn.body).not.toContain(canaries.draftQuote);
  });

  it('serves cached pages without the database', async () => {
    const store = await openPreparedStore(dialect);
    await seedPortal(store);
    const { app: own } = await startApp(store);
    try {
      const urls = ['/', card(iceland), '/rankings', '/methodology', '/?lang=es'];
      const bodies = new Map<string, string>();
      for (const url of urls) bodies.set(url, (await own.inject({ method: 'GET', url })).body);
      await store.destroy();
      for (const url of urls) {
        const res = await own.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['x-portal-cache'], url).toBe('hit');
        expect(res.body).toBe(bodies.get(url));
      }
      // A page not cached yet needs the database, which is gone.
      const miss = await own.inject({ method: 'GET', url: card(texas) });
      expect(miss.statusCode).toBe(500);
    } finally {
      await own.close();
    }
  }, 60_000);
});
