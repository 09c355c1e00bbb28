/**
 * Clear messages for bad scenario input. Every problem becomes one line naming the path
 * (`regions[3].tariff`), the value found, and what is allowed. No stack traces, no zod jargon.
 */
import type * as z from 'zod';
import { paramMeta, type ParamMeta } from './param.ts';
import { defOf, unwrap, type ZodDef } from './walk.ts';

export interface Problem {
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], source?: string) {
    const head = source ? `${source}: ` : '';
    const lines = problems.map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.message}`);
    super(`${head}${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in the scenario\n${lines.join('\n')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** A short, safe rendering of a value found in input (never the whole of a huge value). */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  return 'an object';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

/** "\"abc\" is a string", or for a list or an object, which show as their kind already, "got an object". */
function whatWasFound(value: unknown): string {
  return typeof value === 'object' ? `got ${show(value)}` : `${show(value)} is ${kindOf(value)}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

// ---- walking a zod schema alongside the input, to find what a path allows
function pickOption(s: z.ZodType, input: unknown): z.ZodType {
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return s;
  const isObj = typeof input === 'object' && input !== null && !Array.isArray(input);
  if (d.discriminator && isObj) {
    const tag = (input as Record<string, unknown>)[d.discriminator];
    for (const o of d.options) {
      const shape = defOf(unwrap(o)).shape;
      const lit = shape?.[d.discriminator] ? defOf(unwrap(shape[d.discriminator])).values : undefined;
      if (lit?.includes(tag)) return o;
    }
  }
  for (const o of d.options) {
    const t = defOf(unwrap(o)).type;
    if (isObj && t === 'object') return o;
    if (Array.isArray(input) && t === 'array') return o;
    if (!isObj && !Array.isArray(input) && t !== 'object' && t !== 'array') return o;
  }
  return d.options[0];
}

/** The schema node and input value at `path`, following the input where unions branch. */
export function schemaAt(root: z.ZodType, input: unknown, path: ReadonlyArray<PropertyKey>): { node?: z.ZodType; value: unknown; wrapper?: z.ZodType } {
  let node: z.ZodType | undefined = root;
  let value = input;
  let wrapper: z.ZodType | undefined = root;
  for (const key of path) {
    if (!node) break;
    const u = unwrap(pickOption(unwrap(node), value));
    const d = defOf(u);
    if (d.type === 'object' && d.shape) wrapper = node = d.shape[String(key)];
    else if (d.type === 'array' && d.element) wrapper = node = d.element;
    else wrapper = node = undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as string] : undefined;
  }
  return { node, value, wrapper };
}

/** Keys an object at `path` accepts. */
function allowedKeys(root: z.ZodType, input: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  const { node, value } = schemaAt(root, input, path);
  if (!node) return [];
  const d = defOf(unwrap(pickOption(unwrap(node), value)));
  return d.shape ? Object.keys(d.shape) : [];
}

/** The declaration holding a value's range: on the node itself or on what it wraps (`.optional()`). */
function rangeMeta(w: z.ZodType): ParamMeta | undefined {
  for (const m of [paramMeta(w), paramMeta(unwrap(w))]) if (m && (m.minimum !== undefined || m.maximum !== undefined)) return m;
  return undefined;
}

/** Bounds declared on a plain number schema (for numbers without a parameter declaration). */
function numberBounds(root: z.ZodType, input: unknown, path: ReadonlyArray<PropertyKey>): { minimum?: number; maximum?: number } {
  const { node, value } = schemaAt(root, input, path);
  if (!node) return {};
  const n = unwrap(pickOption(unwrap(node), value));
  if (defOf(n).type !== 'number') return {};
  const { minValue, maxValue } = n as unknown as { minValue: number | null; maxValue: number | null };
  const ok = (x: number | null) => (x !== null && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER ? x : undefined);
  return { minimum: ok(minValue), maximum: ok(maxValue) };
}

function rangeText(root: z.ZodType, input: unknown, path: ReadonlyArray<PropertyKey>, fallback: { minimum?: unknown; maximum?: unknown }, exclusive: { minimum?: boolean; maximum?: boolean } = {}) {
  // The declaration sits on the parameter itself, or on the schedule that contains this value.
  let meta: ParamMeta | undefined;
  for (let up = 0; !meta && up <= 3 && up <= path.length; up++) {
    const w = schemaAt(root, input, path.slice(0, path.length - up)).wrapper;
    meta = w ? rangeMeta(w) : undefined;
  }
  const declared = numberBounds(root, input, path);
  const min = meta?.minimum ?? declared.minimum ?? fallback.minimum;
  const max = meta?.maximum ?? declared.maximum ?? fallback.maximum;
  if (min === undefined && max === undefined) return '';
  const unit = meta?.unit?.en && meta.unit.en !== '—' ? ` (${unitInBrackets(meta.unit.en)})` : '';
  // a bound the value may not equal (a log-uniform range starts above 0) is said so
  const above = exclusive.minimum && min === fallback.minimum;
  const below = exclusive.maximum && max === fallback.maximum;
  if (min !== undefined && max !== undefined) return above || below ? `allowed ${above ? `above ${min}` : `${min}`} up to ${below ? `below ${max}` : `${max}`}${unit}` : `allowed ${min} to ${max}${unit}`;
  if (min !== undefined) return above ? `allowed more than ${min}${unit}` : `allowed ${min} or more${unit}`;
  return below ? `allowed less than ${max}${unit}` : `allowed ${max} or less${unit}`;
}

/** "Infinity is not a finite number", with the range allowed there when one is declared. */
function notFinite(value: number, root: z.ZodType, input: unknown, path: ReadonlyArray<PropertyKey>): string {
  const range = rangeText(root, input, path, {});
  return `${value} is not a finite number${range ? `; ${range}` : ''}`;
}

/** Edit distance, to suggest the key a user probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function suggest(key: string, options: string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(key, o);
    if (d < bestD) [best, bestD] = [o, d];
  }
  if (bestD <= Math.max(2, Math.floor(key.length / 3))) return ` (did you mean "${best}"?)`;
  // a name cut short or run on ("cloudAiPrice" for "cloudAiPriceIndex"): the one option that begins with the other
  const k = key.toLowerCase();
  const stems = k.length >= 4 ? options.filter((o) => o.toLowerCase().startsWith(k) || k.startsWith(o.toLowerCase())) : [];
  return stems.length === 1 ? ` (did you mean "${stems[0]}"?)` : '';
}

const list = (xs: unknown[], max = 12) =>
  xs.length > max ? `${xs.slice(0, max).join(', ')}, … (${xs.length} in all)` : xs.map(String).join(', ');

/** A choice outside the allowed ones, or none given: "missing; allowed: …" / "\"x\" is not allowed (did you mean …); allowed: …". */
function notAllowed(found: unknown, options: unknown[]): string {
  if (found === undefined) return `missing; allowed: ${list(options)}`;
  return `${show(found)} is not allowed${typeof found === 'string' ? suggest(found, options.map(String)) : ''}; allowed: ${list(options)}`;
}

/** Turns zod issues into problems, one per issue (one per key for unknown keys). */
/** A unit as a range message writes it in brackets: one with brackets of its own, 'index (2020 = 1)', as 'index, 2020 = 1'. */
export const unitInBrackets = (unit: string): string => unit.replace(/ \((.*)\)$/, ', $1');

export function problemsFromIssues(root: z.ZodType, input: unknown, issues: z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const at = formatPath(path);
    const found = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(root, input, path);
        for (const key of issue.keys) {
          out.push({ path: formatPath([...path, key]), message: `unknown key${suggest(key, allowed)}; allowed keys here: ${list(allowed, 40)}` });
        }
        break;
      }
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        if (found === undefined) out.push({ path: at, message: `missing; expected ${expected}` });
        else if (typeof found === 'number' && !Number.isFinite(found)) out.push({ path: at, message: notFinite(found, root, input, path) });
        else out.push({ path: at, message: `${whatWasFound(found)}; expected ${expected}` });
        break;
      }
      case 'too_big':
      case 'too_small': {
        if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
          const exclusive = (issue as { inclusive?: boolean }).inclusive === false;
          out.push({ path: at, message: `${show(found)} is out of range; ${rangeText(root, input, path, { minimum: (issue as { minimum?: unknown }).minimum, maximum: (issue as { maximum?: unknown }).maximum }, issue.code === 'too_small' ? { minimum: exclusive } : { maximum: exclusive })}` });
        } else if (issue.origin === 'array') {
          const n = Array.isArray(found) ? found.length : '?';
          out.push({ path: at, message: issue.code === 'too_big' ? `has ${n} entries; at most ${(issue as { maximum: unknown }).maximum} allowed` : `has ${n} entries; at least ${(issue as { minimum: unknown }).minimum} needed` });
        } else {
          const limit = Number(issue.code === 'too_big' ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum);
          const characters = `${limit} character${limit === 1 ? '' : 's'}`;
          out.push({ path: at, message: issue.code === 'too_big' ? `is too long; at most ${characters}` : limit === 1 ? 'is empty; at least 1 character needed' : `is too short; at least ${characters}` });
        }
        break;
      }
      case 'invalid_value':
        out.push({ path: at, message: notAllowed(found, issue.values) });
        break;
      case 'invalid_format':
        if (issue.message === 'not a month' || issue.message.includes('month')) out.push({ path: at, message: `${show(found)} is not a month; use YYYY-MM, e.g. 2021-06` });
        else if (issue.message === 'not a slug') out.push({ path: at, message: `${show(found)} is not a valid name; use lowercase letters, digits and dashes, e.g. my-policy-2030` });
        else out.push({ path: at, message: `${show(found)} has the wrong format (${issue.message})` });
        break;
      case 'invalid_union': {
        const disc = issue as { discriminator?: string; options?: unknown[] };
        if (disc.discriminator && disc.options) {
          const tag = found && typeof found === 'object' ? (found as Record<string, unknown>)[disc.discriminator] : undefined;
          const options = disc.options.map(String);
          out.push({ path: at, message: notAllowed(tag, options) });
          break;
        }
        const { node, value } = schemaAt(root, input, path);
        const u = node ? defOf(unwrap(node)) : undefined;
        if (u?.discriminator && value && typeof value === 'object' && !Array.isArray(value)) {
          const options = (u.options ?? []).map((o) => defOf(unwrap(defOf(unwrap(o)).shape![u.discriminator!])).values?.[0]);
          const tag = (value as Record<string, unknown>)[u.discriminator];
          out.push({ path: formatPath([...path, u.discriminator]), message: notAllowed(tag, options) });
          break;
        }
        // A schedule: report the branch that matches the kind of value given (an object's own
        // problems, or a number's); other choices of forms only an object's.
        const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
        const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
        const branch = branches.find((b) => b.length > 0 && (isObj ? b.some((i) => i.path.length > 0 || i.code === 'unrecognized_keys') : b.every((i) => i.path.length === 0 && i.code !== 'invalid_type')));
        const scheduleLike = !u || isSchedule(u);
        if (typeof value === 'number' && !Number.isFinite(value)) {
          // (1e999 in a file: JSON.parse reads it as Infinity, which no form takes)
          out.push({ path: at, message: notFinite(value, root, input, path) });
        } else if (branch && (isObj || (typeof value === 'number' && scheduleLike))) {
          out.push(...problemsFromIssues(root, input, branch.map((i) => ({ ...i, path: [...path, ...i.path] }))));
        } else if (!scheduleLike) {
          // another choice of forms (an experiment's "months", its "base"): say what each one is
          const words = u.options!.flatMap(enumWords);
          const found = typeof value === 'string' && words.length ? `${show(value)} is not allowed${suggest(value, words)}` : whatWasFound(value);
          out.push({ path: at, message: `${found}; expected ${u.options!.map(describeForm).join(' or ')}` });
        } else {
          out.push({ path: at, message: `${whatWasFound(value)}; expected a number or a schedule { "base": number, "segments": [{ "start": "YYYY-MM", "end": "YYYY-MM", "to": number }] }` });
        }
        break;
      }
      default:
        out.push({ path: at, message: issue.message });
    }
  }
  return out;
}

/** True for a schedule's union: a number, or an object with `base` and `segments`. */
function isSchedule(u: ZodDef): boolean {
  return (u.options ?? []).some((o) => {
    const shape = defOf(unwrap(o)).shape;
    return !!shape && 'segments' in shape && 'base' in shape;
  });
}

/** One form a value may take, in words: "all" or "last", { "every": number }, a list of months … */
function describeForm(schema: z.ZodType): string {
  const d = defOf(unwrap(schema));
  switch (d.type) {
    case 'enum': return enumWords(schema).map((v) => JSON.stringify(v)).join(' or ');
    case 'literal': return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'number': return 'a number';
    case 'string': return schema.description ? `a ${schema.description}` : 'a text';
    case 'boolean': return 'true or false';
    case 'record': return schema.description ? `a ${schema.description}` : 'an object';
    case 'array': {
      const element = d.element ? defOf(unwrap(d.element)) : undefined;
      return element?.type === 'string' && d.element?.description?.includes('month') ? 'a list of months (YYYY-MM)' : 'a list';
    }
    case 'object': return `{ ${Object.keys(d.shape ?? {}).map((k) => `"${k}": ${describeForm(d.shape![k]).replace(/^a /, '')}`).join(', ')} }`;
    default: return d.type;
  }
}

/** The words an enum allows (none for other schemas). */
function enumWords(schema: z.ZodType): string[] {
  const d = defOf(unwrap(schema));
  return d.type === 'enum' ? Object.values(d.entries ?? {}).map(String) : [];
}
