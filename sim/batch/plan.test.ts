import { describe, it, expect } from 'vitest';
import { planRuns, shardRuns, parseShard, runSeed, experimentPoints, pointColumns, pointCells, pointBase } from './plan.ts';
import { resolveExperiment } from './experiment.ts';

describe('runs, seeds and shards', () => {
  const exp = { seed: 5, replications: 3, commonRandomNumbers: false };
  it('numbers runs by point then replicate, with seeds from (seed, point, replicate)', () => {
    const runs = planRuns(exp, 4);
    expect(runs).toHaveLength(12);
    expect(runs[7]).toMatchObject({ index: 7, point: 2, replicate: 1, seed: runSeed(5, 2, 1) });
    expect(new Set(runs.map((r) => r.seed)).size).toBe(12);
    expect(runs.every((r) => Number.isInteger(r.seed) && r.seed >= 0 && r.seed < 2 ** 31)).toBe(true);
    expect(planRuns(exp, 4)).toEqual(runs);
    expect(planRuns({ ...exp, seed: 6 }, 4)[0].seed).not.toBe(runs[0].seed);
  });
  it('common random numbers: one seed per replicate', () => {
    const runs = planRuns({ ...exp, commonRandomNumbers: true }, 3);
    expect(runs[1].seed).toBe(runs[4].seed);
    expect(runs[1].seed).not.toBe(runs[2].seed);
  });
  it('shards split the runs without overlap', () => {
    const runs = planRuns(exp, 4);
    const parts = [1, 2, 3].map((i) => shardRuns(runs, { index: i, count: 3 }).map((r) => r.index));
    expect(parts[0]).toEqual([0, 3, 6, 9]);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(runs.map((r) => r.index));
  });
  it('parses i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0', '-1/2']) expect(parseShard(bad), bad).toBeUndefined();
  });
  it('compared scenarios: every design point on each scenario, the first scenario\'s first', () => {
    const small = { scale: 0.005, time: { start: '2020-01', end: '2020-03' } };
    const exp = resolveExperiment({
      scenarios: [{ ...small, name: 'a' }, { ...small, name: 'b', rules: { smeCreditSupply: 2 } }],
      parameters: [{ path: 'regions[eu].tariff', values: [0, 0.1, 0.2] }],
    });
    const points = experimentPoints(exp);
    expect(points.map((p) => `${p.id}:${p.scenario}:${p.values[0]}`)).toEqual(['0:0:0', '1:0:0.1', '2:0:0.2', '3:1:0', '4:1:0.1', '5:1:0.2']);
    expect(pointColumns(exp)).toEqual(['scenario', 'regions[eu].tariff']);
    expect(pointCells(exp, points[4])).toEqual(['b', 0.1]);
    expect((pointBase(exp, points[4]).rules as { smeCreditSupply: number }).smeCreditSupply).toBe(2);
    // without scenarios, the design's points and the parameter columns only
    const one = resolveExperiment({ base: small, parameters: [{ path: 'regions[eu].tariff', values: [0, 0.1] }] });
    expect(pointColumns(one)).toEqual(['regions[eu].tariff']);
    expect(pointCells(one, experimentPoints(one)[1])).toEqual([0.1]);
  });
});
