/** Every kind of bad experiment file gives a clear error naming the path, the value and what is allowed. */
import { describe, it, expect } from 'vitest';
import { resolveExperiment, ExperimentError } from './experiment.ts';

const BASE = { scale: 0.005, time: { start: '2020-01', end: '2020-12' } };
const ok = { base: BASE, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 2] }], replications: 2 };

function problems(input: unknown, options = {}): string[] {
  try {
    resolveExperiment(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentError);
    const err = e as ExperimentError;
    expect(err.message).toMatch(/in the experiment\n/);
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('no error');
}

describe('experiment files', () => {
  it('resolves a good one with defaults', () => {
    const e = resolveExperiment(ok, { name: 'x' });
    expect(e.name).toBe('x');
    expect(e.design).toEqual({ type: 'grid' });
    expect(e.monthIndices).toHaveLength(12);
    expect(e.metrics).toContain('trade_value_usd');
    expect(resolveExperiment({ ...ok, months: { every: 3 } }).monthIndices).toEqual([2, 5, 8, 11]);
    expect(resolveExperiment({ ...ok, months: ['2020-06', '2020-01'] }).monthIndices).toEqual([0, 5]);
    expect(resolveExperiment({ ...ok, months: 'last' }).monthIndices).toEqual([11]);
  });

  it('samples a range without steps in random and lhs designs and sensitivity analyses (a grid needs steps)', () => {
    const range = { ...ok, parameters: [{ path: 'rules.smeCreditSupply', range: { from: 0.5, to: 3 } }] };
    expect(resolveExperiment({ ...range, design: { type: 'lhs', samples: 4 } }).parameters[0].range).toEqual({ from: 0.5, to: 3 });
    expect(resolveExperiment({ ...range, design: { type: 'random', samples: 4 } }).design).toEqual({ type: 'random', samples: 4 });
    expect(resolveExperiment(range, { purpose: 'sensitivity' }).sensitivity?.method).toBe('morris');
    // the range's ends are still tried on the base scenario
    expect(() => resolveExperiment({ ...range, design: { type: 'lhs', samples: 4 }, parameters: [{ path: 'rules.smeCreditSupply', range: { from: 0.5, to: 9 } }] })).toThrow(/range\.to: rules\.smeCreditSupply = 9 is refused by the scenario/);
  });

  it.each<[string, unknown, RegExp]>([
    ['malformed JSON', '{ "base": {}, }', /^: malformed JSON at line 1, column 15: property name expected/],
    ['not an object', '[1]', /^: the experiment must be a JSON object/],
    ['unknown key', { ...ok, replicatons: 3 }, /^replicatons: unknown key \(did you mean "replications"\?\)/],
    ['replications out of range', { ...ok, replications: 0 }, /^replications: 0 is out of range; allowed 1 to 10000/],
    ['replications not whole', { ...ok, replications: 2.5 }, /^replications: 2.5 is a number; expected an integer/],
    ['bad design type', { ...ok, design: { type: 'sobol' } }, /^design(\.type)?: "sobol" is not allowed; allowed: grid, random, lhs/],
    ['design without samples', { ...ok, design: { type: 'lhs' } }, /^design\.samples: missing; expected a number/],
    ['a grid over a range without steps', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', range: { from: 0.5, to: 3 } }] }, /^parameters\[0\]\.range\.steps: missing; a grid design takes "steps" evenly spaced values from "from" to "to", both included \(e\.g\. 3\); random and lhs designs sample the range continuously and need none$/],
    ['a seed as a parameter', { ...ok, parameters: [{ path: 'seed', values: [1, 2] }] }, /^parameters\[0\]\.path: "seed" is not a parameter: each run's seed is drawn from the experiment's "seed", the point and the replicate; for more seeds raise "replications"$/],
    ['unknown metric', { ...ok, metrics: ['trade_valu_usd'] }, /^metrics\[0\]: "trade_valu_usd" is not allowed \(did you mean "trade_value_usd"\?\); allowed: trade_value_usd, /],
    ['bad month', { ...ok, months: ['2020-13'] }, /^months\[0\]: "2020-13" is not a month; use YYYY-MM/],
    ['month outside the run', { ...ok, months: ['2031-01'] }, /^months\[0\]: "2031-01" is outside the simulated months; allowed 2020-01 to 2020-12/],
    ['every longer than the run', { ...ok, months: { every: 24 } }, /^months\.every: 24 is longer than the 12 simulated months/],
    // other choices of forms than a schedule's are named as they are (not "a number or a schedule")
    ['months in capitals', { ...ok, months: 'ALL' }, /^months: "ALL" is not allowed \(did you mean "all"\?\); expected "all" or "last" or \{ "every": number \} or a list of months \(YYYY-MM\)$/],
    ['months as a number', { ...ok, months: 5 }, /^months: 5 is an integer; expected "all" or "last" or \{ "every": number \} or a list of months/],
    ['base as a number', { ...ok, base: 5 }, /^base: 5 is an integer; expected a scenario file name or a scenario object$/],
    ['log-uniform from 0', { ...ok, design: { type: 'random', samples: 4 }, parameters: [{ path: 'rules.smeCreditSupply', distribution: { type: 'loguniform', min: 0, max: 3 } }] }, /^parameters\[0\]\.distribution\.min: 0 is out of range; allowed more than 0$/],
    ['bad base scenario', { ...ok, base: { scale: 7 } }, /^base\.scale: 7 is out of range; allowed 0\.001 to 1/],
    ['base file without a loader', { ...ok, base: 'baseline.json' }, /^base: "baseline.json" is a file name/],
    ['a seed in the base', { ...ok, base: { ...BASE, seed: 99 } }, /^base\.seed: 99 is not used: each run's seed is drawn from the experiment's "seed" \(now 1\); move it there/],
    ['no values', { ...ok, parameters: [{ path: 'rules.smeCreditSupply' }] }, /^parameters\[0\]: gives no values; give one of "values", "range" or "distribution"/],
    ['two kinds of values', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [1], range: { from: 0, to: 1, steps: 2 } }] }, /^parameters\[0\]: gives "values" and "range"; give only one/],
    ['malformed path', { ...ok, parameters: [{ path: 'rules..smeCreditSupply', values: [1] }] }, /^parameters\[0\]\.path: "rules\.\.smeCreditSupply" is not a parameter path; use names joined by dots/],
    // a lever the scenario does not have is the path's fault, said once, whatever the values
    ['unknown lever', { ...ok, parameters: [{ path: 'rules.smeCreditSuply', values: [1, 2] }] }, /^parameters\[0\]\.path: "rules\.smeCreditSuply" is not a lever of the scenario: unknown key \(did you mean "smeCreditSupply"\?\)/],
    ['unknown region', { ...ok, parameters: [{ path: 'regions[europe].tariff', values: [0.1] }] }, /^parameters\[0\]\.path: "regions\[europe\]\.tariff" is not a lever of the scenario: regions has no entry "europe" \(did you mean "eu"\?\); allowed: china, eu, /],
    // the entry named as the parameter names it, not by the scenario's index
    ['region value out of range', { ...ok, parameters: [{ path: 'regions[eu].tariff', values: [-1] }] }, /^parameters\[0\]\.values\[0\]: regions\[eu\]\.tariff = -1 is refused by the scenario: -1 is out of range; allowed 0 to 2/],
    ['value out of range', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [1, 9] }] }, /^parameters\[0\]\.values\[1\]: rules\.smeCreditSupply = 9 is refused by the scenario: 9 is out of range; allowed 0 to 5/],
    ['range end out of range', { ...ok, parameters: [{ path: 'platform.consumerProtection', range: { from: 0, to: 1.5, steps: 3 } }] }, /^parameters\[0\]\.range\.to: platform\.consumerProtection = 1\.5 is refused by the scenario: 1\.5 is out of range; allowed 0 to 1/],
    ['whole number needed', { ...ok, parameters: [{ path: 'model.distressMonths', range: { from: 1, to: 6, steps: 4 } }] }, /^parameters\[0\]\.range: model\.distressMonths = 2\.666\d* is refused by the scenario: .*integer/],
    ['range with one step', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', range: { from: 0, to: 1, steps: 1 } }] }, /^parameters\[0\]\.range\.steps: 1 is out of range; allowed 2 to 10000/],
    ['a value twice', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 1, 1] }] }, /^parameters\[0\]\.values\[2\]: 1 repeats values\[1\], so those points would run twice; give each value once \(replications repeat a point with other seeds\)$/],
    ['values the same once rounded', { ...ok, parameters: [{ path: 'model.distressMonths', values: [2.6, 3.4], integer: true }] }, /^parameters\[0\]\.values\[1\]: 3\.4 \(rounded: 3\) repeats values\[0\] \(2\.6, rounded: 3\), so those points would run twice/],
    ['a rounded range with more steps than whole numbers', { ...ok, parameters: [{ path: 'model.distressMonths', range: { from: 2, to: 4, steps: 5 }, integer: true }] }, /^parameters\[0\]\.range\.steps: 5 steps give 2, 3, 3, 4, 4 once rounded to whole numbers, so points would run twice; use at most 3 steps$/],
    ['distribution in a grid', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', distribution: { type: 'uniform', min: 0, max: 1 } }] }, /^parameters\[0\]\.distribution: a grid design needs "values" or a "range"/],
    ['normal distribution without bounds', { ...ok, design: { type: 'random', samples: 4 }, parameters: [{ path: 'regions[eu].tariff', distribution: { type: 'normal', mean: 0.05, sd: 0.5 } }] }, /^parameters\[0\]\.distribution: regions\[eu\]\.tariff = -[\d.]+ is refused by the scenario: -[\d.]+ is out of range; allowed 0 to 2 \(share of value\); a normal distribution reaches far from its mean: bound it with "min" and "max" inside that range$/],
    ['distribution min above max', { ...ok, design: { type: 'random', samples: 4 }, parameters: [{ path: 'rules.smeCreditSupply', distribution: { type: 'uniform', min: 2, max: 1 } }] }, /^parameters\[0\]\.distribution\.max: 1 is not above min 2/],
    ['bad distribution type', { ...ok, design: { type: 'random', samples: 4 }, parameters: [{ path: 'rules.smeCreditSupply', distribution: { type: 'beta', min: 0, max: 1 } }] }, /^parameters\[0\]\.distribution(\.type)?: "beta" is not allowed; allowed: uniform, loguniform, normal/],
    ['a path twice', { ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [1] }, { path: 'rules.smeCreditSupply', values: [2] }] }, /^parameters\[1\]\.path: "rules\.smeCreditSupply" is already varied by parameters\[0\]/],
    ['a shock that is not there', { ...ok, parameters: [{ path: 'shocks[0].severity', values: [1] }] }, /^parameters\[0\]\.path: "shocks\[0\]\.severity" selects entry \[0\], but the base scenario's list has 0 entries/],
    ['too many runs', { ...ok, design: { type: 'random', samples: 1000 }, replications: 2000 }, /^design\.samples: the experiment asks for 2,000,000 runs .* at most 1,000,000 allowed/],
    ['odd Morris levels', { ...ok, sensitivity: { levels: 5 } }, /^sensitivity\.levels: 5 is odd; Morris screening needs an even number/],
    ['Morris levels and a list of values', { ...ok, sensitivity: { levels: 4 }, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 1, 2] }] }, /^parameters\[0\]\.values: has 3 values, but Morris screening steps over 4 levels, so its steps would join different pairs of values: give 4 values \(one per level\) or 2 \(each step from one to the other\), or give a "range" or a "distribution"$/],
    ['outcome breakdown unknown', { ...ok, sensitivity: { outcomes: [{ metric: 'trade_value_usd', region: 'europe' }] } }, /^sensitivity\.outcomes\[0\]\.region: "europe" is not allowed.*allowed: china, eu/],
    ['outcome without that breakdown', { ...ok, sensitivity: { outcomes: [{ metric: 'merchants_alive', mode: 'sea' }] } }, /^sensitivity\.outcomes\[0\]\.mode: merchants_alive has no breakdown by mode/],
    ['outcome of a single total', { ...ok, sensitivity: { outcomes: [{ metric: 'digital_share_of_exports', region: 'eu' }] } }, /^sensitivity\.outcomes\[0\]\.region: digital_share_of_exports has no breakdown by region; it is a single total$/],
  ])('%s', (_name, input, expected) => {
    const list = problems(input);
    expect(list.some((p) => expected.test(p)), list.join('\n')).toBe(true);
  });

  it('a sensitivity analysis samples distributions by its own method: no design needed; the other method\'s settings are named', () => {
    const sampled = { ...ok, parameters: [{ path: 'rules.smeCreditSupply', distribution: { type: 'uniform', min: 0.5, max: 2 } }], sensitivity: { method: 'morris' } };
    expect(problems(sampled).join('\n')).toMatch(/a grid design needs/); // a sweep would need one
    expect(resolveExperiment(sampled, { purpose: 'sensitivity' }).parameters).toHaveLength(1);
    expect(problems({ ...ok, sensitivity: { method: 'morris', samples: 500 } }, { purpose: 'sensitivity' })).toEqual(['sensitivity.samples: is not used by Morris screening; "samples" is for "method": "sobol"']);
    expect(problems({ ...ok, sensitivity: { method: 'sobol', trajectories: 8 } }, { purpose: 'sensitivity' })).toEqual(['sensitivity.trajectories: is not used by Sobol indices; "trajectories" is for "method": "morris"']);
  });

  it('a sensitivity analysis refuses a lever without a span, says it ignores "commonRandomNumbers": false, and names a path that holds no number', () => {
    const range = (from: number, to: number, integer?: boolean) => ({ ...ok, parameters: [{ path: 'model.distressMonths', range: { from, to }, ...(integer ? { integer } : {}) }] });
    expect(problems({ ...ok, parameters: [{ path: 'rules.smeCreditSupply', range: { from: 1, to: 1 } }] }, { purpose: 'sensitivity' })).toEqual(['parameters[0].range: runs from 1 to 1: no span to vary rules.smeCreditSupply over; a sensitivity analysis needs two different values at least']);
    expect(problems({ ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [2] }], sensitivity: { method: 'sobol' } }, { purpose: 'sensitivity' })).toEqual(['parameters[0].values: every value is 2: no span to vary rules.smeCreditSupply over; a sensitivity analysis needs two different values at least']);
    expect(problems(range(3.2, 3.4, true), { purpose: 'sensitivity' })).toEqual(['parameters[0].range: runs from 3.2 to 3.4 (as whole numbers): no span to vary model.distressMonths over; a sensitivity analysis needs two different values at least']);
    // a sweep may hold a parameter still; a range from high to low is a span
    expect(resolveExperiment({ ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [2] }] }).parameters).toHaveLength(1);
    expect(resolveExperiment(range(6, 2, true), { purpose: 'sensitivity' }).parameters).toHaveLength(1);
    const crnOff = resolveExperiment({ ...ok, commonRandomNumbers: false }, { purpose: 'sensitivity' });
    expect(crnOff.commonRandomNumbers).toBe(true);
    expect(crnOff.notes).toEqual(['"commonRandomNumbers": false is not used by a sensitivity analysis: every point runs on the same seeds, so the differences between points are the levers\' alone']);
    expect(resolveExperiment(ok, { purpose: 'sensitivity' }).notes).toEqual([]);
    // a window past the default paths' plans runs, with a note (the same as the CLI's summary)
    const later = resolveExperiment({ ...ok, base: { ...ok.base, time: { start: '2020-01', end: '2035-12' } } });
    expect(later.notes).toEqual([expect.stringMatching(/^the run goes past 2030-12, where the default lever paths end: /)]);
    expect(problems({ ...ok, parameters: [{ path: 'name', values: [1, 2] }] })).toEqual(['parameters[0].path: "name" is not a number: the scenario holds text there; parameters vary numbers (a lever, a model setting, a schedule\'s start)']);
    expect(problems({ ...ok, parameters: [{ path: 'time.start', values: [1, 2] }] })).toEqual(['parameters[0].path: "time.start" is not a number: the scenario holds text there ("2020-01"); parameters vary numbers (a lever, a model setting, a schedule\'s start)']);
    // an outcome's months lie in the run, in order
    expect(problems({ ...ok, sensitivity: { outcomes: [{ metric: 'trade_value_usd', statistic: 'sum', from: '2019-12', to: '2021-01' }] } }, { purpose: 'sensitivity' })).toEqual([
      'sensitivity.outcomes[0].from: "2019-12" is outside the simulated months; allowed 2020-01 to 2020-12',
      'sensitivity.outcomes[0].to: "2021-01" is outside the simulated months; allowed 2020-01 to 2020-12',
    ]);
    expect(problems({ ...ok, sensitivity: { outcomes: [{ metric: 'trade_value_usd', statistic: 'sum', from: '2020-06', to: '2020-03' }] } }, { purpose: 'sensitivity' })).toEqual(['sensitivity.outcomes[0].to: "2020-03" is before "from" "2020-06"; the statistic covers the months from "from" to "to", both included']);
    expect(resolveExperiment({ ...ok, sensitivity: { outcomes: [{ metric: 'trade_value_usd', statistic: 'sum', from: '2020-10', to: '2020-12' }] } }, { purpose: 'sensitivity' }).sensitivity!.outcomes[0]).toEqual({ metric: 'trade_value_usd', statistic: 'sum', from: '2020-10', to: '2020-12' });
    expect(problems({ ...ok, sensitivity: { outcomes: [{ statistic: 'last' }] } }, { purpose: 'sensitivity' })[0]).toMatch(/^sensitivity\.outcomes\[0\]\.metric: missing; allowed: trade_value_usd, .*, … \(\d+ in all\)$/);
  });

  it('an experiment without a "sensitivity" section is analysed, and checked, with the defaults (a sweep ignores the section)', () => {
    const threeValues = { ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 1, 2] }] };
    expect(problems(threeValues, { purpose: 'sensitivity' })).toEqual(['parameters[0].values: has 3 values, but Morris screening steps over 4 levels (the default: the experiment has no "sensitivity" section), so its steps would join different pairs of values: give 4 values (one per level) or 2 (each step from one to the other), or give a "range" or a "distribution"']);
    expect(problems({ ...threeValues, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 1, 2, 3, 4, 5] }] }, { purpose: 'sensitivity' })[0]).toMatch(/, add "sensitivity": \{ "levels": 6 \}, or give/);
    const analysed = resolveExperiment({ ...ok, parameters: [{ path: 'rules.smeCreditSupply', values: [0.5, 2] }] }, { purpose: 'sensitivity' });
    expect(analysed.sensitivity).toEqual({ method: 'morris', trajectories: 10, samples: 64, levels: 4, outcomes: [{ metric: 'trade_value_usd', statistic: 'mean' }] });
    expect(analysed.sensitivityDefaulted).toBe(true);
    expect(resolveExperiment(threeValues).sensitivity).toBeUndefined();
  });

  it('reports every problem at once', () => {
    expect(problems({ ...ok, replications: 0, metrics: ['x'], parameters: [] }).length).toBeGreaterThanOrEqual(2);
    // a fault of form in a setting with a default does not hide the rest (it took three edit-and-run rounds)
    const list = problems({ ...ok, replications: 0, repetitions: 3, months: ['2031-01'], parameters: [{ path: 'rules.smeCreditSupply', values: [9] }] });
    expect(list).toHaveLength(4);
    expect(list[0]).toMatch(/^replications: 0 is out of range; allowed 1 to 10000/);
    expect(list[1]).toMatch(/^repetitions: unknown key/);
    expect(list[2]).toMatch(/^parameters\[0\]\.values\[0\]: rules\.smeCreditSupply = 9 is refused by the scenario: 9 is out of range/);
    expect(list[3]).toMatch(/^months\[0\]: "2031-01" is outside the simulated months/);
    // nor is a setting left out blamed for its default: a malformed "months" is said once
    expect(problems({ ...ok, months: ['2020-13'], parameters: [{ path: 'rules.smeCreditSupply', values: [9] }] })).toEqual([
      expect.stringMatching(/^months\[0\]: "2020-13" is not a month/),
      expect.stringMatching(/^parameters\[0\]\.values\[0\]: .*9 is out of range/),
    ]);
    // a fault in the parameters themselves: their form only (their values cannot be tried)
    expect(problems({ ...ok, replications: 0, parameters: [{ path: 'rules.smeCreditSupply', values: 'x' }] })).toHaveLength(2);
  });

  describe('comparing scenarios ("scenarios" instead of "base")', () => {
    const files: Record<string, unknown> = {
      'small.json': BASE,
      '../presets/Credit Boost.json': { ...BASE, seed: 9, rules: { smeCreditSupply: 2 } },
      'named.json': { ...BASE, name: 'tight', rules: { smeCreditSupply: 0.5 } },
      'long.json': { ...BASE, time: { start: '2020-01', end: '2021-12' } },
      'big.json': { ...BASE, scale: 0.01 },
      'no-tariffs.json': { ...BASE, regions: [{ id: 'eu', tariff: 0 }] },
    };
    files['experiments/a-long-experiment-file-name.json'] = { base: BASE, parameters: [] };
    const loadBase = (f: string) => files[f];
    const compare = { ...ok, base: undefined, scenarios: ['small.json', '../presets/Credit Boost.json', 'named.json'] };

    it('names each scenario by its "name", else its file name made a slug; a file\'s seed is left out', () => {
      const e = resolveExperiment(compare, { loadBase });
      expect(e.scenarios!.map((s) => s.name)).toEqual(['small', 'credit-boost', 'tight']);
      expect(e.scenarios![1].scenario.rules.smeCreditSupply.base).toBe(2);
      // written into the object, so the experiment written out names its rows the same; no seed to refuse
      expect(e.scenarios![1].base).toEqual({ ...BASE, rules: { smeCreditSupply: 2 }, name: 'credit-boost' });
      expect(e.base).toBe(e.scenarios![0].base);
      expect(resolveExperiment({ ...compare, scenarios: e.scenarios!.map((s) => s.base) }).scenarios!.map((s) => s.name)).toEqual(['small', 'credit-boost', 'tight']);
      expect(resolveExperiment({ ...ok, base: undefined, scenarios: [BASE, BASE] }).scenarios!.map((s) => s.name)).toEqual(['scenario-0', 'scenario-1']);
    });

    it.each<[string, unknown, RegExp]>([
      ['base beside scenarios', { ...compare, base: BASE }, /^scenarios: is given beside "base"; give "base" for one scenario, or "scenarios" to compare several \(each point runs on each\), not both$/],
      ['an empty list', { ...compare, scenarios: [] }, /^scenarios: .*1/],
      ['a file twice', { ...compare, scenarios: ['small.json', 'small.json'] }, /^scenarios\[1\]: is named "small", as scenarios\[0\] is; the files tell scenarios apart by name: give each scenario once$/],
      ['two files, one name', { ...compare, scenarios: ['named.json', { ...BASE, name: 'tight' }] }, /^scenarios\[1\]: is named "tight", as scenarios\[0\] is; .*give this one another "name"$/],
      ['other months', { ...compare, scenarios: ['small.json', 'long.json'] }, /^scenarios\[1\]: "long" simulates 2020-01 to 2021-12, but "small" \(scenarios\[0\]\) 2020-01 to 2020-12; scenarios compared must simulate the same months/],
      ['another scale', { ...compare, scenarios: ['small.json', 'big.json'] }, /^scenarios\[1\]: "big" runs at scale 0.01, but "small" \(scenarios\[0\]\) at 0.005; scenarios compared must run at one scale, or the scale would read as an effect \(set "scale" alike, or set it for all with a parameter/],
      ['a default scale said as such', { ...compare, scenarios: ['small.json', {}] }, /^scenarios\[1\]: "scenario-1" runs at scale 0.1 \(the default\), but "small" \(scenarios\[0\]\) at 0.005;/],
      ['an experiment listed as a scenario', { ...compare, scenarios: ['small.json', 'experiments/a-long-experiment-file-name.json'] }, /^scenarios\[1\]: "experiments\/a-long-experiment-file-name.json" is an experiment, not a scenario; give scenario files/],
      ['a list entry the scenario lacks, said of the scenario', { ...compare, parameters: [{ path: 'shocks[0].severity', values: [1] }] }, /^parameters\[0\]\.path: in scenario "small": "shocks\[0\]\.severity" selects entry \[0\], but the scenario's list has 0 entries$/],
      ['a seed written inline', { ...compare, scenarios: ['small.json', { ...BASE, seed: 4 }] }, /^scenarios\[1\]\.seed: 4 is not used: each run's seed is drawn from the experiment's "seed"/],
      ['a bad scenario object', { ...compare, scenarios: ['small.json', { ...BASE, scale: 7 }] }, /^scenarios\[1\]\.scale: 7 is out of range/],
      ['a bad scenario file', { ...compare, scenarios: ['small.json', 'missing.json'] }, /^scenarios\[1\]: the scenario file "missing.json" does not hold a JSON object$/],
      // a parameter is tried on every scenario, and the one that refuses it is named
      ['a path one scenario lacks', { ...compare, scenarios: ['small.json', 'no-tariffs.json'], parameters: [{ path: 'regions[eu].tariff', values: [0, 5] }] }, /^parameters\[0\]\.values\[1\]: in scenario "small": regions\[eu\]\.tariff = 5 is refused by the scenario/],
      ['too many runs', { ...compare, design: { type: 'random', samples: 1000 }, replications: 400 }, /^design\.samples: the experiment asks for 1,200,000 runs \(points × scenarios × replications\); at most 1,000,000 allowed$/],
    ])('%s', (_name, input, expected) => {
      const list = problems(input, { loadBase });
      expect(list.some((p) => expected.test(p)), list.join('\n')).toBe(true);
    });

    it('pairs replicates by default; a "scale" parameter sets every scenario\'s scale; a parameter replacing a scenario\'s own setting is noted', () => {
      expect(resolveExperiment(compare, { loadBase }).commonRandomNumbers).toBe(true);
      expect(resolveExperiment({ ...compare, commonRandomNumbers: false }, { loadBase }).commonRandomNumbers).toBe(false);
      expect(resolveExperiment(ok).commonRandomNumbers).toBe(false);
      const scaled = resolveExperiment({ ...compare, scenarios: ['small.json', 'big.json'], parameters: [{ path: 'scale', values: [0.02] }] }, { loadBase });
      expect(scaled.scenarios!.map((s) => s.name)).toEqual(['small', 'big']);
      expect(scaled.notes).toEqual([]);
      expect(resolveExperiment({ ...compare, parameters: [{ path: 'rules.smeCreditSupply', values: [1] }] }, { loadBase }).notes).toEqual([
        'parameters[0] (rules.smeCreditSupply) replaces what scenarios "credit-boost", "tight" set there: every scenario runs with the parameter\'s values',
      ]);
    });

    it('checks the rest on the scenarios even when they do not go together', () => {
      const list = problems({ ...compare, scenarios: ['small.json', 'big.json'], months: ['2040-01'] }, { loadBase });
      expect(list).toEqual([expect.stringMatching(/^scenarios\[1\]: "big" runs at scale/), expect.stringMatching(/^months\[0\]: "2040-01" is outside the simulated months/)]);
    });

    it('is refused by a sensitivity analysis, which varies one scenario', () => {
      expect(problems(compare, { loadBase, purpose: 'sensitivity' })).toContain('scenarios: cannot be compared by a sensitivity analysis, which varies the parameters of one scenario: give that scenario as "base" (one analysis per scenario), or compare scenarios with npm run sweep');
    });
  });

  it('loads a base scenario file through the caller and names it in errors', () => {
    expect(resolveExperiment({ ...ok, base: 'small.json' }, { loadBase: () => BASE }).baseScenario.scale).toBe(0.005);
    const list = problems({ ...ok, base: 'small.json' }, { loadBase: () => ({ scale: 3 }) });
    expect(list[0]).toMatch(/^base: in scenario file "small.json": scale: 3 is out of range/);
  });
});
