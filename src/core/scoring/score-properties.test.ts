import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import type { Framework } from '../framework/types.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { gradeFor, grades, tierOfGrade } from './grades.ts';
import { scoreJurisdiction } from './score-jurisdiction.ts';
import type { Answer, ModifierFinding, ScoreInput } from './types.ts';

const framework = parseFramework(v1);
/** Fixed seed and run count: the same cases on every machine, a few hundred milliseconds in all. */
const runs = { seed: 20261129, numRuns: 200 } as const;

const codesOf = (i: number) => {
  const indicator = framework.indicators[i]!;
  return Object.keys(framework.responseTypes[indicator.type].values);
};
const numberOf = (i: number, code: string) =>
  framework.responseTypes[framework.indicators[i]!.type].values[code] ?? Number.NaN;

/**
 * Per indicator: not coded (null), N/A, or one of its codes, mostly coded; and about one area in six left
 * wholly uncoded, so that renormalisation over the counted areas is exercised too.
 */
const codingArb = fc
  .tuple(
    fc.tuple(
      ...framework.indicators.map((_, i) =>
        fc.oneof(
          { arbitrary: fc.constantFrom(...codesOf(i)), weight: 8 },
          { arbitrary: fc.constant('NA'), weight: 1 },
          { arbitrary: fc.constant(null), weight: 1 },
        ),
      ),
    ),
    fc.tuple(...framework.areas.map(() => fc.integer({ min: 0, max: 5 }).map((n) => n === 0))),
  )
  .map(([coding, dropped]) => {
    const droppedAreas = new Set(framework.areas.filter((_, k) => dropped[k]).map((a) => a.id));
    return coding.map((c, i) => (droppedAreas.has(framework.indicators[i]!.area) ? null : c));
  });
const levelArb = fc.constantFrom('national', 'subnational', 'local') as fc.Arbitrary<
  ScoreInput['jurisdictionLevel']
>;
const modifiersArb: fc.Arbitrary<ModifierFinding[]> = fc
  .tuple(
    ...framework.negativeModifiers.map((m) =>
      fc.option(
        fc.boolean().map((applies): ModifierFinding => ({ modifierId: m.id, applies, citations: [] })),
        { nil: undefined },
      ),
    ),
  )
  .map((found) => found.filter((f): f is ModifierFinding => f !== undefined));

type Coding = Array<string | null>;

function answersOf(coding: Coding): Answer[] {
  const out: Answer[] = [];
  coding.forEach((value, i) => {
    const id = framework.indicators[i]!.id;
    if (value !== null) out.push({ indicatorId: id, value, citations: [{ citation: `Act, ${id}` }] });
  });
  return out;
}

const score = (
  coding: Coding,
  jurisdictionLevel: ScoreInput['jurisdictionLevel'],
  modifiers: ModifierFinding[],
) => scoreJurisdiction(framework, { jurisdictionLevel, answers: answersOf(coding), modifiers });

const indicatorIndexArb = fc.nat({ max: framework.indicators.length - 1 });

describe('scoreJurisdiction properties (fast-check)', () => {
  it('keeps the total within 0..100 and every area score within 0..1', () => {
    fc.assert(
      fc.property(codingArb, levelArb, modifiersArb, (coding, level, modifiers) => {
        const result = score(coding, level, modifiers);
        if (result.total !== null) {
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(100);
        }
        for (const area of result.areas) {
          if (area.score !== null) expect(area.score >= 0 && area.score <= 1).toBe(true);
        }
      }),
      runs,
    );
  });

  it('never lowers the total, grade or tier when one answer improves', () => {
    fc.assert(
      fc.property(
        codingArb,
        levelArb,
        modifiersArb,
        indicatorIndexArb,
        fc.nat(),
        fc.nat(),
        (coding, level, modifiers, i, x, y) => {
          const codes = codesOf(i);
          const [lo, hi] = [codes[x % codes.length]!, codes[y % codes.length]!].sort(
            (p, q) => numberOf(i, p) - numberOf(i, q),
          );
          const worse = score(
            coding.map((c, j) => (j === i ? lo! : c)),
            level,
            modifiers,
          );
          const better = score(
            coding.map((c, j) => (j === i ? hi! : c)),
            level,
            modifiers,
          );
          expect(worse.total).not.toBeNull();
          expect(better.total!).toBeGreaterThanOrEqual(worse.total!);
          expect(grades.indexOf(better.cappedGrade!)).toBeLessThanOrEqual(grades.indexOf(worse.cappedGrade!));
          expect(better.tier!).toBeLessThanOrEqual(worse.tier!);
        },
      ),
      runs,
    );
  });

  it('leaves every other indicator line unchanged when one indicator becomes N/A', () => {
    fc.assert(
      fc.property(codingArb, levelArb, indicatorIndexArb, (coding, level, i) => {
        const before = score(coding, level, []);
        const after = score(
          coding.map((c, j) => (j === i ? 'NA' : c)),
          level,
          [],
        );
        const id = framework.indicators[i]!.id;
        const lines = (r: typeof before) => r.areas.flatMap((a) => a.indicators);
        const afterLines = lines(after);
        lines(before).forEach((line, k) => {
          if (line.id !== id) expect(afterLines[k]).toEqual(line);
        });
        const target = lines(before).find((l) => l.id === id)!;
        const area = framework.indicators[i]!.area;
        const weightOf = (r: typeof before) => r.areas.find((a) => a.id === area)!.applicableWeight;
        // The indicator leaves its area's denominator if it was in it, and nothing else moves.
        expect(weightOf(after)).toBe(weightOf(before) - (target.status === 'scored' ? target.weight : 0));
        expect(afterLines.find((l) => l.id === id)).toMatchObject({ status: 'na', contribution: null });
      }),
      runs,
    );
  });

  it('gives the same result, to the bit, whatever the order of the answers', () => {
    fc.assert(
      fc.property(codingArb, levelArb, modifiersArb, fc.nat(), (coding, level, modifiers, seed) => {
        const answers = answersOf(coding);
        const shuffled = fc.sample(fc.shuffledSubarray(answers, { minLength: answers.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const first = scoreJurisdiction(framework, { jurisdictionLevel: level, answers, modifiers });
        const again = scoreJurisdiction(framework, {
          jurisdictionLevel: level,
          answers: shuffled,
          modifiers,
        });
        const reversed = scoreJurisdiction(framework, {
          jurisdictionLevel: level,
          answers: [...answers].reverse(),
          modifiers: [...modifiers].reverse(),
        });
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(JSON.stringify(reversed)).toBe(JSON.stringify(first));
      }),
      runs,
    );
  });

  it('can be recomputed by hand from its own breakdown', () => {
    fc.assert(
      fc.property(codingArb, levelArb, modifiersArb, (coding, level, modifiers) => {
        const result = score(coding, level, modifiers);
        let points = 0;
        let shares = 0;
        for (const area of result.areas) {
          const scored = area.indicators.filter((l) => l.status === 'scored');
          if (scored.length === 0) continue;
          const earned = scored.reduce((s, l) => s + l.weight * (l.normalized ?? 0), 0);
          const applicable = scored.reduce((s, l) => s + l.weight, 0);
          points += (earned / applicable) * area.share;
          shares += area.share;
        }
        if (shares === 0) {
          expect(result.total).toBeNull();
          return;
        }
        expect(result.total).toBeCloseTo((points / shares) * 100, 9);
        const grade = gradeFor(result.totalRounded!);
        expect(result.grade).toBe(grade);
        const caps = result.modifiers.filter((m) => m.status === 'applies').map((m) => m.cap!);
        const capped = [grade, ...caps].reduce((w, g) => (grades.indexOf(g) > grades.indexOf(w) ? g : w));
        expect(result.cappedGrade).toBe(capped);
        expect(result.tier).toBe(tierOfGrade[capped]);
      }),
      runs,
    );
  });

  it('refuses any framework whose shares do not sum to 100', () => {
    const shareArb = fc.array(fc.integer({ min: 1, max: 40 }), {
      minLength: framework.areas.length,
      maxLength: framework.areas.length,
    });
    fc.assert(
      fc.property(shareArb, (shares) => {
        const changed: Framework = {
          ...framework,
          areas: framework.areas.map((a, k) => ({ ...a, share: shares[k]! })),
        };
        const sum = shares.reduce((s, x) => s + x, 0);
        const attempt = () => scoreJurisdiction(changed, { jurisdictionLevel: 'national', answers: [] });
        if (sum === 100) expect(attempt).not.toThrow();
        else {
          let caught: unknown;
          try {
            attempt();
          } catch (err) {
            caught = err;
          }
          expect(isDomainError(caught, 'FRAMEWORK_INVALID')).toBe(true);
        }
      }),
      runs,
    );
  });
});
