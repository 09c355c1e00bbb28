/** Calibration runs on a reduced scale, never makes the fit worse, and records its provenance. */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { calibrate, objective, declaredShares, MOMENTS, FREE_PARAMETERS } from '../sim/validate/calibration.ts';
import fit from '../scenarios/calibration/baseline-fit.json';

describe('npm run calibrate', () => {
  it('the objective is zero at the targets and grows with the distance from them', () => {
    const atTarget = MOMENTS.map((m) => m.target);
    expect(objective(atTarget)).toBe(0);
    const off = MOMENTS.map((m, j) => (j === 0 ? m.target * 1.05 : m.target));
    expect(objective(off)).toBeCloseTo((Math.log(1.05) / 0.05) ** 2, 6);
  });

  it('solves the declared shares exactly: inside [0, 1]² when the data allow, on its edge when not', () => {
    // a mix whose shares 0.8 (hall) and 0.9 (B2B) reproduce the targets exactly
    const mix = { hall: [0.8, 0.6, 0.5, 0.4], b2b: [0.15, 0.35, 0.45, 0.55] };
    const targets = mix.hall.map((h, i) => 0.8 * h + 0.9 * mix.b2b[i]);
    const inside = declaredShares(mix, targets);
    expect(inside.hall).toBeCloseTo(0.8, 9);
    expect(inside.b2b).toBeCloseTo(0.9, 9);
    // targets only reachable with a B2B share above 1: the solution stays in the box, at b2b = 1
    const high = mix.hall.map((h, i) => 0.5 * h + 1.4 * mix.b2b[i]);
    const edge = declaredShares(mix, high);
    expect(edge.b2b).toBe(1);
    expect(edge.hall).toBeGreaterThanOrEqual(0);
    expect(edge.hall).toBeLessThanOrEqual(1);
    // and no point of a grid over the box does better
    const loss = (dh: number, db: number) => high.reduce((s, t, i) => s + (dh * mix.hall[i] + db * mix.b2b[i] - t) ** 2, 0);
    for (let dh = 0; dh <= 1; dh += 0.05) for (let db = 0; db <= 1; db += 0.05) expect(loss(edge.hall, edge.b2b)).toBeLessThanOrEqual(loss(dh, db) + 1e-12);
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
