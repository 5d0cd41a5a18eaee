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
