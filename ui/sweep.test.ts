/** The browser sweep's levers and values: every lever runs its own default range; a whole-number lever's values once each. */
import { describe, it, expect } from 'vitest';
import { sweepLevers, defaultRange, sweepValues } from './components/sweep.ts';

describe('sweep panel values', () => {
  const levers = sweepLevers();
  it('offers every numeric lever, each with a default range inside its own range, shown to 4 digits', () => {
    expect(levers.length).toBeGreaterThan(200);
    // (61 of 261 could not run it when the boxes were number inputs with a step)
    const refused = levers.filter((l) => {
      const [a, b] = defaultRange(l).map((v) => Number(v.toPrecision(4)));
      return !(a >= l.min && a <= l.max && b >= l.min && b <= l.max && a !== b);
    });
    expect(refused.map((l) => l.path)).toEqual([]);
  });
  it('widens the default range to take in the scenario\'s own value', () => {
    const supply = levers.find((l) => l.path === 'rules.smeCreditSupply')!;
    expect(defaultRange(supply)).toEqual([0.5, 2]);
    expect(defaultRange(supply, 2.5)).toEqual([0.5, 2.5]); // SME finance's 2.5 beside the default's 1
    expect(defaultRange(supply, 1.5)).toEqual([0.5, 2]);
    expect(defaultRange(supply, 0.2)).toEqual([0.2, 2]);
  });
  it('runs each value once: a whole-number lever rounds, and repeats are dropped', () => {
    const distress = levers.find((l) => l.path === 'model.distressMonths')!;
    expect(sweepValues(distress, 2, 6, 9)).toEqual([2, 3, 4, 5, 6]);
    const supply = levers.find((l) => l.path === 'rules.smeCreditSupply')!;
    expect(sweepValues(supply, 0.5, 2, 3)).toEqual([0.5, 1.25, 2]);
  });
});

import { SWEEP_OUTCOMES } from './components/sweep.ts';
import { STRINGS } from './i18n/index.ts';
describe('sweep outcomes', () => {
  it('are the headline cards, named in the cards\' words in both languages, each with a statistic that needs no CSV quoting', () => {
    expect(SWEEP_OUTCOMES.map((o) => o.figure)).toEqual(Object.keys(STRINGS.en.cards)); // in the cards' order
    for (const o of SWEEP_OUTCOMES) {
      for (const lang of ['en', 'zh'] as const) expect(STRINGS[lang].cardNotes[o.figure], `${lang} ${o.figure}`).toBeTruthy();
      expect(o.statistic('2030')).toMatch(/^[^,"\n]+$/);
      expect(o.statistic('2030')).toContain('2030');
    }
  });
});
