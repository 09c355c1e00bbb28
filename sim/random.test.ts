import { describe, it, expect } from 'vitest';
import { stream, EventSkipper, poissonFromUniform, pareto } from './random.ts';

describe('random streams', () => {
  it('are reproducible and independent by purpose and index', () => {
    const a = stream(1, 'x', 3);
    const b = stream(1, 'x', 3);
    const c = stream(1, 'y', 3);
    const d = stream(2, 'x', 3);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(d()).not.toBe(xs[0]);
  });

  it('EventSkipper gives Bernoulli(p) events: mean count and no bias by position', () => {
    const rng = stream(7, 'skip');
    const p = 0.03;
    const n = 200_000;
    const skip = new EventSkipper(rng, p);
    let next = skip.gap();
    let events = 0;
    let firstHalf = 0;
    for (let i = 0; i < n; i++) {
      if (next-- > 0) continue;
      next = skip.gap();
      events++;
      if (i < n / 2) firstHalf++;
    }
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(events - n * p)).toBeLessThan(4 * sd);
    expect(Math.abs(firstHalf / events - 0.5)).toBeLessThan(0.02);
    expect(new EventSkipper(rng, 0).gap()).toBe(Infinity);
    expect(new EventSkipper(rng, 1).gap()).toBe(0);
  });

  it('poissonFromUniform inverts the Poisson CDF', () => {
    const mean = 0.7;
    const e = Math.exp(-mean);
    expect(poissonFromUniform(e * 0.999, mean, e)).toBe(0);
    expect(poissonFromUniform(e * 1.001, mean, e)).toBe(1);
    const rng = stream(3, 'poisson');
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += poissonFromUniform(rng(), mean, e);
    expect(s / 100_000).toBeCloseTo(mean, 1);
  });

  it('pareto has the right tail: P(X > 2) = 2^-shape', () => {
    const rng = stream(4, 'pareto');
    let above = 0;
    for (let i = 0; i < 100_000; i++) if (pareto(rng, 3) > 2) above++;
    expect(above / 100_000).toBeCloseTo(1 / 8, 2);
  });
});
