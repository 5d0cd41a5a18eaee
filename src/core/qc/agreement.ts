/**
 * Inter-coder agreement of a batch. Policy: only variables coded by both coders are compared (a single-coded
 * variable cannot diverge, so counting it would lower the rate exactly when sampling lowers redundancy).
 * Divergence rate = divergent variables ÷ compared variables; percent agreement = 1 − divergence rate.
 * Cohen's kappa treats answer codes (Y, P, N, 0, 1, 2, NA) as nominal categories: κ = (pₒ − pₑ) ÷ (1 − pₑ),
 * pₑ = Σₖ p_A(k)·p_B(k). With nothing compared every statistic is null; when chance agreement is certain
 * (both coders used one and the same category throughout) κ is undefined and null, with the reason given.
 */

/** One compared variable: coder A's value and coder B's value. */
export interface CodedPair {
  a: string;
  b: string;
}

/** Agreement statistics of a set of compared variables. */
export interface AgreementStats {
  /** Variables coded by both coders. */
  compared: number;
  divergent: number;
  divergenceRate: number | null;
  percentAgreement: number | null;
  kappa: number | null;
  /** Why kappa is null (null when it is not). */
  kappaNote: string | null;
}

/** Divergence rate, percent agreement and Cohen's kappa of the pairs (policy above). */
export function agreementStats(pairs: readonly CodedPair[]): AgreementStats {
  const n = pairs.length;
  if (n === 0) {
    return {
      compared: 0,
      divergent: 0,
      divergenceRate: null,
      percentAgreement: null,
      kappa: null,
      kappaNote: 'no variable has been coded by both coders yet',
    };
  }
  const agree = pairs.filter((p) => p.a === p.b).length;
  const po = agree / n;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const p of pairs) {
    countA.set(p.a, (countA.get(p.a) ?? 0) + 1);
    countB.set(p.b, (countB.get(p.b) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, na] of countA) pe += (na / n) * ((countB.get(k) ?? 0) / n);
  // pe reaches 1 only when both coders used one and the same category for every variable.
  const degenerate = 1 - pe < 1e-12;
  return {
    compared: n,
    divergent: n - agree,
    divergenceRate: (n - agree) / n,
    percentAgreement: po,
    kappa: degenerate ? null : (po - pe) / (1 - pe),
    kappaNote: degenerate ? 'undefined: both coders used a single category, so chance agreement is 1' : null,
  };
}
