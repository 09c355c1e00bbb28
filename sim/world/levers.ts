/**
 * Policy levers and shocks, evaluated once per run into one value per month, so the monthly
 * step reads arrays instead of re-evaluating schedules. This is where the regulators' settings
 * enter the model: customs (clearance days, paperless share per channel), the data regulator
 * (home outbound rule, each region's data regime), the market regulator (consumer protection,
 * e-signature), the financial regulator (SME credit supply, rate, data-based scoring) and the
 * infrastructure authority (5G, cloud/AI price, digital logistics) — the five of REGULATORS in
 * run.ts — and, beside them, the destinations' tariffs (trade policy abroad) and the shocks.
 *
 * A new lever of infrastructure, platform or rules (or a new time-dependent field of a region)
 * goes into LeverSeries and buildLevers, and mechanisms read it only through `w.levers`, never
 * from `w.scenario`: the app continues a run from a checkpoint of another run whose levers agree
 * before the change (world/checkpoint.ts), which is only exact if every lever's months are here.
 * test/checkpoint.test.ts ("every control counts") names a lever that is missing.
 */
import { parseMonth } from '../schema/dates.ts';
import { series } from '../schema/schedule.ts';
import type { ResolvedScenario } from '../schema/resolve.ts';
import { CHANNELS } from '../ids.ts';

export interface LeverSeries {
  fiveGCoverage: Float64Array;
  cloudAiPriceIndex: Float64Array;
  digitalLogistics: Float64Array;
  consumerProtection: Float64Array;
  eSignatureAdoption: Float64Array;
  homeDataOutboundStrictness: Float64Array;
  smeCreditSupply: Float64Array;
  smeLendingRate: Float64Array;
  transactionDataScoring: Float64Array;
  /** Per channel. */
  clearanceDays: Float64Array[];
  paperlessShare: Float64Array[];
  /** Per region, [r][t]. */
  tariff: Float64Array[];
  digitalReadiness: Float64Array[];
  dataRegime: Float64Array[];
  /**
   * Shocks: share of the market hall open; share of foreign buyers' visits possible; freight
   * multiplier per mode [m][t]; demand multiplier [(r*K+k)][t].
   */
  hallOpen: Float64Array;
  foreignVisitsOpen: Float64Array;
  freightMultiplier: Float64Array[];
  demandMultiplier: Float64Array[];
}

export function buildLevers(s: ResolvedScenario, first: number, months: number): LeverSeries {
  const ser = (x: Parameters<typeof series>[0]) => series(x, first, months);
  const R = s.regions.length;
  const K = s.categories.length;
  const hallOpen = new Float64Array(months).fill(1);
  const foreignVisitsOpen = new Float64Array(months).fill(1);
  const freightMultiplier = s.modes.map(() => new Float64Array(months).fill(1));
  const demandMultiplier = Array.from({ length: R * K }, () => new Float64Array(months).fill(1));
  for (const shock of s.shocks) {
    const a = Math.max(0, parseMonth(shock.start) - first);
    const b = Math.min(months - 1, parseMonth(shock.end) - first);
    for (let t = a; t <= b; t++) {
      if (shock.type === 'market_hall_closure') hallOpen[t] *= 1 - shock.severity;
      else if (shock.type === 'buyer_travel_restriction') foreignVisitsOpen[t] *= 1 - shock.severity;
      else if (shock.type === 'freight_rate_spike') {
        for (const id of shock.modes) freightMultiplier[s.modes.findIndex((m) => m.id === id)][t] *= shock.multiplier;
      } else {
        for (let r = 0; r < R; r++) {
          if (shock.regions && !shock.regions.includes(s.regions[r].id)) continue;
          for (let k = 0; k < K; k++) {
            if (shock.categories && !shock.categories.includes(s.categories[k].id)) continue;
            demandMultiplier[r * K + k][t] *= Math.max(0, 1 + shock.change);
          }
        }
      }
    }
  }
  return {
    fiveGCoverage: ser(s.infrastructure.fiveGCoverage),
    cloudAiPriceIndex: ser(s.infrastructure.cloudAiPriceIndex),
    digitalLogistics: ser(s.infrastructure.digitalLogistics),
    consumerProtection: ser(s.platform.consumerProtection),
    eSignatureAdoption: ser(s.platform.eSignatureAdoption),
    homeDataOutboundStrictness: ser(s.platform.homeDataOutboundStrictness),
    smeCreditSupply: ser(s.rules.smeCreditSupply),
    smeLendingRate: ser(s.rules.smeLendingRate),
    transactionDataScoring: ser(s.rules.transactionDataScoring),
    clearanceDays: CHANNELS.map((c) => ser(s.platform.customs[c].clearanceDays)),
    paperlessShare: CHANNELS.map((c) => ser(s.platform.customs[c].paperlessShare)),
    tariff: s.regions.map((r) => ser(r.tariff)),
    digitalReadiness: s.regions.map((r) => ser(r.digitalReadiness)),
    dataRegime: s.regions.map((r) => ser(r.dataRegime)),
    hallOpen,
    foreignVisitsOpen,
    freightMultiplier,
    demandMultiplier,
  };
}
