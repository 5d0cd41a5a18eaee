/**
 * The `portal` row: a report card page's requests per second and p95 latency on a page-cache hit and on a
 * miss, each against a static file (/assets/portal.css) served by the same server in the same run, as ratios;
 * and the weight of each portal page against the 60 KB first-load budget. Data: a fresh SQLite database with
 * every indicator answered (published, valid since 2020) for 60 national jurisdictions, so a report card
 * carries every indicator and gaps with exemplars. A miss is forced per request: a request carrying
 * `x-bench-miss` first announces a publication, which empties the page cache exactly as a real one does.
 * Latencies are measured by a closed loop of `connections` keep-alive clients in this process (p95 needs every
 * sample), so client and server share one event loop on every target alike; targets run in alternating rounds.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { getFramework } from '../../src/services/framework.ts';
import { consoleMailer } from '../../src/services/mailer.ts';
import { notifyPublicationChanged } from '../../src/services/publication-events.ts';
import { createStore } from '../../src/store/db.ts';
import { seededRandom } from '../../test/seeded-random.ts';
import { type BenchRow, listenOnLoopback, type MeasureSettings, type TableLine } from '../measure.ts';

const jurisdictionCount = 60;
const budgetBytes = 60 * 1024;

interface Sample {
  requests: number;
  seconds: number;
  failures: number;
  latencies: number[];
}

/** Loads one URL with `connections` closed-loop keep-alive clients for `seconds`, keeping every latency. */
async function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const out: Sample = { requests: 0, seconds, failures: 0, latencies: [] };
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      http
        .get(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) {
              out.requests += 1;
              out.latencies.push(performance.now() - started);
            } else out.failures += 1;
            resolve();
          });
        })
        .on('error', () => {
          out.failures += 1;
          resolve();
        });
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  agent.destroy();
  return out;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Stores published answers to every indicator for the jurisdictions, valid since 2020, in one transaction. */
function insertAnswers(file: string, frameworkId: string, rows: Array<[string, string, string]>): void {
  const sqlite = new SQLite(file);
  const insert = sqlite.prepare(
    `insert into coded_answers (id, jurisdiction_id, framework_id, indicator_id, value, valid_from, valid_to,
      status, caution_note, coder, created_at, updated_at) values (?, ?, ?, ?, ?, '2020-01-01', null, 'published', null, 'system:bench', ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (const [j, i, value] of rows) insert.run(`pb-${j}-${i}`, j, frameworkId, i, value, at, at);
  })();
  sqlite.close();
}

/** The `portal` bench row. */
export const portalRow: BenchRow = {
  id: 'portal',
  name: 'portal report card',
  extraSeconds: 30,
  async run(settings: MeasureSettings): Promise<TableLine[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-portal-'));
    const store = createStore({ databaseUrl: null, dataDir: dir });
    const config = loadConfig({
      LAWGAP_DATA_DIR: dir,
      RATE_LIMIT_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
    });
    let app: FastifyInstance | null = null;
    try {
      await prepareDatabase(store.db);
      const framework = await getFramework({ db: store.db });
      const jurisdictions = await store.db
        .selectFrom('jurisdictions')
        .select(['id'])
        .where('organization_id', 'is', null)
        .where('level', '=', 'national')
        .orderBy('id')
        .limit(jurisdictionCount)
        .execute();
      const next = seededRandom(20261129);
      const rows: Array<[string, string, string]> = [];
      for (const j of jurisdictions) {
        for (const indicator of framework.indicators) {
          const codes = Object.keys(framework.responseTypes[indicator.type].values);
          rows.push([j.id, indicator.id, codes[Math.floor(next() * codes.length)] ?? 'NA']);
        }
      }
      insertAnswers(path.join(dir, 'lawgap.sqlite'), framework.id, rows);
      app = await buildApp(
        { store, config, mailer: consoleMailer(() => undefined), routes: [] },
        { rateLimitPerMinute: Number.MAX_SAFE_INTEGER },
      );
      // A request marked x-bench-miss announces a publication first, so its page is rendered afresh.
      app.server.prependListener('request', (req: http.IncomingMessage) => {
        if (req.headers['x-bench-miss']) notifyPublicationChanged();
      });
      const base = await listenOnLoopback(app);
      const card = `${base}/jurisdictions/${jurisdictions[0]?.id ?? ''}?lang=en`;
      const targets = [
        { key: 'hit', url: card, headers: {} },
        { key: 'miss', url: card, headers: { 'x-bench-miss': '1' } },
        { key: 'static', url: `${base}/assets/portal.css`, headers: {} },
      ] as const;
      const tallies = new Map(
        targets.map((t) => [t.key, { requests: 0, seconds: 0, failures: 0, latencies: [] as number[] }]),
      );
      for (const t of targets) await load(t.url, t.headers, settings.warmupSeconds, settings.connections);
      const rounds = Math.min(5, settings.seconds);
      for (let round = 0; round < rounds; round++) {
        const seconds = Math.floor(settings.seconds / rounds) + (round < settings.seconds % rounds ? 1 : 0);
        for (const t of targets) {
          const s = await load(t.url, t.headers, seconds, settings.connections);
          const tally = tallies.get(t.key);
          if (!tally) continue;
          tally.requests += s.requests;
          tally.seconds += s.seconds;
          tally.failures += s.failures;
          for (const l of s.latencies) tally.latencies.push(l);
        }
      }
      const stat = (key: (typeof targets)[number]['key']) => {
        const t = tallies.get(key) ?? { requests: 0, seconds: 1, failures: 0, latencies: [] };
        return { rps: t.requests / t.seconds, p95: p95(t.latencies), failures: t.failures };
      };
      const [hit, miss, css] = [stat('hit'), stat('miss'), stat('static')];
      const line = (
        name: string,
        ours: number,
        ref: number,
        digits: number,
        failures: number,
      ): TableLine => ({
        name,
        ours: fmt(ours, digits),
        reference: fmt(ref, digits),
        ratio: ref > 0 ? (ours / ref).toFixed(2) : '–',
        failed: failures > 0,
        details: failures > 0 ? `${name}: ${failures} failed requests` : null,
      });
      const lines = [
        line(
          'portal: report card, cache hit vs static portal.css (req/s)',
          hit.rps,
          css.rps,
          0,
          hit.failures + css.failures,
        ),
        line(
          'portal: report card, cache miss vs static portal.css (req/s)',
          miss.rps,
          css.rps,
          0,
          miss.failures,
        ),
        line('portal: report card p95, cache hit vs static portal.css (ms)', hit.p95, css.p95, 2, 0),
        line('portal: report card p95, cache miss vs static portal.css (ms)', miss.p95, css.p95, 2, 0),
      ];
      for (const p of ['/', card.slice(base.length), '/rankings', '/methodology', '/data']) {
        const res = await fetch(`${base}${p.includes('?') ? p : `${p}?lang=en`}`);
        const bytes = Buffer.byteLength(await res.text());
        const shown = p.startsWith('/jurisdictions/') ? '/jurisdictions/<id>' : p;
        lines.push(
          line(`portal page weight ${shown} vs 60 KB (bytes)`, bytes, budgetBytes, 0, res.ok ? 0 : 1),
        );
      }
      return lines;
    } finally {
      await app?.close();
      await store.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
