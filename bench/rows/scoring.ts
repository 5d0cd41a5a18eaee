/**
 * The pure scoring function alone, in process: 300 jurisdictions × 20 yearly codings of the 66 v1 indicators
 * (6,000 scores per pass, over answers generated once from a fixed seed, mostly coded with some N/A and some
 * not coded, a third of the jurisdictions subnational). Ours is `scoreJurisdiction` with its validation and
 * full per-indicator breakdown; the reference is the raw arithmetic of the same totals (Σ weight × value per
 * area, renormalised over counted areas) with no validation and no breakdown. Both must agree on every total
 * first, or the row counts failures. Reported: scores per second; the "latency" is milliseconds per pass of
 * 6,000 scores (p50/p99 over passes). Passes alternate ours and the reference in rounds like the HTTP rows.
 */
import { parseFramework } from '../../src/core/framework/parse-framework.ts';
import type { Framework } from '../../src/core/framework/types.ts';
import v1 from '../../src/core/framework/versions/v1.json' with { type: 'json' };
import type { JurisdictionLevel } from '../../src/core/jurisdictions/types.ts';
import { scoreJurisdiction } from '../../src/core/scoring/score-jurisdiction.ts';
import type { Answer } from '../../src/core/scoring/types.ts';
import { seededRandom } from '../../test/seeded-random.ts';
import type { BenchRow, Measurement, MeasureSettings } from '../measure.ts';

const jurisdictions = 300;
const years = 20;

interface Coding {
  level: JurisdictionLevel;
  answers: Answer[];
}

function generate(framework: Framework): Coding[] {
  const next = seededRandom(20261129);
  const codings: Coding[] = [];
  for (let j = 0; j < jurisdictions; j++) {
    const level: JurisdictionLevel = j % 3 === 2 ? 'subnational' : 'national';
    for (let y = 0; y < years; y++) {
      const answers: Answer[] = [];
      for (const indicator of framework.indicators) {
        const roll = next();
        if (roll < 0.03) continue; // not coded
        if (level === 'subnational' && indicator.level === 'N' && roll < 0.8) continue; // N/A by level
        const codes = Object.keys(framework.responseTypes[indicator.type].values);
        const value = roll < 0.08 ? 'NA' : codes[Math.floor(next() * codes.length)]!;
        answers.push({
          indicatorId: indicator.id,
          value,
          citations: [{ citation: `Act ${y} s${indicator.id}` }],
        });
      }
      codings.push({ level, answers });
    }
  }
  return codings;
}

/** The reference: the same totals by raw arithmetic, without validation or breakdown. */
function rawScorer(framework: Framework): (coding: Coding) => number | null {
  const areaIndex = new Map(framework.areas.map((a, k) => [a.id, k]));
  const byId = new Map(
    framework.indicators.map((i) => [
      i.id,
      { area: areaIndex.get(i.area)!, weight: i.weight, values: framework.responseTypes[i.type].values },
    ]),
  );
  const shares = framework.areas.map((a) => a.share);
  const earned = new Float64Array(shares.length);
  const applicable = new Float64Array(shares.length);
  return (coding) => {
    earned.fill(0);
    applicable.fill(0);
    for (const answer of coding.answers) {
      if (answer.value === 'NA') continue;
      const ind = byId.get(answer.indicatorId)!;
      earned[ind.area]! += ind.weight * ind.values[answer.value]!;
      applicable[ind.area]! += ind.weight;
    }
    let points = 0;
    let counted = 0;
    for (let k = 0; k < shares.length; k++) {
      if (applicable[k]! > 0) {
        points += (earned[k]! / applicable[k]!) * shares[k]!;
        counted += shares[k]!;
      }
    }
    return counted > 0 ? (points / counted) * 100 : null;
  };
}

/** Keeps results observable so no pass can be optimised away. */
let sink = 0;

function pass(codings: Coding[], score: (c: Coding) => number | null): number {
  const start = performance.now();
  for (const coding of codings) sink += score(coding) ?? 0;
  return performance.now() - start;
}

interface Tally {
  passes: number[];
}

/** Runs passes for at least `seconds` (and at least one pass), recording each pass's milliseconds. */
function runFor(seconds: number, codings: Coding[], score: (c: Coding) => number | null, tally?: Tally) {
  const until = performance.now() + seconds * 1000;
  do {
    const ms = pass(codings, score);
    tally?.passes.push(ms);
  } while (performance.now() < until);
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

function measurementOf(label: string, tally: Tally, perPass: number, failures: number): Measurement {
  const ms = tally.passes.reduce((s, x) => s + x, 0);
  return {
    url: label,
    requestsPerSecond: ms > 0 ? (tally.passes.length * perPass) / (ms / 1000) : 0,
    latencyP50Ms: Math.round(percentile(tally.passes, 0.5) * 10) / 10,
    latencyP99Ms: Math.round(percentile(tally.passes, 0.99) * 10) / 10,
    failures,
  };
}

/** The scoring row. */
export const scoringRow: BenchRow = {
  name: `score ${jurisdictions} jurisdictions × ${years} years × 66 indicators (scores/s)`,
  async run(settings: MeasureSettings) {
    const framework = parseFramework(v1);
    const codings = generate(framework);
    const raw = rawScorer(framework);
    const ours = (c: Coding) =>
      scoreJurisdiction(framework, { jurisdictionLevel: c.level, answers: c.answers }).total;
    // Both sides must compute the same totals before their speed means anything.
    let mismatches = 0;
    for (const coding of codings) {
      const a = ours(coding);
      const b = raw(coding);
      if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9) mismatches++;
    }
    if (settings.warmupSeconds > 0) {
      runFor(settings.warmupSeconds, codings, ours);
      runFor(settings.warmupSeconds, codings, raw);
    }
    const oursTally: Tally = { passes: [] };
    const rawTally: Tally = { passes: [] };
    const rounds = Math.min(5, settings.seconds);
    for (let round = 0; round < rounds; round++) {
      const seconds = settings.seconds / rounds;
      runFor(seconds, codings, ours, oursTally);
      runFor(seconds, codings, raw, rawTally);
      // Let timers (the run's watchdog) fire between rounds.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!Number.isFinite(sink)) throw new Error('scoring produced a non-finite total');
    return {
      ours: measurementOf('in-process scoreJurisdiction', oursTally, codings.length, mismatches),
      reference: measurementOf('in-process raw arithmetic', rawTally, codings.length, 0),
    };
  },
};
