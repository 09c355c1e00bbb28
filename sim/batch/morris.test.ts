import { describe, it, expect } from 'vitest';
import { morrisTrajectories, morrisIndices, morrisDelta } from './morris.ts';

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
});
