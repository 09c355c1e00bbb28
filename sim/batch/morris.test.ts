import { describe, it, expect } from 'vitest';
import { morrisTrajectories, morrisIndices, morrisDelta, spanStep } from './morris.ts';
import { quantile, type ParameterSpec } from './design.ts';

describe('Morris screening', () => {
  it('trajectories change one factor at a time by ±Δ on the grid', () => {
    const k = 4, levels = 4, delta = morrisDelta(levels);
    expect(delta).toBeCloseTo(2 / 3, 12);
    const trs = morrisTrajectories(k, 20, levels, 1);
    for (const tr of trs) {
      expect(tr.points).toHaveLength(k + 1);
      expect([...tr.order].sort()).toEqual([0, 1, 2, 3]);
      tr.order.forEach((i, j) => {
        const a = tr.points[j], b = tr.points[j + 1];
        expect(b[i] - a[i]).toBeCloseTo(tr.steps[j], 12);
        expect(a.filter((_, q) => q !== i)).toEqual(b.filter((_, q) => q !== i));
      });
      for (const p of tr.points) for (const u of p) {
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
        // exactly a grid value: a level reached by a step is the same number as at a start
        expect(u).toBe(Math.round(u * (levels - 1)) / (levels - 1));
      }
    }
    expect(morrisTrajectories(k, 20, levels, 1)).toEqual(trs);
  });
  it('recovers the effects of a known function', () => {
    // y = 10 u0 + 1 u1 + 0 u2 + 5 u3²: μ*(0) = 10, μ*(1) = 1, μ*(2) = 0; u3 non-linear (σ > 0)
    const f = (u: number[]) => 10 * u[0] + u[1] + 5 * u[3] ** 2;
    const trs = morrisTrajectories(4, 30, 4, 2);
    const idx = morrisIndices(trs, trs.map((t) => t.points.map(f)));
    expect(idx[0].muStar).toBeCloseTo(10, 9);
    expect(idx[0].sigma).toBeCloseTo(0, 9);
    expect(idx[1].mu).toBeCloseTo(1, 9);
    expect(idx[2].muStar).toBe(0);
    expect(idx[3].sigma).toBeGreaterThan(0);
    expect(idx[3].muStar).toBeGreaterThan(idx[1].muStar);
    expect(idx[0].effects).toHaveLength(30);
  });
  it('an effect is the outcome\'s change per span the lever itself moved: two values, a reversed range, whole numbers', () => {
    const trs = morrisTrajectories(1, 12, 4, 3);
    /** Elementary effects of y = slope × (the lever's value) for parameter p, on the trajectories. */
    const effects = (p: ParameterSpec, slope: number) => morrisIndices(trs, trs.map((t) => t.points.map((u) => slope * quantile(p, u[0]))), (_i, a, b, step) => spanStep(p, a, b, step))[0];
    // a linear outcome: every effect is its change over the lever's whole span, however the span is written
    const range = effects({ path: 'x', range: { from: 0.1, to: 0.9 } }, 10);
    for (const ee of range.effects) expect(ee).toBeCloseTo(8, 9);
    // two values: each step goes from one to the other, the whole span (it was divided by Δ = 2/3: 1.5 × too large)
    const two = effects({ path: 'x', values: [0.1, 0.9] }, 10);
    expect(two.effects).toHaveLength(12);
    for (const ee of two.effects) expect(ee).toBeCloseTo(8, 9);
    // four values, one per level: as the range
    for (const ee of effects({ path: 'x', values: [0.1, 0.1 + 0.8 / 3, 0.1 + 1.6 / 3, 0.9] }, 10).effects) expect(ee).toBeCloseTo(8, 9);
    // from high to low: more of the lever still raises the outcome (its sign was flipped)
    const reversed = effects({ path: 'x', range: { from: 0.9, to: 0.1 } }, 10);
    expect(reversed.mu).toBeCloseTo(8, 9);
    expect(reversed.muStar).toBeCloseTo(8, 9);
    // a whole-number range moves by its rounded values' change: 0.5 … 2 takes 1, 1, 2, 2, each step 1 → 2, the whole span
    for (const ee of effects({ path: 'x', range: { from: 0.5, to: 2 }, integer: true }, 10).effects) expect(Math.abs(ee)).toBeCloseTo(10, 9);
    // rounding can give both ends of a step one value (here most of a narrow whole-number
    // distribution rounds to 3): such steps have no effect to take, and are counted
    const p: ParameterSpec = { path: 'x', distribution: { type: 'normal', mean: 3, sd: 0.05, min: 2.5, max: 3.6 }, integer: true };
    const whole = effects(p, 10);
    const moves = trs.map((t) => spanStep(p, t.points[0][0], t.points[1][0], t.steps[0]));
    expect(whole.unchanged).toBe(moves.filter((m) => m === 0).length);
    expect(whole.unchanged).toBeGreaterThan(0);
    expect(whole.effects).toHaveLength(12 - whole.unchanged);
    for (const ee of whole.effects) expect(Math.abs(ee)).toBeCloseTo(15, 9); // one unit over 2/3 of the probability scale
    // a distribution moves on its probability scale: the grid step itself
    expect(spanStep({ path: 'x', distribution: { type: 'uniform', min: 0, max: 4 } }, 0, 2 / 3, 2 / 3)).toBe(2 / 3);
  });
});
