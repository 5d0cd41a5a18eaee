import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Framework } from '../../src/core/framework/types.ts';
import type { JurisdictionLevel } from '../../src/core/jurisdictions/types.ts';
import { scoreJurisdiction } from '../../src/core/scoring/score-jurisdiction.ts';
import type { Answer } from '../../src/core/scoring/types.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor, type ServiceContext } from '../../src/services/context.ts';
import { getFramework } from '../../src/services/framework.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import { createStore } from '../../src/store/db.ts';
import { seededRandom } from '../../test/seeded-random.ts';
import type { BenchRow, MeasureSettings, TableLine } from '../measure.ts';
import { adminUrl, createScratchDatabase, dropScratchDatabase } from '../postgres.ts';

const jurisdictionCount = 300;
const years = 20;
const firstYear = 2006;

interface Case {
  jurisdictionId: string;
  level: JurisdictionLevel;
  date: string;
  answers: Answer[];
}

/** One generated answer row: id, jurisdiction, indicator, value, valid from, valid to. */
type AnswerRow = [string, string, string, string, string, string | null];

/** The answers to store and the cases to score, from a fixed seed. */
function generate(
  framework: Framework,
  jurisdictions: Array<{ id: string; level: string }>,
): { rows: AnswerRow[]; cases: Case[] } {
  const next = seededRandom(20261130);
  const rows: AnswerRow[] = [];
  const cases: Case[] = [];
  for (const j of jurisdictions) {
    for (let y = 0; y < years; y++) {
      const validFrom = `${firstYear + y}-01-01`;
      const validTo = y === years - 1 ? null : `${firstYear + y + 1}-01-01`;
      const answers: Answer[] = [];
      for (const indicator of framework.indicators) {
        const codes = Object.keys(framework.responseTypes[indicator.type].values);
        const value = next() < 0.05 ? 'NA' : (codes[Math.floor(next() * codes.length)] ?? 'NA');
        rows.push([`b-${rows.length}`, j.id, indicator.id, value, validFrom, validTo]);
        answers.push({ indicatorId: indicator.id, value, citations: [], status: 'published' });
      }
      cases.push({
        jurisdictionId: j.id,
        level: j.level as JurisdictionLevel,
        date: `${firstYear + y}-06-01`,
        answers,
      });
    }
  }
  return { rows, cases };
}

/** Inserts the answers into the SQLite file with one prepared statement in one transaction. */
function insertSqlite(file: string, frameworkId: string, rows: AnswerRow[]): void {
  const sqlite = new SQLite(file);
  const insert = sqlite.prepare(
    `insert into coded_answers (id, jurisdiction_id, framework_id, indicator_id, value, valid_from, valid_to,
      status, caution_note, coder, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'published', null, 'system:bench', ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (const [id, j, i, value, from, to] of rows)
      insert.run(id, j, frameworkId, i, value, from, to, at, at);
  })();
  sqlite.close();
}

/** Inserts the answers into PostgreSQL in one transaction, 10,000 rows a statement (arrays unnested). */
async function insertPostgres(url: string, frameworkId: string, rows: AnswerRow[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const at = new Date().toISOString();
  try {
    await client.query('begin');
    for (let start = 0; start < rows.length; start += 10_000) {
      const chunk = rows.slice(start, start + 10_000);
      const column = (k: number) => chunk.map((r) => r[k]);
      await client.query(
        `insert into coded_answers (id, jurisdiction_id, framework_id, indicator_id, value, valid_from, valid_to,
          status, caution_note, coder, created_at, updated_at)
         select id, j, $7, i, v, f, t, 'published', null, 'system:bench', $8, $8
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(id, j, i, v, f, t)`,
        [column(0), column(1), column(2), column(3), column(4), column(5), frameworkId, at],
      );
    }
    await client.query('commit');
    await client.query('analyze coded_answers');
  } finally {
    await client.end();
  }
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Checks agreement on a sample, then times ours (from the database) and the reference (pure) in turn. */
async function measure(
  label: string,
  ctx: ServiceContext,
  framework: Framework,
  cases: Case[],
  settings: MeasureSettings,
  generated: string,
): Promise<TableLine> {
  // Each call continues through the cases where the last one stopped, so every round scores new cases.
  const cursor = { ours: 0, pure: 0 };
  const timeFor = async (
    seconds: number,
    side: 'ours' | 'pure',
    score: (c: Case) => Promise<number | null> | number | null,
  ) => {
    let done = 0;
    const start = performance.now();
    const until = start + seconds * 1000;
    while (performance.now() < until) {
      const c = cases[cursor[side]++ % cases.length] as Case;
      await score(c);
      done++;
    }
    return { done, ms: performance.now() - start };
  };
  const pure = (c: Case) =>
    scoreJurisdiction(framework, { jurisdictionLevel: c.level, answers: c.answers }).total;
  const fromDb = async (c: Case) => (await scoreAsOf(ctx, c.jurisdictionId, c.date)).result.total;
  let mismatches = 0;
  // Agreement first, on a sample of one year in five.
  for (const c of cases.filter((_, i) => i % 5 === 0)) {
    const a = await fromDb(c);
    const b = pure(c);
    if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9) mismatches++;
  }
  if (settings.warmupSeconds > 0) {
    await timeFor(Math.min(1, settings.warmupSeconds), 'ours', fromDb);
    await timeFor(Math.min(1, settings.warmupSeconds), 'pure', pure);
  }
  // Rounds alternate ours and the reference, so a change in background load hits both alike.
  const rounds = Math.max(1, Math.min(5, settings.seconds));
  const total = { ours: { done: 0, ms: 0 }, pure: { done: 0, ms: 0 } };
  for (let r = 0; r < rounds; r++) {
    for (const [side, score] of [
      ['ours', fromDb],
      ['pure', pure],
    ] as const) {
      const t = await timeFor(settings.seconds / rounds, side, score);
      total[side].done += t.done;
      total[side].ms += t.ms;
    }
  }
  const ours = total.ours.done / (total.ours.ms / 1000);
  const reference = total.pure.done / (total.pure.ms / 1000);
  const name = `${scoreDbRow.name} [${label}]`;
  return {
    name,
    ours: mismatches ? `${fmt(ours)} (${mismatches} mismatched)` : fmt(ours),
    reference: fmt(reference),
    ratio: (ours / reference).toFixed(3),
    failed: mismatches > 0,
    details: `${name}: ${generated}; ours scoreAsOf on ${label}, reference scoreJurisdiction on preloaded answers`,
  };
}

/** The score-from-database row: one line per engine. */
export const scoreDbRow: BenchRow = {
  id: 'score-db',
  name: `score from database: ${jurisdictionCount} jurisdictions × ${years} years × 66 indicators (scores/s)`,
  // Generating and inserting 396,000 answers into both engines.
  extraSeconds: 90,
  async run(settings: MeasureSettings): Promise<TableLine[]> {
    const lines: TableLine[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-score-'));
    const store = createStore({ databaseUrl: null, dataDir: dir });
    let framework: Framework;
    let jurisdictions: Array<{ id: string; level: string }>;
    let data: ReturnType<typeof generate>;
    try {
      await prepareDatabase(store.db);
      const ctx = { db: store.db, actor: cliActor };
      framework = await getFramework(ctx);
      jurisdictions = await store.db
        .selectFrom('jurisdictions')
        .select(['id', 'level'])
        .where('organization_id', 'is', null)
        .orderBy('id')
        .limit(jurisdictionCount)
        .execute();
      data = generate(framework, jurisdictions);
      const started = performance.now();
      insertSqlite(path.join(dir, 'lawgap.sqlite'), framework.id, data.rows);
      const seconds = (performance.now() - started) / 1000;
      const generated = `${fmt(data.rows.length)} answers inserted in ${seconds.toFixed(1)} s`;
      lines.push(await measure('sqlite', ctx, framework, data.cases, settings, generated));
    } finally {
      await store.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const scratch = await createScratchDatabase();
    if ('unreachable' in scratch) {
      const why = scratch.unreachable;
      process.stderr.write(
        `bench: score-db: PostgreSQL not reachable at ${adminUrl} (${why}); skipping its line\n`,
      );
      lines.push({
        name: `${this.name} [postgres]`,
        ours: 'skipped',
        reference: 'skipped',
        ratio: '–',
        failed: false,
        details: `score-db postgres: not reachable (${why})`,
      });
      return lines;
    }
    const pgStore = createStore({ databaseUrl: scratch.url, dataDir: ':memory:' });
    try {
      await prepareDatabase(pgStore.db);
      const ctx = { db: pgStore.db, actor: cliActor };
      const started = performance.now();
      await insertPostgres(scratch.url, framework.id, data.rows);
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `bench: score-db: ${fmt(data.rows.length)} answers into PostgreSQL in ${seconds.toFixed(1)} s\n`,
      );
      const generated = `${fmt(data.rows.length)} answers inserted in ${seconds.toFixed(1)} s`;
      lines.push(await measure('postgres', ctx, framework, data.cases, settings, generated));
    } finally {
      await pgStore.destroy();
      await dropScratchDatabase(scratch.name);
    }
    return lines;
  },
};
