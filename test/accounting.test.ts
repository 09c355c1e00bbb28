/** Accounting closes every month: payments, value added and merchants' cash. */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../sim/run.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { STAGES } from '../sim/ids.ts';
import { SMALL } from './helpers.ts';

describe('accounting identities', () => {
  const scenario = resolveScenario({ scale: SMALL, shocks: [{ type: 'market_hall_closure', start: '2021-01', end: '2021-06', severity: 0.7 }, { type: 'freight_rate_spike', start: '2022-01', end: '2022-12', multiplier: 3, modes: ['sea'] }] });
  const sim = createSimulation(scenario, { seed: 3 });
  const gaps = { payments: [] as number[], valueAdded: [] as number[], cash: [] as number[] };
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
  while (!sim.finished) {
    sim.step();
    const a = sim.world.accounts;
    gaps.payments.push(rel(a.buyerPayments, a.merchantRevenue + a.freight + a.tariffs + a.fees));
    gaps.valueAdded.push(rel(a.valueAddedByStage.reduce((x, y) => x + y, 0), a.merchantRevenue));
    let cash = 0;
    for (let i = 0; i < sim.world.merchants.capacity; i++) if (sim.world.merchants.alive[i]) cash += sim.world.merchants.cash[i];
    const expected = a.cashAtStart + a.grossProfit - a.fixedCosts - a.interestPaid - a.principalRepaid + a.loansReceived - a.investment - a.ownerWithdrawals + a.ownerEquity;
    const flows = Math.abs(a.cashAtStart) + a.grossProfit + a.fixedCosts + a.interestPaid + a.principalRepaid + a.loansReceived + a.investment + Math.abs(a.ownerWithdrawals) + a.ownerEquity;
    gaps.cash.push(Math.abs(cash - expected) / flows);
  }

  it('what buyers pay equals merchants\' revenue plus freight, tariffs and fees, every month', () => {
    expect(Math.max(...gaps.payments)).toBeLessThan(1e-9);
    expect(sim.world.accounts.buyerPayments).toBeGreaterThan(0);
  });

  it('value added by stage sums to the value produced, every month', () => {
    expect(Math.max(...gaps.valueAdded)).toBeLessThan(1e-9);
    for (let t = 0; t < sim.months.length; t++) {
      const stages = STAGES.reduce((s, g) => s + sim.series.get('value_added_usd', { stage: g })![t], 0);
      expect(stages).toBeCloseTo(sim.series.get('value_produced_usd')![t], -2);
    }
  });

  it('sales by the merchants\' stage sum to the value produced, and their margins draw the smile curve', () => {
    const markup = sim.world.scenario.model.traderMarkup;
    const margin = (stage: string, t: number) => sim.series.get('margin_by_stage', { stage })![t];
    let compared = 0;
    for (let t = 0; t < sim.months.length; t++) {
      const sales = STAGES.reduce((s, g) => s + sim.series.get('sales_by_stage', { stage: g })![t], 0);
      expect(sales / sim.series.get('value_produced_usd')![t]).toBeCloseTo(1, 9);
      // production and market sales earn the trading margin alone; design, then brand, add premia
      expect(margin('production', t)).toBeCloseTo(markup / (1 + markup), 12);
      expect(margin('market_sales', t)).toBeCloseTo(markup / (1 + markup), 12);
      if (Number.isFinite(margin('design_rnd', t)) && Number.isFinite(margin('brand', t))) {
        expect(margin('design_rnd', t)).toBeGreaterThan(margin('production', t) + 0.05);
        expect(margin('brand', t)).toBeGreaterThan(margin('design_rnd', t));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(sim.months.length / 2);
  });

  it('no cash from nothing: merchants\' cash changes only by recorded flows', () => {
    expect(Math.max(...gaps.cash)).toBeLessThan(1e-9);
    expect(sim.accounting.cashGap).toBeLessThan(1e-9);
  });

  it('exports by channel and by region each sum to total exports', () => {
    const total = sim.series.get('trade_value_usd')!;
    for (let t = 0; t < sim.months.length; t++) {
      const byChannel = ['market_hall', 'b2b_platform', 'cross_border_ecommerce'].reduce((s, c) => s + sim.series.get('trade_value_usd', { channel: c })![t], 0);
      const byRegion = sim.world.scenario.regions.filter((r) => !r.domestic).reduce((s, r) => s + sim.series.get('trade_value_usd', { region: r.id })![t], 0);
      expect(byChannel / total[t]).toBeCloseTo(1, 9);
      expect(byRegion / total[t]).toBeCloseTo(1, 9);
    }
  });

  it('exports by region and channel (the trade-flow view) sum to exports by region, and by channel', () => {
    const channels = ['market_hall', 'b2b_platform', 'cross_border_ecommerce'];
    const foreign = sim.world.scenario.regions.filter((r) => !r.domestic);
    for (let t = 0; t < sim.months.length; t += 5) {
      for (const r of foreign) {
        const flows = channels.reduce((s, c) => s + sim.series.get('trade_flow_usd', { region: r.id, channel: c })![t], 0);
        expect(flows / sim.series.get('trade_value_usd', { region: r.id })![t]).toBeCloseTo(1, 9);
      }
      for (const c of channels) {
        const flows = foreign.reduce((s, r) => s + sim.series.get('trade_flow_usd', { region: r.id, channel: c })![t], 0);
        expect(flows / sim.series.get('trade_value_usd', { channel: c })![t]).toBeCloseTo(1, 9);
      }
    }
    expect(sim.series.get('trade_flow_usd', { region: 'china', channel: 'market_hall' })).toBeUndefined();
  });

  it('merchants by digital level × stage sum to merchants alive and to merchants by stage', () => {
    const levels = ['offline', 'b2b_platform', 'cross_border_ecommerce', 'data_driven'];
    for (let t = 0; t < sim.months.length; t += 5) {
      let all = 0;
      for (const g of STAGES) {
        const byLevel = levels.reduce((s, l) => s + sim.series.get(`merchants_level_${l}`, { stage: g })![t], 0);
        expect(byLevel).toBeCloseTo(sim.series.get('merchants_by_stage', { stage: g })![t], 6);
        all += byLevel;
      }
      expect(all).toBeCloseTo(sim.series.get('merchants_alive')![t], 6);
    }
  });

  it('flows.csv data sum to exports each month', () => {
    const cube = sim.flows!;
    const perMonth = cube.R * cube.C * cube.K * cube.M * 3;
    const total = sim.series.get('trade_value_usd')!;
    for (let t = 0; t < sim.months.length; t += 7) {
      let s = 0;
      for (let o = t * perMonth; o < (t + 1) * perMonth; o += 3) s += cube.data[o];
      expect(s / total[t]).toBeCloseTo(1, 9);
    }
  });

  it('adoption shares by level sum to one', () => {
    for (let t = 0; t < sim.months.length; t++) {
      const s = ['offline', 'b2b_platform', 'cross_border_ecommerce', 'data_driven'].reduce((x, l) => x + sim.series.get(`adoption_share_${l}`)![t], 0);
      expect(s).toBeCloseTo(1, 12);
    }
  });
});
