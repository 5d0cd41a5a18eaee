/**
 * Load shedding: with a small event-loop delay threshold (5 ms) and the loop blocked by a busy wait, the server answers
 * 503 with Retry-After and a generic body, while the cached petition page still answers; afterwards it serves
 * again.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shedRetryAfterSeconds } from '../../src/server/plugins/load-shedding.ts';
import { testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { postSign, seedPetition, signFields } from '../petition-helpers.ts';
import { seedWorld, startApp } from './helpers.ts';

type Pressured = FastifyInstance & { memoryUsage(): { eventLoopDelay: number } };

describeEachEngine('load shedding', (getStore) => {
  let app: Pressured;
  let slug: string;

  beforeAll(async () => {
    const started = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, SHED_MAX_EVENT_LOOP_DELAY_MS: '5' },
      build: { shedLoad: true },
    });
    app = started.app as Pressured;
    await seedWorld(getStore().db);
    ({
      petition: { slug },
    } = await seedPetition(getStore().db, 'coalition-a'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 503 with Retry-After under pressure, keeps the petition page, and recovers', async () => {
    // Block the event loop, as an overloaded server would: one 800 ms delay among at most 100 samples of the
    // 1 s window makes the window's mean delay above 5 ms.
    const until = Date.now() + 800;
    while (Date.now() < until) {
      // busy
    }
    const deadline = Date.now() + 5000;
    while (app.memoryUsage().eventLoopDelay <= 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const shed = await postSign(app, slug, signFields({ email: 'shed@example.net' }));
    const api = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const page = await app.inject({ method: 'GET', url: `/act/${slug}` });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe(String(shedRetryAfterSeconds));
    expect(shed.json()).toEqual({
      error: { code: 'OVERLOADED', message: 'the server is busy; try again shortly' },
    });
    expect(api.statusCode).toBe(503);
    expect(page.statusCode).toBe(200);

    const calm = Date.now() + 15_000;
    let after = shed;
    while (Date.now() < calm) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      after = await app.inject({ method: 'GET', url: '/api/v1/health' });
      if (after.statusCode !== 503) break;
    }
    expect(after.statusCode).toBe(200);
  }, 30_000);
});

describeEachEngine('load shedding by requests in progress', (getStore) => {
  let app: FastifyInstance;
  let slug: string;

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, SHED_MAX_EVENT_LOOP_DELAY_MS: '0', SHED_MAX_IN_FLIGHT: '3' },
      build: { shedLoad: true },
    }));
    await seedWorld(getStore().db);
    ({
      petition: { slug },
    } = await seedPetition(getStore().db, 'coalition-a'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sheds what arrives beyond the limit with 503 + Retry-After, stores the rest, and counts nothing twice', async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postSign(app, slug, signFields({ email: `burst${i}@example.net` })),
      ),
    );
    const statuses = burst.map((r) => r.statusCode);
    const shed = burst.filter((r) => r.statusCode === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const r of shed) {
      expect(r.headers['retry-after']).toBe(String(shedRetryAfterSeconds));
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const stored = await getStore()
      .db.selectFrom('petition_signatures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(statuses.filter((s) => s === 200).length);
    // Every finished request left the count: one at a time, none is shed.
    for (let i = 0; i < 10; i++)
      expect((await postSign(app, slug, signFields({ email: `calm${i}@example.net` }))).statusCode).toBe(200);
  });
});
