/** The same scenario and seed give identical numbers; other seeds give other numbers. */
import { describe, it, expect } from 'vitest';
import { createSimulation, runScenario } from '../sim/run.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { SMALL } from './helpers.ts';

const scenario = resolveScenario({ scale: SMALL, time: { start: '2020-01', end: '2023-12' } });
const flat = (r: ReturnType<typeof runScenario>) => r.series.values.map((v) => Array.from(v));

describe('determinism', () => {
  it('same scenario and seed: identical series, flows and merchants', () => {
    const a = runScenario(scenario, { seed: 42 });
    const b = runScenario(scenario, { seed: 42 });
    expect(flat(a)).toEqual(flat(b));
    expect(Array.from(a.flows!.data)).toEqual(Array.from(b.flows!.data));
    expect(Array.from(a.merchants.salesUsd)).toEqual(Array.from(b.merchants.salesUsd));
    expect(a.series.keys).toEqual(b.series.keys);
  });

  it('another seed gives different numbers', () => {
    const a = runScenario(scenario, { seed: 42 });
    const b = runScenario(scenario, { seed: 43 });
    expect(flat(a)).not.toEqual(flat(b));
  });

  it('the scenario seed is used when no seed is given', () => {
    const a = runScenario(resolveScenario({ scale: SMALL, seed: 9, time: { start: '2020-01', end: '2020-12' } }));
    const b = runScenario(resolveScenario({ scale: SMALL, time: { start: '2020-01', end: '2020-12' } }), { seed: 9 });
    expect(flat(a)).toEqual(flat(b));
  });

  it('stepping month by month gives the same result as a whole run', () => {
    const whole = runScenario(scenario, { seed: 5 });
    const sim = createSimulation(scenario, { seed: 5 });
    while (sim.step());
    expect(sim.series.values.map((v) => Array.from(v))).toEqual(flat(whole));
  });

  it('interleaving two simulations does not change either (no shared state)', () => {
    const other = resolveScenario({ scale: SMALL, time: { start: '2020-01', end: '2023-12' }, infrastructure: { fiveGCoverage: 1 } });
    const alone = runScenario(scenario, { seed: 5 });
    const a = createSimulation(scenario, { seed: 5 });
    const b = createSimulation(other, { seed: 6 });
    while (!a.finished) { a.step(); b.step(); }
    expect(a.series.values.map((v) => Array.from(v))).toEqual(flat(alone));
  });

  it('a run can be cancelled between months', () => {
    let months = 0;
    const r = runScenario(scenario, { seed: 1, onMonth: () => months++, shouldStop: () => months >= 5 });
    expect(r.cancelled).toBe(true);
    expect(months).toBe(5);
  });
});
