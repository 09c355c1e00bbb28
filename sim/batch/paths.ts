/**
 * Parameter paths: how an experiment names one number of a scenario, and how a value is put there.
 *
 *   rules.smeCreditSupply                 a lever (replaces its whole schedule by a constant)
 *   rules.smeCreditSupply.base            the starting value of a lever's schedule (the base
 *                                         scenario's, or the lever's default schedule)
 *   regions[eu].tariff                    a field of the region with id "eu" (entry added if missing)
 *   platform.customs.market_hall.clearanceDays
 *   model.priceSensitivity                a behavioural parameter
 *   shocks[0].severity                    a field of the first shock of the base scenario
 *
 * `applyValues(base, { path: value })` returns a deep copy of the base scenario object with each
 * value written in; the scenario schema then judges the result (range, integer, …), so a path
 * accepts exactly what a scenario file accepts there.
 */

import { parsedDefaults } from '../schema/introspect.ts';

/** One step of a path: an object key, an array entry by id, or an array entry by position. */
export type PathStep = { key: string } | { id: string } | { index: number };

const KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const SELECTOR = /^\[([A-Za-z0-9_-]+)\]/;

/** Parses `regions[eu].tariff` into steps, or returns undefined if it is not a path. */
export function parsePath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let rest = path;
  let first = true;
  while (rest.length > 0) {
    if (!first) {
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!rest.startsWith('[')) return undefined;
    }
    const sel = SELECTOR.exec(rest);
    if (sel && !first) {
      steps.push(/^\d+$/.test(sel[1]) ? { index: Number(sel[1]) } : { id: sel[1] });
      rest = rest.slice(sel[0].length);
    } else {
      const m = /^[^.[]+/.exec(rest);
      if (!m || !KEY.test(m[0])) return undefined;
      steps.push({ key: m[0] });
      rest = rest.slice(m[0].length);
    }
    first = false;
  }
  return steps.length > 0 ? steps : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a path cannot be written into `base`, or undefined when it can. */
export function pathProblem(base: Record<string, unknown>, steps: PathStep[]): string | undefined {
  let node: unknown = base;
  let given = true; // the node is in the base scenario (not made up by the path)
  for (let i = 0; i < steps.length - 1; i++) {
    const s = steps[i];
    const next = steps[i + 1];
    if ('key' in s) {
      if (!isObject(node)) return 'goes through something that is not an object';
      given &&= node[s.key] !== undefined;
      node = node[s.key] ?? ('key' in next ? {} : []);
    } else {
      if (!Array.isArray(node)) return 'selects an entry of something that is not a list';
      if ('index' in s) {
        if (s.index >= node.length) return `selects entry [${s.index}], but the base scenario's list has ${node.length} ${node.length === 1 ? 'entry' : 'entries'}`;
        node = node[s.index];
      } else node = node.find((e) => isObject(e) && e.id === s.id) ?? { id: s.id };
    }
  }
  const last = steps[steps.length - 1];
  if (!('key' in last)) return 'must end with a field name, e.g. regions[eu].tariff';
  // each run's seed comes from the experiment (batch/plan.ts runSeed): a "seed" parameter would
  // change no run, and its column would stand beside the runs' own seed column
  if (steps.length === 1 && last.key === 'seed') return 'is not a parameter: each run\'s seed is drawn from the experiment\'s "seed", the point and the replicate; for more seeds raise "replications"';
  // a schedule's start: the rest of the schedule comes from the base scenario, or from the
  // lever's default schedule when the base scenario leaves the lever out
  if (last.key === 'base') {
    if (given && isObject(node) && Array.isArray(node.segments)) return undefined;
    const lever = steps.slice(0, -1).map((s) => ('key' in s ? `.${s.key}` : 'id' in s ? `[${s.id}]` : `[${s.index}]`)).join('').slice(1);
    const byDefault = defaultScheduleAt(steps.slice(0, -1));
    if (byDefault && !given) return undefined;
    if (byDefault) return `sets the start of a schedule, but the base scenario gives ${lever} without one; leave it out there (its default is a schedule, whose start this varies), give it a schedule ({ "base": …, "segments": [ … ] }), or vary ${lever} itself`;
    return `sets the start of a schedule, but ${lever} has no schedule in the base scenario or by default; give it one there ({ "base": …, "segments": [ … ] }), or vary ${lever} itself`;
  }
  if (!isObject(node)) return 'goes through something that is not an object';
  // a text or yes/no setting (a name, a region's data regime id) cannot take a parameter's numbers
  const here = node[last.key] !== undefined ? node[last.key] : defaultAt(steps);
  if (typeof here === 'string' || typeof here === 'boolean') return `is not a number: the scenario holds ${typeof here === 'string' ? 'text' : 'true or false'} there (${JSON.stringify(here)}); parameters vary numbers (a lever, a model setting, a schedule's start)`;
  return undefined;
}

/** The value at `steps` in `root` (list entries by id or position), or undefined where there is none. */
function valueAt(root: unknown, steps: PathStep[]): unknown {
  let node = root;
  for (const s of steps) {
    if ('key' in s) node = isObject(node) ? node[s.key] : undefined;
    else if ('id' in s) node = Array.isArray(node) ? node.find((e) => isObject(e) && e.id === s.id) : undefined;
    else node = Array.isArray(node) ? node[s.index] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The default scenario's value at `steps` (regions by id), or undefined. */
function defaultAt(steps: PathStep[]): unknown {
  return valueAt(parsedDefaults(), steps);
}

/** Whether `base` itself sets the value at `steps` (not left to the defaults): a parameter there replaces the scenario's own setting. */
export function setsPath(base: Record<string, unknown>, steps: PathStep[]): boolean {
  return valueAt(base, steps) !== undefined;
}

/** The lever's default schedule at `steps` (regions by id), or undefined when its default is a constant or there is none. */
function defaultScheduleAt(steps: PathStep[]): { segments: unknown[] } | undefined {
  // (a list entry by position has no default: the default lists are by id)
  if (steps.some((s) => 'index' in s)) return undefined;
  const node = defaultAt(steps);
  return isObject(node) && Array.isArray(node.segments) ? (node as { segments: unknown[] }) : undefined;
}

/** Writes `value` at `steps` inside `root` (mutating it; intermediate objects are created). */
function writeAt(root: Record<string, unknown>, steps: PathStep[], value: number): void {
  let node: unknown = root;
  for (let i = 0; i < steps.length - 1; i++) {
    const s = steps[i];
    const next = steps[i + 1];
    if ('key' in s) {
      const obj = node as Record<string, unknown>;
      if (obj[s.key] === undefined) obj[s.key] = 'key' in next ? {} : [];
      node = obj[s.key];
    } else {
      const list = node as unknown[];
      if ('index' in s) node = list[s.index];
      else {
        let entry = list.find((e) => isObject(e) && e.id === s.id);
        if (!entry) list.push((entry = { id: s.id }));
        node = entry;
      }
    }
  }
  const key = (steps[steps.length - 1] as { key: string }).key;
  const target = node as Record<string, unknown>;
  // the start of a lever the base scenario leaves out: the rest of its schedule is the default's
  if (key === 'base' && !Array.isArray(target.segments)) {
    const byDefault = defaultScheduleAt(steps.slice(0, -1));
    if (byDefault) target.segments = JSON.parse(JSON.stringify(byDefault.segments));
  }
  target[key] = value;
}

/** A deep copy of `base` with each path set to its value (paths in the order given). */
export function applyValues(base: Record<string, unknown>, values: ReadonlyArray<readonly [string, number]>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const [path, value] of values) {
    const steps = parsePath(path);
    if (!steps) throw new Error(`not a parameter path: ${path}`);
    writeAt(copy, steps, value);
  }
  return copy;
}
