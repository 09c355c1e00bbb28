import { describe, it, expect } from 'vitest';
import { valueAt, series } from './schedule.ts';
import { parseMonth, formatMonth } from './dates.ts';

const m = parseMonth;
describe('schedules', () => {
  const s = { base: 0.2, segments: [{ start: '2021-01', end: '2021-11', to: 0.7 }, { start: '2023-01', to: 1 }] };
  it('hold the base before the first segment', () => expect(valueAt(s, m('2020-06'))).toBe(0.2));
  it('ramp linearly between start and end', () => {
    expect(valueAt(s, m('2021-01'))).toBeCloseTo(0.2);
    expect(valueAt(s, m('2021-06'))).toBeCloseTo(0.45);
    expect(valueAt(s, m('2021-11'))).toBeCloseTo(0.7);
  });
  it('hold the ramp\'s end value until the next segment, then step', () => {
    expect(valueAt(s, m('2022-12'))).toBeCloseTo(0.7);
    expect(valueAt(s, m('2023-01'))).toBe(1);
    expect(valueAt(s, m('2030-12'))).toBe(1);
  });
  it('ramp from an explicit `from`', () => {
    expect(valueAt({ base: 0, segments: [{ start: '2020-01', end: '2020-03', from: 1, to: 0 }] }, m('2020-02'))).toBeCloseTo(0.5);
  });
  it('evaluate month by month for a run', () => {
    expect(Array.from(series({ base: 1, segments: [{ start: '2020-03', to: 2 }] }, m('2020-01'), 4))).toEqual([1, 1, 2, 2]);
  });
  it('months round-trip', () => {
    expect(formatMonth(m('2024-02'))).toBe('2024-02');
    expect(() => m('2024-13')).toThrow(/YYYY-MM/);
  });
});
