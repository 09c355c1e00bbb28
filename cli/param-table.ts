/**
 * The generated part of docs/ODD.md: every parameter of the scenario schema, the default world
 * tables, the shocks, the metrics and the list of assumptions, as Markdown. It reads only the
 * single declarations (sim/schema/scenario.ts, sim/schema/world-data.ts, sim/collect/metrics.ts),
 * so the documentation cannot drift from the model: `npm run docs` rewrites the section between
 * the markers, and test/odd-docs.test.ts fails when the committed text is stale.
 *
 *   parameterTableMarkdown()              → the Markdown (deterministic)
 *   replaceGeneratedSection(doc, markdown) → doc with the section between the markers replaced
 */
import type * as z from 'zod';
import { scenarioFileSchema } from '../sim/schema/scenario.ts';
import { paramMeta, type Group, type ParamMeta, type Schedule } from '../sim/schema/param.ts';
import { DEFAULT_REGIONS, DEFAULT_CATEGORIES, DEFAULT_MODES } from '../sim/schema/world-data.ts';
import { METRICS } from '../sim/collect/metrics.ts';
import type { Text } from '../sim/schema/labels.ts';
import { defOf, unwrap, declaration, type ZodDef } from '../sim/schema/walk.ts';

export const BEGIN_MARKER = '<!-- BEGIN GENERATED PARAMETERS -->';
export const END_MARKER = '<!-- END GENERATED PARAMETERS -->';

// ---------------------------------------------------------------- walking zod 4 schemas
/** Description given with `.describe()` on a node or on what it wraps. */
function describedAs(s: z.ZodType): string | undefined {
  let node: z.ZodType | undefined = s;
  while (node) {
    const d = (node as unknown as { description?: string }).description;
    if (d) return d;
    const def = defOf(node);
    node = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

function numberBounds(s: z.ZodType): { min?: number; max?: number; integer: boolean } {
  const n = unwrap(s) as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean; _zod: { def: ZodDef } };
  const ok = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER ? x : undefined);
  return { min: ok(n.minValue), max: ok(n.maxValue), integer: n.isInt === true };
}

interface Row {
  path: string;
  meta: ParamMeta;
  /** Path of the default in the parsed `{}` scenario, or null for table overrides (default per row). */
  defaultPath: string[] | null;
  /** Which built-in table an override belongs to. */
  table?: 'regions' | 'categories' | 'modes';
}

/** Every declared parameter, in declaration order. */
function collectParameters(): Row[] {
  const rows: Row[] = [];
  const walk = (node: z.ZodType, path: string[], inArray: Row['table'] | undefined) => {
    const meta = declaration(node);
    const shown = path.join('.').replace(/\.\[\]/g, '[]');
    if (meta) {
      rows.push({ path: shown, meta, defaultPath: inArray ? null : path, table: inArray });
      return;
    }
    const d = defOf(unwrap(node));
    if (d.type === 'object' && d.shape) {
      for (const [key, child] of Object.entries(d.shape)) walk(child, [...path, key], inArray);
    } else if (d.type === 'array' && d.element) {
      const top = path.join('.');
      const table = top === 'regions' ? 'regions' : top === 'categories' ? 'categories' : top === 'logistics.modes' ? 'modes' : undefined;
      walk(d.element, [...path, '[]'], table);
    }
  };
  walk(scenarioFileSchema, [], undefined);
  return rows;
}

// ---------------------------------------------------------------- formatting
/** Numbers as people read them: thousands separators for large whole numbers, 4 significant digits otherwise. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) {
    const sign = x < 0 ? '-' : '';
    const digits = String(Math.abs(x));
    return Math.abs(x) >= 1_000 ? sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : sign + digits;
  }
  return String(Number(x.toPrecision(4)));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const bilingual = (t: Text) => `${t.en} / ${t.zh}`;
const code = (s: string) => `\`${s}\``;

function table(head: string[], rows: string[][]): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function isSchedule(v: unknown): v is Schedule {
  return typeof v === 'object' && v !== null && Array.isArray((v as Schedule).segments);
}

/** A default value: a number, or a schedule as "0.1; ramps to 0.85 by 2023-12 (from 2020-01)". */
export function formatDefault(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  if (isSchedule(v)) {
    const parts = [formatNumber(v.base)];
    for (const s of v.segments) {
      const from = s.from === undefined ? '' : ` from ${formatNumber(s.from)}`;
      parts.push(s.end === undefined ? `steps${from} to ${formatNumber(s.to)} in ${s.start}` : `ramps${from} to ${formatNumber(s.to)} by ${s.end} (from ${s.start})`);
    }
    return parts.join('; ');
  }
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map(String).join(', ');
  return v === undefined ? '—' : JSON.stringify(v);
}

function formatRange(min: number | undefined, max: number | undefined, integer: boolean | undefined): string {
  const text = min !== undefined && max !== undefined ? `${formatNumber(min)} – ${formatNumber(max)}`
    : min !== undefined ? `≥ ${formatNumber(min)}` : max !== undefined ? `≤ ${formatNumber(max)}` : '—';
  return integer ? `${text} (whole number)` : text;
}

function at(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

// ---------------------------------------------------------------- sections
const GROUPS: Array<{ group: Group; title: string; note?: string }> = [
  { group: 'scenario', title: 'Scenario · 情景', note: 'Run settings. `seed`, `time.start` and `time.end` carry no parameter declaration of their own (no bilingual label, unit or source); their description, default and range are read from the schema.' },
  { group: 'infrastructure', title: 'Infrastructure (layer 1) · 基础设施' },
  { group: 'platform', title: 'Digital commerce platform (layer 2) · 数字商务平台' },
  { group: 'rules', title: 'Rules and institutions (layer 3) · 规则与制度' },
  { group: 'world', title: 'World: region, category and mode tables · 世界数据' },
  { group: 'model', title: 'Behaviour (model parameters) · 行为参数' },
];

const TABLE_NOTE: Record<NonNullable<Row['table']>, string> = {
  regions: 'per region (see Default regions)',
  categories: 'per category (see Default categories)',
  modes: 'per mode (see Default logistics modes)',
};

/** Run settings that are plain schema nodes, not declared parameters (their label is their description). */
const RUN_SETTINGS: Array<{ path: string[]; unit: string }> = [
  { path: ['seed'], unit: '—' },
  { path: ['time', 'start'], unit: 'month' },
  { path: ['time', 'end'], unit: 'month' },
];

function nodeAt(path: string[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = scenarioFileSchema;
  for (const key of path) {
    const d: ZodDef | undefined = node ? defOf(unwrap(node)) : undefined;
    node = d?.shape?.[key];
  }
  return node;
}

function parameterSections(rows: Row[], defaults: unknown): string[] {
  const out: string[] = [];
  const head = ['parameter', 'label (en / zh)', 'unit', 'default', 'range', 'schedule?', 'source'];
  const known = new Set(GROUPS.map((g) => g.group));
  const extra = [...new Set(rows.map((r) => r.meta.group).filter((g) => !known.has(g)))].map((group) => ({ group, title: group, note: undefined }));
  for (const { group, title, note } of [...GROUPS, ...extra]) {
    const lines: string[][] = [];
    if (group === 'scenario') {
      for (const s of RUN_SETTINGS) {
        const node = nodeAt(s.path);
        if (!node) continue;
        const b = numberBounds(node);
        const range = defOf(unwrap(node)).type === 'number' ? formatRange(b.min, b.max, b.integer) : 'a month, YYYY-MM';
        lines.push([code(s.path.join('.')), describedAs(node) ?? '', s.unit, formatDefault(at(defaults, s.path)), range, 'no', '—']);
      }
    }
    for (const r of rows.filter((x) => x.meta.group === group)) {
      const m = r.meta;
      const dflt = r.defaultPath ? formatDefault(at(defaults, r.defaultPath)) : TABLE_NOTE[r.table!];
      lines.push([code(r.path), bilingual(m.label), m.unit.en, dflt, formatRange(m.minimum, m.maximum, m.integer), m.schedule ? 'yes' : 'no', m.source]);
    }
    if (lines.length === 0) continue;
    out.push(`### ${title}`, '');
    if (note) out.push(note, '');
    out.push(table(head, lines), '');
  }
  return out;
}

/** Which columns of a built-in table a scenario may change (the override schema's keys). */
function overridable(path: string[]): Set<string> {
  const node = nodeAt(path);
  const element = node ? defOf(unwrap(node)).element : undefined;
  return new Set(element ? Object.keys(defOf(unwrap(element)).shape ?? {}) : []);
}

function worldTables(): string[] {
  const mark = (keys: Set<string>, key: string, heading: string) => (keys.has(key) ? heading : `${heading} †`);
  const out: string[] = ['## Default world tables', ''];
  out.push('The built-in tables of `sim/schema/world-data.ts` (Yiwu in 2020). A scenario changes a row by naming its `id` in `regions`, `categories` or `logistics.modes`; columns marked † cannot be changed from a scenario file. Schedulable columns show their base value.', '');

  const rk = overridable(['regions']);
  const regionCols: Array<[string, string]> = [
    ['distanceKm', 'distance km'], ['marketSizeUsdBn', 'market US$ bn/yr'], ['demandGrowth', 'demand growth /yr'],
    ['incomePerCapitaUsd', 'income per head US$'], ['tariff', 'tariff'], ['importClearanceDays', 'import clearance days'],
    ['digitalReadiness', 'digital readiness'], ['dataRegime', 'data regime'], ['consumerTrust', 'consumer trust'],
    ['onlineConsumerShare', 'online consumer share'], ['railAccess', 'rail access'], ['domestic', 'domestic'],
  ];
  const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : isSchedule(v) ? formatDefault(v) : formatNumber(v as number));
  out.push('### Default regions', '');
  out.push(table(['id', 'label (en / zh)', ...regionCols.map(([k, h]) => mark(rk, k, h))],
    DEFAULT_REGIONS.map((r) => [code(r.id), bilingual(r.label), ...regionCols.map(([k]) => show((r as unknown as Record<string, unknown>)[k]))])), '');

  const ck = overridable(['categories']);
  const categoryCols: Array<[string, string]> = [
    ['unitValueUsd', 'unit value US$'], ['kgPerUsd', 'kg per US$'], ['timeCostPerDay', 'time cost /day'],
    ['designIntensity', 'design intensity'], ['demandShare', 'demand share'], ['materialShare', 'material share'],
  ];
  out.push('### Default categories', '');
  out.push(table(['id', 'label (en / zh)', ...categoryCols.map(([k, h]) => mark(ck, k, h))],
    DEFAULT_CATEGORIES.map((c) => [code(c.id), bilingual(c.label), ...categoryCols.map(([k]) => show((c as unknown as Record<string, unknown>)[k]))])), '');

  const mk = overridable(['logistics', 'modes']);
  const modeCols: Array<[string, string]> = [
    ['costPerKgUsd', 'handling US$/kg'], ['costPerKgPer1000KmUsd', 'line-haul US$/kg/1,000 km'], ['routeFactor', 'route factor'],
    ['transitDaysBase', 'terminal days'], ['daysPer1000Km', 'days/1,000 km'], ['capacityMillionKgPerMonth', 'capacity M kg/month'],
    ['capacityGrowth', 'capacity growth /yr'], ['congestionPremium', 'congestion premium'], ['providers', 'providers'],
    ['shipmentValueUsd', 'shipment value US$'],
  ];
  out.push('### Default logistics modes', '');
  out.push(table(['id', 'label (en / zh)', ...modeCols.map(([k, h]) => mark(mk, k, h))],
    DEFAULT_MODES.map((m) => [code(m.id), bilingual(m.label), ...modeCols.map(([k]) => show((m as unknown as Record<string, unknown>)[k]))])), '');
  return out;
}

function shockTable(): string[] {
  const node = nodeAt(['shocks']);
  const union = node ? defOf(unwrap(node)).element : undefined;
  const options = union ? defOf(unwrap(union)).options ?? [] : [];
  const lines: string[][] = [];
  for (const option of options) {
    const shape = defOf(unwrap(option)).shape ?? {};
    const type = String(defOf(unwrap(shape.type)).values?.[0] ?? '?');
    const label = paramMeta(option)?.label;
    const fields: string[] = [];
    for (const [key, field] of Object.entries(shape)) {
      if (key === 'type') continue;
      const d = defOf(unwrap(field));
      let range = '';
      if (d.type === 'number') {
        const b = numberBounds(field);
        range = `, ${formatRange(b.min, b.max, b.integer)}`;
      } else if (d.type === 'array' && d.element) {
        const e = defOf(unwrap(d.element));
        range = `, any of ${(e.values ?? Object.values(e.entries ?? {})).map(String).join(', ')}`;
      }
      const outer = defOf(field);
      const dflt = outer.type === 'default' ? `, default ${formatDefault(outer.defaultValue)}` : outer.type === 'optional' ? ', optional' : '';
      fields.push(`${code(key)}: ${describedAs(field) ?? ''}${range}${dflt}`);
    }
    lines.push([code(type), label ? bilingual(label) : '', fields.join('; ')]);
  }
  return ['## Shocks', '', 'Scenario events in `shocks`, each active from `start` to `end` inclusive (sim/world/levers.ts turns them into monthly series).', '',
    table(['type', 'label (en / zh)', 'fields'], lines), ''];
}

function metricTable(): string[] {
  const lines = METRICS.map((m) => [code(m.id), bilingual(m.label), m.unit.en, m.period, m.breakdowns.map((b) => (b === '' ? 'total' : b)).join(', '), m.description.en]);
  return ['## Metrics', '', 'What a run records each month (declared in `COLLECTORS`, sim/collect/metrics.ts, with what each collects; `METRICS` is the catalogue derived from it). Money and counts are reported at Yiwu scale (× 1/scale); shares, days and rates are not scaled. A ratio has no value in a month whose denominator is zero (`RATIO_METRICS`: e.g. `credit_rejection_rate` in a month with no applications, common in small runs); the CSV files leave that month out and statistics skip it.', '',
    table(['id', 'label (en / zh)', 'unit', 'a month\'s figure is', 'breakdowns', 'description'], lines), ''];
}

function assumptionTable(rows: Row[], defaults: unknown): string[] {
  const lines: string[][] = [];
  for (const r of rows) {
    if (!/assumption/i.test(r.meta.source)) continue;
    const dflt = r.defaultPath ? formatDefault(at(defaults, r.defaultPath)) : TABLE_NOTE[r.table!];
    const pure = r.meta.source.trim().toLowerCase() === 'assumption';
    lines.push([code(r.path), r.meta.label.en, dflt, formatRange(r.meta.minimum, r.meta.maximum, r.meta.integer), r.meta.unit.en, pure ? 'assumption' : `partly: ${r.meta.source}`]);
  }
  return ['## Assumptions and their ranges', '',
    'Every parameter whose declared source is, or includes, "assumption": a plausible round value without a confirmed source. The range is what the schema accepts, and so what a user may explore. A parameter declared without a source counts as an assumption (sim/schema/param.ts). Columns of the built-in tables (`regions[]`, `categories[]`, `logistics.modes[]`) are listed when their override field declares no source, even where sim/schema/world-data.ts names a source for the default values in a comment; section 6 gives those sources.', '',
    table(['parameter', 'label', 'default', 'range', 'unit', 'source'], lines), ''];
}

/** The generated Markdown: parameters by group, world tables, shocks, metrics and assumptions. */
export function parameterTableMarkdown(): string {
  const rows = collectParameters();
  const defaults = scenarioFileSchema.parse({});
  const out: string[] = [
    '<!-- Generated by `npm run docs` (cli/param-table.ts) from sim/schema and sim/collect/metrics.ts. Do not edit by hand. -->',
    '',
    '## Parameters',
    '',
    'Every parameter of the scenario schema (sim/schema/scenario.ts), grouped as the seed paper\'s three layers, then the world tables and the behavioural parameters. "schedule? yes" means the value may be a time schedule `{ "base": …, "segments": [ … ] }` instead of a constant. Overrides of table rows (`regions[]`, `categories[]`, `logistics.modes[]`) are listed under the group they are declared in.',
    '',
    ...parameterSections(rows, defaults),
    ...worldTables(),
    ...shockTable(),
    ...metricTable(),
    ...assumptionTable(rows, defaults),
  ];
  return `${out.join('\n').trimEnd()}\n`;
}

/** Replaces what lies between the markers in `doc` with `generated`; throws if the markers are missing. */
export function replaceGeneratedSection(doc: string, generated: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < 0 || end < begin) {
    throw new Error(`docs/ODD.md needs the lines ${BEGIN_MARKER} and ${END_MARKER}, in that order, around the generated parameter section`);
  }
  return `${doc.slice(0, begin + BEGIN_MARKER.length)}\n\n${generated}\n${doc.slice(end)}`;
}

/** The text between the markers, or undefined when they are missing. */
export function generatedSection(doc: string): string | undefined {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < 0 || end < begin) return undefined;
  return doc.slice(begin + BEGIN_MARKER.length, end);
}
