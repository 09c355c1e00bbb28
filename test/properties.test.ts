/**
 * Property test: random valid scenarios never produce NaN, Infinity or negative stocks.
 * fast-check draws scenarios across every lever group, world table and shock type.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createSimulation } from '../sim/run.ts';
import { DEFAULT_REGIONS, DEFAULT_CATEGORIES, DEFAULT_MODES } from '../sim/schema/world-data.ts';
import { METRICS, RATIO_METRICS } from '../sim/collect/metrics.ts';

const month = fc.tuple(fc.integer({ min: 2019, max: 2022 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const share = fc.double({ min: 0, max: 1, noNaN: true });
const schedule = (min: number, max: number) =>
  fc.oneof(
    fc.double({ min, max, noNaN: true }),
    fc.record({ base: fc.double({ min, max, noNaN: true }), to: fc.double({ min, max, noNaN: true }), start: fc.integer({ min: 2020, max: 2022 }) })
      .map(({ base, to, start }) => ({ base, segments: [{ start: `${start}-01`, end: `${start + 1}-06`, to }] })),
  );
const shock = fc.oneof(
  fc.record({ type: fc.constant('market_hall_closure'), start: month, severity: share }).map((s) => ({ ...s, end: '2023-06' })),
  fc.record({ type: fc.constant('freight_rate_spike'), start: month, multiplier: fc.double({ min: 0.1, max: 20, noNaN: true }), modes: fc.subarray(DEFAULT_MODES.map((m) => m.id), { minLength: 1 }) }).map((s) => ({ ...s, end: '2023-12' })),
  fc.record({ type: fc.constant('demand_shock'), start: month, change: fc.double({ min: -1, max: 5, noNaN: true }), regions: fc.subarray(DEFAULT_REGIONS.map((r) => r.id), { minLength: 1 }) }).map((s) => ({ ...s, end: '2023-12' })),
);
const scenario = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  infrastructure: fc.record({ fiveGCoverage: schedule(0, 1), cloudAiPriceIndex: schedule(0.1, 3), digitalLogistics: schedule(0, 1) }),
  platform: fc.record({
    consumerProtection: schedule(0, 1), eSignatureAdoption: schedule(0, 1), homeDataOutboundStrictness: schedule(0, 1),
    customs: fc.record({ b2b_platform: fc.record({ clearanceDays: schedule(0, 30), paperlessShare: schedule(0, 1) }) }),
  }),
  rules: fc.record({ smeCreditSupply: schedule(0, 5), smeLendingRate: schedule(0, 0.3), transactionDataScoring: schedule(0, 1) }),
  regions: fc.subarray(DEFAULT_REGIONS.map((r) => r.id), { maxLength: 3 }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), tariff: schedule(0, 2), dataRegime: schedule(0, 1), marketSizeUsdBn: fc.double({ min: 0, max: 2000, noNaN: true }) })))),
  categories: fc.subarray(DEFAULT_CATEGORIES.map((c) => c.id), { maxLength: 2 }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), kgPerUsd: fc.double({ min: 0.001, max: 10, noNaN: true }), timeCostPerDay: fc.double({ min: 0, max: 0.05, noNaN: true }) })))),
  shocks: fc.array(shock, { maxLength: 3 }),
  model: fc.record({
    priceSensitivity: fc.double({ min: 1.2, max: 10, noNaN: true }),
    productivityShape: fc.double({ min: 1.2, max: 10, noNaN: true }),
    hubShareAtStart: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    bassImitation: fc.double({ min: 0, max: 1, noNaN: true }),
    creditStrictness: fc.double({ min: -5, max: 5, noNaN: true }),
    boothCostUsd: fc.double({ min: 0, max: 50_000, noNaN: true }),
  }, { requiredKeys: [] }),
});

describe('random valid scenarios', () => {
  it('never produce NaN, Infinity or negative stocks and flows', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const resolved = resolveScenario({ ...input, scale: 0.005, time: { start: '2020-01', end: '2023-12' } });
        const sim = createSimulation(resolved);
        while (!sim.finished) {
          sim.step();
          const s = sim.world.merchants;
          for (let i = 0; i < s.capacity; i++) {
            if (!s.alive[i]) continue;
            if (!Number.isFinite(s.cash[i]) || !Number.isFinite(s.salesMonth[i])) throw new Error(`merchant ${i}: cash ${s.cash[i]}, sales ${s.salesMonth[i]} in month ${sim.done}`);
            if (s.debt[i] < -1e-6 || s.salesMonth[i] < 0) throw new Error(`merchant ${i}: debt ${s.debt[i]}, sales ${s.salesMonth[i]} in month ${sim.done}`);
          }
        }
        for (let id = 0; id < sim.series.keys.length; id++) {
          const key = sim.series.keys[id];
          for (const v of sim.series.values[id]) {
            if (Number.isNaN(v)) {
              // only ratios in a month without a denominator (a mode nothing travels by, no applications) may be NaN
              if (!RATIO_METRICS.has(key.metric)) throw new Error(`NaN in ${JSON.stringify(key)}`);
              continue;
            }
            if (!Number.isFinite(v) || v < -1e-6) throw new Error(`${v} in ${JSON.stringify(key)}`);
          }
        }
        for (const v of sim.flows!.data) if (!Number.isFinite(v) || v < 0) throw new Error(`flow ${v}`);
        expect(sim.accounting.paymentsGap).toBeLessThan(1e-9);
        expect(sim.accounting.valueAddedGap).toBeLessThan(1e-9);
        expect(sim.accounting.cashGap).toBeLessThan(1e-9);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });

  it('a ratio has no value in a month without a denominator (not a 0 that reads as "none rejected")', () => {
    for (const id of RATIO_METRICS) expect(METRICS.some((m) => m.id === id), id).toBe(true);
    const sim = createSimulation(resolveScenario({ scale: 0.002, time: { start: '2020-01', end: '2021-12' } }));
    while (sim.step()) { /* to the end */ }
    const series = (metric: string) => sim.series.values[sim.series.keys.findIndex((k) => k.metric === metric && !k.region && !k.channel && !k.mode && !k.stage && !k.category)];
    const applications = series('credit_applications');
    const rejection = series('credit_rejection_rate');
    const without = [...applications.keys()].filter((t) => applications[t] === 0);
    expect(without.length).toBeGreaterThan(0); // 150 merchants: some months see no application
    for (let t = 0; t < applications.length; t++) expect(Number.isNaN(rejection[t]), `month ${t}: ${applications[t]} applications`).toBe(applications[t] === 0);
  });

  it('a value-weighted average over nothing has no value: the hall\'s clearance days while it is closed (it read 0, same-day clearance)', () => {
    const sim = createSimulation(resolveScenario({ scale: 0.005, time: { start: '2020-01', end: '2020-12' }, shocks: [{ type: 'market_hall_closure', start: '2020-03', end: '2020-05', severity: 1 }] }));
    while (sim.step()) { /* to the end */ }
    const key = (metric: string, channel: string) => sim.series.values[sim.series.keys.findIndex((k) => k.metric === metric && k.channel === channel && !k.region)];
    const hallExports = key('trade_value_usd', 'market_hall');
    const hallClearance = key('clearance_days', 'market_hall');
    for (let t = 0; t < 12; t++) {
      const closed = t >= 2 && t <= 4;
      expect(hallExports[t] === 0, `month ${t}: hall trade ${hallExports[t]}`).toBe(closed);
      if (closed) expect(hallClearance[t], `month ${t}`).toBeNaN();
      else expect(hallClearance[t], `month ${t}`).toBeGreaterThan(0);
    }
    expect(RATIO_METRICS.has('clearance_days')).toBe(true);
  });
});
