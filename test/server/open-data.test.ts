/**
 * Open data over HTTP, on both engines, with the portal's canary seed (published and unpublished data side by
 * side): the downloads hold published data only, checksums match, the codebook lists every column, a score
 * recomputed from answers.csv by the codebook's steps equals the report card's, the licence is configurable
 * (a bad value refused at start-up), CORS is on public read routes only, releases are validated, cached and
 * rebuilt when something is published.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { isDomainError } from '../../src/core/errors.ts';
import { openAnswerHeader } from '../../src/core/export/open-data.ts';
import { setAnswerStatus } from '../../src/services/coding.ts';
import { buildRelease, releaseFileNames, validateRelease } from '../../src/services/open-data.ts';
import { iceland, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { totalsFromCsv } from '../open-data-recompute.ts';
import { canaries, type PortalSeed, portalDate, seedPortal } from '../portal-fixtures.ts';
import { startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;
const date = portalDate.slice(0, 10);

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

it('refuses a licence outside the allowed list at start-up and accepts the listed ones', () => {
  expect(() => loadConfig({ DATA_LICENSE: 'MIT' })).toThrow(ConfigError);
  expect(() => loadConfig({ DATA_LICENSE: 'MIT' })).toThrow(/DATA_LICENSE/);
  expect(loadConfig({}).dataLicense).toBe('CC-BY-4.0');
  expect(loadConfig({ DATA_LICENSE: 'ODbL-1.0' }).dataLicense).toBe('ODbL-1.0');
  expect(() => loadConfig({ DATA_PUBLISHER: ' ' })).toThrow(/DATA_PUBLISHER/);
});

describeEachEngine('open data', (getStore) => {
  let app: FastifyInstance;
  let seed: PortalSeed;
  let v: number;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    seed = await seedPortal(getStore());
    v = seed.framework.version;
    ({ app } = await startApp(getStore()));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('links every file of every version from /data, in three languages, reachable from home', async () => {
    expect((await get('/?lang=en')).body).toContain('href="/data?lang=en"');
    for (const lang of ['en', 'es', 'fr']) {
      const res = await get(`/data?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      for (const name of releaseFileNames) expect(res.body).toContain(`href="/data/${v}/${name}"`);
      expect(res.body).not.toMatch(/<script|style="/);
    }
    const en = (await get('/data?lang=en')).body;
    expect(en).toContain('Creative Commons Attribution 4.0 International');
    expect(en).toContain('How to cite');
    expect(en).toContain(`framework version ${v}`);
  });

  it('serves published data only: no canary, no draft, no reviewed Texas answer', async () => {
    for (const name of releaseFileNames) {
      const res = await get(`/data/${v}/${name}`);
      expect(res.statusCode, name).toBe(200);
      for (const canary of Object.values(canaries))
        expect(res.body, `${canary} in ${name}`).not.toContain(canary);
      expect(res.body, name).not.toContain(seed.draftId);
    }
    const csv = (await get(`/data/${v}/answers.csv`)).body;
    expect(csv).toContain(iceland);
    expect(csv).not.toContain(texas);
    expect(csv).toContain(seed.publishedQuote);
    const json = (await get(`/data/${v}/dataset.json`)).json() as {
      scores: Array<{ jurisdictionId: string }>;
      answers: Array<{ jurisdictionId: string; indicatorId: string }>;
      license: { id: string };
    };
    expect(json.scores.map((s) => s.jurisdictionId)).toEqual([iceland]);
    expect(json.answers.map((a) => a.indicatorId).sort()).toEqual([seed.full, seed.zero].sort());
    expect(json.license.id).toBe('CC-BY-4.0');
    const changelog = (await get(`/data/${v}/CHANGELOG.md`)).body;
    expect(changelog).toContain(`${iceland} ${seed.full}`);
    expect(changelog).not.toContain(`${iceland} ${seed.draft}`);
  });

  it('lists checksums that match the files, with stable names and an ETag', async () => {
    const sums = (await get(`/data/${v}/SHA256SUMS`)).body.trimEnd().split('\n');
    expect(sums).toHaveLength(releaseFileNames.length - 1);
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      const res = await get(`/data/${v}/${name}`);
      expect(createHash('sha256').update(res.rawPayload).digest('hex'), name).toBe(hash);
      expect(res.headers.etag).toBe(`"${hash}"`);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    }
    const csv = await get(`/data/${v}/answers.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const again = await get(`/data/${v}/answers.csv`, { 'if-none-match': csv.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('describes every column in the codebook, with the indicators, weights and answer values', async () => {
    const book = (await get(`/data/${v}/codebook.md`)).body;
    for (const column of openAnswerHeader) expect(book).toContain(`| \`${column}\` |`);
    for (const i of seed.framework.indicators)
      expect(book).toContain(`| ${i.id} | ${i.area} | ${i.type} | ${i.weight} |`);
    expect(book).toContain('Recomputing a score');
    const header = parseCsv((await get(`/data/${v}/answers.csv`)).body).records[0]?.cells;
    expect(header).toEqual([...openAnswerHeader]);
  });

  it('recomputes the report card score from answers.csv', async () => {
    const totals = totalsFromCsv((await get(`/data/${v}/answers.csv`)).body);
    const card = (await get(`/jurisdictions/${iceland}?lang=en`)).body;
    const shown = /<span class="big">([\d.]+) out of 100<\/span>/.exec(card)?.[1];
    expect(shown).toBeDefined();
    expect(totals.get(iceland)?.toFixed(1)).toBe(shown);
    expect(totals.has(texas)).toBe(false);
  });

  it('answers 404 for unknown versions and files', async () => {
    for (const url of [
      `/data/${v + 50}/answers.csv`,
      `/data/${v}/passwd`,
      '/data/abc/answers.csv',
      '/data/0/SHA256SUMS',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('sends CORS headers on public read routes only, never with credentials', async () => {
    for (const url of [`/data/${v}/answers.csv`, '/api/v1/export/dataset.csv', '/api/v1/public/statistics']) {
      const res = await get(url, { origin: 'https://news.example' });
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['access-control-allow-credentials'], url).toBeUndefined();
    }
    for (const url of ['/api/v1/organizations', '/api/v1/session', '/api/v1/framework', '/data', '/']) {
      const res = await get(url, { origin: 'https://news.example' });
      expect(res.headers['access-control-allow-origin'], url).toBeUndefined();
    }
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: 'https://news.example' },
      payload: {},
    });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses to serve a release that fails validation', async () => {
    const release = await buildRelease(
      { db: getStore().db },
      {
        version: v,
        date,
        license: 'CC0-1.0',
        baseUrl: 'http://x',
        publisher: 'P',
      },
    );
    expect(release.files.find((f) => f.name === 'LICENSE.txt')?.text).toContain('CC0 1.0');
    const csv = release.files.find((f) => f.name === 'answers.csv')?.text ?? '';
    const expected = new Map([[iceland, totalsFromCsv(csv).get(iceland) ?? -1]]);
    expect(() => validateRelease(release, expected)).not.toThrow();
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        return isDomainError(err) ? `${err.code}: ${err.message}` : String(err);
      }
      return 'passed';
    };
    const tampered = (name: string, edit: (text: string) => string) => ({
      ...release,
      files: release.files.map((f) => (f.name === name ? { ...f, text: edit(f.text) } : f)),
    });
    expect(
      codeOf(() =>
        validateRelease(
          tampered('dataset.json', (t) => `${t} `),
          expected,
        ),
      ),
    ).toMatch(/EXPORT_INVALID: .*SHA256SUMS.*dataset\.json/);
    expect(
      codeOf(() =>
        validateRelease(
          tampered('codebook.md', (t) => t.replaceAll('`points`', 'pts')),
          expected,
        ),
      ),
    ).toMatch(/EXPORT_INVALID: .*codebook\.md.*points/);
    expect(codeOf(() => validateRelease(release, new Map([[iceland, 99.9]])))).toMatch(
      /EXPORT_INVALID: .*answers\.csv/,
    );
    expect(
      codeOf(() =>
        validateRelease(
          tampered('answers.csv', (t) => t.replace('as_of', 'asof')),
          expected,
        ),
      ),
    ).toMatch(/EXPORT_INVALID: .*header/);
  });

  it('uses the configured licence', async () => {
    const { app: other } = await startApp(getStore(), {
      env: { DATA_LICENSE: 'ODbL-1.0', DATA_PUBLISHER: 'Coalition X' },
    });
    try {
      const license = (await other.inject({ method: 'GET', url: `/data/${v}/LICENSE.txt` })).body;
      expect(license).toContain('Open Database License');
      expect(license).toContain('Coalition X.');
      expect((await other.inject({ method: 'GET', url: '/data' })).body).toContain('ODbL');
    } finally {
      await other.close();
    }
  });

  it('rate-limits the public downloads per address', async () => {
    const { app: limited } = await startApp(getStore(), { build: { rateLimitPerMinute: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++)
        codes.push((await limited.inject({ method: 'GET', url: `/data/${v}/SHA256SUMS` })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('serves a cached release until something is published, then rebuilds it', async () => {
    const first = await get(`/data/${v}/answers.csv`);
    expect(first.headers['x-portal-cache']).toBe('hit');
    const ctx = { db: getStore().db, actor: system };
    await setAnswerStatus(ctx, seed.draftId, 'reviewed');
    await setAnswerStatus(ctx, seed.draftId, 'published');
    const after = await get(`/data/${v}/answers.csv`);
    expect(after.headers['x-portal-cache']).toBe('miss');
    expect(after.body).toContain(seed.draftId);
    const totals = totalsFromCsv(after.body);
    const card = (await get(`/jurisdictions/${iceland}?lang=en`)).body;
    expect(card).toContain(`${totals.get(iceland)?.toFixed(1)} out of 100`);
    await setAnswerStatus(ctx, seed.draftId, 'reviewed');
    expect((await get(`/data/${v}/answers.csv`)).body).not.toContain(seed.draftId);
  });
});
