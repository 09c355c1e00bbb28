/**
 * Reading the scenario schema as data, for user interfaces: every declared parameter as a
 * control (path, label, unit, range, default), grouped as the seed paper groups the levers, and
 * the helpers a UI needs around them — read and write a value in a scenario object without
 * mutating it, and strip a scenario down to what differs from the defaults (for share links).
 * Pure TypeScript: no DOM, no Node.
 *
 *   const groups = controlTree();                  // [{ id: 'infrastructure', controls: [...] }, ...]
 *   const next = setControlValue(input, control, 0.9);
 *   const small = pruneDefaults(next);             // only what differs from Yiwu as it is
 */
import { parseMonth, formatMonth } from './dates.ts';
import type * as z from 'zod';
import { scenarioFileSchema, type ScenarioFile } from './scenario.ts';
import { paramMeta, type Group, type ParamMeta, type Schedule, type ScheduleInput } from './param.ts';
import { DEFAULT_REGIONS, DEFAULT_CATEGORIES, DEFAULT_MODES } from './world-data.ts';
import type { Text } from './labels.ts';
import { defOf, unwrap, declaration } from './walk.ts';

export type TableName = 'regions' | 'categories' | 'modes';

/** One user-settable parameter. */
export interface Control {
  /** Stable id, e.g. `infrastructure.fiveGCoverage` or `regions.eu.tariff`. */
  id: string;
  /** Keys from the scenario's root to the value (for tables: table name, row id, field). */
  keys: string[];
  meta: ParamMeta;
  /** The default: a number, or a schedule for time-dependent levers. */
  defaultValue: number | Schedule;
  /** For rows of the built-in tables (regions, categories, logistics modes). */
  table?: { name: TableName; rowId: string; rowLabel: Text; field: string };
  /** Label of the sub-section the control belongs to (e.g. "Customs facilitation"), if any. */
  section?: Text;
}

export interface ControlGroup {
  id: Group;
  controls: Control[];
}

// ---------------------------------------------------------------- walking zod 4 schemas
/** Label of a section node (an object with `.meta({ label })` but no unit). */
function sectionLabel(s: z.ZodType): Text | undefined {
  for (const node of [s, unwrap(s)]) {
    const m = paramMeta(node);
    if (m && !m.unit) return m.label;
  }
  return undefined;
}

const TABLES: Record<TableName, Array<{ id: string; label: Text }>> = {
  regions: DEFAULT_REGIONS,
  categories: DEFAULT_CATEGORIES,
  modes: DEFAULT_MODES,
};
const TABLE_DEFAULTS: Record<TableName, Array<Record<string, unknown>>> = {
  regions: DEFAULT_REGIONS as unknown as Array<Record<string, unknown>>,
  categories: DEFAULT_CATEGORIES as unknown as Array<Record<string, unknown>>,
  modes: DEFAULT_MODES as unknown as Array<Record<string, unknown>>,
};
const tableOfPath = (path: string[]): TableName | undefined => {
  const top = path.join('.');
  return top === 'regions' ? 'regions' : top === 'categories' ? 'categories' : top === 'logistics.modes' ? 'modes' : undefined;
};
/** Where a table lives in a scenario file. */
export const TABLE_PATH: Record<TableName, string[]> = { regions: ['regions'], categories: ['categories'], modes: ['logistics', 'modes'] };

let defaultsCache: Record<string, unknown> | undefined;
/** The scenario `{}` with every default filled in (not resolved: schedules as declared). */
export function parsedDefaults(): Record<string, unknown> {
  return (defaultsCache ??= scenarioFileSchema.parse({}) as unknown as Record<string, unknown>);
}

function at(value: unknown, keys: readonly string[]): unknown {
  let v = value;
  for (const key of keys) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Region fields the model does not read for the home market: trade at home pays no tariff and meets no foreign data rules. */
const DOMESTIC_INERT_FIELDS = new Set(['tariff', 'dataRegime']);
/**
 * True for a lever the model does not read (the home market's tariff and data regime): the lever
 * panel and the sweep leave it out, as moving it would change nothing. (A user who leaves a
 * default region's `domestic` flag alone; the default home market is China.)
 */
export function isInertControl(c: Control): boolean {
  return c.table?.name === 'regions' && DOMESTIC_INERT_FIELDS.has(c.table.field) && !!DEFAULT_REGIONS.find((r) => r.id === c.table!.rowId)?.domestic;
}

let controlsCache: Control[] | undefined;
/** Every declared parameter as a control, in declaration order; table fields once per row. */
export function allControls(): Control[] {
  if (controlsCache) return controlsCache;
  const out: Control[] = [];
  const defaults = parsedDefaults();
  const walk = (node: z.ZodType, path: string[], section: Text | undefined) => {
    const meta = declaration(node);
    if (meta) {
      out.push({ id: path.join('.'), keys: path, meta, defaultValue: at(defaults, path) as number | Schedule, section });
      return;
    }
    const d = defOf(unwrap(node));
    const label = path.length >= 2 ? sectionLabel(node) ?? section : section;
    if (d.type === 'object' && d.shape) {
      for (const [key, child] of Object.entries(d.shape)) walk(child, [...path, key], label);
    } else if (d.type === 'array' && d.element) {
      const table = tableOfPath(path);
      const shape = defOf(unwrap(d.element)).shape;
      if (!table || !shape) return;
      for (const row of TABLES[table]) {
        const rowDefaults = TABLE_DEFAULTS[table].find((r) => r.id === row.id)!;
        for (const [field, child] of Object.entries(shape)) {
          const m = declaration(child);
          if (!m) continue;
          out.push({
            id: `${table}.${row.id}.${field}`, keys: [table, row.id, field], meta: m,
            defaultValue: rowDefaults[field] as number | Schedule,
            table: { name: table, rowId: row.id, rowLabel: row.label, field },
          });
        }
      }
    }
  };
  walk(scenarioFileSchema, [], undefined);
  return (controlsCache = out);
}

/** The order of the groups, as the seed paper presents the levers. */
export const GROUP_ORDER: Group[] = ['infrastructure', 'platform', 'rules', 'world', 'shocks', 'model', 'scenario'];

/** Controls grouped: Infrastructure, Platform, Rules and institutions, World, Model, Scenario. */
export function controlTree(): ControlGroup[] {
  const controls = allControls();
  return GROUP_ORDER.map((id) => ({ id, controls: controls.filter((c) => c.meta.group === id) })).filter((g) => g.controls.length > 0);
}

export function controlById(id: string): Control | undefined {
  return allControls().find((c) => c.id === id);
}

// ---------------------------------------------------------------- reading and writing values
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isSchedule(v: unknown): v is { base?: number; segments: Schedule['segments'] } {
  return isObj(v) && Array.isArray(v.segments);
}

/** The value a scenario sets for a control, or undefined when it keeps the default. */
export function getControlValue(input: unknown, control: Control): ScheduleInput | undefined {
  if (control.table) {
    const rows = at(input, TABLE_PATH[control.table.name]);
    if (!Array.isArray(rows)) return undefined;
    const row = rows.find((r) => isObj(r) && r.id === control.table!.rowId) as Obj | undefined;
    return row?.[control.table.field] as ScheduleInput | undefined;
  }
  return at(input, control.keys) as ScheduleInput | undefined;
}

/** A copy of `input` with the control set to `value` (undefined = back to the default). */
export function setControlValue<T extends ScenarioFile | Obj>(input: T, control: Control, value: ScheduleInput | undefined): T {
  const root: Obj = structuredCloneJson(input ?? {});
  if (control.table) {
    const path = TABLE_PATH[control.table.name];
    const parent = path.length > 1 ? ensureObj(root, path.slice(0, -1)) : root;
    const key = path[path.length - 1];
    const rows = (Array.isArray(parent[key]) ? parent[key] : []) as Obj[];
    let row = rows.find((r) => isObj(r) && r.id === control.table!.rowId);
    if (!row) {
      if (value === undefined) return root as T;
      row = { id: control.table.rowId };
      rows.push(row);
    }
    if (value === undefined) delete row[control.table.field];
    else row[control.table.field] = value;
    parent[key] = rows.filter((r) => !isObj(r) || Object.keys(r).length > 1);
    if ((parent[key] as unknown[]).length === 0) delete parent[key];
    removeEmpty(root, path.slice(0, -1));
    return root as T;
  }
  const parent = ensureObj(root, control.keys.slice(0, -1));
  const key = control.keys[control.keys.length - 1];
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  removeEmpty(root, control.keys.slice(0, -1));
  return root as T;
}

function structuredCloneJson<T>(v: T): Obj {
  return JSON.parse(JSON.stringify(v ?? {})) as Obj;
}

function ensureObj(root: Obj, keys: string[]): Obj {
  let o = root;
  for (const k of keys) {
    if (!isObj(o[k])) o[k] = {};
    o = o[k] as Obj;
  }
  return o;
}

/** Removes empty objects along `keys`, deepest first. */
function removeEmpty(root: Obj, keys: string[]): void {
  for (let n = keys.length; n > 0; n--) {
    const parent = n > 1 ? (at(root, keys.slice(0, n - 1)) as Obj | undefined) : root;
    const key = keys[n - 1];
    if (parent && isObj(parent[key]) && Object.keys(parent[key] as Obj).length === 0) delete parent[key];
  }
}

/** A schedule in full `{ base, segments }` form (`base` from the default when missing). */
export function toFullSchedule(value: ScheduleInput, fallback: number | Schedule): Schedule {
  const fallbackBase = typeof fallback === 'number' ? fallback : fallback.base;
  if (typeof value === 'number') return { base: value, segments: [] };
  return {
    base: value.base ?? fallbackBase,
    segments: value.segments.map((s) => {
      const seg: Schedule['segments'][number] = { start: s.start, to: s.to };
      if (s.end !== undefined) seg.end = s.end;
      if (s.from !== undefined) seg.from = s.from;
      return seg;
    }),
  };
}

/**
 * A schedule lever set simply — "reach `target` by `month`" — as a change to its default path:
 * the default's segments that are reached before `month` stay, then one ramp takes the value from
 * where they leave it to `target` by `month` (from `runStart` when none stay). So a small change of
 * the target changes the path a little: 5G coverage of 0.951 by 2030-12 instead of 0.95 keeps the
 * default's 0.85 by 2023.
 *
 * A policy changes the future, not the record: a target after `policyStart` (world-data.ts
 * POLICY_START, the month after the record) replaces the default's plan — its segments from
 * `policyStart` on — and its ramp starts there where the default is flat until then, so the
 * months before are the default's own (and a run reuses them: world/checkpoint.ts). The default
 * paths split at the record's end, so this holds for every default; a segment of a path's own
 * that ran across `policyStart` would be replaced from its start. A target within the record
 * (or without `policyStart`) changes the path from the last milestone before it.
 */
export function retarget(path: Schedule, target: number, month: string, runStart: string, policyStart = runStart): Schedule {
  const end = parseMonth(month);
  const policy = parseMonth(policyStart);
  // after the record only the record's segments stay; within it, those reached before the target
  const keepBefore = policy > parseMonth(runStart) && policy < end ? policy : end;
  const kept = path.segments.filter((seg) => parseMonth(seg.end ?? seg.start) < keepBefore);
  const last = kept[kept.length - 1];
  // a default segment reaching exactly `month` keeps its own start (the default comes back exactly)
  const next = path.segments[kept.length];
  // otherwise the ramp starts the month after the kept segments end (segments may not share a
  // month: the value reached at their last month is where the ramp starts from)
  let from = next && next.end === month && kept.length === path.segments.indexOf(next) ? next.start
    : last ? formatMonth(parseMonth(last.end ?? last.start) + 1) : runStart;
  const movesBefore = (seg: Schedule['segments'][number]) => parseMonth(seg.start) < policy && parseMonth(seg.end ?? seg.start) >= parseMonth(from);
  if (policy > parseMonth(from) && policy < end && !path.segments.some(movesBefore)) from = policyStart;
  const segments = kept.map((seg) => ({ ...seg }));
  if (parseMonth(from) < end) segments.push({ start: from, end: month, to: target });
  else segments.push({ start: month, to: target });
  return { base: path.base, segments };
}

/**
 * The months a lever set simply (retarget) starts its ramp at, after the run's start: the policy
 * start, and the start of every default segment running across it (none since model 0.7.0: the
 * defaults split at the record's end). A run keeps a checkpoint at each, so one that changes a
 * target continues from it (world/checkpoint.ts).
 */
export function targetStartMonths(policyStart: string): string[] {
  const policy = parseMonth(policyStart);
  const months = new Set<string>([policyStart]);
  for (const c of allControls()) {
    if (typeof c.defaultValue === 'number') continue;
    for (const seg of c.defaultValue.segments) {
      if (parseMonth(seg.start) < policy && parseMonth(seg.end ?? seg.start) >= policy) months.add(seg.start);
    }
  }
  return [...months].sort();
}

/** True when a value is the same as the default (a constant equals a schedule without segments). */
export function sameAsDefault(value: ScheduleInput | undefined, defaultValue: number | Schedule): boolean {
  if (value === undefined) return true;
  if (typeof defaultValue === 'number' && typeof value === 'number') return value === defaultValue;
  if (Number.isNaN(defaultValue as number)) return false;
  const a = toFullSchedule(value, defaultValue);
  const b = toFullSchedule(defaultValue, defaultValue);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value in force at the end of a schedule (its last target), or the constant. */
export function finalValue(value: number | Schedule | ScheduleInput): number {
  if (typeof value === 'number') return value;
  const segs = value.segments;
  return segs.length > 0 ? segs[segs.length - 1].to : (value.base ?? Number.NaN);
}

const RUN_DEFAULTS: Record<string, unknown> = { seed: 1 };

/**
 * A copy of a scenario holding only what differs from the defaults: parameters equal to their
 * default, table rows equal to the built-in row, empty sections and the editor's `$schema`
 * pointer are left out. Unknown keys are kept (validation reports them).
 */
export function pruneDefaults(input: unknown, options: { keepText?: boolean } = {}): Obj {
  if (!isObj(input)) return {};
  let out = structuredCloneJson(input);
  delete out.$schema;
  if (!options.keepText) {
    delete out.title;
    delete out.description;
  }
  for (const [k, v] of Object.entries(RUN_DEFAULTS)) if (out[k] === v) delete out[k];
  const defaults = parsedDefaults();
  const time = out.time;
  if (isObj(time)) {
    const dt = defaults.time as Obj;
    for (const k of ['start', 'end']) if (time[k] === dt[k]) delete time[k];
    if (Object.keys(time).length === 0) delete out.time;
  }
  if (Array.isArray(out.shocks) && out.shocks.length === 0) delete out.shocks;
  for (const control of allControls()) {
    const v = getControlValue(out, control);
    if (v !== undefined && isNumberOrSchedule(v) && sameAsDefault(v, control.defaultValue)) out = setControlValue(out, control, undefined);
  }
  // sections left empty by the above
  for (const key of Object.keys(out)) if (isObj(out[key])) pruneEmptyObjects(out[key] as Obj), Object.keys(out[key] as Obj).length === 0 && delete out[key];
  return out;
}

function isNumberOrSchedule(v: unknown): v is ScheduleInput {
  return typeof v === 'number' || isSchedule(v);
}

function pruneEmptyObjects(o: Obj): void {
  for (const key of Object.keys(o)) {
    if (isObj(o[key])) {
      pruneEmptyObjects(o[key] as Obj);
      if (Object.keys(o[key] as Obj).length === 0) delete o[key];
    } else if (Array.isArray(o[key]) && (o[key] as unknown[]).length === 0) {
      delete o[key];
    }
  }
}

/**
 * The control a problem path points into (e.g. `regions[0].tariff` → the EU's tariff when the
 * scenario's first region entry is the EU; `infrastructure.fiveGCoverage.segments[0].to` →
 * 5G coverage), or undefined.
 */
export function controlForProblemPath(path: string, input: unknown): Control | undefined {
  const m = /^(regions|categories|logistics\.modes)\[(\d+)\]\.([A-Za-z0-9_]+)/.exec(path);
  if (m) {
    const table: TableName = m[1] === 'regions' ? 'regions' : m[1] === 'categories' ? 'categories' : 'modes';
    const rows = at(input, TABLE_PATH[table]);
    const row = Array.isArray(rows) ? rows[Number(m[2])] : undefined;
    const rowId = isObj(row) && typeof row.id === 'string' ? row.id : undefined;
    return rowId ? controlById(`${table}.${rowId}.${m[3]}`) : undefined;
  }
  let best: Control | undefined;
  for (const c of allControls()) {
    if (c.table) continue;
    if (path === c.id || path.startsWith(c.id + '.') || path.startsWith(c.id + '[')) {
      if (!best || c.id.length > best.id.length) best = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------- shocks
export interface ShockField {
  key: string;
  kind: 'month' | 'number' | 'modes' | 'regions' | 'categories';
  min?: number;
  max?: number;
  /** Default of an optional or defaulted field. */
  defaultValue?: unknown;
  optional: boolean;
  /** The schema's `.describe()` text (English). */
  description?: string;
}
export interface ShockType {
  type: string;
  label: Text;
  fields: ShockField[];
}

/** The kinds of shock the schema allows, with their fields (read from the discriminated union). */
export function shockTypes(): ShockType[] {
  const shape = defOf(unwrap(scenarioFileSchema)).shape!;
  const element = defOf(unwrap(shape.shocks)).element!;
  const options = defOf(unwrap(element)).options ?? [];
  return options.map((option) => {
    const fields = defOf(unwrap(option)).shape!;
    const typeDef = defOf(fields.type);
    const meta = paramMeta(option) as unknown as { label: Text } | undefined;
    const out: ShockField[] = [];
    for (const [key, node] of Object.entries(fields)) {
      if (key === 'type') continue;
      const d = defOf(node);
      const inner = unwrap(node) as unknown as { minValue?: number | null; maxValue?: number | null; description?: string };
      const innerDef = defOf(unwrap(node));
      const description = (node as unknown as { description?: string }).description ?? inner.description;
      let kind: ShockField['kind'] = innerDef.type === 'string' ? 'month' : 'number';
      if (innerDef.type === 'array') kind = key === 'modes' ? 'modes' : key === 'regions' ? 'regions' : 'categories';
      out.push({
        key, kind, optional: d.type === 'optional' || d.type === 'default',
        defaultValue: d.type === 'default' ? d.defaultValue : undefined,
        min: kind === 'number' ? inner.minValue ?? undefined : undefined,
        max: kind === 'number' ? inner.maxValue ?? undefined : undefined,
        description,
      });
    }
    return { type: String(typeDef.values?.[0]), label: meta?.label ?? { en: String(typeDef.values?.[0]), zh: String(typeDef.values?.[0]) }, fields: out };
  });
}
