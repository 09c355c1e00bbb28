/**
 * Exits for losses (demography.ts): owners bear 9 to 15 months of losses in a row, by merchant,
 * so merchants hit by the same shock, or losing money from the start, do not all close in one
 * month (model 0.7.0, one patience of 12 months for all, put 80 % of a year-long closure's
 * exits for losses into a single month).
 */
import { describe, it, expect } from 'vitest';
import { lossPatience } from '../sim/mechanisms/demography.ts';
import { run } from './helpers.ts';
import type { RunResult } from '../sim/run.ts';

/** Exits for losses in each month from `from` to `to` (YYYY-MM, inclusive). */
function unprofitableExits(r: RunResult, from: string, to: string): number[] {
  const exits = r.series.get('exits_unprofitable')!;
  return r.months.flatMap((m, t) => (m >= from && m <= to ? [exits[t]] : []));
}

describe('exits for losses', () => {
  it('patience is 9 to 15 months, the same for a merchant every time, and evenly spread over merchants', () => {
    const counts = new Map<number, number>();
    for (let id = 0; id < 70_000; id++) {
      const months = lossPatience(id);
      expect(Number.isInteger(months) && months >= 9 && months <= 15).toBe(true);
      counts.set(months, (counts.get(months) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([9, 10, 11, 12, 13, 14, 15]);
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(100);
    // among the first merchants too (a run at small scale has a few hundred)
    const first = new Set(Array.from({ length: 70 }, (_, id) => lossPatience(id)));
    expect(first.size).toBe(7);
    expect(lossPatience(123)).toBe(lossPatience(123));
  });

  it('a year-long closure of the hall spreads its exits for losses over months, not into one', () => {
    const closure = { shocks: [
      { type: 'market_hall_closure', start: '2020-03', end: '2021-08', severity: 1 },
      { type: 'buyer_travel_restriction', start: '2020-03', end: '2021-08', severity: 1 },
    ] };
    const monthly = unprofitableExits(run(closure, 1, 0.05), '2020-09', '2021-06');
    const all = monthly.reduce((a, b) => a + b, 0);
    expect(all).toBeGreaterThan(0);
    // the 9th to the 15th month of losses after March 2020: November 2020 to May 2021
    expect(Math.max(...monthly) / all).toBeLessThan(0.3);
    expect(monthly.filter((n) => n > 0.05 * all).length).toBeGreaterThanOrEqual(6);
  });

  it("the baseline's merchants losing money from the start do not all close in its twelfth month", () => {
    const monthly = unprofitableExits(run({}, 1, 0.05), '2020-09', '2021-03');
    const average = monthly.reduce((a, b) => a + b, 0) / monthly.length;
    const december = monthly[3];
    expect(december).toBeLessThan(1.5 * average);
    expect(monthly[0]).toBeGreaterThan(0); // the most impatient leave in their ninth month
  });
});
