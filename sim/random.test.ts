import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { stream, AgentStreams, poissonFromUniform, pareto } from './random.ts';

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

  it('AgentStreams step exactly as seedrandom\'s Alea from the same state, one stream per agent', () => {
    const agents = new AgentStreams(3, 7, 'test');
    agents.assign(0);
    agents.assign(1);
    const reference = seedrandom.alea('', { state: agents.state(0) });
    for (let k = 0; k < 1000; k++) expect(agents.next(0)).toBe(reference());
    // drawing from one slot does not move another
    const a = new AgentStreams(2, 7, 'test');
    const b = new AgentStreams(2, 7, 'test');
    a.assign(0); a.assign(1);
    b.assign(0); b.assign(1);
    for (let k = 0; k < 10; k++) a.next(1);
    expect(a.next(0)).toBe(b.next(0));
    expect(a.next(1)).not.toBe(a.next(0));
  });

  it('AgentStreams are uniform on [0, 1)', () => {
    const agents = new AgentStreams(1, 3, 'uniform');
    agents.assign(0);
    let below = 0;
    let sum = 0;
    for (let k = 0; k < 100_000; k++) {
      const u = agents.next(0);
      if (u < 0 || u >= 1) throw new Error(`out of range: ${u}`);
      sum += u;
      if (u < 0.1) below++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect(below / 100_000).toBeCloseTo(0.1, 2);
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

describe('binomialFromUniform', () => {
  it('inverts the binomial CDF and has mean n·p', async () => {
    const { binomialFromUniform } = await import('./random.ts');
    expect(binomialFromUniform(0.5, 0, 0.3)).toBe(0);
    expect(binomialFromUniform(0.999, 5, 1)).toBe(5);
    // P(0) = 0.7^3 = 0.343
    expect(binomialFromUniform(0.342, 3, 0.3)).toBe(0);
    expect(binomialFromUniform(0.344, 3, 0.3)).toBe(1);
    const rng = stream(5, 'binomial');
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += binomialFromUniform(rng(), 6, 0.04);
    expect(s / 100_000).toBeCloseTo(0.24, 2);
  });
});
