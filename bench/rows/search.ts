import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { importLaw } from '../../src/services/laws.ts';
import { consoleMailer } from '../../src/services/mailer.ts';
import { createStore, type DialectName, type Store } from '../../src/store/db.ts';
import type { SearchQuery } from '../../src/store/search/port.ts';
import { searchFor } from '../../src/store/search/search-for.ts';
import { seededRandom } from '../../test/seeded-random.ts';
import { type BenchRow, listenOnLoopback, type MeasureSettings, type TableLine } from '../measure.ts';
import { adminUrl, createScratchDatabase, dropScratchDatabase } from '../postgres.ts';

const documents = 20;
const perDocument = 5_000;
const wordsPerProvision = 40;
const jurisdictionId = 'ocd-division/country:us';

interface Corpus {
  /** lawgap.law/1 JSON, one per document. */
  files: string[];
  queries: string[];
}

function generate(): Corpus {
  const next = seededRandom(20261129);
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tus',
    'vo',
    'shi',
    'dor',
    'pla',
    'ne',
    'qui',
    'bar',
    'sel',
    'tro',
    'fu',
  ];
  const vocabulary = new Set<string>();
  while (vocabulary.size < 3_000) {
    const n = 2 + Math.floor(next() * 3);
    vocabulary.add(
      Array.from({ length: n }, () => syllables[Math.floor(next() * syllables.length)]).join(''),
    );
  }
  const words = [...vocabulary];
  // Zipf: word k is drawn with weight 1/(k+1), by inverting the cumulative weights.
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < words.length; k++) {
    total += 1 / (k + 1);
    cumulative.push(total);
  }
  const draw = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const files: string[] = [];
  for (let d = 0; d < documents; d++) {
    const provisions = Array.from({ length: perDocument }, (_, i) => ({
      kind: 'section',
      citation: `s. ${i + 1}`,
      heading: `${draw()} ${draw()}`,
      text: `${Array.from({ length: wordsPerProvision }, draw).join(' ')}.`,
    }));
    files.push(
      JSON.stringify({
        schema: 'lawgap.law/1',
        document: {
          type: 'statute',
          title: `Generated Act ${d + 1}`,
          citation: `GA ${d + 1}`,
          language: 'en',
        },
        version: { effectiveFrom: '2031-01-01' },
        provisions,
      }),
    );
  }
  // Common, middling and rare words, alone and in pairs and triples.
  const pick = (from: number, to: number) => words[from + Math.floor(next() * (to - from))]!;
  const queries: string[] = [];
  for (let i = 0; i < 20; i++)
    queries.push(
      pick(0, 50),
      `${pick(20, 300)} ${pick(0, 100)}`,
      `${pick(100, 3000)} ${pick(50, 500)} ${pick(0, 30)}`,
    );
  return { files, queries };
}

let cached: Corpus | null = null;

async function load(store: Store, corpus: Corpus): Promise<void> {
  await prepareDatabase(store.db);
  const ctx = { db: store.db, actor: { kind: 'system', name: 'bench' } as const, dialect: store.dialect };
  for (const content of corpus.files) await importLaw(ctx, { jurisdictionId, format: 'json', content });
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** Runs `once` over the queries from `cursor` on for `seconds`; returns the queries run, in order. */
async function timed(
  seconds: number,
  queries: string[],
  cursor: { at: number },
  once: (q: string) => Promise<unknown>,
  samples: number[],
) {
  const until = performance.now() + seconds * 1000;
  const ran: string[] = [];
  do {
    const q = queries[cursor.at++ % queries.length]!;
    const start = performance.now();
    await once(q);
    samples.push(performance.now() - start);
    ran.push(q);
  } while (performance.now() < until);
  return ran;
}

/** Runs `once` over exactly these queries, recording each call's milliseconds. */
async function replay(queries: string[], once: (q: string) => Promise<unknown>, samples: number[]) {
  for (const q of queries) {
    const start = performance.now();
    await once(q);
    samples.push(performance.now() - start);
  }
}

/** A raw runner: the compiled SQL of each query, prepared once. */
type Raw = { run(q: string): Promise<string[]>; close(): Promise<void> };

function rawRunner(store: Store, dialect: DialectName, target: string): Raw {
  const search = searchFor(dialect);
  const compiled = (q: string) => {
    // The service asks for one hit beyond the page (to know whether more follow): so does the raw query.
    const query: SearchQuery = { text: q, limit: 21, offset: 0, visibility: { organizationId: null } };
    const c = search.compile(store.db, query);
    if (!c) throw new Error(`query "${q}" has no words`);
    return c;
  };
  if (dialect === 'sqlite') {
    const db = new SQLite(target, { readonly: true });
    const prepared = new Map<string, { statement: SQLite.Statement; parameters: unknown[] }>();
    return {
      async run(q) {
        let entry = prepared.get(q);
        if (!entry) {
          const c = compiled(q);
          entry = { statement: db.prepare(c.sql), parameters: [...c.parameters] };
          prepared.set(q, entry);
        }
        return (entry.statement.all(...entry.parameters) as Array<{ id: string }>).map((r) => r.id);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target });
  const connected = client.connect();
  // Unnamed statements, as the app's driver sends them: a named one would switch to a generic plan.
  const texts = new Map<string, { text: string; values: unknown[] }>();
  return {
    async run(q) {
      await connected;
      let entry = texts.get(q);
      if (!entry) {
        const c = compiled(q);
        entry = { text: c.sql, values: [...c.parameters] };
        texts.set(q, entry);
      }
      const result = await client.query<{ id: string }>(entry);
      return result.rows.map((r) => r.id);
    },
    close: () => client.end(),
  };
}

async function measureEngine(
  dialect: DialectName,
  store: Store,
  rawTarget: string,
  settings: MeasureSettings,
  corpus: Corpus,
) {
  const config = loadConfig({ LAWGAP_DATA_DIR: os.tmpdir() });
  const app = await buildApp(
    { store, config, mailer: consoleMailer(), routes: [] },
    { rateLimitPerMinute: Number.MAX_SAFE_INTEGER },
  );
  const raw = rawRunner(store, dialect, rawTarget);
  try {
    const base = await listenOnLoopback(app);
    let failures = 0;
    const ours = async (q: string) => {
      const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(q)}&limit=20`);
      if (res.status !== 200) failures++;
      return ((await res.json()) as { hits: Array<{ provisionId: string }> }).hits.map((h) => h.provisionId);
    };
    // Both sides must find the same provisions in the same order before they are timed.
    for (const q of corpus.queries) {
      const [a, b] = [await ours(q), (await raw.run(q)).slice(0, 20)];
      if (a.join() !== b.join()) failures++;
    }
    const samples = { ours: [] as number[], raw: [] as number[] };
    const cursor = { at: 0 };
    const warm = await timed(settings.warmupSeconds, corpus.queries, cursor, ours, []);
    await replay(warm, raw.run, []);
    // Rounds alternate; the raw side replays exactly the queries ours ran, so both time the same mix.
    const rounds = Math.min(5, settings.seconds);
    for (let r = 0; r < rounds; r++) {
      const ran = await timed(settings.seconds / rounds, corpus.queries, cursor, ours, samples.ours);
      await replay(ran, raw.run, samples.raw);
    }
    const lines: TableLine[] = [];
    for (const [label, p] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const a = percentile(samples.ours, p);
      const b = percentile(samples.raw, p);
      lines.push({
        name: `GET /api/v1/search ${label} [${dialect}] (ms, lower is better)`,
        ours: `${a.toFixed(2)}${failures ? ` (${failures} failed)` : ''}`,
        reference: b.toFixed(2),
        ratio: b > 0 ? (a / b).toFixed(2) : '–',
        failed: failures > 0,
        details:
          label === 'p50'
            ? `search [${dialect}]: ${samples.ours.length} requests, ${samples.raw.length} raw queries over ${corpus.queries.length} queries`
            : null,
      });
    }
    return lines;
  } finally {
    await raw.close();
    await app.close();
  }
}

/** The search row (two lines per engine). */
export const searchRow: BenchRow = {
  name: 'GET /api/v1/search over 100k provisions',
  // Generating and importing 100k provisions twice takes far longer than measuring.
  extraSeconds: 120,
  async run(settings) {
    cached ??= generate();
    const corpus = cached;
    const lines: TableLine[] = [];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-search-'));
    const sqlite = createStore({ databaseUrl: null, dataDir });
    try {
      const t = performance.now();
      await load(sqlite, corpus);
      process.stderr.write(
        `bench: search: 100k provisions into SQLite in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
      );
      lines.push(
        ...(await measureEngine('sqlite', sqlite, path.join(dataDir, 'lawgap.sqlite'), settings, corpus)),
      );
    } finally {
      await sqlite.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const scratch = await createScratchDatabase();
    if ('unreachable' in scratch) {
      const why = scratch.unreachable;
      process.stderr.write(
        `bench: search: PostgreSQL not reachable at ${adminUrl} (${why}); skipping its lines\n`,
      );
      lines.push({
        name: 'GET /api/v1/search [postgres]',
        ours: 'skipped',
        reference: 'skipped',
        ratio: '–',
        failed: false,
        details: `postgres: not reachable (${why})`,
      });
      return lines;
    }
    const store = createStore({ databaseUrl: scratch.url, dataDir: ':memory:' });
    try {
      const t = performance.now();
      await load(store, corpus);
      await sql`analyze`.execute(store.db);
      process.stderr.write(
        `bench: search: 100k provisions into PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
      );
      lines.push(...(await measureEngine('postgres', store, scratch.url, settings, corpus)));
    } finally {
      await store.destroy();
      await dropScratchDatabase(scratch.name);
    }
    return lines;
  },
};
