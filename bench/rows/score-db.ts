/**
 * Scoring from the database against scoring alone: 300 jurisdictions × 66 v1 indicators × 20 yearly validity
 * intervals of published answers (396,000 rows, generated from a fixed seed and inserted in one transaction
 * into a temporary SQLite file). Ours is `scoreAsOf` (jurisdiction check, framework from cache, the answers
 * valid on the date with their citations, then core scoring) for each jurisdiction × year; the reference is
 * `scoreJurisdiction` alone on the same answers preloaded in memory. The ratio is the cost of storage. The
 * generated answers carry no citations (a value above 0 without one is allowed in storage, only flagged
 * `uncited`), so the citation join is exercised but returns nothing. Both sides must agree on every total.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Framework } from '../../src/core/framework/types.ts';
import type { JurisdictionLevel } from '../../src/core/jurisdictions/types.ts';
import { scoreJurisdiction } from '../../src/core/scoring/score-jurisdiction.ts';
import type { Answer } from '../../src/core/scoring/types.ts';
import { prepareDatabase } from '../../src/services/bootstrap.ts';
import { cliActor } from '../../src/services/context.ts';
import { getFramework } from '../../src/services/framework.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import { createStore } from '../../src/store/db.ts';
import type { BenchRow, MeasureSettings, TableLine } from '../measure.ts';

const jurisdictionCount = 300;
const years = 20;
const firstYear = 2006;

interface Case {
  jurisdictionId: string;
  level: JurisdictionLevel;
  date: string;
  answers: Answer[];
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts the answers with one prepared statement in one transaction; returns the cases to score. */
function generate(
  file: string,
  framework: Framework,
  jurisdictions: Array<{ id: string; level: string }>,
): Case[] {
  const next = random(20261130);
  const sqlite = new SQLite(file);
  const insert = sqlite.prepare(
    `insert into coded_answers (id, jurisdiction_id, framework_id, indicator_id, value, valid_from, valid_to,
      status, caution_note, coder, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'published', null, 'system:bench', ?, ?)`,
  );
  const at = new Date().toISOString();
  const cases: Case[] = [];
  let n = 0;
  sqlite.transaction(() => {
    for (const j of jurisdictions) {
      for (let y = 0; y < years; y++) {
        const validFrom = `${firstYear + y}-01-01`;
        const validTo = y === years - 1 ? null : `${firstYear + y + 1}-01-01`;
        const answers: Answer[] = [];
        for (const indicator of framework.indicators) {
          const codes = Object.keys(framework.responseTypes[indicator.type].values);
          const value = next() < 0.05 ? 'NA' : (codes[Math.floor(next() * codes.length)] ?? 'NA');
          insert.run(`b-${n++}`, j.id, framework.id, indicator.id, value, validFrom, validTo, at, at);
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
  })();
  sqlite.close();
  return cases;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The score-from-database row. */
export const scoreDbRow: BenchRow = {
  name: `score from database: ${jurisdictionCount} jurisdictions × ${years} years × 66 indicators (scores/s)`,
  extraSeconds: 30,
  async run(settings: MeasureSettings): Promise<TableLine[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-bench-score-'));
    const store = createStore({ databaseUrl: null, dataDir: dir });
    try {
      await prepareDatabase(store.db);
      const ctx = { db: store.db, actor: cliActor };
      const framework = await getFramework(ctx);
      const jurisdictions = await store.db
        .selectFrom('jurisdictions')
        .select(['id', 'level'])
        .where('organization_id', 'is', null)
        .orderBy('id')
        .limit(jurisdictionCount)
        .execute();
      const started = performance.now();
      const cases = generate(path.join(dir, 'lawgap.sqlite'), framework, jurisdictions);
      const generateSeconds = (performance.now() - started) / 1000;

      let mismatches = 0;
      const timeFor = async (seconds: number, score: (c: Case) => Promise<number | null> | number | null) => {
        let done = 0;
        const start = performance.now();
        const until = start + seconds * 1000;
        do {
          for (const c of cases) {
            await score(c);
            done++;
            if (performance.now() > until) break;
          }
        } while (performance.now() < until);
        return done / ((performance.now() - start) / 1000);
      };
      const pure = (c: Case) =>
        scoreJurisdiction(framework, { jurisdictionLevel: c.level, answers: c.answers }).total;
      const fromDb = async (c: Case) => (await scoreAsOf(ctx, c.jurisdictionId, c.date)).result.total;
      // Agreement first, on a sample of one year in five.
      for (const c of cases.filter((_, i) => i % 5 === 0)) {
        const a = await fromDb(c);
        const b = pure(c);
        if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9) mismatches++;
      }
      if (settings.warmupSeconds > 0) {
        await timeFor(Math.min(1, settings.warmupSeconds), fromDb);
        await timeFor(Math.min(1, settings.warmupSeconds), pure);
      }
      const ours = await timeFor(settings.seconds, fromDb);
      const reference = await timeFor(settings.seconds, pure);
      return [
        {
          name: this.name,
          ours: mismatches ? `${fmt(ours)} (${mismatches} mismatched)` : fmt(ours),
          reference: fmt(reference),
          ratio: (ours / reference).toFixed(3),
          failed: mismatches > 0,
          details:
            `${this.name}: ${fmt(cases.length * 66)} answers generated and inserted in ${generateSeconds.toFixed(1)} s; ` +
            `ours scoreAsOf on SQLite, reference scoreJurisdiction on preloaded answers`,
        },
      ];
    } finally {
      await store.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
