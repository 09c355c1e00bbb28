/**
 * From scenario text or object to a resolved scenario: every default filled in, every schedule
 * in `{ base, segments }` form, region/category/mode tables merged with their overrides.
 * All problems are collected and reported together (see errors.ts); nothing throws a raw error.
 */
import type * as z from 'zod';
import { parseStrictJson } from './json.ts';
import { scenarioFileSchema, type ParsedScenario } from './scenario.ts';
import { ScenarioError, problemsFromIssues, formatPath, type Problem } from './errors.ts';
import { defOf, unwrap } from './walk.ts';
import { parseMonth } from './dates.ts';
import { DEFAULT_REGIONS, DEFAULT_CATEGORIES, DEFAULT_MODES, type RegionData, type CategoryData, type ModeData } from './world-data.ts';
import type { Schedule, ScheduleInput } from './param.ts';
import { text, type Text } from './labels.ts';

/** The largest scenario text accepted (a scenario is a few kB; this refuses hostile input). */
export const MAX_SCENARIO_BYTES = 1_000_000;
/** Longest run accepted, in months. */
export const MAX_MONTHS = 12 * 60;

type Scheduled<T, K extends keyof T> = Omit<T, K> & { [P in K]: Schedule };
export type ResolvedRegion = Scheduled<RegionData, 'tariff' | 'digitalReadiness' | 'dataRegime'>;

type DeepSchedules<T> = [T] extends [ScheduleInput] ? Schedule
  : T extends number | string | boolean ? T
  : T extends Array<infer U> ? Array<DeepSchedules<U>>
  : { [K in keyof T]: DeepSchedules<T[K]> };

export interface ResolvedScenario {
  name: string;
  title: Text;
  description: Text;
  seed: number;
  time: { start: string; end: string };
  scale: number;
  infrastructure: DeepSchedules<ParsedScenario['infrastructure']>;
  platform: DeepSchedules<ParsedScenario['platform']>;
  rules: DeepSchedules<ParsedScenario['rules']>;
  regions: ResolvedRegion[];
  categories: CategoryData[];
  modes: ModeData[];
  shocks: ParsedScenario['shocks'];
  model: ParsedScenario['model'];
}


/** Parses JSON text strictly (sim/schema/json.ts), reporting the line and column of a problem. */
export function parseScenarioText(source: string, origin = 'scenario'): unknown {
  if (source.length > MAX_SCENARIO_BYTES) {
    throw new ScenarioError([{ path: '', message: `the file is ${source.length} characters; at most ${MAX_SCENARIO_BYTES} allowed` }], origin);
  }
  const parsed = parseStrictJson(source);
  if ('problem' in parsed) throw new ScenarioError([{ path: '', message: parsed.problem }], origin);
  return parsed.value;
}

function toSchedule(value: ScheduleInput, fallbackBase: number): Schedule {
  if (typeof value === 'number') return { base: value, segments: [] };
  return { base: value.base ?? fallbackBase, segments: value.segments.map((s) => ({ ...s })) };
}

const baseOf = (v: ScheduleInput): number => (typeof v === 'number' ? v : v.base ?? 0);

function isScheduleInput(v: unknown): v is ScheduleInput {
  return typeof v === 'number' || (typeof v === 'object' && v !== null && Array.isArray((v as { segments?: unknown }).segments));
}

/** Checks a schedule's segments: real months, in order, not overlapping, ramps forward in time. */
function checkSchedule(value: ScheduleInput, path: PropertyKey[], problems: Problem[]) {
  if (typeof value === 'number') return;
  let previousEnd = -Infinity;
  let previousLabel = '';
  value.segments.forEach((seg, i) => {
    const at = formatPath([...path, 'segments', i]);
    const start = parseMonth(seg.start);
    const end = seg.end === undefined ? start : parseMonth(seg.end);
    if (seg.end !== undefined && end <= start) {
      problems.push({ path: `${at}.end`, message: `"${seg.end}" is not after start "${seg.start}"; a ramp must end after it starts (omit end for a step)` });
    }
    if (start <= previousEnd) {
      problems.push({ path: `${at}.start`, message: `"${seg.start}" overlaps segment ${previousLabel}; segments must be in time order and not overlap` });
    }
    previousEnd = Math.max(previousEnd, end);
    previousLabel = `[${i}] (${seg.start}${seg.end ? ` to ${seg.end}` : ''})`;
  });
}

function walkSchedules(node: unknown, path: PropertyKey[], problems: Problem[]) {
  if (isScheduleInput(node)) return checkSchedule(node, path, problems);
  if (Array.isArray(node)) node.forEach((v, i) => walkSchedules(v, [...path, i], problems));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walkSchedules(v, [...path, k], problems);
}

function normaliseSchedules<T>(node: T, defaults: unknown): DeepSchedules<T> {
  if (isScheduleInput(node)) {
    const fallback = typeof defaults === 'number' ? defaults : isScheduleInput(defaults) ? toSchedule(defaults, 0).base : 0;
    return toSchedule(node, fallback) as DeepSchedules<T>;
  }
  if (Array.isArray(node)) return node.map((v) => normaliseSchedules(v, undefined)) as DeepSchedules<T>;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    const d = (defaults ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(node)) out[k] = normaliseSchedules(v, d[k]);
    return out as DeepSchedules<T>;
  }
  return node as DeepSchedules<T>;
}

function mergeTable<T extends { id: string }>(defaults: T[], overrides: Array<{ id: string }>, key: string, problems: Problem[]): T[] {
  const seen = new Map<string, number>();
  const merged = defaults.map((d) => ({ ...d }));
  overrides.forEach((o, i) => {
    if (seen.has(o.id)) problems.push({ path: `${key}[${i}].id`, message: `"${o.id}" is already changed by ${key}[${seen.get(o.id)}]; name each ${key.replace(/s$/, '')} once` });
    seen.set(o.id, i);
    const target = merged.find((d) => d.id === o.id);
    if (target) Object.assign(target, Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  });
  return merged;
}

function kindOfTop(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value} (${String(value)})`;
}

/**
 * Checks that span several values (schedules in time order, run and shock windows, each table
 * row named once, some demand left). They run on every top-level section that is valid on its
 * own — the schedules' on every schedule that is (`schedules`: validParts) — so they are reported
 * together with the schema's problems elsewhere.
 */
function crossChecks(s: Partial<ParsedScenario>, problems: Problem[], schedules: Partial<ParsedScenario> = s) {
  for (const key of ['infrastructure', 'platform', 'rules'] as const) if (schedules[key]) walkSchedules(schedules[key], [key], problems);
  schedules.regions?.forEach((r, i) => {
    if (!r) return; // a row with nothing valid in it (validParts)
    for (const k of ['tariff', 'digitalReadiness', 'dataRegime'] as const) if (r[k] !== undefined) checkSchedule(r[k]!, ['regions', i, k], problems);
  });
  if (s.time) {
    const start = parseMonth(s.time.start);
    const end = parseMonth(s.time.end);
    if (end < start) problems.push({ path: 'time.end', message: `"${s.time.end}" is before time.start "${s.time.start}"` });
    else if (end - start + 1 > MAX_MONTHS) problems.push({ path: 'time.end', message: `the run would last ${end - start + 1} months; at most ${MAX_MONTHS} allowed` });
  }
  s.shocks?.forEach((shock, i) => {
    if (parseMonth(shock.end) < parseMonth(shock.start)) problems.push({ path: `shocks[${i}].end`, message: `"${shock.end}" is before start "${shock.start}"` });
    // a shock wholly outside the run does nothing: likely a mistyped year (2035 for 2025)
    else if (s.time && (parseMonth(shock.start) > parseMonth(s.time.end) || parseMonth(shock.end) < parseMonth(s.time.start))) {
      problems.push({ path: `shocks[${i}].start`, message: `the shock (${shock.start} to ${shock.end}) lies outside the simulated months ${s.time.start} to ${s.time.end}, so it would have no effect; move it inside them, or remove it` });
    }
  });
  const regions = s.regions && mergeTable(DEFAULT_REGIONS, s.regions, 'regions', problems);
  const categories = s.categories && mergeTable(DEFAULT_CATEGORIES, s.categories, 'categories', problems);
  const modes = s.logistics && mergeTable(DEFAULT_MODES, s.logistics.modes, 'logistics.modes', problems);
  if (categories?.every((c) => c.demandShare === 0)) problems.push({ path: 'categories', message: 'every category has demandShare 0; at least one must be above 0' });
  return { regions, categories, modes };
}

/** The top-level sections of the input that are valid on their own (used when the whole is not). */
function validSections(raw: Record<string, unknown>): Partial<ParsedScenario> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(scenarioFileSchema.shape)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) out[key] = r.data;
  }
  return out as Partial<ParsedScenario>;
}

/**
 * The parts of a value its schema accepts, however deep: the value itself when valid; otherwise,
 * for an object, each field's valid part, and for a list, each element's (undefined where none).
 * The schedules' checks run on these, so a schedule's segments out of order are reported beside a
 * mistyped lever in the same section, and a file is put right in one round, not two.
 */
function validParts(schema: z.ZodType, value: unknown): unknown {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const d = defOf(unwrap(schema));
  if (d.type === 'object' && d.shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(d.shape)) {
      const part = validParts(field, (value as Record<string, unknown>)[key]);
      if (part !== undefined) out[key] = part;
    }
    return out;
  }
  if (d.type === 'array' && d.element && Array.isArray(value)) return value.map((v) => validParts(d.element!, v));
  return undefined;
}

/**
 * Validates and resolves a scenario (text or already-parsed JSON). Throws ScenarioError with
 * every problem found.
 */
export function resolveScenario(input: unknown, options: { origin?: string; name?: string } = {}): ResolvedScenario {
  const origin = options.origin ?? 'scenario';
  const raw = typeof input === 'string' ? parseScenarioText(input, origin) : input;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ScenarioError([{ path: '', message: `the scenario must be a JSON object { ... }, not ${kindOfTop(raw)}` }], origin);
  }
  const parsed = scenarioFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromIssues(scenarioFileSchema, raw, parsed.error.issues);
    crossChecks(validSections(raw as Record<string, unknown>), problems, validParts(scenarioFileSchema, raw) as Partial<ParsedScenario>);
    throw new ScenarioError(problems, origin);
  }
  const s = parsed.data;
  const problems: Problem[] = [];
  const { regions, categories, modes } = crossChecks(s, problems);
  if (problems.length > 0 || !regions || !categories || !modes) throw new ScenarioError(problems, origin);

  return {
    name: s.name ?? options.name ?? 'scenario',
    title: s.title ?? text('Custom scenario', '自定义情景'),
    description: s.description ?? text('A scenario without a description.', '未附说明的情景。'),
    seed: s.seed,
    time: s.time,
    scale: s.scale,
    // A lever schedule without `base` starts from the lever's default value.
    infrastructure: normaliseSchedules(s.infrastructure, leverDefaults().infrastructure),
    platform: normaliseSchedules(s.platform, leverDefaults().platform),
    rules: normaliseSchedules(s.rules, leverDefaults().rules),
    // A region override's schedule without `base` starts from that region's default value.
    regions: regions.map((r, i) => ({
      ...r,
      tariff: toSchedule(r.tariff, baseOf(DEFAULT_REGIONS[i].tariff)),
      digitalReadiness: toSchedule(r.digitalReadiness, baseOf(DEFAULT_REGIONS[i].digitalReadiness)),
      dataRegime: toSchedule(r.dataRegime, baseOf(DEFAULT_REGIONS[i].dataRegime)),
    })),
    categories,
    modes,
    shocks: s.shocks,
    model: s.model,
  };
}

let defaultsCache: ParsedScenario | undefined;
function leverDefaults(): ParsedScenario {
  return (defaultsCache ??= scenarioFileSchema.parse({}));
}

/** The resolved default scenario (Yiwu as it is). */
export function defaultScenario(): ResolvedScenario {
  return resolveScenario({}, { name: 'baseline' });
}
