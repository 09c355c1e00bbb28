/** The model check flags real moves, not replication noise, and runs on a reduced scale. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compare, measure, checkInvariants, REFERENCE_FILE, type Reference } from '../cli/modelcheck.ts';
import { MODEL_VERSION } from '../sim/run.ts';

describe('npm run modelcheck', () => {
  it('flags a metric whose mean moved beyond its replication noise, and only that one', () => {
    const reference = { p: { 'a|{}|2030': [10, 10.2, 9.9, 10.1], 'b|{}|2030': [5, 6, 4, 5] } };
    const current = { p: { 'a|{}|2030': [11, 11.1, 10.9, 11.2], 'b|{}|2030': [5.5, 4.6, 5.9, 4.8] } };
    const moved = compare(reference, current);
    expect(moved.map((m) => m.key)).toEqual(['a|{}|2030']);
    expect(moved[0].change).toBeCloseTo(0.1, 1);
  });

  it('ignores tiny but certain differences below 1%', () => {
    expect(compare({ p: { 'a|{}|2030': [100, 100, 100] } }, { p: { 'a|{}|2030': [100.5, 100.5, 100.5] } })).toEqual([]);
  });

  it('shows the effect of a model change before it lands (here: a preset\'s lever changed)', () => {
    const before = measure(0.01, [1, 2, 3], ['baseline']);
    const same = measure(0.01, [1, 2, 3], ['baseline']);
    expect(compare(before, same)).toEqual([]);
    // pretend the model changed so that its baseline now behaves like the pandemic preset
    const changed = measure(0.01, [1, 2, 3], ['pandemic-2020']);
    const moved = compare({ x: before.baseline }, { x: changed['pandemic-2020'] });
    expect(moved.map((m) => m.key)).toContain('trade_value_usd|{"channel":"market_hall"}|2021');
  });

  it('results change only with the model version: under the same version the reference is reproduced exactly', () => {
    const reference = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Reference;
    expect(reference.modelVersion, 'the reference was made with another model version: run npm run modelcheck -- --update').toBe(MODEL_VERSION);
    const seed = reference.seeds[0];
    const now = measure(reference.scale, [seed], ['baseline']).baseline;
    const changed = Object.keys(reference.values.baseline).filter((key) => now[key][0] !== reference.values.baseline[key][0]);
    // a change of results needs a new MODEL_VERSION (sim/run.ts), so that links and saved runs of the old model say they are outdated
    expect(changed, `results changed under model version ${MODEL_VERSION}: bump MODEL_VERSION in sim/run.ts and run npm run modelcheck -- --update`).toEqual([]);
  });

  it('checks invariants over random scenarios', () => {
    expect(checkInvariants(3, 0.005)).toEqual([]);
  });
});
