/**
 * The freight market starts 2020 in balance (init.ts settleFreightMarket): no start-up climb of
 * rates in the first months, no mode booked at twice its capacity in the first month. Before
 * it settled, the baseline's rail rate rose 60% and air 30% over the first quarter (rail at
 * 2.3× and air at 1.9× capacity in January 2020), in every run, for no reason in the model.
 */
import { describe, it, expect } from 'vitest';
import { run, SMALL } from './helpers.ts';
import { createWorld, policyReference } from '../sim/world/init.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';

const MODES = ['sea', 'rail', 'air'] as const;

describe('freight market at the start of the run', () => {
  for (const scale of [0.02, 2 / 15]) {
    it(`rates move less than 10% over the first quarter, utilisation starts below 1.3 (scale ${scale.toFixed(3)})`, () => {
      const r = run({ time: { start: '2020-01', end: '2020-06' } }, 1, scale);
      for (const mode of MODES) {
        const rate = r.series.get('logistics_cost_usd_per_kg', { mode })!;
        const utilisation = r.series.get('capacity_utilisation', { mode })!;
        expect(Math.abs(rate[3] / rate[0] - 1), `${mode} rate ${rate[0].toFixed(3)} → ${rate[3].toFixed(3)}`).toBeLessThan(0.1);
        expect(utilisation[0], `${mode} utilisation in month 1`).toBeLessThan(1.3);
      }
    });
  }

  it('a world with other policies starts from its reference\'s settled freight market', () => {
    // (so a policy in force from the first month moves rates through the monthly dynamics, from
    // where the baseline starts, instead of settling a different market before the run)
    const baseline = createWorld(resolveScenario({ scale: SMALL }), 2);
    const policy = createWorld(resolveScenario({ scale: SMALL, infrastructure: { digitalLogistics: 0.9 }, rules: { smeLendingRate: 0.04 } }), 2);
    const reference = createWorld(policyReference(resolveScenario({ scale: SMALL })), 2, null);
    expect(Array.from(policy.providers.utilisation)).toEqual(Array.from(baseline.providers.utilisation));
    expect(Array.from(policy.providers.utilisation)).toEqual(Array.from(reference.providers.utilisation));
    expect(Math.max(...reference.providers.utilisation)).not.toBe(0.7); // settled, not the assumed start
  });
});
