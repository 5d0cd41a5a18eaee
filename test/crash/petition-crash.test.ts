/**
 * The petition crash test (issue 7), on SQLite and PostgreSQL: the real server runs as a child process with
 * mail going to a real SMTP server on loopback; 5,000 signature POSTs go out from concurrent keep-alive
 * clients, and at random moments during the burst (at least 10 times) the server is killed with SIGKILL and
 * started again. A POST that got no answer is retried with the same idempotency key (and a fresh challenge).
 * After the last restart the outbox drains; then every signature that got a 2xx must be stored exactly once,
 * and its confirmation mail must have reached the sink at least once, every copy under its one Message-ID.
 * Limits are raised for loopback traffic (petition-server.ts `loopbackLimits`), the proof-of-work is the
 * lowest the configuration accepts (the challenge is still issued, verified and used up per signature), and
 * the outbox lease is shortened to 3 s (MAIL_LEASE_SECONDS) so mail held by a killed server goes again within
 * the test instead of after the default 2 minutes.
 * CRASH_POSTS and CRASH_KILLS change the size (defaults 5000 and 12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/store/db.ts';
import { AlertSink, testFieldKey } from '../email-alert-helpers.ts';
import { engines } from '../engines.ts';
import { seededRandom } from '../seeded-random.ts';
import { checkAcknowledged, describeCheck, waitForMail } from './petition-checker.ts';
import {
  createPetitionPlace,
  lowestDifficulty,
  type PetitionPlace,
  type PostedSignature,
  ServerProcess,
  signWithRetry,
} from './petition-server.ts';

const posts = Number(process.env.CRASH_POSTS ?? 5000);
const kills = Number(process.env.CRASH_KILLS ?? 12);
const clients = 16;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

async function crashStorm(dialect: DialectName, place: PetitionPlace, sink: AlertSink) {
  const server = await ServerProcess.create(place, sink.url, {
    MAIL_LEASE_SECONDS: '3',
    ...lowestDifficulty,
  });
  const random = seededRandom(seed + (dialect === 'postgres' ? 1 : 0));
  // Kill when the acknowledged count passes each of these (spread over the burst), after a random 0–40 ms.
  const thresholds = Array.from({ length: kills }, () => Math.floor(posts * (0.03 + 0.9 * random()))).sort(
    (a, b) => a - b,
  );
  const tag = `crash${seed}${dialect[0]}`;
  const posted: PostedSignature[] = [];
  const inFlightAtKill: number[] = [];
  let next = 0;
  let inFlight = 0;
  let killed = 0;
  await server.start();
  const client = async () => {
    while (next < posts) {
      const i = next++;
      inFlight += 1;
      try {
        posted.push(await signWithRetry(() => server.url, place.petition.slug, tag, i));
      } finally {
        inFlight -= 1;
      }
    }
  };
  const killer = async () => {
    for (const threshold of thresholds) {
      while (posted.length < threshold && next < posts) await new Promise((r) => setTimeout(r, 2));
      if (next >= posts && posted.length >= posts) break;
      await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
      inFlightAtKill.push(inFlight);
      await server.kill();
      killed += 1;
      await server.start();
    }
  };
  const started = Date.now();
  try {
    await Promise.all([killer(), ...Array.from({ length: clients }, client)]);
    const burstMs = Date.now() - started;
    const acknowledged = posted.filter((p) => p.acknowledged);
    await waitForMail(acknowledged, sink.messages, 240_000);
    // A moment more for a repeat still on its way (it must carry the same Message-ID).
    await new Promise((r) => setTimeout(r, 500));
    await server.stop();
    const store = place.open();
    try {
      const check = await checkAcknowledged(
        store.db,
        testFieldKey,
        place.petition.id,
        acknowledged,
        sink.messages,
      );
      return { check, killed, inFlightAtKill, burstMs, retried: posted.filter((p) => p.tries > 1).length };
    } finally {
      await store.destroy();
    }
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nserver said:\n${server.tail()}`);
  } finally {
    await server.kill();
  }
}

for (const dialect of await engines()) {
  describe(`petition crash storm [${dialect}]`, () => {
    let sink: AlertSink;
    let place: PetitionPlace;
    beforeAll(async () => {
      sink = await AlertSink.start();
      // A server killed mid-message resets its SMTP connection; that is expected here, not an error.
      (sink as unknown as { server: { on(e: 'error', f: () => void): void } }).server.on(
        'error',
        () => undefined,
      );
      place = await createPetitionPlace(dialect);
    }, 60_000);
    afterAll(async () => {
      await sink?.close();
      await place?.drop();
    });

    it(`keeps every acknowledged signature exactly once, and its mail, across ${kills} SIGKILLs in ${posts} POSTs`, async () => {
      const r = await crashStorm(dialect, place, sink);
      const summary =
        `[${dialect}] seed ${seed}: ${describeCheck(r.check)}; ${r.killed} kills ` +
        `(requests in flight at each: ${r.inFlightAtKill.join(' ')}), ${r.retried} POSTs retried, ` +
        `burst ${(r.burstMs / 1000).toFixed(1)} s`;
      console.info(summary);
      expect(r.killed).toBeGreaterThanOrEqual(Math.min(kills, 10));
      expect(r.inFlightAtKill.some((n) => n > 0)).toBe(true);
      expect(r.check.acknowledged).toBe(posts);
      expect(r.check.ok, summary).toBe(true);
      // Every POST was retried until acknowledged with its own key, so nothing else may be stored.
      expect(r.check.rows).toBe(posts);
    }, 900_000);
  });
}
