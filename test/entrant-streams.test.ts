/**
 * Common random numbers for entrants (random.ts assignAt, demography.ts patienceOf): an entrant's
 * stream and loss patience are named by its booth and month of entry, not by the order of entry,
 * so in a scenario and its baseline an entrant more or fewer elsewhere changes no later entrant's
 * luck. Shown by shifting the order of entry by hand: the run must not change.
 */
import { describe, it, expect } from 'vitest';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createWorld } from '../sim/world/init.ts';
import { createStepper } from '../sim/step.ts';
import type { World } from '../sim/world/world.ts';
import { SMALL } from './helpers.ts';

function runWorld(shiftOrder: boolean): World {
  const w = createWorld(resolveScenario({ scale: SMALL, time: { end: '2022-12' } }), 3);
  const s = w.merchants;
  if (shiftOrder) {
    // as if 500 merchants had entered before: later numbers, and the master stream moved on
    // (onto a vacant booth, whose stream the next entrant there replaces)
    const vacant = s.vacantSlots()[0];
    for (let n = 0; n < 500; n++) w.merchantRandom.assign(vacant);
    s.nextId += 500;
  }
  const stepper = createStepper(w);
  for (let t = 0; t < w.months; t++) {
    w.t = t;
    stepper.step(w);
  }
  return w;
}

describe('entrants\' luck', () => {
  it('does not depend on how many merchants entered before them', () => {
    const a = runWorld(false);
    const b = runWorld(true);
    expect(a.merchants.nextId).toBeGreaterThan(a.merchants.aliveCount); // there were entrants
    expect(b.merchants.nextId).toBe(a.merchants.nextId + 500);
    expect(Array.from(b.merchants.alive)).toEqual(Array.from(a.merchants.alive));
    expect(Array.from(b.merchants.cash)).toEqual(Array.from(a.merchants.cash));
    expect(Array.from(b.merchants.birthMonth)).toEqual(Array.from(a.merchants.birthMonth));
    expect(b.archive.size).toBe(a.archive.size);
  });
});
