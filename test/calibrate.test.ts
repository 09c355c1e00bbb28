/** Calibration runs on a reduced scale, never makes the fit worse, and records its provenance. */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { calibrate, objective, MOMENTS, FREE_PARAMETERS } from '../sim/validate/calibration.ts';
import fit from '../scenarios/calibration/baseline-fit.json';

describe('npm run calibrate', () => {
  it('the objective is zero at the targets and grows with the distance from them', () => {
    const atTarget = MOMENTS.map((m) => m.target);
    expect(objective(atTarget)).toBe(0);
    const off = MOMENTS.map((m, j) => (j === 0 ? m.target * 1.05 : m.target));
    expect(objective(off)).toBeCloseTo((Math.log(1.05) / 0.05) ** 2, 6);
  });

  it('searches within the declared ranges and never ends worse than it started', () => {
    const base = resolveScenario({});
    const result = calibrate(base, { seeds: [1], scale: 0.01, rounds: 1 });
    expect(result.objectiveFitted).toBeLessThanOrEqual(result.objectiveStart);
    expect(result.evaluations).toBeGreaterThan(FREE_PARAMETERS.length);
    for (const p of FREE_PARAMETERS) {
      expect(result.fitted[p.id]).toBeGreaterThanOrEqual(p.min);
      expect(result.fitted[p.id]).toBeLessThanOrEqual(p.max);
    }
  });

  it('the schema\'s defaults are the fitted values', () => {
    const model = resolveScenario({}).model;
    for (const [id, value] of Object.entries(fit.parameters)) expect(model[id as keyof typeof model]).toBe(value);
  });

  it('the command writes the fit with its provenance', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'calibrate-')), 'fit.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/calibrate.ts', '--seeds', '1', '--scale', '0.005', '--rounds', '1', '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(written.parameters).sort()).toEqual(FREE_PARAMETERS.map((p) => p.id).sort());
    expect(written.provenance.targets).toHaveLength(MOMENTS.length);
    expect(written.provenance.objective.fitted).toBeLessThanOrEqual(written.provenance.objective.start);
  });
});
