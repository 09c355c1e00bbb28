import { describe, it, expect } from 'vitest';
import { saltelliSample, sobolIndices } from './sobol.ts';

describe('Sobol indices (Saltelli sampling)', () => {
  it('lays out A, B and the AB_i matrices', () => {
    const s = saltelliSample(3, 2, 1);
    expect(s.points).toHaveLength(3 * 4);
    const [A, B, AB1] = [s.points.slice(0, 3), s.points.slice(3, 6), s.points.slice(9, 12)];
    expect(AB1[2]).toEqual([A[2][0], B[2][1]]);
  });
  it('recovers the Ishigami function\'s known indices', () => {
    // f = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1 on [−π, π]³: S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244
    const s = saltelliSample(20_000, 3, 7);
    const x = (u: number) => -Math.PI + 2 * Math.PI * u;
    const y = s.points.map(([a, b, c]) => Math.sin(x(a)) + 7 * Math.sin(x(b)) ** 2 + 0.1 * x(c) ** 4 * Math.sin(x(a)));
    const idx = sobolIndices(s, y, 1, 50);
    const close = (v: number, t: number) => expect(Math.abs(v - t)).toBeLessThan(0.04);
    close(idx[0].s1, 0.314); close(idx[1].s1, 0.442); close(idx[2].s1, 0);
    close(idx[0].st, 0.558); close(idx[1].st, 0.442); close(idx[2].st, 0.244);
    for (const i of idx) {
      expect(i.s1Low).toBeLessThanOrEqual(i.s1);
      expect(i.stHigh).toBeGreaterThanOrEqual(i.st);
    }
  });
  it('does not move when a constant is added to the output (outputs like trade are ~4e9 ± 1e8)', () => {
    const s = saltelliSample(512, 2, 5);
    const at = (c: number) => sobolIndices(s, s.points.map(([a, b]) => c + a + 0.3 * b), 4, 20);
    const plain = at(0);
    // a + 0.3 b, both uniform: S = 1 / 1.09 and 0.09 / 1.09 (within the Monte Carlo error of N = 512)
    expect(Math.abs(plain[0].s1 - 0.917)).toBeLessThan(0.15);
    expect(Math.abs(plain[1].s1 - 0.083)).toBeLessThan(0.15);
    for (const c of [30, 1000, 4e9]) {
      const shifted = at(c);
      for (let i = 0; i < 2; i++) {
        expect(shifted[i].s1).toBeCloseTo(plain[i].s1, 4);
        expect(shifted[i].st).toBeCloseTo(plain[i].st, 4);
      }
    }
  });
  it('a function of one factor', () => {
    const s = saltelliSample(2000, 2, 3);
    const idx = sobolIndices(s, s.points.map(([a]) => a), 2, 20);
    expect(idx[0].st).toBeCloseTo(1, 1);
    expect(idx[1].st).toBe(0);
  });
});
