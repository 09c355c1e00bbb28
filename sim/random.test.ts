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

  it('AgentStreams.assignAt names a stream by slot and key, whatever was assigned before; copies name the same', () => {
    const a = new AgentStreams(8, 7, 'test');
    const b = new AgentStreams(8, 7, 'test');
    for (let i = 0; i < 5; i++) a.assign(i); // a has handed out streams in order, b none
    a.assignAt(6, 300);
    b.assignAt(6, 300);
    expect(a.state(6)).toEqual(b.state(6));
    expect(a.state(6).c).toBe(1);
    for (let k = 0; k < 100; k++) expect(a.next(6)).toBe(b.next(6));
    // another slot, key or seed: another stream
    const first = (x: AgentStreams, i: number, key: number) => { x.assignAt(i, key); return x.next(i); };
    const u = first(b, 6, 300);
    expect(first(b, 7, 300)).not.toBe(u);
    expect(first(b, 6, 301)).not.toBe(u);
    expect(first(new AgentStreams(8, 8, 'test'), 6, 300)).not.toBe(u);
    expect(first(a.copy(), 6, 300)).toBe(u);
    // assign's order is left alone: the next in order is the same with or without assignAt between
    const c = new AgentStreams(8, 7, 'test');
    for (let i = 0; i < 5; i++) c.assign(i);
    a.assign(5); c.assign(5);
    expect(a.state(5)).toEqual(c.state(5));
    // uniformAt: on [0, 1), by slot and key, spread evenly
    expect(a.uniformAt(3, 12)).toBe(b.uniformAt(3, 12));
    let sum = 0;
    let below = 0;
    for (let i = 0; i < 200; i++) for (let key = 0; key < 500; key++) {
      const x = a.uniformAt(i, key);
      if (x < 0 || x >= 1) throw new Error(`out of range: ${x}`);
      sum += x;
      if (x < 0.1) below++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect(below / 100_000).toBeCloseTo(0.1, 2);
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
