/**
 * The two-sided geometric mechanism, the discrete Laplace (PUB-7). Noise Z takes integer values with
 * P(Z = z) = (1 − α)/(1 + α) · α^|z| where α = exp(−ε/Δ), which gives ε-differential privacy to a count whose
 * value one person can change by at most Δ. Sampling follows Canonne, Kamath and Steinke, "The Discrete Gaussian
 * for Differential Privacy" (2020), Algorithms 1 and 2: Bernoulli(exp(−γ)) for rational γ is built from
 * Bernoulli(n/d) trials, each one `randomInt(0, d) < n`, and a geometric variable is built from those. No step
 * uses floating point: ε is held as whole millionths so ε/Δ = s/t is an exact fraction of integers, every
 * comparison is between integers, and floor(x/s) is computed with the integer remainder. The distribution is
 * therefore exactly the one above, up to the quality of `randomInt` (pass `crypto.randomInt`; the built-in
 * non-cryptographic generator and the floating-point inverse-CDF Laplace are banned here). Floating point
 * appears only in `geometricPmf` and `geometricTail`, which describe the distribution for tests and
 * documentation and never feed a release.
 */
import { DomainError } from '../errors.ts';
import { microPerEpsilon, type RandomInt } from './policy.ts';

/** ε (in millionths) and the L1 sensitivity Δ of the statistic being released. */
export interface GeometricParams {
  epsilonMicros: number;
  sensitivity: number;
}

/** crypto.randomInt accepts ranges below 2⁴⁸; larger denominators are refused rather than approximated. */
const maxRange = 2 ** 48;
const maxSensitivity = 100;

/** ε/Δ as a reduced fraction s/t of whole numbers; throws when ε or Δ is out of range. */
export function noiseRatio(params: GeometricParams): { s: number; t: number } {
  const { epsilonMicros, sensitivity } = params;
  if (!Number.isSafeInteger(epsilonMicros) || epsilonMicros < 1 || epsilonMicros > 100 * microPerEpsilon) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'epsilon must be between 0.000001 and 100', {
      field: 'epsilon',
    });
  }
  if (!Number.isSafeInteger(sensitivity) || sensitivity < 1 || sensitivity > maxSensitivity) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `sensitivity must be a whole number 1 to ${maxSensitivity}`,
      {
        field: 'sensitivity',
      },
    );
  }
  const s = epsilonMicros;
  const t = microPerEpsilon * sensitivity;
  const d = gcd(s, t);
  return { s: s / d, t: t / d };
}

/** One draw of two-sided geometric noise for the given ε and Δ, using only integer draws from `randomInt`. */
export function sampleGeometricNoise(params: GeometricParams, randomInt: RandomInt): number {
  const { s, t } = noiseRatio(params);
  for (;;) {
    // X = U + t·V is geometric with parameter exp(−1/t): U uniform on [0, t) accepted with
    // probability exp(−U/t), V geometric with parameter exp(−1).
    const u = t === 1 ? 0 : draw(randomInt, 0, t);
    if (!bernoulliExpMinus(u, t, randomInt)) continue;
    let v = 0;
    while (bernoulliExpMinus(1, 1, randomInt)) v++;
    const x = u + t * v;
    // Y = floor(X/s) is geometric with parameter exp(−s/t) = α; the sign is a fair coin, and "−0" is
    // rejected so that zero is not counted twice.
    const y = (x - (x % s)) / s;
    const negative = draw(randomInt, 0, 2) === 1;
    if (negative && y === 0) continue;
    return negative ? -y : y;
  }
}

/** The count plus one draw of geometric noise (the result may be negative; publish it through suppression). */
export function addGeometricNoise(count: number, params: GeometricParams, randomInt: RandomInt): number {
  if (!Number.isSafeInteger(count)) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'a count must be a whole number', { field: 'count' });
  }
  return count + sampleGeometricNoise(params, randomInt);
}

/** α = exp(−ε/Δ), as a float, for description only. */
export function geometricAlpha(params: GeometricParams): number {
  const { s, t } = noiseRatio(params);
  return Math.exp(-s / t);
}

/** The exact probability P(Z = z) of the noise, as a float (for tests and documentation, never for sampling). */
export function geometricPmf(z: number, params: GeometricParams): number {
  const alpha = geometricAlpha(params);
  return ((1 - alpha) / (1 + alpha)) * alpha ** Math.abs(z);
}

/** P(Z > m) for m ≥ 0, which by symmetry is also P(Z < −m): α^(m+1)/(1 + α). */
export function geometricTail(m: number, params: GeometricParams): number {
  const alpha = geometricAlpha(params);
  return alpha ** (m + 1) / (1 + alpha);
}

/**
 * Bernoulli(exp(−n/d)) for 0 ≤ n/d ≤ 1 (Canonne–Kamath–Steinke Algorithm 1): draw Bernoulli(γ/k) for
 * k = 1, 2, … until one fails; the result is true when the failing k is odd.
 */
function bernoulliExpMinus(n: number, d: number, randomInt: RandomInt): boolean {
  if (n === 0) return true;
  let k = 1;
  while (draw(randomInt, 0, d * k) < n) k++;
  return k % 2 === 1;
}

function draw(randomInt: RandomInt, min: number, maxExclusive: number): number {
  if (maxExclusive - min > maxRange) {
    // Needs an astronomically long run of successes; refusing is safer than a biased draw.
    throw new DomainError('INTERNAL', 'noise sampler range exceeded');
  }
  const value = randomInt(min, maxExclusive);
  if (!Number.isSafeInteger(value) || value < min || value >= maxExclusive) {
    throw new DomainError('INTERNAL', 'random source returned a value outside its range');
  }
  return value;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
