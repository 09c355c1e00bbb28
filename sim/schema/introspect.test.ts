import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { controlTree, allControls, controlById, setControlValue, getControlValue, pruneDefaults, sameAsDefault, controlForProblemPath, shockTypes, isInertControl } from './introspect.ts';
import { resolveScenario } from './resolve.ts';
import { createSimulation, runScenario } from '../run.ts';
import { csvText, timeseriesRows, TIMESERIES_HEADER } from '../export/csv.ts';

describe('introspect', () => {
  it('groups every lever as the paper does', () => {
    const ids = controlTree().map((g) => g.id);
    expect(ids.slice(0, 3)).toEqual(['infrastructure', 'platform', 'rules']);
    expect(controlById('infrastructure.fiveGCoverage')?.meta.schedule).toBe(true);
    expect(controlById('regions.eu.tariff')?.meta.group).toBe('rules');
    expect(controlById('regions.eu.dataRegime')?.meta.group).toBe('platform');
    for (const c of allControls()) expect(c.meta.label.zh.length).toBeGreaterThan(0);
  });

  it('names the levers the model does not read (the home market\'s tariff and data regime), and they change nothing', () => {
    const inert = allControls().filter(isInertControl).map((c) => c.id);
    expect(inert.sort()).toEqual(['regions.china.dataRegime', 'regions.china.tariff']);
    expect(isInertControl(controlById('regions.eu.tariff')!)).toBe(false);
    expect(isInertControl(controlById('regions.china.marketSizeUsdBn')!)).toBe(false);
    const small = { scale: 0.02, time: { start: '2020-01', end: '2021-12' } };
    const csv = (input: object) => {
      const sim = createSimulation(resolveScenario(input), { seed: 3, flows: false });
      while (sim.step());
      return csvText(TIMESERIES_HEADER, timeseriesRows(sim));
    };
    const moved = setControlValue(setControlValue(small, controlById('regions.china.tariff')!, 0.5), controlById('regions.china.dataRegime')!, 1);
    expect(csv(moved)).toBe(csv(small));
  });

  it('sets and resets values without mutating the input', () => {
    const input = {};
    const eu = controlById('regions.eu.tariff')!;
    const next = setControlValue(input, eu, 0.2);
    expect(input).toEqual({});
    expect(next).toEqual({ regions: [{ id: 'eu', tariff: 0.2 }] });
    expect(getControlValue(next, eu)).toBe(0.2);
    expect(setControlValue(next, eu, undefined)).toEqual({});
    const g = controlById('infrastructure.fiveGCoverage')!;
    expect(setControlValue(setControlValue({}, g, 0.5), g, undefined)).toEqual({});
  });

  it('prunes defaults, and a pruned preset resolves to the same scenario', () => {
    expect(pruneDefaults({ $schema: 'x', seed: 1, model: { priceSensitivity: 3 }, regions: [{ id: 'eu', tariff: 0.045 }] })).toEqual({});
    expect(sameAsDefault(0.5, 0.5)).toBe(true);
    for (const f of ['digital-ftz', 'pandemic-2020', 'data-localisation-strict']) {
      const json = JSON.parse(readFileSync(`scenarios/${f}.json`, 'utf8'));
      const a = resolveScenario(json);
      const b = resolveScenario({ ...pruneDefaults(json), title: json.title, description: json.description, name: json.name });
      expect(b).toEqual(a);
    }
  });

  it('maps problem paths to controls and lists shock types', () => {
    expect(controlForProblemPath('infrastructure.fiveGCoverage.segments[0].to', {})?.id).toBe('infrastructure.fiveGCoverage');
    expect(controlForProblemPath('regions[0].tariff', { regions: [{ id: 'africa' }] })?.id).toBe('regions.africa.tariff');
    expect(shockTypes().map((s) => s.type)).toContain('freight_rate_spike');
  });

  it('the browser CSV (months streamed without flows) equals the CLI rows', () => {
    const sc = resolveScenario({ scale: 0.01, time: { start: '2020-01', end: '2020-06' } });
    const sim = createSimulation(sc, { seed: 3, flows: false });
    while (sim.step());
    expect(csvText(TIMESERIES_HEADER, timeseriesRows(sim))).toBe(csvText(TIMESERIES_HEADER, timeseriesRows(runScenario(sc, { seed: 3 }))));
  });
});
