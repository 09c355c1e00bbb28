/**
 * Parameter declarations. Each parameter of the model is declared exactly once, here or in
 * the files that use these helpers, with its type, range, default, unit, bilingual label and
 * description, and its source. Validation (zod), the JSON Schema for editors, the CLI, the
 * browser's controls and the documentation's parameter table are all derived from these
 * declarations, so they cannot drift apart.
 */
import * as z from 'zod';
import { MONTH_PATTERN } from './dates.ts';
import { text, type Text } from './labels.ts';

export type Group = 'scenario' | 'infrastructure' | 'platform' | 'rules' | 'world' | 'shocks' | 'model';

export interface ParamMeta {
  label: Text;
  description: Text;
  unit: Text;
  group: Group;
  /** Where the default comes from; "assumption" marks a value without a confirmed source. */
  source: string;
  /** True when the value may be a time schedule rather than a constant. */
  schedule?: boolean;
  minimum?: number;
  maximum?: number;
  /** Where a slider ends when the allowed maximum lies far beyond usual values (larger ones are typed). */
  sliderMaximum?: number;
  integer?: boolean;
}

/** Units used across the schema, in both languages. */
export const UNITS = {
  share: text('share', '比例'),
  shareOfValue: text('share of value', '占货值比例'),
  index: text('index (2020 = 1)', '指数（2020 = 1）'),
  days: text('days', '天'),
  usd: text('US$', '美元'),
  usdPerMonth: text('US$ per month', '美元/月'),
  usdBnPerYear: text('US$ bn per year', '十亿美元/年'),
  usdPerKg: text('US$ per kg', '美元/千克'),
  usdPerKgPer1000Km: text('US$ per kg per 1,000 km', '美元/千克/千公里'),
  perYear: text('per year', '每年'),
  perMonth: text('per month', '每月'),
  km: text('km', '公里'),
  kgPerUsd: text('kg per US$', '千克/美元'),
  perDay: text('share of value per day', '每天占货值比例'),
  count: text('count', '个数'),
  months: text('months', '个月'),
  /** A strength or strictness on a 0–1 scale (not a share of anything). */
  level: text('index, 0 to 1', '指数（0–1）'),
  ratio: text('ratio', '比率'),
  multiplier: text('multiplier', '倍数'),
  exponent: text('exponent', '幂指数'),
  none: text('—', '—'),
} satisfies Record<string, Text>;

export interface NumberSpec {
  default: number;
  min: number;
  max: number;
  unit: Text;
  label: Text;
  description: Text;
  group: Group;
  source?: string;
  integer?: boolean;
  /** The slider's end, when below `max` (ParamMeta.sliderMaximum). */
  sliderMax?: number;
}

function meta(spec: NumberSpec, schedule: boolean): ParamMeta {
  return {
    label: spec.label,
    description: spec.description,
    unit: spec.unit,
    group: spec.group,
    source: spec.source ?? 'assumption',
    schedule: schedule || undefined,
    minimum: spec.min,
    maximum: spec.max,
    sliderMaximum: spec.sliderMax,
    integer: spec.integer || undefined,
  };
}

function bounded(spec: Pick<NumberSpec, 'min' | 'max' | 'integer'>) {
  const base = spec.integer ? z.number().int() : z.number();
  return base.min(spec.min).max(spec.max);
}

/** A constant number parameter with a default. */
export function num(spec: NumberSpec) {
  return bounded(spec).default(spec.default).meta(meta(spec, false) as unknown as Record<string, unknown>);
}

/** A number field without a default of its own (used in overrides of tables such as regions). */
export function field(spec: Omit<NumberSpec, 'default'>) {
  return bounded(spec).meta(meta({ ...spec, default: Number.NaN }, false) as unknown as Record<string, unknown>);
}

export const monthString = z
  .string()
  .regex(MONTH_PATTERN, { message: 'not a month' })
  .meta({ description: 'A calendar month, YYYY-MM', examples: ['2021-06'] });

/**
 * A time schedule: either a constant number, or `{ base, segments }` where each segment ramps
 * linearly from the value in force at `start` (or from `from`) to `to` at `end`, or steps to
 * `to` at `start` when it has no `end`. Segments are in time order and must not overlap.
 */
export interface ScheduleSegment {
  start: string;
  end?: string;
  from?: number;
  to: number;
}
export interface Schedule {
  base: number;
  segments: ScheduleSegment[];
}
export type ScheduleInput = number | { base?: number; segments: ScheduleSegment[] };

export function scheduleSchema(spec: Pick<NumberSpec, 'min' | 'max' | 'integer'>) {
  const value = bounded(spec);
  const segment = z.strictObject({
    start: monthString.describe('Month the change starts (YYYY-MM)'),
    end: monthString.optional().describe('Month the ramp reaches `to`; omit for a step change at `start`'),
    from: value.optional().describe('Value at `start`; default: the value in force just before'),
    to: value.describe('Value reached at `end` (or from `start` on, for a step)'),
  });
  return z.union([
    value,
    z.strictObject({
      base: value.optional().describe('Value before the first segment; default: the parameter default'),
      segments: z.array(segment).max(60).describe('Changes over time, in time order, not overlapping'),
    }),
  ]);
}

/** A parameter that may change over time. The default itself may be a schedule. */
export function sched(spec: Omit<NumberSpec, 'default'> & { default: number | Schedule }) {
  const numericDefault = typeof spec.default === 'number' ? spec.default : spec.default.base;
  return scheduleSchema(spec)
    .default(spec.default)
    .meta(meta({ ...spec, default: numericDefault }, true) as unknown as Record<string, unknown>);
}

/** A schedulable field without a default of its own (region overrides such as a tariff). */
export function schedField(spec: Omit<NumberSpec, 'default'>) {
  return scheduleSchema(spec).meta(meta({ ...spec, default: Number.NaN }, true) as unknown as Record<string, unknown>);
}

/** Helper to write a default schedule compactly: ramp(base, [start, end, to], ...). */
export function ramp(base: number, ...segments: Array<[string, string | undefined, number]>): Schedule {
  return {
    base,
    segments: segments.map(([start, end, to]) => (end ? { start, end, to } : { start, to })),
  };
}

/** Reads the declaration of a schema node, if it has one. */
export function paramMeta(schema: z.ZodType): ParamMeta | undefined {
  const m = z.globalRegistry.get(schema) as unknown as ParamMeta | undefined;
  return m && 'label' in m ? m : undefined;
}
