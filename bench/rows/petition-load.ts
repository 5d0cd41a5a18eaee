/**
 * What the petition bench rows share: an SMTP server on loopback that accepts and drops mail (so the real
 * server's outbox delivers as in production), signature bodies with their challenges solved ahead of the
 * timed window, and an autocannon POST run over a given list of bodies that records every answer's status and
 * latency (autocannon's own histogram has no p95).
 */
import type { AddressInfo } from 'node:net';
import autocannon, { type Options } from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { formHeaders, signatureBody } from '../../test/crash/petition-server.ts';
import { challengeFields } from '../../test/petition-challenge.ts';

/** An SMTP server on 127.0.0.1 that accepts every message and keeps none; `close` stops it. */
export async function discardingSmtp(): Promise<{
  url: string;
  received: () => number;
  close(): Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `count` signature bodies numbered from `from`, each with a challenge fetched and solved now. */
export async function solvedBodies(
  baseUrl: string,
  slug: string,
  tag: string,
  from: number,
  count: number,
): Promise<string[]> {
  const bodies: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      bodies[i] = signatureBody(tag, from + i, await challengeFields(baseUrl, slug));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return bodies;
}

/** One POST run's outcome. */
export interface PostRun {
  seconds: number;
  ok: number;
  /** Answers outside 2xx, by status. */
  statuses: Record<number, number>;
  errors: number;
  latenciesMs: number[];
}

/** POSTs each body once (in order) to `url` over `connections` keep-alive connections; bounded by the list. */
export async function postBodies(url: string, bodies: string[], connections: number): Promise<PostRun> {
  let next = 0;
  const run: PostRun = { seconds: 0, ok: 0, statuses: {}, errors: 0, latenciesMs: [] };
  const started = performance.now();
  const path = new URL(url).pathname;
  const options = {
    url,
    connections,
    pipelining: 1,
    timeout: 10,
    amount: bodies.length,
    requests: [
      {
        method: 'POST',
        path,
        headers: formHeaders,
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: bodies[Math.min(next++, bodies.length - 1)],
        }),
      },
    ],
  };
  const instance = autocannon(options as unknown as Options);
  const events = instance as unknown as {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  let lastAnswer = started;
  events.on('response', (_client, status, _bytes, ms) => {
    lastAnswer = performance.now();
    run.latenciesMs.push(ms);
    if (status >= 200 && status < 300) run.ok += 1;
    else run.statuses[status] = (run.statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  // From the start to the last answer: autocannon settles its promise on its next one-second tick, which
  // would add up to a second to a run of a fixed number of requests.
  run.seconds = ((result.errors + result.timeouts > 0 ? performance.now() : lastAnswer) - started) / 1000;
  run.errors = result.errors + result.timeouts;
  return run;
}

/** The p-th quantile (0–1) of a list of numbers. */
export function quantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Sums runs into one. */
export function sumRuns(runs: PostRun[]): PostRun {
  const total: PostRun = { seconds: 0, ok: 0, statuses: {}, errors: 0, latenciesMs: [] };
  for (const r of runs) {
    total.seconds += r.seconds;
    total.ok += r.ok;
    total.errors += r.errors;
    for (const l of r.latenciesMs) total.latenciesMs.push(l);
    for (const [s, n] of Object.entries(r.statuses))
      total.statuses[Number(s)] = (total.statuses[Number(s)] ?? 0) + n;
  }
  return total;
}

/** Non-2xx answers and connection errors of a run. */
export function failuresOf(run: PostRun): number {
  return run.errors + Object.values(run.statuses).reduce((a, b) => a + b, 0);
}
