import { describe, it, expect } from 'vitest';
import { parsePath, pathProblem, applyValues } from './paths.ts';

describe('parameter paths', () => {
  it('parses keys, ids and positions', () => {
    expect(parsePath('rules.smeCreditSupply')).toEqual([{ key: 'rules' }, { key: 'smeCreditSupply' }]);
    expect(parsePath('regions[eu].tariff')).toEqual([{ key: 'regions' }, { id: 'eu' }, { key: 'tariff' }]);
    expect(parsePath('shocks[0].severity')).toEqual([{ key: 'shocks' }, { index: 0 }, { key: 'severity' }]);
    expect(parsePath('platform.customs.market_hall.clearanceDays')).toHaveLength(4);
  });
  it('refuses what is not a path', () => {
    for (const bad of ['', 'rules..x', '.rules', 'rules.', '[eu].tariff', 'regions[eu', 'a b', 'regions[e u].x']) expect(parsePath(bad), bad).toBeUndefined();
  });
  it('writes into a copy, adding list entries by id', () => {
    const base = { rules: { smeLendingRate: 0.05 }, regions: [{ id: 'africa', tariff: 0.1 }] };
    const out = applyValues(base, [['rules.smeCreditSupply', 2], ['regions[eu].tariff', 0.01], ['regions[africa].tariff', 0.2]]);
    expect(out).toEqual({ rules: { smeLendingRate: 0.05, smeCreditSupply: 2 }, regions: [{ id: 'africa', tariff: 0.2 }, { id: 'eu', tariff: 0.01 }] });
    expect(base.regions).toHaveLength(1);
    expect(applyValues({}, [['model.priceSensitivity', 4]])).toEqual({ model: { priceSensitivity: 4 } });
  });
  it('explains paths that cannot be written', () => {
    expect(pathProblem({}, parsePath('shocks[0].severity')!)).toMatch(/has 0 entries/);
    expect(pathProblem({}, parsePath('regions[eu]')!)).toMatch(/end with a field name/);
    expect(pathProblem({ name: 'x' }, parsePath('name.x')!)).toMatch(/not an object/);
    expect(pathProblem({}, parsePath('regions[eu].tariff')!)).toBeUndefined();
    // a schedule's start needs a schedule: the base scenario's, or the lever's default one
    expect(pathProblem({}, parsePath('rules.smeCreditSupply.base')!)).toBe('sets the start of a schedule, but rules.smeCreditSupply has no schedule in the base scenario or by default; give it one there ({ "base": …, "segments": [ … ] }), or vary rules.smeCreditSupply itself');
    expect(pathProblem({ rules: { smeCreditSupply: 2 } }, parsePath('rules.smeCreditSupply.base')!)).toMatch(/no schedule in the base scenario or by default/);
    expect(pathProblem({ rules: { smeCreditSupply: { base: 1, segments: [] } } }, parsePath('rules.smeCreditSupply.base')!)).toBeUndefined();
    expect(pathProblem({}, parsePath('infrastructure.digitalLogistics.base')!)).toBeUndefined();
    expect(pathProblem({ infrastructure: { digitalLogistics: 0.3 } }, parsePath('infrastructure.digitalLogistics.base')!)).toMatch(/^sets the start of a schedule, but the base scenario gives infrastructure.digitalLogistics without one; leave it out there \(its default is a schedule/);
    // the runs' seeds come from the experiment: "seed" is no parameter
    expect(pathProblem({}, parsePath('seed')!)).toMatch(/^is not a parameter: each run's seed is drawn from the experiment's "seed"/);
  });
  it('varies the start of a default schedule and keeps the rest of it', () => {
    const out = applyValues({ scale: 0.01 }, [['infrastructure.digitalLogistics.base', 0.1]]) as { infrastructure: { digitalLogistics: { base: number; segments: Array<{ to: number }> } } };
    expect(out.infrastructure.digitalLogistics.base).toBe(0.1);
    expect(out.infrastructure.digitalLogistics.segments.map((g) => g.to)).toEqual([0.408, 0.6]);
    // a schedule the base scenario gives is used as it is
    const given = { infrastructure: { digitalLogistics: { base: 0.5, segments: [{ start: '2021-01', end: '2021-12', to: 0.9 }] } } };
    expect(applyValues(given, [['infrastructure.digitalLogistics.base', 0.2]])).toEqual({ infrastructure: { digitalLogistics: { base: 0.2, segments: [{ start: '2021-01', end: '2021-12', to: 0.9 }] } } });
  });
});
