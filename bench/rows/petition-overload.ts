/**
 * `petition-overload`: the real server (child process, SQLite and PostgreSQL) is first loaded closed-loop to
 * find its sustainable signature rate, then offered five times that rate open-loop (requests sent on a clock,
 * not waiting for answers) for a bounded time (OVERLOAD_SECONDS, default 5). It counts what came back (2xx,
 * 503 with and without Retry-After, other, no answer within 10 s), samples the server's RSS before, during and
 * after, lets the outbox drain, and re-runs the crash-test checker on the acknowledged signatures: none may be
 * lost or duplicated or left without their mail. Limits are raised for loopback traffic (`loopbackLimits`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../../src/store/db.ts';
import { checkAcknowledged, describeCheck, waitForMail } from '../../test/crash/petition-checker.ts';
import {
  createPetitionPlace,
  lowestDifficulty,
  postgresAnswers,
  ServerProcess,
} from '../../test/crash/petition-server.ts';
import { AlertSink, testFieldKey } from '../../test/email-alert-helpers.ts';
import type { BenchRow, MeasureSettings, TableLine } from '../measure.ts';
import type { Answer } from './open-loop.ts';
import { postBodies, solvedBodies } from './petition-load.ts';

const overloadSeconds = Number(process.env.OVERLOAD_SECONDS ?? 5);
const factor = 5;

/** Runs the open-loop client (open-loop.ts) in its own process: its answers and how long it took (s). */
async function openLoopProcess(
  url: string,
  bodies: string[],
  rate: number,
): Promise<{ answers: Answer[]; seconds: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawgap-overload-'));
  try {
    const job = path.join(dir, 'job.json');
    const out = path.join(dir, 'answers.json');
    writeFileSync(job, JSON.stringify({ url, rate, bodies }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'open-loop.ts'), job, out],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`open-loop client exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as { answers: Answer[]; seconds: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lines(dialect: DialectName, settings: MeasureSettings): Promise<TableLine[]> {
  const place = await createPetitionPlace(dialect);
  const sink = await AlertSink.start();
  (sink as unknown as { server: { on(e: 'error', f: () => void): void } }).server.on(
    'error',
    () => undefined,
  );
  const server = await ServerProcess.create(place, sink.url, {
    MAIL_LEASE_SECONDS: '3',
    ...lowestDifficulty,
  });
  try {
    await server.start();
    const slug = place.petition.slug;
    const url = `${server.url}/act/${slug}/sign`;
    // The sustainable rate: closed-loop, the bench's connections, about 3 s after a short probe.
    const probe = await postBodies(
      url,
      await solvedBodies(server.url, slug, 'probe', 0, 300),
      settings.connections,
    );
    const probeRate = probe.ok / probe.seconds;
    const steady = await postBodies(
      url,
      await solvedBodies(server.url, slug, 'steady', 0, Math.ceil(probeRate * 3)),
      settings.connections,
    );
    const sustainable = steady.ok / steady.seconds;
    const offered = Math.ceil(sustainable * factor);
    const bodies = await solvedBodies(server.url, slug, 'over', 0, offered * overloadSeconds);
    const rssBefore = server.rssKb() ?? 0;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, server.rssKb() ?? 0);
    }, 100);
    const { answers, seconds: tookSeconds } = await openLoopProcess(url, bodies, offered);
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 1000));
    const rssAfter = server.rssKb() ?? 0;
    const count = (f: (a: Answer) => boolean) => answers.filter(f).length;
    const ok = count((a) => a.status >= 200 && a.status < 300);
    const shed = count((a) => a.status === 503);
    const shedWithRetry = count((a) => a.status === 503 && a.retryAfter);
    const none = count((a) => a.status === 0);
    const why: Record<string, number> = {};
    for (const a of answers) if (a.error) why[a.error] = (why[a.error] ?? 0) + 1;
    const other = answers.length - ok - shed - none;
    const acknowledged = answers
      .filter((a) => a.status >= 200 && a.status < 300)
      .map((a) => ({ email: `over-${a.index}@example.net`, idempotencyKey: `over-key-${a.index}` }));
    await waitForMail(acknowledged, sink.messages, 90_000);
    await server.stop();
    const store = place.open();
    const check = await checkAcknowledged(
      store.db,
      testFieldKey,
      place.petition.id,
      acknowledged,
      sink.messages,
    );
    await store.destroy();
    const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
    return [
      {
        name: `overload ${factor}× sustainable for ${overloadSeconds} s [${dialect}] (answers)`,
        ours: `${ok} 2xx, ${shed} 503 (${shedWithRetry} with Retry-After), ${other} other, ${none} unanswered`,
        reference: `${offered}/s offered (${Math.round(sustainable)}/s sustainable)`,
        ratio: check.ok ? 'none lost' : 'LOST',
        failed: !check.ok || shed !== shedWithRetry,
        details:
          `petition overload [${dialect}]: ${answers.length} POSTs in ${tookSeconds.toFixed(1)} s ` +
          `(unanswered: ${JSON.stringify(why)}); RSS before ` +
          `${mb(rssBefore)}, peak ${mb(rssPeak)}, 1 s after ${mb(rssAfter)}; checker: ${describeCheck(check)}`,
      },
    ];
  } finally {
    await server.kill();
    await sink.close();
    await place.drop();
  }
}

/** The overload row (both engines; PostgreSQL when reachable). */
export const petitionOverloadRow: BenchRow = {
  id: 'petition-overload',
  name: 'petition overload at 5× the sustainable rate',
  extraSeconds: 300,
  async run(settings) {
    const out = await lines('sqlite', settings);
    if (await postgresAnswers()) out.push(...(await lines('postgres', settings)));
    return out;
  },
};
