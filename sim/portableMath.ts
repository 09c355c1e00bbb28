/**
 * Elementary functions computed from +, −, ×, ÷ and exact operations only, so that a run gives
 * the same bits in every JavaScript engine.
 *
 * Why: IEEE 754 fixes the result of +, −, ×, ÷, sqrt and rounding, but not of exp, log, pow or
 * cos. Engines implement those as they like and change them between versions: on 2026-12-03,
 * 14 of 16 Math functions (exp, log, pow, cos, …; not sqrt, not hypot) gave other bits in the
 * Chromium used for the browser tests than in Node 20 on the same 200,000 inputs, and the
 * browser's CSV export differed from the command line's in the last digit of half its numbers.
 * A last-bit difference can flip a merchant's decision at a threshold, after which the runs
 * part ways. So the simulation core calls these functions, never Math.exp, Math.log, Math.pow,
 * Math.log1p or Math.cos (test/portable-math.test.ts checks the sources).
 *
 * Accuracy: within a few units in the last place of the correctly rounded result (tested against
 * Math), which is all the model needs; identity across engines is the point. Methods: exp by
 * reduction to e^r · 2^k with |r| ≤ ln2/2 (Cody & Waite 1980) and a Taylor polynomial; log by
 * x = m · 2^k, m in [√½, √2), and log m = 2 atanh(f / (2 + f)), f = m − 1; pow as exp(y log x),
 * by repeated squaring for small integer exponents; log1p by Goldberg's (1991) correction;
 * cos(2πu) by exact reduction of u to an eighth of a turn and Taylor polynomials.
 */

const LN2_HI = 6.93147180369123816490e-1; // ln 2's leading bits: k · LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;
const EXP_OVERFLOW = 709.782712893384; // above: e^x > largest double
const EXP_UNDERFLOW = -745.1332191019412; // below: e^x < half the smallest subnormal

/** 2^n for n = −1022 … 1023, by doubling and halving (exact). */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let n = 1; n <= 1023; n++) POW2[1022 + n] = POW2[1021 + n] * 2;
for (let n = -1; n >= -1022; n--) POW2[1022 + n] = POW2[1023 + n] / 2;

/** v · 2^k in two exact-power steps, so that neither factor leaves the normal range. */
function scaleByPowerOfTwo(v: number, k: number): number {
  const k1 = Math.floor(k / 2);
  return v * POW2[1022 + k1] * POW2[1022 + (k - k1)];
}

/** 1/n! (n! is exact in a double up to n = 22; the division rounds the same everywhere). */
function inverseFactorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return 1 / f;
}
// coefficients of the exponential's Taylor polynomial
const F = Array.from({ length: 14 }, (_, n) => inverseFactorial(n));

/** e^x. */
export function exp(x: number): number {
  if (x !== x) return Number.NaN;
  if (x > EXP_OVERFLOW) return Number.POSITIVE_INFINITY;
  if (x < EXP_UNDERFLOW) return 0;
  const k = Math.floor(x * INV_LN2 + 0.5);
  const r = x - k * LN2_HI - k * LN2_LO;
  // e^r for |r| ≤ 0.35: terms up to r^13 (the next is below 1e-17)
  const er = 1 + r * (1 + r * (F[2] + r * (F[3] + r * (F[4] + r * (F[5] + r * (F[6] + r * (F[7] + r * (F[8] + r * (F[9] + r * (F[10] + r * (F[11] + r * (F[12] + r * F[13]))))))))))));
  return k === 0 ? er : scaleByPowerOfTwo(er, k);
}

// the bits of a double: which 32-bit half holds the sign and exponent depends on the platform
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const SMALLEST_NORMAL = 2.2250738585072014e-308;
const TWO_54 = 18014398509481984;

// 1/(2n + 1) for log's atanh series
const ODD = Array.from({ length: 12 }, (_, n) => 1 / (2 * n + 1));

/** Natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let k = 0;
  if (x < SMALLEST_NORMAL) {
    x *= TWO_54; // subnormal: make it normal first
    k = -54;
  }
  bits[0] = x;
  const hi = words[HI];
  k += (hi >>> 20) - 1023;
  words[HI] = (hi & 0x000fffff) | 0x3ff00000; // the mantissa as a number in [1, 2)
  let m = bits[0];
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  // log m = 2 atanh(s) = 2s + 2s (z/3 + z²/5 + …), |s| ≤ 0.172 (z^12 < 1e-18); and 2s = f − s·f,
  // so log m = f − s (f − 2 z Q): the exact f leads, the rounded terms only correct it
  const q = ODD[1] + z * (ODD[2] + z * (ODD[3] + z * (ODD[4] + z * (ODD[5] + z * (ODD[6] + z * (ODD[7] + z * (ODD[8] + z * (ODD[9] + z * (ODD[10] + z * ODD[11])))))))));
  return k * LN2_HI + ((f - s * (f - 2 * z * q)) + k * LN2_LO);
}

/** x^y, with Math.pow's special cases for NaN, zeros and infinities. */
export function pow(x: number, y: number): number {
  if (y !== y) return Number.NaN;
  if (y === 0) return 1;
  if (x !== x) return Number.NaN;
  if (y === 1) return x;
  const integer = y === Math.floor(y);
  if (integer && Math.abs(y) <= 64) {
    // repeated squaring: exact for small powers of small numbers, and the same everywhere
    let n = Math.abs(y);
    let base = x;
    let result = 1;
    while (n > 0) {
      if (n % 2 === 1) result *= base;
      base *= base;
      n = Math.floor(n / 2);
    }
    return y < 0 ? 1 / result : result;
  }
  if (x < 0) {
    if (!integer) return Number.NaN;
    const magnitude = pow(-x, y);
    return y % 2 === 0 ? magnitude : -magnitude;
  }
  if (x === 1) return Math.abs(y) === Number.POSITIVE_INFINITY ? Number.NaN : 1;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  return exp(y * log(x));
}

/** log(1 + x), accurate for small x. */
export function log1p(x: number): number {
  if (!(x > -1)) return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN;
  const u = 1 + x;
  if (u === 1) return x;
  // u is 1 + x rounded; scaling by x / (u − 1) undoes the rounding to first order (Goldberg 1991)
  return u === Number.POSITIVE_INFINITY ? u : log(u) * (x / (u - 1));
}

// Taylor coefficients of cos and sin: (−1)^n / (2n)! and (−1)^n / (2n + 1)!
const COS = Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? 1 : -1) * inverseFactorial(2 * n));
const SIN = Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? 1 : -1) * inverseFactorial(2 * n + 1));
function cosSmall(t: number): number {
  const z = t * t;
  let p = COS[9];
  for (let n = 8; n >= 0; n--) p = p * z + COS[n];
  return p;
}
function sinSmall(t: number): number {
  const z = t * t;
  let p = SIN[9];
  for (let n = 8; n >= 0; n--) p = p * z + SIN[n];
  return p * t;
}

/**
 * cos(2πu). The turn u is reduced exactly (subtractions of nearby numbers and of a rounded
 * integer lose nothing) to w in [0, 1/8], so only 2πw ≤ π/4 meets a polynomial.
 */
export function cosTwoPi(u: number): number {
  let v = Math.abs(u - Math.round(u)); // [0, 1/2]: cos is even and has period 1 in u
  let sign = 1;
  if (v > 0.25) {
    v = 0.5 - v; // cos(π − θ) = −cos θ
    sign = -1;
  }
  // v in [0, 1/4]: above 1/8, cos θ = sin(π/2 − θ)
  return v > 0.125 ? sign * sinSmall(2 * Math.PI * (0.25 - v)) : sign * cosSmall(2 * Math.PI * v);
}
