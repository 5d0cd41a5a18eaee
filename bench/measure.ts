/**
 * Shared measuring for the benchmark rows. Policy: everything listens on 127.0.0.1 only (port 0, so runs never
 * collide); the load generator runs in its own worker thread so it does not steal the server's event loop;
 * each target is warmed up, then ours and the reference are loaded in alternating rounds so background load
 * hits both alike; a run is bounded by BENCH_SECONDS per target. Failed requests are counted, never hidden.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';

/** How long and how hard each measurement runs. */
export interface MeasureSettings {
  /** Seconds of measured load per target. */
  seconds: number;
  /** Seconds of unmeasured load on each target before measuring. */
  warmupSeconds: number;
  /** Concurrent connections. */
  connections: number;
}

/** The outcome of loading one URL. */
export interface Measurement {
  url: string;
  /** Successful (2xx) requests per second over the measured time. */
  requestsPerSecond: number;
  /** Median latency in milliseconds (median over rounds). */
  latencyP50Ms: number;
  /** 99th-percentile latency in milliseconds (median over rounds). */
  latencyP99Ms: number;
  /** Responses with a status outside 2xx, plus connection errors and timeouts. */
  failures: number;
}

/** A whole number from the environment within [min, max], or the default when unset. */
function wholeFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * Reads BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (concurrent connections for ours and the reference
 * alike, default 10) into settings; throws on a value that is not a whole number in range.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): MeasureSettings {
  const seconds = wholeFromEnv(env, 'BENCH_SECONDS', 10, 1, 600);
  const connections = wholeFromEnv(env, 'BENCH_CONNECTIONS', 10, 1, 256);
  return { seconds, warmupSeconds: Math.min(2, seconds), connections };
}

/** Listens on a free loopback port and returns the base URL (`http://127.0.0.1:PORT`). */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as AddressInfo | null;
  if (!address) throw new Error('server is not listening');
  return `http://127.0.0.1:${address.port}`;
}

function load(url: string, seconds: number, connections: number) {
  // One worker thread: the client gets its own core and the server keeps the main event loop to itself.
  return autocannon({ url, connections, duration: seconds, pipelining: 1, workers: 1, timeout: 10 });
}

/** Measured totals of one target, summed over rounds. */
interface Tally {
  requests: number;
  seconds: number;
  failures: number;
  latencyP50Ms: number[];
  latencyP99Ms: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Warms both targets up, then loads them alternately in rounds (ours, reference, ours, …) adding up to the
 * configured time each, so a change in background load hits both sides alike and the ratio stays meaningful.
 */
export async function compare(
  oursUrl: string,
  referenceUrl: string,
  settings: MeasureSettings,
): Promise<{ ours: Measurement; reference: Measurement }> {
  const urls = [oursUrl, referenceUrl] as const;
  if (settings.warmupSeconds > 0) {
    for (const url of urls) await load(url, settings.warmupSeconds, settings.connections);
  }
  const rounds = Math.min(5, settings.seconds);
  const tallies = urls.map(
    (): Tally => ({ requests: 0, seconds: 0, failures: 0, latencyP50Ms: [], latencyP99Ms: [] }),
  );
  for (let round = 0; round < rounds; round++) {
    // Whole seconds per round; the rounds add up to settings.seconds.
    const seconds = Math.floor(settings.seconds / rounds) + (round < settings.seconds % rounds ? 1 : 0);
    for (const [i, url] of urls.entries()) {
      const result = await load(url, seconds, settings.connections);
      const tally = tallies[i]!;
      tally.requests += result['2xx'];
      tally.seconds += result.duration;
      tally.failures += result.non2xx + result.errors + result.timeouts;
      tally.latencyP50Ms.push(result.latency.p50);
      tally.latencyP99Ms.push(result.latency.p99);
    }
  }
  const [ours, reference] = tallies.map(
    (t, i): Measurement => ({
      url: urls[i]!,
      requestsPerSecond: t.seconds > 0 ? t.requests / t.seconds : 0,
      latencyP50Ms: median(t.latencyP50Ms),
      latencyP99Ms: median(t.latencyP99Ms),
      failures: t.failures,
    }),
  );
  return { ours: ours!, reference: reference! };
}

/** What one row of the table measured: our app and the reference, in requests per second. */
export interface RowResult {
  ours: Measurement;
  reference: Measurement;
}

/** A line of the table a row formats itself (rows that measure something other than requests per second). */
export interface TableLine {
  name: string;
  ours: string;
  reference: string;
  ratio: string;
  /** True when the line saw failures (the run then exits 1). */
  failed: boolean;
  /** A line for the details under the table, if any. */
  details: string | null;
}

/** One row of the benchmark table. Each lives in bench/rows/<name>.ts and is listed in bench/run.ts. */
export interface BenchRow {
  /** Short name to run this row alone: `npm run bench -- <id>`. */
  id?: string;
  /** Shown in the table's first column. */
  name: string;
  /** Seconds the row needs beyond its measuring (data generation), for the run's watchdog. */
  extraSeconds?: number;
  /** Starts what it needs, measures ours and the reference, and stops everything it started. */
  run(settings: MeasureSettings): Promise<RowResult | TableLine[]>;
}
