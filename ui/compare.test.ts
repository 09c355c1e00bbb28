import { describe, it, expect } from 'vitest';
import { baselineLike } from './compare.ts';
import { comparedYear, lastWholeYear, lastYear } from './results.ts';

describe('the baseline runs like the scenario', () => {
  it('takes the scenario\'s scale and time window, and keeps its own policies', () => {
    const baseline = { title: { en: 'Trade facilitation' }, platform: { customs: { b2b_platform: { clearanceDays: 0.5 } } } };
    const scenario = { scale: 1, time: { start: '2020-01', end: '2035-12' }, rules: { smeCreditSupply: 2 } };
    expect(baselineLike(baseline, scenario)).toEqual({ ...baseline, scale: 1, time: { start: '2020-01', end: '2035-12' } });
    // a scenario that sets neither leaves the baseline as it is (its own scale, if it has one)
    expect(baselineLike({ ...baseline, scale: 0.05 }, { rules: { smeCreditSupply: 2 } })).toEqual({ ...baseline, scale: 0.05 });
  });
});

const months = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ye, me] = to.split('-').map(Number);
  while (y < ye || (y === ye && m <= me)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
};

describe('the year the cards compare', () => {
  it('is the last whole calendar year both runs cover', () => {
    expect(lastWholeYear(months('2020-01', '2030-12'))).toBe(2030);
    expect(lastWholeYear(months('2020-01', '2035-06'))).toBe(2034); // a run may end mid-year
    expect(lastWholeYear(months('2020-03', '2020-11'))).toBeUndefined();
    expect(comparedYear(months('2020-01', '2035-12'), months('2020-01', '2035-12'))).toBe(2035);
    // a baseline that ends earlier: the scenario's 2030, not its 2035 the baseline never reaches
    expect(comparedYear(months('2020-01', '2035-12'), months('2020-01', '2030-12'))).toBe(2030);
    expect(comparedYear(months('2025-01', '2030-12'), months('2020-01', '2024-12'))).toBeUndefined();
  });

  it('has figures only once all its months are computed', () => {
    const m = months('2020-01', '2035-06');
    expect(lastYear({ months: m, done: m.length - 7, values: [], final: false })).toBeUndefined();
    expect(lastYear({ months: m, done: m.length - 6, values: [], final: false })).toEqual({ year: 2034, from: 168, to: 180 });
  });
});
