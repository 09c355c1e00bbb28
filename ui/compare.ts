/**
 * What the baseline takes from the scenario. Its run settings — the scale (how many merchants
 * are simulated) and the time window — are not policy: a scenario run at Yiwu scale against a
 * baseline at the default scale, or to 2035 against one that ends in 2030, would show the run's
 * size or length as an effect (a scenario of only `scale: 1` read −19 % value added, "seed
 * noise 0.0 %"). So the baseline runs with the scenario's run settings, and its own policies.
 * `timeWindow` reads one of those settings, with the schema's defaults, for the page's parts
 * that need the run's months.
 */
import { parsedDefaults } from '../sim/index.ts';

type Obj = Record<string, unknown>;

/** Top-level scenario fields that set how a run is made, not what happens in it. */
export const RUN_SETTINGS = ['scale', 'time'] as const;

/** The input's time window: its own months, the scenario schema's defaults where it sets none. */
export function timeWindow(input: Obj): { start: string; end: string } {
  const own = (input.time ?? {}) as { start?: string; end?: string };
  const defaults = parsedDefaults().time as { start: string; end: string };
  return { start: own.start ?? defaults.start, end: own.end ?? defaults.end };
}

/** The baseline preset's scenario with the scenario's run settings (where the scenario sets them). */
export function baselineLike(baseline: Obj, scenario: Obj): Obj {
  const out: Obj = { ...baseline };
  for (const key of RUN_SETTINGS) if (scenario[key] !== undefined) out[key] = scenario[key];
  return out;
}
