import { resolveScenario } from '../sim/schema/resolve.ts';
const cases: Record<string, unknown> = {
  unknownKey: { modle: {} },
  unknownNested: { model: { priceSensitivty: 2 } },
  wrongType: { seed: 'abc' },
  wrongType2: { model: { priceSensitivity: 'high' } },
  range: { regions: [{ id: 'eu', tariff: 3 }] },
  rangeModel: { model: { priceSensitivity: 0.5 } },
  rangeSched: { infrastructure: { fiveGCoverage: { base: 0.2, segments: [{ start: '2021-01', end: '2022-01', to: 1.5 }] } } },
  unknownRegion: { regions: [{ id: 'europe', tariff: 0.1 }] },
  badMonth: { time: { start: '2021-13' } },
  badMonthSeg: { infrastructure: { fiveGCoverage: { segments: [{ start: '2021-13', to: 0.5 }] } } },
  rampEnd: { infrastructure: { fiveGCoverage: { base: 0.2, segments: [{ start: '2022-01', end: '2021-06', to: 0.9 }] } } },
  overlap: { infrastructure: { fiveGCoverage: { base: 0.2, segments: [{ start: '2021-01', end: '2023-01', to: 0.9 }, { start: '2022-01', to: 0.5 }] } } },
  timeEnd: { time: { start: '2025-01', end: '2024-12' } },
  shockEnd: { shocks: [{ type: 'market_hall_closure', start: '2022-05', end: '2022-03' }] },
  shockType: { shocks: [{ type: 'market_hall_closed', start: '2022-05', end: '2022-06' }] },
  shockMissing: { shocks: [{ type: 'freight_rate_spike', start: '2022-05', end: '2022-06' }] },
  json: '{\n  "seed": 3,\n  "model": { "priceSensitivity": 2, }\n}',
  json2: '{ "seed": 3 "x": 1 }',
  empty: '',
  array: [1, 2],
  str: 'null',
  num: 42,
  big: ' '.repeat(1_000_001),
  dup: { regions: [{ id: 'eu', tariff: 0.1 }, { id: 'eu', tariff: 0.2 }] },
  several: { seed: -1, modle: {}, regions: [{ id: 'eu', tariff: 3 }] },
  mixed: { seed: 'x', time: { start: '2025-01', end: '2024-01' } },
  schedWrong: { infrastructure: { fiveGCoverage: 'lots' } },
  schedNoSeg: { infrastructure: { fiveGCoverage: { base: 0.3 } } },
  schedBadKey: { infrastructure: { fiveGCoverage: { base: 0.3, segmnts: [] } } },
  nan: { seed: 1.5 },
  name: { name: 'My Scenario' },
  regionSchedRamp: { regions: [{ id: 'eu', tariff: { segments: [{ start: '2022-01', end: '2021-01', to: 0.1 }] } }] },
};
for (const [k, v] of Object.entries(cases)) {
  try { resolveScenario(v); console.log(k, 'OK'); }
  catch (e: any) { console.log(`--- ${k}\n${e.message}\n${JSON.stringify(e.problems)}`); }
}
