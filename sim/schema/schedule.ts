/**
 * Evaluating a schedule month by month. A schedule starts at `base`; each segment, in time
 * order, ramps linearly from the value in force at its start (or `from`) to `to` at its end,
 * or steps to `to` at its start when it has no end.
 */
import { parseMonth } from './dates.ts';
import type { Schedule } from './param.ts';

export function valueAt(schedule: Schedule, month: number): number {
  let value = schedule.base;
  for (const seg of schedule.segments) {
    const start = parseMonth(seg.start);
    if (month < start) break;
    if (seg.end === undefined) {
      value = seg.to;
      continue;
    }
    const end = parseMonth(seg.end);
    const from = seg.from ?? value;
    if (month >= end) value = seg.to;
    else return from + ((seg.to - from) * (month - start)) / (end - start);
  }
  return value;
}

/** The schedule's value for each month of a run, starting at month number `first`. */
export function series(schedule: Schedule, first: number, months: number): Float64Array {
  const out = new Float64Array(months);
  for (let t = 0; t < months; t++) out[t] = valueAt(schedule, first + t);
  return out;
}
