import { describe, it, expect } from 'vitest';
import { summarise, tCritical95, percentileSorted, summaryCells } from './stats.ts';

describe('summary statistics', () => {
  it('match values computed by hand', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample sd = sqrt(32/7)
    const s = summarise([9, 4, 2, 4, 5, 4, 7, 5]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const half = 2.364624252 * Math.sqrt(32 / 7) / Math.sqrt(8); // t(0.975, 7)
    expect(s.ci95Low).toBeCloseTo(5 - half, 9);
    expect(s.ci95High).toBeCloseTo(5 + half, 9);
    // type 7: p10 at h = 0.7 → 2 + 0.7·(4 − 2); p50 at h = 3.5 → 4.5; p90 at h = 6.3 → 7 + 0.3·2
    expect(s.p10).toBeCloseTo(3.4, 12);
    expect(s.p50).toBeCloseTo(4.5, 12);
    expect(s.p90).toBeCloseTo(7.6, 12);
  });
  it('three values', () => {
    const s = summarise([1, 2, 3]);
    expect(s.sd).toBe(1);
    expect(s.ci95High - s.mean).toBeCloseTo(4.302652730 / Math.sqrt(3), 9);
    expect(s.p10).toBeCloseTo(1.2, 12);
  });
  it('one value: no spread', () => {
    const s = summarise([7]);
    expect([s.n, s.mean, s.p10, s.p50, s.p90]).toEqual([1, 7, 7, 7, 7]);
    expect(summaryCells(s)).toEqual([1, 7, '', '', '', 7, 7, 7]);
  });
  it('skips NaN and handles nothing', () => {
    expect(summarise([NaN, 1, 3]).mean).toBe(2);
    expect(summarise([]).n).toBe(0);
  });
  it('t critical values', () => {
    expect(tCritical95(1)).toBeCloseTo(12.7062, 4);
    expect(tCritical95(30)).toBeCloseTo(2.0423, 4);
    expect(tCritical95(40)).toBeCloseTo(2.021075, 5);
    expect(tCritical95(120)).toBeCloseTo(1.979930, 5);
    expect(percentileSorted([10], 0.9)).toBe(10);
  });
});
