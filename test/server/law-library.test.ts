/**
 * The public law library over HTTP, on both engines: provision search with its filters and paging, bad input
 * answered by a 400 page saying what is wrong, document pages with a stable anchor per provision, the
 * provisions' own stable URLs, `?on=` for another day's version, the diff between versions (insertions and
 * deletions said in words), report card citations linking to the anchor, and the page cache. An
 * organisation's own law never shows.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { importLaw } from '../../src/services/laws.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { privateLawCanary, seedPrivateLaw } from '../law-library-fixtures.ts';
import { type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

/** The hrefs of a page's search hits, in order. */
function hitLinks(html: string): string[] {
  const list = html.split('<ol class="hits"')[1]?.split('</ol>')[0] ?? '';
  return [...list.matchAll(/<li><p><a href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

describeEachEngine('public law library', (getStore) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  let act: string;
  let tfc: string;
  let bylaw: string;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    seed = await seedPortal(getStore());
    ({ documentId: bylaw } = await seedPrivateLaw(getStore()));
    ({ app } = await startApp(getStore()));
    const index = await get('/law?lang=en');
    const ids = [...index.body.matchAll(/href="\/law\/([0-9a-f-]{36})"[^>]*>([^<]+)</g)];
    act = ids.find((m) => m[2] === 'Examplia Protection Act 2030')?.[1] ?? '';
    tfc = ids.find((m) => m[2] === 'Texas Fictional Code')?.[1] ?? '';
    expect(act && tfc, index.body).toBeTruthy();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('lists the public laws, never an organisation’s own', async () => {
    const res = await get('/law?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Examplia Protection Act 2030');
    expect(res.body).not.toContain(privateLawCanary);
    expect(res.body).not.toContain(bylaw);
    expect(res.body).not.toContain('Examplia City');
    const es = await get('/law?lang=es');
    expect(es.body).toContain('Biblioteca jurídica');
    expect(es.body).toContain('<html lang="es">');
  });

  it('sends its pages gzip-compressed to a client that accepts it, as the rest of the portal', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/law/${act}?lang=en`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toContain('Examplia Protection Act 2030');
    expect((await get(`/law/${act}?lang=en`)).headers['content-encoding']).toBeUndefined();
  });

  it('searches across jurisdictions with snippets, citations and links to the provision', async () => {
    const res = await get('/law?q=exploitation&lang=en');
    expect(res.statusCode).toBe(200);
    const links = hitLinks(res.body);
    // Without a date the latest version of each law is searched: the Examplia act's is in force from 2035.
    expect(links).toContain(`/law/${act}/p-s-1-1?on=2035-01-01`);
    expect(links).toContain(`/law/${tfc}/p-s-1`);
    expect(res.body).toContain('EPA 2030 s. 1(1)');
    expect(res.body).toMatch(/<mark>exploitation<\/mark>/i);
    expect(res.body).toContain('Texas');
  });

  it('filters by jurisdiction, law and date', async () => {
    const tx = await get(`/law?q=exploitation&jurisdiction=${encodeURIComponent(texas)}`);
    expect(hitLinks(tx.body)).toEqual([`/law/${tfc}/p-s-1`]);
    const byDoc = await get(`/law?q=exploitation&document=${act}`);
    expect(hitLinks(byDoc.body).every((l) => l.startsWith(`/law/${act}/`))).toBe(true);
    expect(hitLinks(byDoc.body).length).toBeGreaterThan(0);
    const is = await get(`/law?q=imprisonment&jurisdiction=${encodeURIComponent(iceland)}&on=2031-06-01`);
    expect(is.body).toContain('5 years');
    expect(hitLinks(is.body)).toEqual([`/law/${act}/p-s-2?on=2031-06-01`]);
    const later = await get(`/law?q=imprisonment&document=${act}&on=2036-01-01`);
    expect(later.body).toContain('15 years');
    const browse = await get(`/law?jurisdiction=${encodeURIComponent(texas)}`);
    expect(browse.body).toContain(`href="/law/${tfc}"`);
    expect(browse.body).not.toContain(`href="/law/${act}"`);
    expect((await get('/law?jurisdiction=nonsense')).statusCode).toBe(400);
    const none = await get(`/law?q=shelter+entrance+notice`);
    expect(none.statusCode).toBe(200);
    expect(hitLinks(none.body)).toEqual([]);
    expect(none.body).not.toContain(privateLawCanary);
  });

  it('answers bad input with a 400 page that says what is wrong, never a 500', async () => {
    const cases: Array<[string, string]> = [
      [`/law?q=${'a'.repeat(1001)}`, 'at most 1000 characters'],
      ['/law?q=offence&on=2031-13-45', 'is not a date'],
      ['/law?q=offence&on=yesterday', 'is not a date'],
      [`/law?q=offence&jurisdiction=${encodeURIComponent('ocd-division/country:zz')}`, 'no jurisdiction'],
      ['/law?q=offence&jurisdiction=nonsense', 'no jurisdiction'],
      ['/law?q=offence&document=nope', 'no public law'],
      [`/law?q=offence&document=${bylaw}`, 'no public law'],
      ['/law?q=offence&page=0', 'whole number from 1 to 51'],
      ['/law?q=offence&page=abc', 'whole number from 1 to 51'],
      ['/law?q=offence&page=99', 'whole number from 1 to 51'],
      ['/law?q=a&q=b', 'Give each field once'],
      [`/law/${act}?on=2031-02-30`, 'is not a date'],
      [`/law/${act}/p-s-1?on=junk`, 'is not a date'],
      [`/law/${act}/changes?from=junk&to=2035-01-01`, 'is not a date'],
      [
        `/law/${act}/changes?from=2020-01-01&to=2035-01-01`,
        'No version of this law is in force on 2020-01-01',
      ],
    ];
    for (const [url, text] of cases) {
      const res = await get(`${url}&lang=en`);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(text);
      expect(res.body, url).toContain('role="alert"');
      expect(res.body, url).not.toContain(privateLawCanary);
    }
  });

  it('shows a law as in force today with a stable anchor per provision and its version history', async () => {
    const res = await get(`/law/${act}?lang=en`);
    expect(res.statusCode).toBe(200);
    for (const key of ['p-s-1', 'p-s-1-1', 'p-s-1-2', 'p-s-2', 'p-s-3'])
      expect(res.body).toContain(`id="${key}"`);
    expect(res.body).toContain('by force or deception');
    expect(res.body).toContain(`href="/law/${act}/p-s-1-1"`);
    expect(res.body).toContain('As in force on 2031-06-01: the version in force from 2030-01-01.');
    expect(res.body).toContain('Version history');
    expect(res.body).toContain(`href="/law/${act}?on=2035-01-01"`);
    expect(res.body).toContain(`href="/law/${act}/changes?from=2030-01-01&amp;to=2035-01-01"`);
    expect(res.body).toContain('<div class="provisions" lang="en">');
    expect(res.body).not.toMatch(/<script|style="/);

    const later = await get(`/law/${act}?on=2036-01-01`);
    expect(later.body).toContain('by any means');
    expect(later.body).toContain(`href="/law/${act}/p-s-1-1?on=2036-01-01"`);
    const before = await get(`/law/${act}?on=2020-01-01&lang=en`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('No version of this law is in force on 2020-01-01');
  });

  it('serves each provision at its stable URL, in any version that has it', async () => {
    const one = await get(`/law/${act}/p-s-1-1?lang=en`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('EPA 2030 s. 1(1)');
    expect(one.body).toContain('by force or deception');
    expect(one.body).toContain(`href="/law/${act}#p-s-1-1"`);
    const parent = await get(`/law/${act}/p-s-1`);
    expect(parent.body).toContain('id="p-s-1-1"');
    expect(parent.body).toContain('id="p-s-1-2"');
    expect(parent.body).not.toContain('id="p-s-2"');
    const later = await get(`/law/${act}/p-s-1-1?on=2036-01-01`);
    expect(later.body).toContain('by any means');
    for (const url of [`/law/${act}/p-s-99`, `/law/${act}/not-a-key`, `/law/${act}/p-s-1?on=2020-01-01`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('answers 404 for unknown laws and for an organisation’s own', async () => {
    for (const url of ['/law/nope', `/law/${bylaw}`, `/law/${bylaw}/p-s-1`, `/law/${bylaw}/changes`]) {
      const res = await get(`${url}?lang=fr`);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('Loi introuvable');
      expect(res.body, url).not.toContain(privateLawCanary);
    }
  });

  it('diffs two versions by provision, saying insertions and deletions in words', async () => {
    const res = await get(`/law/${act}/changes?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('0 added, 0 removed, 2 changed, 3 unchanged.');
    expect(res.body).toMatch(
      /by <del><span class="sr">Deleted: <\/span>force<span class="sr"> \(end of deletion\)<\/span><\/del>/,
    );
    expect(res.body).toMatch(
      /<ins><span class="sr">Inserted: <\/span>15<span class="sr"> \(end of insertion\)<\/span><\/ins> years/,
    );
    expect(res.body).toContain(`href="/law/${act}/p-s-2?on=2035-01-01"`);
    const explicit = await get(`/law/${act}/changes?from=2031-06-01&to=2036-01-01&lang=en`);
    expect(explicit.body).toContain('2 changed');
    const same = await get(`/law/${act}/changes?from=2031-06-01&to=2032-01-01&lang=en`);
    expect(same.body).toContain('The two versions have the same provisions.');
  });

  it('links report card citations to the provision anchor, where the quoted words are', async () => {
    const card = await get('/jurisdictions/ocd-division/country:is?lang=en');
    const href = `/law/${act}?on=2031-06-01#p-s-1-1`;
    expect(card.body).toContain(`href="${href}"`);
    const law = await get(href.split('#')[0] ?? '');
    const anchored = law.body.split('id="p-s-1-1"')[1]?.split('</div>')[0] ?? '';
    expect(anchored).toContain(seed.publishedQuote);
  });

  it('caches pages and empties the cache when a law version is imported', async () => {
    await get(`/law/${tfc}`);
    expect((await get(`/law/${tfc}`)).headers['x-portal-cache']).toBe('hit');
    await importLaw(
      { db: getStore().db, actor: system, dialect: getStore().dialect },
      {
        jurisdictionId: texas,
        format: 'text',
        content:
          'Texas Fictional Code\n\nSection 1. Trafficking\nA person who traffics another commits an offence.\n',
        citation: 'TFC',
        effectiveFrom: '2031-01-01',
      },
    );
    const after = await get(`/law/${tfc}`);
    expect(after.headers['x-portal-cache']).toBe('miss');
    expect(after.body).toContain('In force from 2031-01-01');
  });
});
