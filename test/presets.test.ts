/** Every preset in scenarios/ resolves, is bilingual, and runs. */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { runScenario } from '../sim/run.ts';

const dir = join(import.meta.dirname, '..', 'scenarios');
const presets = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const REQUIRED = ['baseline', '5g-rollout', 'data-localisation-strict', 'data-flows-open', 'sme-finance', 'trade-facilitation', 'digital-ftz', 'pandemic-2020'];

describe('preset scenarios', () => {
  it('include every preset the project promises', () => {
    for (const name of REQUIRED) expect(presets).toContain(`${name}.json`);
  });

  for (const file of presets) {
    it(`${file} resolves, has a title and description in both languages, and runs`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const raw = JSON.parse(text);
      expect(raw.$schema).toBe('./scenario.schema.json');
      for (const key of ['title', 'description']) {
        expect(raw[key].en.length).toBeGreaterThan(5);
        expect(raw[key].zh).toMatch(/[\u4e00-\u9fff]/);
      }
      const s = resolveScenario(text, { origin: file, name: file.replace(/\.json$/, '') });
      expect(s.name).toBe(file.replace(/\.json$/, ''));
      const r = runScenario({ ...s, scale: 0.005, time: { start: '2020-01', end: '2021-12' } });
      expect(r.series.get('trade_value_usd')![23]).toBeGreaterThan(0);
    });
  }
});
