/** Time per monthly phase for the default scenario (a profiling aid: `npx tsx bench/phases.ts`). */
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createWorld } from '../sim/world/init.ts';
import { createStepper, totalCash } from '../sim/step.ts';

const scale = Number(process.argv[2] ?? 2 / 15);
const runs = 3;
const totals = new Map<string, number>();
for (let run = 0; run < runs; run++) {
  const w = createWorld(resolveScenario({ scale }));
  const stepper = createStepper(w);
  for (let t = 0; t < w.months; t++) {
    w.t = t;
    w.accounts.reset();
    let t0 = performance.now();
    w.accounts.cashAtStart = totalCash(w);
    for (const phase of stepper.phases) {
      phase.run(w);
      const t1 = performance.now();
      if (run > 0) totals.set(phase.name, (totals.get(phase.name) ?? 0) + t1 - t0);
      t0 = t1;
    }
    w.creditDemandLastMonth = w.accounts.creditApplied;
  }
}
let sum = 0;
for (const [name, ms] of totals) { sum += ms / (runs - 1); console.log(`${name.padEnd(26)} ${(ms / (runs - 1)).toFixed(1).padStart(7)} ms`); }
console.log(`${'total (phases)'.padEnd(26)} ${sum.toFixed(1).padStart(7)} ms`);
