/**
 * Every kind of bad scenario input gives a clear error: a ScenarioError whose problems name the
 * path, the value found and what is allowed. One test per kind of mistake.
 */
import { describe, it, expect } from 'vitest';
import { resolveScenario, MAX_SCENARIO_BYTES } from '../sim/schema/resolve.ts';
import { ScenarioError, type Problem } from '../sim/schema/errors.ts';

/** The ScenarioError thrown for `input` (fails the test if it resolves). */
function errorFor(input: unknown): ScenarioError {
  try {
    resolveScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but the scenario resolved');
}

/** The single problem reported for `input`. */
function problemFor(input: unknown): Problem {
  const e = errorFor(input);
  expect(e.problems, e.message).toHaveLength(1);
  return e.problems[0];
}

describe('valid scenarios', () => {
  it('resolves an empty scenario with every default filled in', () => {
    const s = resolveScenario({});
    expect(s.model.priceSensitivity).toBe(3);
    expect(s.seed).toBe(1);
    expect(s.time).toEqual({ start: '2020-01', end: '2030-12' });
    expect(s.regions.length).toBeGreaterThan(5);
    expect(s.infrastructure.fiveGCoverage).toMatchObject({ base: expect.any(Number), segments: expect.any(Array) });
    // A constant becomes a schedule without segments.
    expect(s.rules.smeLendingRate).toEqual({ base: 0.06, segments: [] });
  });

  it('resolves JSON text and applies overrides', () => {
    const s = resolveScenario(JSON.stringify({
      $schema: './scenario.schema.json',
      seed: 7,
      model: { priceSensitivity: 4 },
      regions: [{ id: 'eu', tariff: { base: 0.05, segments: [{ start: '2022-01', end: '2023-12', to: 0.1 }] } }],
      shocks: [{ type: 'market_hall_closure', start: '2020-02', end: '2020-04' }],
    }));
    expect(s.seed).toBe(7);
    expect(s.model.priceSensitivity).toBe(4);
    expect(s.model.productivityShape).toBe(3.1);
    expect(s.regions.find((r) => r.id === 'eu')?.tariff).toEqual({ base: 0.05, segments: [{ start: '2022-01', end: '2023-12', to: 0.1 }] });
    expect(s.shocks[0]).toMatchObject({ type: 'market_hall_closure', severity: 1 });
  });
});

describe('bad scenarios give clear errors', () => {
  it('unknown key, with a "did you mean" suggestion and the allowed keys', () => {
    const p = problemFor({ model: { priceSensitivty: 2 } });
    expect(p.path).toBe('model.priceSensitivty');
    expect(p.message).toContain('unknown key');
    expect(p.message).toContain('did you mean "priceSensitivity"?');
    expect(p.message).toContain('allowed keys here: priceSensitivity, productivityShape');
  });

  it('a key cut short gets the one key it begins (edit distance alone is too far)', () => {
    expect(problemFor({ infrastructure: { cloudAiPrice: 0.5 } }).message).toContain('did you mean "cloudAiPriceIndex"?');
    expect(problemFor({ infrastructure: { fiveGCoverageShare: 0.5 } }).message).toContain('did you mean "fiveGCoverage"?');
  });

  it('unknown top-level key', () => {
    const p = problemFor({ modle: {} });
    expect(p.path).toBe('modle');
    expect(p.message).toContain('did you mean "model"?');
  });

  it('wrong type', () => {
    const p = problemFor({ model: { priceSensitivity: 'high' } });
    expect(p.path).toBe('model.priceSensitivity');
    expect(p.message).toBe('"high" is a string; expected a number');
  });

  it('a fraction where an integer is needed', () => {
    const p = problemFor({ seed: 1.5 });
    expect(p.path).toBe('seed');
    expect(p.message).toBe('1.5 is a number; expected an integer');
  });

  it('a schedule that is neither a number nor { base, segments }', () => {
    const p = problemFor({ infrastructure: { fiveGCoverage: 'lots' } });
    expect(p.path).toBe('infrastructure.fiveGCoverage');
    expect(p.message).toContain('"lots" is a string; expected a number or a schedule');
  });

  it('out-of-range number, with the full range and unit', () => {
    const p = problemFor({ regions: [{ id: 'eu', tariff: 3 }] });
    expect(p.path).toBe('regions[0].tariff');
    expect(p.message).toBe('3 is out of range; allowed 0 to 2 (share of value)');
  });

  it('out-of-range model parameter', () => {
    const p = problemFor({ model: { priceSensitivity: 0.5 } });
    expect(p.path).toBe('model.priceSensitivity');
    expect(p.message).toBe('0.5 is out of range; allowed 1.2 to 10');
  });

  it('out-of-range value inside a schedule segment', () => {
    const p = problemFor({ infrastructure: { fiveGCoverage: { base: 0.2, segments: [{ start: '2021-01', end: '2022-01', to: 1.5 }] } } });
    expect(p.path).toBe('infrastructure.fiveGCoverage.segments[0].to');
    expect(p.message).toBe('1.5 is out of range; allowed 0 to 1 (share)');
  });

  it('out-of-range number without a parameter declaration still names both bounds', () => {
    const p = problemFor({ seed: -1 });
    expect(p.path).toBe('seed');
    expect(p.message).toBe(`-1 is out of range; allowed 0 to ${2 ** 31 - 1}`);
  });

  it('unknown region id lists the ids', () => {
    const p = problemFor({ regions: [{ id: 'europe', tariff: 0.1 }] });
    expect(p.path).toBe('regions[0].id');
    expect(p.message).toMatch(/^"europe" is not allowed \(did you mean "eu"\?\); allowed: china, eu, north_america, /);
  });

  it('misspelt region id gets a suggestion', () => {
    const p = problemFor({ regions: [{ id: 'north-america' }] });
    expect(p.path).toBe('regions[0].id');
    expect(p.message).toContain('did you mean "north_america"?');
  });

  it('bad month string', () => {
    const p = problemFor({ time: { start: '2021-13' } });
    expect(p.path).toBe('time.start');
    expect(p.message).toBe('"2021-13" is not a month; use YYYY-MM, e.g. 2021-06');
  });

  it('bad month inside a schedule segment', () => {
    const p = problemFor({ infrastructure: { fiveGCoverage: { segments: [{ start: '2021-1', to: 0.5 }] } } });
    expect(p.path).toBe('infrastructure.fiveGCoverage.segments[0].start');
    expect(p.message).toContain('"2021-1" is not a month; use YYYY-MM');
  });

  it('a ramp whose end is not after its start', () => {
    const p = problemFor({ infrastructure: { fiveGCoverage: { base: 0.2, segments: [{ start: '2022-01', end: '2021-06', to: 0.9 }] } } });
    expect(p.path).toBe('infrastructure.fiveGCoverage.segments[0].end');
    expect(p.message).toBe('"2021-06" is not after start "2022-01"; a ramp must end after it starts (omit end for a step)');
  });

  it('a ramp ending in its start month', () => {
    const p = problemFor({ regions: [{ id: 'eu', tariff: { segments: [{ start: '2022-01', end: '2022-01', to: 0.1 }] } }] });
    expect(p.path).toBe('regions[0].tariff.segments[0].end');
    expect(p.message).toContain('is not after start "2022-01"');
  });

  it('overlapping schedule segments', () => {
    const p = problemFor({
      platform: { consumerProtection: { base: 0.2, segments: [{ start: '2021-01', end: '2023-01', to: 0.9 }, { start: '2022-01', to: 0.5 }] } },
    });
    expect(p.path).toBe('platform.consumerProtection.segments[1].start');
    expect(p.message).toBe('"2022-01" overlaps segment [0] (2021-01 to 2023-01); segments must be in time order and not overlap');
  });

  it('time.end before time.start', () => {
    const p = problemFor({ time: { start: '2025-01', end: '2024-12' } });
    expect(p.path).toBe('time.end');
    expect(p.message).toBe('"2024-12" is before time.start "2025-01"');
  });

  it('a run longer than allowed', () => {
    const p = problemFor({ time: { start: '2000-01', end: '2099-12' } });
    expect(p.path).toBe('time.end');
    expect(p.message).toMatch(/^the run would last 1200 months; at most \d+ allowed$/);
  });

  it('shock end before start', () => {
    const p = problemFor({ shocks: [{ type: 'market_hall_closure', start: '2022-05', end: '2022-03' }] });
    expect(p.path).toBe('shocks[0].end');
    expect(p.message).toBe('"2022-03" is before start "2022-05"');
  });

  it('a shock wholly outside the simulated months (a mistyped year) is refused, naming both windows', () => {
    const p = problemFor({ time: { start: '2020-01', end: '2021-12' }, shocks: [{ type: 'demand_shock', start: '2035-01', end: '2035-06', change: -0.2 }] });
    expect(p.path).toBe('shocks[0].start');
    expect(p.message).toBe('the shock (2035-01 to 2035-06) lies outside the simulated months 2020-01 to 2021-12, so it would have no effect; move it inside them, or remove it');
    // one that overlaps the run at all is kept
    expect(() => resolveScenario({ time: { start: '2020-01', end: '2021-12' }, shocks: [{ type: 'demand_shock', start: '2019-06', end: '2020-02', change: -0.2 }] })).not.toThrow();
  });

  it('unknown shock type, with a suggestion and the allowed types', () => {
    const p = problemFor({ shocks: [{ type: 'market_hall_closed', start: '2022-05', end: '2022-06' }] });
    expect(p.path).toBe('shocks[0].type');
    expect(p.message).toBe('"market_hall_closed" is not allowed (did you mean "market_hall_closure"?); allowed: market_hall_closure, buyer_travel_restriction, freight_rate_spike, demand_shock');
  });

  it('a shock missing a required value', () => {
    const p = problemFor({ shocks: [{ type: 'freight_rate_spike', start: '2022-05', end: '2022-06' }] });
    expect(p.path).toBe('shocks[0].multiplier');
    expect(p.message).toBe('missing; expected a number');
  });

  it('malformed JSON text gives line and column', () => {
    const e = errorFor('{\n  "seed": 3,\n  "model": { "priceSensitivity": 2, }\n}');
    expect(e.problems).toEqual([{ path: '', message: 'malformed JSON at line 3, column 37: property name expected (a comma after the last entry of an object?)' }]);
    expect(e.message).toContain('line 3, column 37');
  });

  it('JSON with comments is refused (scenario files are strict JSON)', () => {
    const p = problemFor('{\n  // a comment\n  "seed": 3\n}');
    expect(p.message).toMatch(/^malformed JSON at line 2, column 3: /);
  });

  it('a key given twice is refused with where it is (JSON.parse would keep the second silently)', () => {
    expect(problemFor('{\n  "seed": 3,\n  "rules": { "smeCreditSupply": 1, "smeCreditSupply": 2 }\n}')).toEqual({
      path: '', message: 'duplicate key "smeCreditSupply" in rules at line 3, column 36; each key may appear once in an object (the second would silently replace the first)',
    });
    // the same key in different objects is fine
    expect(resolveScenario('{ "rules": { "smeCreditSupply": 1 }, "infrastructure": { "fiveGCoverage": { "base": 0.2, "segments": [] } } }').seed).toBe(1);
  });

  it('a key "__proto__" is refused where it is (an object copied by assignment would hide what it holds from every check)', () => {
    expect(problemFor('{\n  "infrastructure": { "__proto__": { "fiveGCoverage": 0.99 } }\n}')).toEqual({
      path: '', message: 'key "__proto__" in infrastructure at line 2, column 23 is not allowed: no setting has that name',
    });
    expect(problemFor('{ "__proto__": {} }').message).toBe('key "__proto__" at line 1, column 3 is not allowed: no setting has that name');
    // (an object given directly, as a link's JSON.parse makes it, has the key as its own: unknown)
    expect(problemFor(JSON.parse('{ "infrastructure": { "__proto__": {} } }')).path).toBe('infrastructure.__proto__');
  });

  it('lists nested deeper than any file needs are refused before the parser (it recurses) overflows the stack', () => {
    expect(problemFor('['.repeat(200_000)).message).toBe('lists and objects nested more than 64 deep at line 1, column 65; a scenario, experiment or lesson needs far fewer');
    expect(problemFor('{ "a": '.repeat(70) + '1' + '}'.repeat(70)).message).toMatch(/^lists and objects nested more than 64 deep at line 1, column 4\d\d;/);
    // brackets inside strings do not count
    expect(resolveScenario(JSON.stringify({ name: 'x', description: { en: '['.repeat(100), zh: '{'.repeat(100) } })).name).toBe('x');
  });

  it('a number too large to hold (1e999 reads as Infinity) is named as not finite, with the range allowed', () => {
    const e = errorFor('{ "infrastructure": { "fiveGCoverage": 1e999, "digitalLogistics": { "base": 0.2, "segments": [{ "start": "2021-01", "to": -1e999 }] } } }');
    expect(e.problems).toEqual([
      { path: 'infrastructure.fiveGCoverage', message: 'Infinity is not a finite number; allowed 0 to 1 (share)' },
      { path: 'infrastructure.digitalLogistics.segments[0].to', message: '-Infinity is not a finite number; allowed 0 to 1 (share)' },
    ]);
  });

  it('null and an empty list read as what they are', () => {
    const e = errorFor({ infrastructure: null, platform: [] });
    expect(e.problems.map((p) => p.message)).toEqual(['got null; expected an object', 'got an empty list; expected an object']);
  });

  it('empty text', () => {
    expect(problemFor('').message).toBe('malformed JSON at line 1, column 1: value expected (the file is empty)');
  });

  it('a list at the top level', () => {
    const p = problemFor([{ seed: 1 }]);
    expect(p.path).toBe('');
    expect(p.message).toBe('the scenario must be a JSON object { ... }, not a list');
  });

  it('null at the top level (as JSON text)', () => {
    expect(problemFor('null').message).toBe('the scenario must be a JSON object { ... }, not null');
  });

  it('a number at the top level', () => {
    expect(problemFor(42).message).toBe('the scenario must be a JSON object { ... }, not a number (42)');
  });

  it('too-large input text', () => {
    const text = `{"seed": 1}${' '.repeat(MAX_SCENARIO_BYTES)}`;
    const p = problemFor(text);
    expect(p.path).toBe('');
    expect(p.message).toBe(`the file is ${text.length} characters; at most ${MAX_SCENARIO_BYTES} allowed`);
  });

  it('duplicate region override', () => {
    const p = problemFor({ regions: [{ id: 'eu', tariff: 0.1 }, { id: 'africa' }, { id: 'eu', tariff: 0.2 }] });
    expect(p.path).toBe('regions[2].id');
    expect(p.message).toBe('"eu" is already changed by regions[0]; name each region once');
  });

  it('duplicate logistics mode override', () => {
    const p = problemFor({ logistics: { modes: [{ id: 'sea' }, { id: 'sea' }] } });
    expect(p.path).toBe('logistics.modes[1].id');
    expect(p.message).toContain('name each logistics.mode once');
  });

  it('no demand left', () => {
    const ids = resolveScenario({}).categories.map((c) => c.id);
    const p = problemFor({ categories: ids.map((id) => ({ id, demandShare: 0 })) });
    expect(p.path).toBe('categories');
    expect(p.message).toContain('at least one must be above 0');
  });

  it('several problems are reported together, schema and cross-value checks alike', () => {
    const e = errorFor({
      seed: -1,
      modle: {},
      regions: [{ id: 'eu', tariff: 3 }],
      time: { start: '2025-01', end: '2024-01' },
      shocks: [{ type: 'demand_shock', start: '2023-05', end: '2023-01', change: -0.2 }],
    });
    expect(e.problems.map((p) => p.path).sort()).toEqual(['modle', 'regions[0].tariff', 'seed', 'shocks[0].end', 'time.end']);
    expect(e.message).toMatch(/^scenario: 5 problems in the scenario\n/);
    for (const p of e.problems) expect(e.message).toContain(`  - ${p.path}: ${p.message}`);
  });

  it('a schedule out of order is reported beside a mistake in another field of its section, so a file is put right in one round', () => {
    const e = errorFor({
      rules: { smeCreditSupply: { base: 1, segments: [{ start: '2026-01', end: '2025-01', to: 2 }] }, smeLendingRate: 'x' },
      regions: [{ id: 'eu', marketSizeUsdBn: 'big', tariff: { base: 0.05, segments: [{ start: '2026-01', to: 0.1 }, { start: '2025-01', to: 0.2 }] } }],
      platform: { customs: { market_hall: { clearanceDays: { base: 2, segments: [{ start: '2024-01', end: '2023-01', to: 1 }] }, paperlessShare: 4 } } },
    });
    expect(e.problems.map((p) => p.path).sort()).toEqual([
      'platform.customs.market_hall.clearanceDays.segments[0].end', 'platform.customs.market_hall.paperlessShare',
      'regions[0].marketSizeUsdBn', 'regions[0].tariff.segments[1].start',
      'rules.smeCreditSupply.segments[0].end', 'rules.smeLendingRate',
    ]);
  });

  it('names the file in the message when given an origin', () => {
    try {
      resolveScenario({ seed: 'x' }, { origin: 'scenarios/my.json' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('scenarios/my.json: a problem in the scenario\n  - seed: "x" is a string; expected a number');
    }
  });
});

describe('a scenario\'s own title and description', () => {
  it('may be in one language or both: the one given stands for the other (a Chinese-only title was refused: "title.en: missing")', () => {
    expect(resolveScenario({ title: '我的试验' }).title).toEqual({ en: '我的试验', zh: '我的试验' });
    expect(resolveScenario({ title: { zh: '我的试验' }, description: { en: 'Mine' } })).toMatchObject({ title: { en: '我的试验', zh: '我的试验' }, description: { en: 'Mine', zh: 'Mine' } });
    expect(resolveScenario({ title: { en: 'Credit', zh: '信贷' } }).title).toEqual({ en: 'Credit', zh: '信贷' });
  });
  it('names what is missing or wrong', () => {
    expect(problemFor({ title: {} })).toEqual({ path: 'title', message: 'gives no text; give "en", "zh" or both' });
    expect(problemFor({ title: 5 }).message).toBe('5 is an integer; expected a text or { "en": text, "zh": text }');
    expect(problemFor({ description: { en: '' } })).toEqual({ path: 'description.en', message: 'is empty; at least 1 character needed' });
  });
});
