/**
 * Checkpoints (sim/world/checkpoint.ts): a run that continues from another run's checkpoint gives
 * the same numbers, bit for bit, as a run from the start; runs that differ before the checkpoint
 * never share it; every control either changes the history key or the levers from the month it
 * changes.
 */
import { describe, it, expect } from 'vitest';
import { createSimulation, sharedMonths, merchantTable, leversOf, type Simulation, type Checkpoint } from '../sim/run.ts';
import { resolveScenario, type ResolvedScenario } from '../sim/schema/resolve.ts';
import { historyKey, firstLeverDifference } from '../sim/world/checkpoint.ts';
import { allControls, setControlValue, retarget, targetStartMonths } from '../sim/schema/introspect.ts';
import { POLICY_START } from '../sim/schema/world-data.ts';
import { parseMonth } from '../sim/schema/dates.ts';
import type { Schedule } from '../sim/schema/param.ts';
import { SMALL } from './helpers.ts';

const time = { start: '2020-01', end: '2027-12' };
const base = { scale: SMALL, time };
const POLICY_MONTH = parseMonth(POLICY_START) - parseMonth(time.start);
const creditControl = allControls().find((c) => c.id === 'rules.smeCreditSupply')!;

/** The scenario with SME credit supply set simply (target by the year's end), as the sandbox's slider does. */
const creditTarget = (target: number, year: number) =>
  setControlValue(base, creditControl, retarget({ base: creditControl.defaultValue as number, segments: [] }, target, `${year}-12`, time.start, POLICY_START));

function checkpointAt(scenario: ResolvedScenario, month: number, seed: number, flows = false): Checkpoint {
  const sim = createSimulation(scenario, { seed, flows });
  while (sim.done < month) sim.step();
  return sim.checkpoint();
}
const finish = (sim: Simulation) => { while (sim.step()); return sim; };
const numbers = (sim: Simulation) => ({
  series: sim.series.values.map((v) => Array.from(v, (x) => (Number.isNaN(x) ? 'NaN' : x))),
  merchants: Object.entries(merchantTable(sim.world)).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v)]),
  accounting: sim.accounting,
});

describe('a run continued from a checkpoint', () => {
  const seed = 11;
  const reference = resolveScenario(base);
  const checkpoint = checkpointAt(reference, POLICY_MONTH, seed);

  it('equals a run from the start when a slider sets a target (the months before the policy start reused)', () => {
    const policy = resolveScenario(creditTarget(2, 2026));
    expect(sharedMonths(checkpoint, policy, seed)).toBe(POLICY_MONTH);
    const resumed = finish(createSimulation(policy, { seed, flows: false, resumeFrom: checkpoint }));
    expect(resumed.resumedAt).toBe(POLICY_MONTH);
    const fresh = finish(createSimulation(policy, { seed, flows: false }));
    expect(numbers(resumed)).toEqual(numbers(fresh));
    // the policy did change the future (the test compares runs that differ)
    const unchanged = finish(createSimulation(reference, { seed, flows: false }));
    expect(numbers(fresh).series).not.toEqual(numbers(unchanged).series);
  });

  it('equals a run from the start for a tariff change and a demand shock after the checkpoint, flows included', () => {
    const scenario = resolveScenario({
      ...base,
      regions: [{ id: 'north_america', tariff: { base: 0.12, segments: [{ start: '2026-03', to: 0.3 }] } }],
      shocks: [{ type: 'demand_shock', start: '2025-07', end: '2026-06', change: -0.2 }],
    });
    const withFlows = checkpointAt(reference, POLICY_MONTH, seed, true);
    expect(sharedMonths(withFlows, scenario, seed)).toBe(POLICY_MONTH);
    const resumed = finish(createSimulation(scenario, { seed, resumeFrom: withFlows }));
    const fresh = finish(createSimulation(scenario, { seed }));
    expect(numbers(resumed)).toEqual(numbers(fresh));
    expect(Array.from(resumed.flows!.data)).toEqual(Array.from(fresh.flows!.data));
  });

  it('every schedule lever set simply continues from the policy start: the default paths split at the record\'s end', () => {
    expect(targetStartMonths(POLICY_START)).toEqual([POLICY_START]);
    for (const c of allControls().filter((x) => x.meta.schedule && typeof x.defaultValue !== 'number')) {
      const d = c.defaultValue as Schedule;
      const set = retarget(d, (d.segments.at(-1)?.to ?? d.base) * 0.9, '2028-12', time.start, POLICY_START);
      expect(set.segments.at(-1)!.start >= POLICY_START, `${c.id}: ${JSON.stringify(set)}`).toBe(true);
      expect(sharedMonths(checkpoint, resolveScenario(setControlValue(base, c, set)), seed), c.id).toBe(POLICY_MONTH);
    }
    const fiveG = allControls().find((c) => c.id === 'infrastructure.fiveGCoverage')!;
    const policy = resolveScenario(setControlValue(base, fiveG, retarget(fiveG.defaultValue as Schedule, 1, '2027-12', time.start, POLICY_START)));
    const resumed = finish(createSimulation(policy, { seed, flows: false, resumeFrom: checkpoint }));
    expect(numbers(resumed)).toEqual(numbers(finish(createSimulation(policy, { seed, flows: false }))));
  });

  it('gives the same numbers when it and the continuing run take the memory of worlds no longer used', () => {
    const policy = resolveScenario(creditTarget(2.5, 2026));
    const used = () => finish(createSimulation(resolveScenario({ ...base, model: { linkAttrition: 0.05 } }), { seed: seed + 7, flows: false })).world;
    const sim = createSimulation(reference, { seed, flows: false });
    while (sim.done < POLICY_MONTH) sim.step();
    const recycled = sim.checkpoint(used());
    const resumed = finish(createSimulation(policy, { seed, flows: false, resumeFrom: recycled, recycle: used() }));
    expect(numbers(resumed)).toEqual(numbers(finish(createSimulation(policy, { seed, flows: false }))));
  });

  it('leaves the checkpoint as it was: a second run from it gives the same numbers', () => {
    const policy = resolveScenario(creditTarget(3, 2027));
    const first = finish(createSimulation(policy, { seed, flows: false, resumeFrom: checkpoint }));
    const second = finish(createSimulation(policy, { seed, flows: false, resumeFrom: checkpoint }));
    expect(numbers(second)).toEqual(numbers(first));
  });
});

describe('which runs share a checkpoint', () => {
  const seed = 4;
  const checkpoint = checkpointAt(resolveScenario(base), POLICY_MONTH, seed);

  it('none that differ before it: in a lever, a parameter, the scale, the seed or the time window', () => {
    const cases: Array<[string, object, number]> = [
      ['a target ramping from 2020', setControlValue(base, creditControl, { base: 1, segments: [{ start: '2020-01', end: '2026-12', to: 2 }] }), seed],
      ['a model parameter', { ...base, model: { linkAttrition: 0.05 } }, seed],
      ['the scale', { ...base, scale: SMALL * 2 }, seed],
      ['the seed', base, seed + 1],
      ['the end of the run', { ...base, time: { ...time, end: '2028-12' } }, seed],
      ['a shock before the checkpoint', { ...base, shocks: [{ type: 'market_hall_closure', start: '2024-02', end: '2024-03', severity: 0.5 }] }, seed],
    ];
    for (const [what, input, s] of cases) expect(sharedMonths(checkpoint, resolveScenario(input), s), what).toBe(0);
  });

  it('a run that differs before it is refused with a message, not continued', () => {
    const other = resolveScenario({ ...base, model: { linkAttrition: 0.05 } });
    expect(() => createSimulation(other, { seed, resumeFrom: checkpoint })).toThrow(/differs from this scenario and seed \(4\) before that month/);
  });

  it('every control counts: set from 2026-01 it moves the levers from that month, or changes the history key', () => {
    const defaults = resolveScenario(base);
    const month = parseMonth('2026-01') - parseMonth(time.start);
    const missed: string[] = [];
    for (const c of allControls()) {
      const d = c.defaultValue;
      const current = typeof d === 'number' ? d : (d.segments.at(-1)?.to ?? d.base);
      const max = c.meta.maximum ?? current + 1;
      const min = c.meta.minimum ?? 0;
      const other = current + (max > current ? (Math.min(max, current + 1) - current) / 2 : (min - current) / 2);
      const value: number | Schedule = c.meta.schedule
        ? { ...(typeof d === 'number' ? { base: d, segments: [] } : d), segments: [...(typeof d === 'number' ? [] : d.segments), { start: '2026-01', to: other }] }
        : other;
      let changed: ResolvedScenario;
      try {
        changed = resolveScenario(setControlValue(base, c, value));
      } catch {
        continue; // a value the schema refuses (checked elsewhere)
      }
      const sameHistory = historyKey(changed, seed) === historyKey(defaults, seed);
      if (!c.meta.schedule) {
        if (sameHistory && firstLeverDifference(leversOf(changed), leversOf(defaults)) > 0) missed.push(`${c.id}: a constant change seen from month ${firstLeverDifference(leversOf(changed), leversOf(defaults))}`);
      } else if (!sameHistory || firstLeverDifference(leversOf(changed), leversOf(defaults)) !== month) missed.push(`${c.id}: schedule change from 2026-01 seen from month ${firstLeverDifference(leversOf(changed), leversOf(defaults))} (history key ${sameHistory ? 'same' : 'changed'})`);
    }
    // (a lever missing here would let the app continue a run from a checkpoint computed under another value of it: wrong numbers, silently)
    expect(missed, 'a policy lever (infrastructure, platform, rules; a region\'s tariff, digital readiness, data regime) must be evaluated month by month in sim/world/levers.ts (LeverSeries and buildLevers) and read by mechanisms only through w.levers; any other parameter must stay in historyKey (sim/world/checkpoint.ts)').toEqual([]);
  });
});

describe('a slider target starts after the record', () => {
  it('a constant lever ramps from the policy start, leaving 2020–2024 as they were', () => {
    expect(retarget({ base: 1, segments: [] }, 2, '2027-12', '2020-01', POLICY_START)).toEqual({ base: 1, segments: [{ start: POLICY_START, end: '2027-12', to: 2 }] });
    // a target within the record ramps from the run's start, as before
    expect(retarget({ base: 1, segments: [] }, 2, '2023-12', '2020-01', POLICY_START).segments[0].start).toBe('2020-01');
  });

  it('a target after the record replaces the default\'s plan: e-signatures\' 0.6 by 2025 does not stay under a target for 2026', () => {
    const eSign = allControls().find((c) => c.id === 'platform.eSignatureAdoption')!.defaultValue as Schedule;
    const record = eSign.segments.filter((s) => (s.end ?? s.start) < POLICY_START);
    expect(retarget(eSign, 0.9, '2026-12', '2020-01', POLICY_START).segments).toEqual([...record, { start: POLICY_START, end: '2026-12', to: 0.9 }]);
    // the default's own target and year give the default back
    expect(retarget(eSign, 0.6, '2025-12', '2020-01', POLICY_START)).toEqual(eSign);
  });

  it('a path flat before the policy start keeps its record; a scenario\'s own segment moving across it is replaced from its start', () => {
    const paperless: Schedule = { base: 0.5, segments: [{ start: '2020-01', end: '2024-12', to: 0.8 }] };
    expect(retarget(paperless, 0.95, '2028-12', '2020-01', POLICY_START).segments).toEqual([paperless.segments[0], { start: POLICY_START, end: '2028-12', to: 0.95 }]);
    const fiveG: Schedule = { base: 0.1, segments: [{ start: '2020-01', end: '2023-12', to: 0.85 }, { start: '2024-01', end: '2030-12', to: 0.95 }] };
    expect(retarget(fiveG, 1, '2028-12', '2020-01', POLICY_START).segments).toEqual([fiveG.segments[0], { start: '2024-01', end: '2028-12', to: 1 }]);
  });
});
