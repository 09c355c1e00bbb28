/**
 * The simulation core computes exp, log, pow, log1p and cos with sim/portableMath.ts, never with
 * the engine's Math functions, whose last bits differ between engines and versions (so a run in
 * the browser would part from the same run in Node). Node-only code (validation statistics,
 * batch analysis) may use Math.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SIM = new URL('../sim/', import.meta.url).pathname;
const NODE_ONLY = ['validate', 'batch'];
const ENGINE_MATH = /Math\.(exp|expm1|log|log1p|log2|log10|pow|cbrt|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh)\s*\(|\*\*\s*(?!31\b)[\w(.]/;

function coreSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return NODE_ONLY.includes(name) ? [] : coreSources(file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'portableMath.ts' ? [file] : [];
  });
}

describe('portable math in the simulation core', () => {
  it('no core source calls the engine\'s transcendental functions or **', () => {
    const offending: string[] = [];
    for (const file of coreSources(SIM)) {
      // comments out (block comments keep their line breaks, so line numbers stay right)
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
      code.split('\n').forEach((line, i) => {
        if (ENGINE_MATH.test(line)) offending.push(`sim/${relative(SIM, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offending, 'use exp, log, pow, log1p, cosTwoPi from sim/portableMath.ts').toEqual([]);
  });
});
