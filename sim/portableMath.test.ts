/** The portable elementary functions agree with Math to a few units in the last place, with its special cases. */
import { describe, it, expect } from 'vitest';
import { exp, log, pow, log1p, cosTwoPi } from './portableMath.ts';

/** Distance in units in the last place. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const ulp = Math.max(Math.abs(b), Number.MIN_VALUE) * Number.EPSILON;
  return Math.abs(a - b) / ulp;
}

function* inputs(n: number, lo: number, hi: number): Generator<number> {
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 16807) % 2147483647;
    yield lo + ((hi - lo) * seed) / 2147483647;
  }
}

describe('portable math', () => {
  it('exp is within 2 ulp of Math.exp from underflow to overflow', () => {
    let worst = 0;
    for (const x of inputs(100_000, -700, 700)) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    for (const x of inputs(100_000, -2, 2)) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    expect(worst).toBeLessThan(2);
    expect([exp(0), exp(Number.NaN), exp(1000), exp(-1000), exp(Number.NEGATIVE_INFINITY)]).toEqual([1, Number.NaN, Number.POSITIVE_INFINITY, 0, 0]);
    expect(exp(-740) / Math.exp(-740)).toBeCloseTo(1, 10); // subnormal results
  });

  it('log is within 2 ulp of Math.log, also for subnormal and huge numbers', () => {
    let worst = 0;
    for (const x of inputs(100_000, 1e-6, 1e6)) worst = Math.max(worst, ulps(log(x), Math.log(x)));
    for (const x of inputs(100_000, 0.5, 2)) if (Math.abs(x - 1) > 1e-3) worst = Math.max(worst, ulps(log(x), Math.log(x)));
    for (const x of [5e-324, 1e-310, 1e300, Number.MAX_VALUE]) worst = Math.max(worst, ulps(log(x), Math.log(x)));
    expect(worst).toBeLessThan(2);
    expect(Math.abs(log(1 + 1e-10) - Math.log(1 + 1e-10))).toBeLessThan(1e-25);
    expect([log(1), log(0), log(-0), log(-1), log(Number.POSITIVE_INFINITY)]).toEqual([0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, Number.POSITIVE_INFINITY]);
  });

  it('pow follows Math.pow within a few ulp, exactly for small integer powers, with its special cases', () => {
    let worst = 0;
    const ys = [...inputs(300, -4, 4)];
    for (const x of inputs(300, 0.001, 50)) for (const y of ys) worst = Math.max(worst, ulps(pow(x, y), Math.pow(x, y)));
    // exp(y log x) carries log's error times |y log x| (up to about 16 here)
    expect(worst).toBeLessThan(16);
    expect([pow(3, 2), pow(2, 10), pow(2, -2), pow(-2, 3), pow(10, 0), pow(0, 2), pow(0, -1)]).toEqual([9, 1024, 0.25, -8, 1, 0, Number.POSITIVE_INFINITY]);
    expect([pow(-8, 1 / 3), pow(Number.NaN, 0), pow(1, Number.POSITIVE_INFINITY), pow(2, Number.NaN)]).toEqual([Number.NaN, 1, Number.NaN, Number.NaN]);
    expect([pow(0.5, Number.POSITIVE_INFINITY), pow(2, Number.POSITIVE_INFINITY), pow(Number.POSITIVE_INFINITY, -0.5)]).toEqual([0, Number.POSITIVE_INFINITY, 0]);
  });

  it('log1p is accurate for tiny x, where log(1 + x) is not', () => {
    for (const x of [1e-20, -1e-12, 1e-8, 0.3, 5, -0.9]) expect(ulps(log1p(x), Math.log1p(x))).toBeLessThan(4);
    expect([log1p(0), log1p(-1), log1p(-2)]).toEqual([0, Number.NEGATIVE_INFINITY, Number.NaN]);
  });

  it('cosTwoPi(u) is cos(2πu) to 3e-15 over whole turns, and exact where cos is 0, ±1', () => {
    let worst = 0;
    for (const u of inputs(100_000, -3, 3)) worst = Math.max(worst, Math.abs(cosTwoPi(u) - Math.cos(2 * Math.PI * u)));
    expect(worst).toBeLessThan(3e-15);
    expect([cosTwoPi(0), cosTwoPi(0.5), cosTwoPi(1), cosTwoPi(0.25), cosTwoPi(0.75)]).toEqual([1, -1, 1, 0, 0]);
  });
});
