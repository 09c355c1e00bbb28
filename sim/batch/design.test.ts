import { describe, it, expect } from 'vitest';
import { designPoints, designSize, gridValues, quantile, type ParameterSpec } from './design.ts';

const a: ParameterSpec = { path: 'a', values: [1, 2] };
const b: ParameterSpec = { path: 'b', range: { from: 0, to: 1, steps: 3 } };
const c: ParameterSpec = { path: 'c', distribution: { type: 'uniform', min: 10, max: 20 } };

describe('designs', () => {
  it('grid: every combination, first parameter slowest', () => {
    expect(gridValues(b)).toEqual([0, 0.5, 1]);
    expect(designPoints([a, b], { type: 'grid' }, 1).map((p) => p.values)).toEqual([[1, 0], [1, 0.5], [1, 1], [2, 0], [2, 0.5], [2, 1]]);
    expect(designSize([a, b], { type: 'grid' })).toBe(6);
  });
  it('no parameters: one point (replications of the base scenario)', () => {
    expect(designPoints([], { type: 'grid' }, 1)).toEqual([{ id: 0, values: [] }]);
  });
  it('random: reproducible and inside the ranges', () => {
    const p1 = designPoints([b, c], { type: 'random', samples: 50 }, 7);
    expect(designPoints([b, c], { type: 'random', samples: 50 }, 7)).toEqual(p1);
    expect(designPoints([b, c], { type: 'random', samples: 50 }, 8)).not.toEqual(p1);
    expect(p1.every((p) => p.values[0] >= 0 && p.values[0] <= 1 && p.values[1] >= 10 && p.values[1] <= 20)).toBe(true);
  });
  it('Latin hypercube: each stratum used exactly once per parameter', () => {
    const n = 20;
    const pts = designPoints([b, c], { type: 'lhs', samples: n }, 3);
    for (const [j, lo, width] of [[0, 0, 1], [1, 10, 10]] as const) {
      const strata = pts.map((p) => Math.floor(((p.values[j] - lo) / width) * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
  it('quantile functions', () => {
    expect(quantile(a, 0.49)).toBe(1);
    expect(quantile(a, 1)).toBe(2);
    expect(quantile({ path: 'x', distribution: { type: 'loguniform', min: 1, max: 100 } }, 0.5)).toBeCloseTo(10, 9);
    expect(quantile({ path: 'x', distribution: { type: 'normal', mean: 5, sd: 2 } }, 0.5)).toBeCloseTo(5, 6);
    expect(quantile({ path: 'x', distribution: { type: 'normal', mean: 0, sd: 1, min: 0, max: 1 } }, 0)).toBeCloseTo(0, 6);
    expect(quantile({ path: 'x', integer: true, range: { from: 1, to: 10, steps: 2 } }, 0.33)).toBe(4);
  });
});
