import { describe, it, expect } from 'vitest';
import { ols, powerLawTail, fitLogistic } from './estimators.ts';
import { stream, pareto, normal } from '../random.ts';

describe('estimators', () => {
  it('ols recovers known coefficients and standard errors shrink with n', () => {
    const rng = stream(1, 'ols');
    const x1: number[] = [];
    const x2: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = rng() * 10;
      const b = rng() * 5;
      x1.push(a);
      x2.push(b);
      y.push(2 - 0.9 * a + 1.5 * b + 0.1 * normal(rng));
    }
    const fit = ols(y, [x1, x2]);
    expect(fit.coefficients[0]).toBeCloseTo(2, 1);
    expect(fit.coefficients[1]).toBeCloseTo(-0.9, 2);
    expect(fit.coefficients[2]).toBeCloseTo(1.5, 2);
    expect(fit.standardErrors[1]).toBeLessThan(0.01);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it('ols on a hand-computed example: y = 1 + 2x exactly', () => {
    const fit = ols([3, 5, 7, 9], [[1, 2, 3, 4]]);
    expect(fit.coefficients[0]).toBeCloseTo(1, 10);
    expect(fit.coefficients[1]).toBeCloseTo(2, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  it('powerLawTail recovers the exponent of Pareto data', () => {
    const rng = stream(2, 'tail');
    for (const alpha of [1, 1.5]) {
      const xs = Array.from({ length: 20_000 }, () => 5 * pareto(rng, alpha));
      const fit = powerLawTail(xs);
      expect(Math.abs(fit.alpha - alpha)).toBeLessThan(0.1);
    }
  });

  it('fitLogistic recovers an S-curve', () => {
    const t = Array.from({ length: 60 }, (_, i) => i);
    const y = t.map((v) => 0.8 / (1 + Math.exp(-0.2 * (v - 30))));
    const fit = fitLogistic(t, y);
    expect(fit.r2).toBeGreaterThan(0.995);
    expect(Math.abs(fit.midpoint - 30)).toBeLessThan(3);
  });
});
