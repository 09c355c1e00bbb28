/**
 * Every lever moves the outcomes the way the mechanisms say it should. Each comparison uses
 * the same seeds for scenario and baseline and averages over them, over the last years.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, mean, total } from './helpers.ts';
import { createSimulation } from '../sim/run.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { DEFAULT_REGIONS } from '../sim/schema/world-data.ts';

const FOREIGN = DEFAULT_REGIONS.filter((r) => !r.domestic).map((r) => r.id);
import type { RunResult } from '../sim/run.ts';

const SEEDS = [1, 2, 3];
/** Runs baseline and scenario on the same seeds; returns per-seed pairs. */
function compare(overrides: Record<string, unknown>, f: (r: RunResult) => number, base: Record<string, unknown> = {}) {
  let scenario = 0;
  let baseline = 0;
  for (const seed of SEEDS) {
    scenario += f(run({ ...base, ...overrides }, seed));
    baseline += f(run(base, seed));
  }
  return { scenario: scenario / SEEDS.length, baseline: baseline / SEEDS.length };
}

describe('policy levers move outcomes in the expected direction', () => {
  it('faster 5G and cheaper cloud → more digital trade and more data-driven merchants', () => {
    // against a world that stays without 5G and with dear cloud services
    const slow = { infrastructure: { fiveGCoverage: 0.1, cloudAiPriceIndex: 1.5 } };
    const lever = { infrastructure: { fiveGCoverage: 1, cloudAiPriceIndex: 0.3 } };
    // (shares, not totals: totals swing with the fate of a few giant merchants, as in a Zipf economy)
    const share = compare(lever, (r) => mean(r, 'digital_share_of_exports'), slow);
    expect(share.scenario).toBeGreaterThan(share.baseline);
    const data = compare(lever, (r) => mean(r, 'adoption_share_data_driven'), slow);
    expect(data.scenario).toBeGreaterThan(data.baseline * 1.1);
  });

  it('strict data localisation in a region → fewer digital exports to that region', () => {
    const lever = { regions: [{ id: 'eu', dataRegime: { base: 0.25, segments: [{ start: '2021-01', to: 1 }] } }] };
    const eu = compare(lever, (r) => mean(r, 'digital_trade_value_usd', { region: 'eu' }));
    expect(eu.scenario).toBeLessThan(eu.baseline * 0.95);
  });

  it('SME finance → more adoption and upgrading, fewer credit-starved exits', () => {
    const lever = { rules: { smeCreditSupply: 3, smeLendingRate: 0.03, transactionDataScoring: 0.9 } };
    const base = { rules: { smeCreditSupply: 0.5 } };
    // the costly step (cloud, ERP, AI) is the one that needs credit
    const adoption = compare(lever, (r) => mean(r, 'adoption_share_data_driven'), base);
    expect(adoption.scenario).toBeGreaterThan(adoption.baseline);
    const upgrades = compare(lever, (r) => total(r, 'upgrades'), base);
    expect(upgrades.scenario).toBeGreaterThan(upgrades.baseline);
    const starved = compare(lever, (r) => total(r, 'exits_credit_starved'), base);
    expect(starved.scenario).toBeLessThan(starved.baseline);
    const rejection = compare(lever, (r) => mean(r, 'credit_rejection_rate', {}, 0, -1), base);
    expect(rejection.scenario).toBeLessThan(rejection.baseline);
  });

  it('the SME finance preset keeps more merchants in business and exporting, but less productive ones (its description says so)', () => {
    const preset = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'scenarios', 'sme-finance.json'), 'utf8')) as Record<string, unknown>;
    const { rules } = preset;
    const productivity = (r: RunResult) => {
      const t = r.merchants;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < t.id.length; i++) if (t.alive[i]) { sum += t.productivity[i]; n++; }
      return sum / n;
    };
    // at the default scale (the sandbox's), seed by seed: 2030 merchants +1.0–1.8 %, exporters +2.1–2.9 %, productivity −0.6 to −1.4 % (seeds 1–6, model 0.8.0)
    for (const seed of [1, 2]) {
      const credit = run({ rules }, seed, 2 / 15);
      const base = run({}, seed, 2 / 15);
      expect(mean(credit, 'merchants_alive', {}, -12)).toBeGreaterThan(mean(base, 'merchants_alive', {}, -12));
      expect(mean(credit, 'exporters', {}, -12)).toBeGreaterThan(mean(base, 'exporters', {}, -12));
      expect(productivity(credit)).toBeLessThan(productivity(base));
    }
  }, 60_000);

  it('more customs clearance days → less trade', () => {
    const days = (d: number) => ({ platform: { customs: { market_hall: { clearanceDays: d }, b2b_platform: { clearanceDays: d }, cross_border_ecommerce: { clearanceDays: d } } } });
    const exports = compare(days(8), (r) => mean(r, 'trade_value_usd'));
    expect(exports.scenario).toBeLessThan(exports.baseline);
  });

  it('market-hall closure → offline trade falls, online trade rises', () => {
    const closure = { shocks: [{ type: 'market_hall_closure', start: '2022-01', end: '2023-12', severity: 0.9 }] };
    const window = (r: RunResult, metric: string, channel: string) => mean(r, metric, { channel }, 25, 47);
    const hall = compare(closure, (r) => window(r, 'trade_value_usd', 'market_hall'));
    expect(hall.scenario).toBeLessThan(hall.baseline * 0.5);
    const online = compare(closure, (r) => window(r, 'trade_value_usd', 'b2b_platform') + window(r, 'trade_value_usd', 'cross_border_ecommerce'));
    expect(online.scenario).toBeGreaterThan(online.baseline);
  });

  it('higher tariffs in a region → less trade with it', () => {
    const lever = { regions: [{ id: 'north_america', tariff: 0.4 }] };
    const na = compare(lever, (r) => mean(r, 'trade_value_usd', { region: 'north_america' }));
    expect(na.scenario).toBeLessThan(na.baseline * 0.8);
  });

  it('consumer protection → fewer fraud losses per US$ of online trade and more online trust', () => {
    const lever = { platform: { consumerProtection: 0.95, eSignatureAdoption: 0.95 } };
    const fraud = compare(lever, (r) => mean(r, 'fraud_losses_usd') / mean(r, 'digital_trade_value_usd'));
    expect(fraud.scenario).toBeLessThan(fraud.baseline);
    const trust = compare(lever, (r) => mean(r, 'buyer_trust_online', { region: 'eu' }));
    expect(trust.scenario).toBeGreaterThan(trust.baseline);
  });

  it('a freight-rate spike on sea raises the sea freight rate and shifts goods to other modes', () => {
    const spike = { shocks: [{ type: 'freight_rate_spike', start: '2021-01', end: '2022-12', multiplier: 4, modes: ['sea'] }] };
    const rate = compare(spike, (r) => mean(r, 'logistics_cost_usd_per_kg', { mode: 'sea' }, 14, 35));
    expect(rate.scenario).toBeGreaterThan(rate.baseline * 2);
    const rail = compare(spike, (r) => mean(r, 'volume_kg', { mode: 'rail' }, 14, 35));
    expect(rail.scenario).toBeGreaterThan(rail.baseline);
  });

  it('a world freight spike on every mode costs the hub little: rival suppliers elsewhere pay it too', () => {
    // (were it the hub's alone, exports would fall about a fifth: 0.79 of the baseline, measured)
    const spike = { shocks: [{ type: 'freight_rate_spike', start: '2021-01', end: '2022-12', multiplier: 3, modes: ['sea', 'rail', 'air', 'express', 'overseas_warehouse'] }] };
    const exports = compare(spike, (r) => mean(r, 'trade_value_usd', {}, 12, 35));
    expect(exports.scenario).toBeLessThan(exports.baseline); // buyers' spending goes partly to freight
    expect(exports.scenario).toBeGreaterThan(exports.baseline * 0.9);
  });

  it('when no foreign importer spends, hall meetings make no new relationships (they went to the last region, Oceania)', () => {
    const collapse = { time: { start: '2020-01', end: '2020-08' }, shocks: [{ type: 'demand_shock', start: '2020-02', end: '2020-07', change: -1, regions: FOREIGN }] };
    const oceaniaLinks = (input: Record<string, unknown>) => {
      const sim = createSimulation(resolveScenario({ scale: 0.01, ...input }), { seed: 1 });
      while (sim.step());
      const s = sim.world.merchants;
      const bit = 1 << sim.world.scenario.regions.findIndex((r) => r.id === 'oceania');
      let n = 0;
      const slots = s.aliveSlots();
      for (let a = 0; a < s.aliveCount; a++) if (s.offlineMask[slots[a]] & bit) n++;
      return n;
    };
    expect(oceaniaLinks(collapse)).toBeLessThanOrEqual(oceaniaLinks({ time: collapse.time }));
  });
});

