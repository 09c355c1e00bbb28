/**
 * One benchmark measurement in a fresh process (so peak memory belongs to this run alone):
 *   node --import tsx bench/run-one.ts <scale> <repeats>
 * Prints JSON: run times (the first includes JIT warm-up), agent counts, peak RSS and heap.
 */
import { resolveScenario } from '../sim/schema/resolve.ts';
import { runScenario } from '../sim/run.ts';

const scale = Number(process.argv[2]);
const repeats = Number(process.argv[3] ?? 3);
const scenario = resolveScenario({ scale });
const times: number[] = [];
let peakHeap = 0;
let counts = { merchants: 0, buyerAgents: 0, logisticsProviders: 0 };
let months = 0;
for (let i = 0; i < repeats; i++) {
  const started = performance.now();
  const result = runScenario(scenario, {
    onMonth: (t) => {
      if (t % 12 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  times.push(performance.now() - started);
  counts = result.agentCounts;
  months = result.months.length;
}
process.stdout.write(JSON.stringify({
  scale, times, months,
  merchants: counts.merchants, buyerAgents: counts.buyerAgents, providers: counts.logisticsProviders,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  peakHeapMb: peakHeap / 1024 / 1024,
}));
