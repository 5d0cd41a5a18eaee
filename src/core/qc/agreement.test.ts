import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStats } from './agreement.ts';

const pairs = (a: string, b: string) => a.split(' ').map((x, i) => ({ a: x, b: b.split(' ')[i] ?? '' }));

describe('agreementStats', () => {
  it('matches a batch computed by hand', () => {
    // A: Y Y Y Y P P P N N N ; B: Y Y Y P P P N N N Y → 7 of 10 agree, po = 0.7.
    // Marginals A: Y 4, P 3, N 3; B: Y 4, P 3, N 3 → pe = .4·.4 + .3·.3 + .3·.3 = 0.34.
    // κ = (0.7 − 0.34) / (1 − 0.34) = 0.36 / 0.66 = 6/11 ≈ 0.5455.
    const s = agreementStats(pairs('Y Y Y Y P P P N N N', 'Y Y Y P P P N N N Y'));
    expect(s).toMatchObject({ compared: 10, divergent: 3, kappaNote: null });
    expect(s.divergenceRate).toBeCloseTo(0.3, 12);
    expect(s.percentAgreement).toBeCloseTo(0.7, 12);
    expect(s.kappa).toBeCloseTo(6 / 11, 12);
  });

  it('gives null with a reason instead of NaN in the degenerate cases', () => {
    expect(agreementStats([])).toMatchObject({ compared: 0, divergenceRate: null, kappa: null });
    const one = agreementStats(pairs('Y Y Y', 'Y Y Y'));
    expect(one).toMatchObject({ divergenceRate: 0, percentAgreement: 1, kappa: null });
    expect(one.kappaNote).toContain('single category');
    // Complete disagreement over two categories: po = 0, pe = .5·.5 + .5·.5 = .5 → κ = −1.
    expect(agreementStats(pairs('Y N', 'N Y')).kappa).toBeCloseTo(-1, 12);
    // Perfect agreement over two categories is κ = 1.
    expect(agreementStats(pairs('Y N Y', 'Y N Y')).kappa).toBeCloseTo(1, 12);
  });

  it('keeps kappa ≤ 1, agreement in [0, 1] and divergence = 1 − agreement (property)', () => {
    const code = fc.constantFrom('Y', 'P', 'N', 'NA', '0', '1', '2');
    fc.assert(
      fc.property(fc.array(fc.record({ a: code, b: code }), { maxLength: 60 }), (ps) => {
        const s = agreementStats(ps);
        if (ps.length === 0) return s.percentAgreement === null && s.kappa === null;
        const agreement = s.percentAgreement ?? Number.NaN;
        expect(agreement).toBeGreaterThanOrEqual(0);
        expect(agreement).toBeLessThanOrEqual(1);
        expect((s.divergenceRate ?? Number.NaN) + agreement).toBeCloseTo(1, 12);
        if (s.kappa === null) expect(s.kappaNote).toBeTruthy();
        else {
          expect(Number.isFinite(s.kappa)).toBe(true);
          expect(s.kappa).toBeLessThanOrEqual(1 + 1e-12);
        }
        return true;
      }),
    );
  });
});
