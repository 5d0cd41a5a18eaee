/**
 * Frame rules, over every route the app registers (its route table, whatever plugin declared the route): only
 * routes under /embed/ may be framed by other sites (CSP frame-ancestors from EMBED_FRAME_ANCESTORS, no
 * X-Frame-Options); every other route answers frame-ancestors 'none' and X-Frame-Options: DENY, whatever
 * its status. Headers only: one engine is enough.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { isEmbedPath, registeredRoutes } from '../../src/server/plugins/frame-policy.ts';
import type { Store } from '../../src/store/db.ts';
import { openPreparedStore } from '../engines.ts';
import { startApp, testConfig } from './helpers.ts';

function concrete(url: string): string {
  return url
    .replace('/embed/jurisdictions/*', '/embed/jurisdictions/ocd-division/country:is/badge')
    .replace(/:[A-Za-z_]+/g, 'x')
    .replace(/\*/g, 'x');
}

function frameAncestors(csp: unknown): string | undefined {
  return String(csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors'));
}

describe('frame rules on every registered route', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openPreparedStore('sqlite');
    ({ app } = await startApp(store, {
      env: { EMBED_FRAME_ANCESTORS: 'https://partner.example https://*.coalition.example' },
    }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('lets only /embed/ routes be framed, and by the configured sites only', async () => {
    const routes = registeredRoutes(app).filter((r) => r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(100);
    const embeds = routes.filter((r) => isEmbedPath(r.url));
    expect(embeds.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /embed/act/:slug',
        'POST /embed/act/:slug/sign',
        'GET /embed/act/:slug/letter',
        'POST /embed/act/:slug/letter/send',
        'GET /embed/act/:slug/call',
        'GET /embed/map',
        'GET /embed/map.svg',
        'GET /embed/jurisdictions/*',
      ]),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await app.inject({
        method: route.method as InjectOptions['method'],
        url: concrete(route.url),
        remoteAddress: '10.66.0.1',
      });
      const ancestors = frameAncestors(res.headers['content-security-policy']);
      const xfo = res.headers['x-frame-options'];
      const ok = isEmbedPath(route.url)
        ? ancestors === 'frame-ancestors https://partner.example https://*.coalition.example' &&
          xfo === undefined
        : ancestors === "frame-ancestors 'none'" && xfo === 'DENY';
      if (!ok) wrong.push(`${route.method} ${route.url} (${res.statusCode}): ${ancestors} / ${String(xfo)}`);
    }
    expect(wrong).toEqual([]);
    // An unknown path (the not-found handler) is not framable either.
    const missing = await app.inject({ method: 'GET', url: '/no/such/page' });
    expect(missing.headers['x-frame-options']).toBe('DENY');
  }, 120_000);

  it('refuses a malformed EMBED_FRAME_ANCESTORS with a clear error', () => {
    expect(() => testConfig({ EMBED_FRAME_ANCESTORS: "'none' https://ok.example" })).toThrow(ConfigError);
    expect(() => testConfig({ EMBED_FRAME_ANCESTORS: 'https://partner.example/path' })).toThrow(
      /EMBED_FRAME_ANCESTORS: must be \* or origins/,
    );
    expect(testConfig().embedFrameAncestors).toEqual(['*']);
  });
});
