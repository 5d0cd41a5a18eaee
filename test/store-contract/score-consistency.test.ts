/**
 * Every score the app shows applies the same negative-modifier findings, on every engine: for a jurisdiction
 * with an applying finding, the report card, the trend point, the compare column, the ranking line and the
 * changes between dates agree on grade and capped flag inside the finding's validity interval, and all show
 * the uncapped grade outside it. Framework versions: the current one by default, an unknown one refused.
 */
import { beforeAll, expect, it } from 'vitest';
import { compareJurisdictions, rankJurisdictions } from '../../src/services/compare.ts';
import { loadDataset } from '../../src/services/export.ts';
import { getFramework } from '../../src/services/framework.ts';
import { createFinding } from '../../src/services/modifier-findings.ts';
import { scoreAsOf } from '../../src/services/scores.ts';
import { scoreChanges, scoreTrend } from '../../src/services/trends.ts';
import type { Store } from '../../src/store/db.ts';
import {
  type CodingFixtures,
  codeIcelandAtBest,
  iceland,
  importCodingFixtures,
  pid,
  texas,
} from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { rejected, system } from './actors.ts';

describeEachEngine('score consistency with negative-modifier findings', (get) => {
  let store: Store;
  let fx: CodingFixtures;
  const ctx = {
    get db() {
      return store.db;
    },
    actor: system,
  };
  const include = 'coded' as const;

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
    await codeIcelandAtBest(store, fx);
    // NEG-2 applies from 2030 until (not including) 2033: the grade is capped at C in 2031 and 2032 only.
    await createFinding(ctx, {
      jurisdictionId: iceland,
      modifierId: 'NEG-2',
      applies: true,
      citations: [{ provisionId: pid(fx.v1, 's. 3'), quote: 'is not liable for “status offences”' }],
      validFrom: '2030-01-01',
      validTo: '2033-01-01',
    });
  });

  async function everyView(date: string) {
    const card = await scoreAsOf(ctx, iceland, date, { include });
    const year = Number(date.slice(0, 4));
    const trend = await scoreTrend(ctx, iceland, { from: year, to: year, include });
    const compare = await compareJurisdictions(ctx, [iceland, texas], date, { include });
    const ranking = await rankJurisdictions(ctx, date, { include });
    const point = trend.points[0];
    const column = compare.jurisdictions[0];
    const line = ranking.lines.find((l) => l.id === iceland);
    return {
      card: {
        total: card.result.totalRounded,
        grade: card.result.cappedGrade,
        capped: card.result.capReasons.length > 0,
      },
      trend: { total: point?.total, grade: point?.grade, capped: point?.capped },
      compare: { total: column?.total, grade: column?.grade, capped: column?.capped },
      ranking: { total: line?.value, grade: line?.grade, capped: line?.capped },
    };
  }

  it('agrees on grade and capped flag inside the finding’s interval', async () => {
    const views = await everyView('2031-01-01');
    const capped = { total: 100, grade: 'C', capped: true };
    expect(views).toEqual({ card: capped, trend: capped, compare: capped, ranking: capped });
  });

  it('applies no finding outside its validity interval (before and from its end date)', async () => {
    const plain = { total: 100, grade: 'A', capped: false };
    for (const date of ['2033-01-01', '2034-01-01']) {
      expect(await everyView(date)).toEqual({ card: plain, trend: plain, compare: plain, ranking: plain });
    }
    // 2029: no answer is valid yet; nothing is capped and nothing scored, in every view.
    const before = await everyView('2029-01-01');
    expect(before.card).toEqual({ total: null, grade: null, capped: false });
    expect(before.trend).toEqual(before.card);
    expect(before.ranking).toEqual(before.card);
  });

  it('shows the cap being lifted in the changes between two dates and across a trend', async () => {
    const changes = await scoreChanges(ctx, iceland, '2032-06-01', '2033-06-01', { include });
    expect(changes.score).toMatchObject({ totalDelta: 0, gradeBefore: 'C', gradeAfter: 'A' });
    const trend = await scoreTrend(ctx, iceland, { from: 2030, to: 2034, include });
    expect(trend.points.map((p) => [p.year, p.grade, p.capped])).toEqual([
      [2030, 'C', true],
      [2031, 'C', true],
      [2032, 'C', true],
      [2033, 'A', false],
      [2034, 'A', false],
    ]);
  });

  it('scores under the current framework version by default and refuses an unknown one', async () => {
    const current = await getFramework(ctx);
    const explicit = await scoreTrend(ctx, iceland, {
      from: 2031,
      to: 2031,
      include,
      frameworkVersion: current.version,
    });
    expect(explicit).toEqual(await scoreTrend(ctx, iceland, { from: 2031, to: 2031, include }));
    const ranked = await rankJurisdictions(ctx, '2031-01-01', { include, frameworkVersion: current.version });
    expect(ranked.version).toBe(current.version);
    const unknown = current.version + 41;
    for (const work of [
      () => scoreTrend(ctx, iceland, { include, frameworkVersion: unknown }),
      () => scoreChanges(ctx, iceland, '2031-01-01', '2032-01-01', { include, frameworkVersion: unknown }),
      () => rankJurisdictions(ctx, '2031-01-01', { include, frameworkVersion: unknown }),
      () => compareJurisdictions(ctx, [iceland, texas], '2031-01-01', { include, frameworkVersion: unknown }),
      () => loadDataset(ctx, unknown),
    ]) {
      const err = await rejected(work());
      expect(err.code).toBe('FRAMEWORK_NOT_FOUND');
      expect(err.message).toBe(
        `framework version ${unknown} does not exist (known versions: ${current.version})`,
      );
    }
  });
});
