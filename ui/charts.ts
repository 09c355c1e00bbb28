/**
 * echarts options for the page's charts. Colours: the Okabe–Ito palette (distinguishable with
 * the common colour-vision deficiencies); scenario and baseline also differ by line style
 * (baseline dashed), never by colour alone; and lines of different colours carry different
 * markers (MARKERS), shown in the key too, as some pairs of the palette look alike to some readers.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from './i18n/index.ts';
import * as f from './format.ts';

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000', '#F0E442'];
/** Channels (market hall, B2B platform, cross-border e-commerce) in every chart of both views. */
export const CHANNEL_COLORS = [PALETTE[1], PALETTE[2], PALETTE[3]];
/** Digital levels (offline, B2B, cross-border e-commerce, data-driven): offline merchants sell in the hall, so levels take their channel's colour; data-driven its own. */
export const LEVEL_COLORS = [PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[4]];
export const SCENARIO_COLOR = '#0072B2';
export const BASELINE_COLOR = '#555555';
/**
 * Each palette colour's marker shape, so lines are told apart by shape as well as colour (to a
 * reader with deuteranopia the B2B platform's green and cross-border e-commerce's pink are both
 * grey, as are air's and express's). Echarts symbol names, or a path.
 */
const MARKERS: Record<string, { symbol: string }> = {
  '#0072B2': { symbol: 'circle' },
  '#E69F00': { symbol: 'triangle' },
  '#009E73': { symbol: 'rect' },
  '#CC79A7': { symbol: 'diamond' },
  '#D55E00': { symbol: 'path://M0,0H10L5,9Z' }, // a triangle pointing down
  '#56B4E9': { symbol: 'path://M2,0H4V2H6V4H4V6H2V4H0V2H2Z' }, // a plus
  '#000000': { symbol: 'pin' },
  '#F0E442': { symbol: 'arrow' },
};
/** A dashed line's marker: an outline (see-through, so a solid line beneath it is not cut). */
const hollow = (color: string) => ({ color: 'rgba(255,255,255,0)', borderColor: color, borderWidth: 1.5 });

/**
 * The lines' markers (drawn every 12 months: solid lines mid-year, dashed ones at the turn of the
 * year and hollow, so a pair does not stack), or none at all: markers tell palette colours
 * apart, so a chart with one of them (a blue scenario against the grey baseline) has none.
 */
function markersFor(lines: Line[]): ((l: Line) => { symbol: string } | undefined) | undefined {
  const marked = new Set(lines.map((l) => l.color.toUpperCase()).filter((c) => c in MARKERS)).size > 1;
  return marked ? (l) => MARKERS[l.color.toUpperCase()] : undefined;
}

export interface Line {
  name: string;
  data: Float64Array | undefined;
  /** Months available (values beyond are not drawn). */
  done: number;
  color: string;
  dashed?: boolean;
  band?: { lo: Float64Array; hi: Float64Array };
  /** Legend name of the band; a line with a band name reserves its band series even while `band` is undefined. */
  bandName?: string;
}

const FONT = { fontFamily: "system-ui, 'Segoe UI', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif" };

const clean = (a: Float64Array | undefined, done: number, n: number): Array<number | null> =>
  Array.from({ length: n }, (_, t) => (a && t < done && Number.isFinite(a[t]) ? a[t] : null));

export type Kind = 'money' | 'share' | 'number' | 'days';
/** How one value is written (tooltips, labels): money compact, shares as percentages. */
export function formatter(kind: Kind, lang: Lang): (v: number) => string {
  if (kind === 'money') return (v) => f.money(v, lang);
  if (kind === 'share') return (v) => f.pct(v, lang, 0);
  if (kind === 'days') return (v) => f.num(v, lang, 3);
  return (v) => f.num(v, lang, 3);
}

/** How an axis's ticks are written: as `formatter`, but money in one unit for the whole axis (its `largest` absolute value's). */
export function axisFormatter(kind: Kind, lang: Lang, largest: number): (v: number) => string {
  return kind === 'money' ? f.moneyAxis(largest, lang) : formatter(kind, lang);
}

/**
 * Figures of a narrow spread written with the digits that tell them apart (at least the usual
 * ones): a sweep's landed cost index from 1.4712 to 1.4718 read "1.47" on every tick and in the
 * table. Shares get decimals of a per cent, other numbers significant digits, from a fifth of
 * the spread (about one axis step), and at least `least` of them; money keeps its own
 * unit-per-axis writing.
 */
export function spreadFormatter(kind: Kind, lang: Lang, values: ReadonlyArray<number | null>, least: { decimals?: number; digits?: number } = {}): (v: number) => string {
  if (kind === 'money') return axisFormatter(kind, lang, largestOf(values));
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (v !== null && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const step = (hi - lo) / 5;
  const { decimals: fewestDecimals = 0, digits: fewestDigits = 3 } = least;
  // (named by its digits, so a chart whose figures narrow as runs finish is redrawn with them: frame.ts)
  if (kind === 'share') {
    const decimals = step > 0 ? Math.min(3, Math.max(fewestDecimals, Math.ceil(-Math.log10(step * 100)))) : fewestDecimals;
    return Object.assign((v: number) => f.pct(v, lang, decimals), { frameKey: `pct:${decimals}` });
  }
  const magnitude = step > 0 ? Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi))) + 1e-9) : 0;
  const digits = step > 0 ? Math.min(8, Math.max(fewestDigits, magnitude + Math.ceil(-Math.log10(step)))) : fewestDigits;
  return Object.assign((v: number) => f.num(v, lang, digits), { frameKey: `num:${digits}` });
}

/** The largest absolute finite value (0 if none): what an axis's unit is chosen by. */
function largestOf(values: Iterable<number | null>): number {
  let m = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

/** Font sizes: the page's, or the classroom's presentation view (read from the back of a room). */
const SIZES = { normal: { axis: 12, legend: 11, tooltip: 12, line: 2.2, label: 11 }, big: { axis: 18, legend: 16, tooltip: 18, line: 4, label: 16 } };
export interface ChartLook {
  /** Presentation view: large type, thick lines. */
  big?: boolean;
  /** Presentation view: type grows with the screen (1 at 1280 px wide). */
  fontScale?: number;
}
function sizes(look: ChartLook) {
  if (!look.big) return SIZES.normal;
  const k = Math.max(1, Math.min(1.6, look.fontScale ?? 1));
  return { axis: Math.round(SIZES.big.axis * k), legend: Math.round(SIZES.big.legend * k), tooltip: Math.round(SIZES.big.tooltip * k), line: SIZES.big.line * k, label: Math.round(SIZES.big.label * k) };
}

function base(lang: Lang, look: ChartLook = {}) {
  const z = sizes(look);
  return {
    textStyle: FONT,
    animation: false,
    aria: { enabled: true, decal: { show: false } },
    // tooltips drawn on the canvas: echarts' HTML tooltip reads getComputedStyle on every update,
    // which forces a style recalculation of the whole page (tens of ms per chart)
    tooltip: { trigger: 'axis', confine: true, renderMode: 'richText', textStyle: { ...FONT, fontSize: z.tooltip } },
    // legends wrap onto more lines rather than page through their entries
    legend: { type: 'plain', bottom: 0, textStyle: { ...FONT, fontSize: z.legend }, itemWidth: look.big ? 32 : 22, itemHeight: look.big ? 18 : 14, itemGap: 8 },
    grid: { left: 8, right: 16, top: 12, bottom: look.big ? 40 : 62, containLabel: true },
    lang,
  };
}

/**
 * Lines over months. `cursor` (classroom playback): the month shown last, marked with a
 * vertical line; lines stop there. `divide`: a month marked with a light dotted line and a short
 * label (the sandbox: where the record ends and the plans begin).
 */
export function timeOption(months: string[], lines: Line[], kind: Kind, lang: Lang, look: ChartLook & { cursor?: number; zeroBased?: boolean; divide?: { month: string; label: string } } = {}): EChartsCoreOption {
  const fmt = formatter(kind, lang);
  const z = sizes(look);
  const n = months.length;
  const upTo = (done: number) => (look.cursor === undefined ? done : Math.min(done, look.cursor + 1));
  const series: unknown[] = [];
  const markerOf = markersFor(lines);
  lines.forEach((l, i) => {
    // a line that has a band name keeps its two band series even before the band is computed,
    // so the chart's structure never changes while runs stream (a merge, not a slow rebuild)
    if (l.band || l.bandName) {
      const stack = `band${i}`;
      const lo = l.band ? clean(l.band.lo, upTo(n), n) : [];
      const hi = l.band ? clean(l.band.hi, upTo(n), n) : [];
      series.push({ type: 'line', name: l.bandName ?? l.name, stack, data: lo, symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, legendHoverLink: false, emphasis: { disabled: true }, itemStyle: { color: l.color } });
      series.push({ type: 'line', name: l.bandName ?? l.name, stack, data: hi.map((h, t) => (h === null || lo[t] === null ? null : h - (lo[t] as number))), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: l.color, opacity: 0.18 }, silent: true, tooltip: { show: false }, legendHoverLink: false, emphasis: { disabled: true }, itemStyle: { color: l.color } });
    }
    const marker = markerOf?.(l);
    const data: Array<number | null | { value: number; symbol: string }> = clean(l.data, upTo(l.done), n);
    if (marker) {
      for (let t = l.dashed ? 0 : 6; t < data.length; t += 12) if (data[t] !== null) data[t] = { value: data[t] as number, symbol: marker.symbol };
    }
    series.push({
      // no hover highlight (the axis tooltip shows the values): spares echarts the states of every element on each redraw
      // a line of one month (playback at its first month) would draw nothing: that month gets a dot
      // (showAllSymbol: on a category axis echarts would otherwise draw only the markers at labelled months)
      type: 'line', name: l.name, data, symbol: upTo(l.done) === 1 ? 'circle' : 'none', symbolSize: z.line * 3.2, showAllSymbol: true, connectNulls: false, emphasis: { disabled: true }, legendHoverLink: false,
      lineStyle: { color: l.color, width: l.dashed ? z.line * 0.75 : z.line, type: l.dashed ? [6, 4] : 'solid' },
      itemStyle: marker && l.dashed ? hollow(l.color) : { color: l.color },
    });
  });
  const marks: unknown[] = [];
  if (look.cursor !== undefined && months[look.cursor]) marks.push({ xAxis: months[look.cursor] });
  if (look.divide && months.includes(look.divide.month)) {
    marks.push({
      xAxis: look.divide.month, lineStyle: { color: '#767676', width: 1, type: [2, 3] },
      // with a light halo round its letters: lines that cross the label leave it readable, and
      // stay visible between the letters (a box behind it cut a gap in them)
      label: { show: true, position: 'insideEndTop', formatter: look.divide.label, color: '#595959', fontSize: z.axis - 1, textBorderColor: 'rgba(255,255,255,0.9)', textBorderWidth: 3, ...FONT },
    });
  }
  if (marks.length > 0 && series.length > 0) {
    (series[series.length - 1] as Record<string, unknown>).markLine = {
      symbol: 'none', silent: true, animation: false, label: { show: false },
      lineStyle: { color: '#000000', width: look.big ? 2 : 1, type: 'solid' }, data: marks,
    };
  }
  const axisFont = { ...FONT, fontSize: z.axis };
  const fromZero = kind === 'share' || look.zeroBased === true;
  // during playback the axis covers the whole run, so it does not rescale as the months go by
  const extent = look.cursor === undefined ? undefined : niceExtent(lines, fromZero);
  const top = extent ?? niceExtent(lines, fromZero) ?? { min: 0, max: 1 };
  const axisFmt = axisFormatter(kind, lang, Math.max(Math.abs(top.min), Math.abs(top.max)));
  const grid = base(lang, look).grid;
  return {
    ...base(lang, look),
    // margins set here rather than measured by echarts (containLabel): measuring the axis labels
    // took a good part of every redraw while runs stream
    grid: { left: grid.left + yLabelWidth(top, axisFmt, z.axis) + 8, right: grid.right, top: grid.top, bottom: grid.bottom + z.axis + 10, containLabel: false },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { ...axisFont, formatter: (m: string) => (m.endsWith('-01') ? m.slice(0, 4) : ''), interval: (i: number) => months[i]?.endsWith('-01') ?? false, hideOverlap: true } },
    yAxis: { type: 'value', scale: kind !== 'share' && !look.zeroBased, ...extent, splitNumber: look.big ? 4 : 5, axisLabel: { ...axisFont, formatter: axisFmt } },
    // a band's key is a shaded patch, as the band is drawn (its series have no symbol: the key was a dot)
    // (a key with markers has square icons: a 22 × 14 box stretched a square into the band's bar)
    legend: { ...base(lang, look).legend, data: legendEntries(lines, markerOf), ...(markerOf ? { itemWidth: base(lang, look).legend.itemHeight } : {}) },
    tooltip: { ...base(lang, look).tooltip, valueFormatter: (v: number) => (v === null || v === undefined ? '–' : fmt(v)), axisPointer: { label: { formatter: (p: { value: string }) => f.month(p.value, lang) } } },
    series,
  };
}

/**
 * A line's key without a marker: the line itself, solid or in three dashes (echarts drew the line
 * with a dot on it, a marker the line does not have, and its dashes barely showed).
 */
const SOLID_KEY = 'path://M0,5H24V9H0Z';
const DASHED_KEY = 'path://M0,5H6V9H0ZM9,5H15V9H9ZM18,5H24V9H18Z';

type LegendEntry = string | { name: string; icon: string; itemStyle: { color: string; opacity?: number; borderColor?: string; borderWidth?: number } };
/** The line key: each name once, in the lines' order; a band as a shaded patch. */
function legendEntries(lines: Line[], markerOf: ReturnType<typeof markersFor>): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const l of lines) {
    // (a band without a name of its own shares its line's entry)
    const bandName = l.bandName !== l.name ? l.bandName : undefined;
    if (bandName !== undefined && !entries.has(bandName)) entries.set(bandName, { name: bandName, icon: 'rect', itemStyle: { color: l.color, opacity: 0.25 } });
    // a line's key shows its marker, in its colour (hollow for a dashed line)
    const marker = markerOf?.(l);
    if (!entries.has(l.name)) entries.set(l.name, marker ? { name: l.name, icon: marker.symbol, itemStyle: l.dashed ? hollow(l.color) : { color: l.color } } : { name: l.name, icon: l.dashed ? DASHED_KEY : SOLID_KEY, itemStyle: { color: l.color } });
  }
  return [...entries.values()];
}

/** Width in px of a label in the page's font: an estimate from its characters, slightly generous. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    em += c > 0x2e80 ? 1 : /[.,:;'|il ]/.test(ch) ? 0.32 : /[%mwMW@]/.test(ch) ? 0.95 : /[A-Z$]/.test(ch) ? 0.7 : 0.6;
  }
  return Math.ceil(em * fontSize);
}

/**
 * A category label wrapped to lines of at most `width` px (estimated), at spaces only — never
 * inside a word ("China–Euro / pe rail") — or, for Chinese without spaces, between characters.
 * A word wider than `width` keeps its own line.
 */
export function wrapLabel(text: string, width: number, fontSize: number): string {
  const spaced = text.includes(' ');
  const parts = spaced ? text.split(' ') : /[\u2e80-\u9fff]/.test(text) ? [...text] : [text];
  const joiner = spaced ? ' ' : '';
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const longer = line ? line + joiner + part : part;
    if (line && textWidth(longer, fontSize) > width) {
      lines.push(line);
      line = part;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * Category axis labels: every category shown, wrapped at word boundaries to `width`; for a
 * vertical list of categories (horizontal bars), as wide as the longest label up to `width`, so
 * most stay on one line and neighbours do not crowd each other.
 */
function categoryLabels(categories: string[], fontSize: number, width: number, vertical = false) {
  const room = vertical ? Math.min(width, Math.max(...categories.map((c) => textWidth(c, fontSize)))) : width;
  return { ...FONT, fontSize, interval: 0, lineHeight: Math.round(fontSize * 1.2), formatter: (c: string) => wrapLabel(c, room, fontSize) };
}

/**
 * Room for the value axis's labels: the widest label of the ticks echarts is likely to choose
 * (round steps over the lines' range, up to six intervals), with margin for a step finer than that.
 */
export function yLabelWidth(extent: { min: number; max: number }, fmt: (v: number) => string, fontSize: number): number {
  const span = extent.max - extent.min || 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(span)));
  let widest = 0;
  // finer steps give longer labels (2.5 rather than 2): try each step echarts may pick
  for (const step of [0.1, 0.2, 0.25, 0.5, 1].map((x) => x * magnitude)) {
    if (span / step > 12) continue;
    for (let v = Math.floor(extent.min / step) * step; v <= extent.max + step / 2; v += step) widest = Math.max(widest, textWidth(fmt(Number(v.toPrecision(12))), fontSize));
  }
  return Math.max(widest, fontSize * 2);
}

/**
 * Axis limits that hold every computed value of the lines (and bands), rounded outwards to a
 * round step; the step is returned as the axis interval, so that both limits are ticks (echarts
 * choosing its own step would label the top limit too, crowding the tick below it).
 */
export function niceExtent(lines: Line[], fromZero: boolean): { min: number; max: number; interval: number } | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (a: Float64Array | undefined, done: number) => {
    if (!a) return;
    for (let t = 0; t < Math.min(done, a.length); t++) if (Number.isFinite(a[t])) { lo = Math.min(lo, a[t]); hi = Math.max(hi, a[t]); }
  };
  for (const l of lines) {
    take(l.data, l.done);
    if (l.band) { take(l.band.lo, l.band.lo.length); take(l.band.hi, l.band.hi.length); }
  }
  if (!Number.isFinite(lo)) return undefined;
  if ((fromZero || lo < 0.25 * hi) && lo >= 0) lo = 0;
  if (hi === lo) hi = lo + (Math.abs(lo) || 1);
  // a round step (1, 2 or 5 × 10^k) that gives at most six intervals once the ends are rounded out to it
  const magnitude = Math.pow(10, Math.floor(Math.log10(hi - lo)));
  const step = [0.1, 0.2, 0.5, 1, 2, 5].map((x) => x * magnitude).find((x) => Math.ceil(hi / x) - Math.floor(lo / x) <= 6) ?? 10 * magnitude;
  const round = (x: number) => Number(x.toPrecision(12)); // 0.30000000000000004 → 0.3
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step), interval: round(step) };
}

/** The baseline's exports to each region over the same months, for the flow chart's comparison. */
export interface FlowBaseline {
  regions: number[];
  /** Each region's seed noise of the relative change (undefined: not known yet); a change inside it is greyed. */
  noise?: Array<number | undefined>;
}

/**
 * The trade itself (classroom view): a Sankey from the hub through the sales channels to the
 * destination regions; link widths are exports over the period. Channels keep their colours and
 * carry no label on the chart (their names, colours and totals are listed above it: the channel
 * nodes sit close together while digital trade is small, and their labels ran into each other
 * and over the links). With a baseline, each region's label gives its change against it, greyed
 * when it is within the seed noise.
 */
export function flowOption(hub: string, channels: Array<{ name: string; color: string }>, regions: string[], flows: number[][], lang: Lang, look: ChartLook = {}, baseline?: FlowBaseline): EChartsCoreOption {
  const fmt = formatter('money', lang);
  const z = sizes(look);
  const regionIndex = new Map(regions.map((r, j) => [r, j]));
  // whole per cents: one run's regional figures move a few per cent by chance, a decimal would overstate them
  const change = (value: number, base: number, noise: number | undefined) => {
    if (!(base > 0) || !Number.isFinite(value)) return '';
    const d = value / base - 1;
    // (a change beyond the seed's noise that rounds to "0%" gets a decimal: "+0.4%", not a black "0%")
    const beyondNoise = noise !== undefined && Math.abs(d) > noise;
    const text = f.change(d, lang, beyondNoise && Math.abs(d) < 0.005 ? 1 : 0);
    // a change the seed alone could make is greyed (rich text style `noise`)
    return noise !== undefined && Math.abs(d) <= noise ? `  {noise|${text}}` : `  ${text}`;
  };
  const nodes = [
    { name: hub, itemStyle: { color: '#333333' } },
    ...channels.map((c) => ({ name: c.name, itemStyle: { color: c.color }, label: { show: false } })),
    ...regions.map((r) => ({ name: r, itemStyle: { color: '#777777' } })),
  ];
  const links: Array<{ source: string; target: string; value: number; lineStyle: { color: string } }> = [];
  channels.forEach((c, k) => {
    const total = flows[k].reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    if (total > 0) links.push({ source: hub, target: c.name, value: total, lineStyle: { color: c.color } });
    regions.forEach((r, j) => {
      const v = flows[k][j];
      if (Number.isFinite(v) && v > 0) links.push({ source: c.name, target: r, value: v, lineStyle: { color: c.color } });
    });
  });
  return {
    textStyle: FONT, animation: false, aria: { enabled: true, decal: { show: false } }, lang,
    tooltip: { trigger: 'item', confine: true, renderMode: 'richText', textStyle: { ...FONT, fontSize: z.tooltip }, valueFormatter: (v: number) => fmt(v) },
    series: [{
      // room on the right for the region labels; a gap between nodes keeps small regions' labels apart
      type: 'sankey', left: 8, right: Math.round((look.big ? (baseline ? 370 : 300) : 200) * Math.max(1, Math.min(1.6, look.fontScale ?? 1))), top: 8, bottom: 8, nodeWidth: look.big ? 22 : 14, nodeGap: look.big ? Math.max(16, z.label) : 11, // a gap of a label's height: small regions' labels sat on each other at 1920 px
      nodeAlign: 'left', layoutIterations: 0, draggable: false, emphasis: { focus: 'adjacency' },
      label: { ...FONT, fontSize: z.label, color: '#000000', textBorderColor: '#ffffff', textBorderWidth: 3, formatter: (p: { name: string; value: number }) => {
        const j = regionIndex.get(p.name);
        return `${p.name}  ${fmt(p.value)}${baseline && j !== undefined ? change(p.value, baseline.regions[j], baseline.noise?.[j]) : ''}`;
      }, rich: { noise: { ...FONT, fontSize: z.label, color: '#767676', fontStyle: 'italic', textBorderColor: '#ffffff', textBorderWidth: 3 } } },
      lineStyle: { opacity: 0.45, curveness: 0.5 },
      data: nodes, links,
    }],
  };
}

/** Lines a wrapping legend needs in `width` px (CJK characters count about twice a Latin one). */
function legendLines(names: string[], fontSize: number, width: number | undefined): number {
  if (!width) return 2;
  const item = (n: string) => [...n].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0) * fontSize + fontSize * 2.8;
  let lines = 1;
  let used = 0;
  for (const n of names) {
    const w = item(n);
    if (used > 0 && used + w > width - 20) { lines++; used = 0; }
    used += w;
  }
  return lines;
}

/** Stacked horizontal bars (classroom: merchants by stage, stacked by digital level). */
export function stackedBarOption(categories: string[], stacks: Bars[], kind: Kind, lang: Lang, look: ChartLook & { width?: number; axis?: { max: number; interval: number } } = {}): EChartsCoreOption {
  const fmt = formatter(kind, lang);
  const z = sizes(look);
  return {
    ...base(lang, look),
    legend: { ...base(lang, look).legend, type: 'plain', top: 0, bottom: undefined }, // four levels: wrap (above the plot) rather than scroll
    grid: { ...base(lang, look).grid, top: legendLines(stacks.map((b) => b.name), z.legend, look.width) * (z.legend + 10) + 6, bottom: 8 },
    tooltip: { ...base(lang, look).tooltip, axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v) },
    xAxis: { type: 'value', max: look.axis?.max, interval: look.axis?.interval, axisLabel: { ...FONT, fontSize: z.axis, formatter: axisFormatter(kind, lang, look.axis?.max ?? largestOf(categories.map((_, i) => stacks.reduce((sum, b) => sum + (Number.isFinite(b.values[i]) ? b.values[i] : 0), 0)))), hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: categoryLabels(categories, z.axis, z.axis * 12, true) },
    series: stacks.map((b) => ({ type: 'bar', stack: 'all', name: b.name, data: b.values.map((v) => (Number.isFinite(v) ? v : null)), itemStyle: { color: b.color, borderColor: '#ffffff', borderWidth: 1 }, barMaxWidth: look.big ? 56 : 28 })),
  };
}

export interface Bars {
  name: string;
  values: number[];
  color: string;
  dashed?: boolean;
}

export function barOption(categories: string[], bars: Bars[], kind: Kind, lang: Lang, horizontal = false): EChartsCoreOption {
  const fmt = formatter(kind, lang);
  const cat = { type: 'category', data: categories, axisLabel: categoryLabels(categories, 11, horizontal ? 150 : 70, horizontal) };
  // across a narrow chart, money labels ("US$20bn") overlap at echarts' usual five steps and every other one was hidden: fewer steps
  const val = { type: 'value', splitNumber: horizontal ? 3 : 5, axisLabel: { ...FONT, formatter: axisFormatter(kind, lang, largestOf(bars.flatMap((b) => b.values))), hideOverlap: true } };
  return {
    ...base(lang),
    tooltip: { ...base(lang).tooltip, axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fmt(v) },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: bars.map((b) => ({
      type: 'bar', name: b.name, data: b.values.map((v) => (Number.isFinite(v) ? v : null)),
      itemStyle: b.dashed ? { color: '#ffffff', borderColor: b.color, borderWidth: 1.5, borderType: 'dashed' } : { color: b.color },
      barMaxWidth: 18,
    })),
  };
}

/** One side (scenario or baseline) of the smile curve, by stage in the order drawn. */
export interface SmileSide {
  name: string;
  color: string;
  dashed?: boolean;
  /** Merchants' gross margin on sales at each stage (the curve's height). */
  margin: number[];
  /** Share of merchants at each stage (the circles' areas). */
  share: number[];
}

/** '#0072B2' at an opacity, as rgba (an itemStyle opacity would fade the labels too). */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** A circle's diameter for a share of merchants: area in proportion to the share (half of all merchants: 50 px). */
export function smileCircle(share: number, scale = 1): number {
  return Number.isFinite(share) && share > 0 ? Math.max(6, 70 * scale * Math.sqrt(share)) : 0;
}

/**
 * The smile curve (Shih 1992): merchants' margin at each value-chain stage along the chain, and
 * where the hub's merchants sit on it — each stage's circle has an area in proportion to the
 * share of merchants there, labelled for the scenario. Scenario solid and filled, baseline dashed
 * and hollow; straight segments (stages are categories: a spline would draw values that do not
 * exist).
 */
export function smileOption(stages: string[], sides: SmileSide[], words: { margin: string; merchants: string; pp: string }, lang: Lang, look: ChartLook = {}): EChartsCoreOption {
  const z = sizes(look);
  // the presentation view's circles grow with its type
  const circleScale = z.label / SIZES.normal.label;
  const step = look.big ? 0.2 : 0.1;
  const pct = (v: number, digits: number) => f.pct(v, lang, digits);
  // the scenario's circles say the share and its change against the baseline's (the first side against the second)
  const [scenario, baseline] = sides;
  const labelText = (i: number) => `{share|${pct(scenario.share[i], 1)}}\n{change|${baseline ? f.pointChange(f.shownPointChange(scenario.share[i], baseline.share[i]), lang, words.pp) : ''}}`;
  // Everything that changes with the figures is in the points (label text, share), none in a
  // closure: the chart hands echarts new points alone when only they change (chart.ts).
  return {
    ...base(lang, look),
    // (room above the plot for the value axis's name)
    ...(look.big ? {} : { grid: { ...base(lang, look).grid, top: 30 } }),
    tooltip: {
      ...base(lang, look).tooltip,
      formatter: (params: Array<{ dataIndex: number; seriesName: string; data: { value: number; share: number } | null }>) =>
        [stages[params[0]?.dataIndex ?? 0], ...params.filter((p) => p.data).map((p) =>
          `${p.seriesName}: ${words.margin} ${pct(p.data!.value, 0)}, ${words.merchants} ${pct(p.data!.share, 1)}`)].join('\n'),
    },
    xAxis: { type: 'category', data: stages, boundaryGap: true, axisLabel: categoryLabels(stages, look.big ? z.axis : 11, look.big ? z.axis * 6 : 62) },
    // room above the highest circle for its two-line label; few steps in the presentation view's short plot
    yAxis: {
      type: 'value', min: 0, interval: step, max: (extent: { max: number }) => Math.ceil((extent.max + 0.12 * circleScale) / step) * step,
      axisLabel: { ...FONT, fontSize: z.axis, formatter: (v: number) => pct(v, 0) },
      // the axis is the margin; the percentages over the circles are shares of merchants: named
      // on the axis so the two are not read as one (the presentation view's short plot has no room)
      ...(look.big ? {} : { name: words.margin, nameLocation: 'end', nameGap: 8, nameTextStyle: { ...FONT, fontSize: 11, color: '#555', align: 'left' } }),
    },
    series: sides.map((side) => ({
      type: 'line', name: side.name, smooth: false, symbol: 'circle', connectNulls: false,
      data: side.margin.map((m, i) => (Number.isFinite(m)
        ? { value: m, share: side.share[i], symbolSize: smileCircle(side.share[i], circleScale), ...(side === scenario ? { label: { formatter: labelText(i) } } : {}) }
        : null)),
      lineStyle: { color: side.color, width: look.big ? z.line : 2, type: side.dashed ? [6, 4] : 'solid' },
      itemStyle: side.dashed ? { color: 'rgba(255,255,255,0)', borderColor: side.color, borderWidth: 1.5, borderType: 'dashed' } : { color: translucent(side.color, 0.45), borderColor: side.color, borderWidth: 1.5 },
      label: side !== scenario ? { show: false } : {
        // on a light backing, so the line passing under a label (the Chinese ones are wider) leaves it readable
        show: true, position: 'top', distance: 4, ...FONT, backgroundColor: 'rgba(255,255,255,0.8)', padding: [1, 3], borderRadius: 3,
        rich: { share: { ...FONT, fontSize: z.label + 1, fontWeight: 'bold', color: '#222222', align: 'center' }, change: { ...FONT, fontSize: z.label, color: '#555555', align: 'center' } },
      },
      z: side.dashed ? 3 : 2,
    })),
  };
}

export interface SweepPoints {
  /** Lever values, in increasing order (a value axis: unevenly spaced values, e.g. a whole-number lever's, stand where they are). */
  x: number[];
  median: Array<number | null>;
  lo: Array<number | null>;
  hi: Array<number | null>;
  /** The lever's value in the page's scenario, marked with a vertical line (given only when it is within the sweep's range). */
  current?: { value: number; label: string };
}

/** A sweep: outcome against the lever's values, median line with markers, shaded band, the scenario's own value marked. */
export function sweepOption(p: SweepPoints, kind: Kind, names: { x: string; y: string; line: string; band: string }, lang: Lang, xFormat: (v: number) => string): EChartsCoreOption {
  const figures = [...p.lo, ...p.hi, ...p.median];
  const fmt = kind === 'money' ? formatter(kind, lang) : spreadFormatter(kind, lang, figures);
  const color = SCENARIO_COLOR;
  const at = (ys: Array<number | null>) => p.x.map((x, i) => [x, ys[i]]);
  const diff = p.hi.map((h, i) => (h === null || p.lo[i] === null ? null : h - (p.lo[i] as number)));
  const [first, last] = [p.x[0], p.x[p.x.length - 1]];
  const marked = p.current;
  return {
    ...base(lang),
    grid: { left: 12, right: 24, top: 34, bottom: 64, containLabel: true },
    // (one seed per value: no band, so no key for one)
    legend: { ...base(lang).legend, data: [{ name: names.line, icon: 'circle' }, ...(names.band ? [{ name: names.band, icon: 'rect', itemStyle: { color, opacity: 0.25 } }] : [])] },
    tooltip: { ...base(lang).tooltip, valueFormatter: (v: number) => (v === null || v === undefined ? '–' : fmt(v)) },
    xAxis: {
      // the sweep's range exactly: ticks at the swept values, so each point sits on a labelled tick
      type: 'value', min: first, max: last, name: names.x, nameLocation: 'middle', nameGap: 26,
      nameTextStyle: { ...FONT, fontSize: 12 }, axisLabel: { ...FONT, formatter: xFormat, customValues: p.x, hideOverlap: true }, axisTick: { customValues: p.x },
      splitLine: { show: false }, axisPointer: { label: { formatter: ({ value }: { value: number }) => xFormat(value) } },
    },
    yAxis: {
      type: 'value', scale: true, name: names.y, nameLocation: 'end', nameTextStyle: { ...FONT, fontSize: 12, align: 'left' },
      axisLabel: { ...FONT, formatter: spreadFormatter(kind, lang, figures) },
    },
    series: [
      { type: 'line', name: names.band, stack: 'band', data: at(p.lo), symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, itemStyle: { color } },
      { type: 'line', name: names.band, stack: 'band', data: at(diff), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.2 }, silent: true, tooltip: { show: false }, itemStyle: { color } },
      {
        type: 'line', name: names.line, data: at(p.median), symbol: 'circle', symbolSize: 8, lineStyle: { color, width: 2.2 }, itemStyle: { color },
        markLine: marked ? {
          silent: true, symbol: 'none', animation: false,
          lineStyle: { color: BASELINE_COLOR, type: [6, 4], width: 1.4 },
          // the label beside the line on the side with room: right of it in the range's left half
          // (on its left it covered the value axis's labels), left of it in the right half
          label: { ...FONT, formatter: marked.label, position: marked.value - first < (last - first) / 2 ? 'insideEndBottom' : 'insideEndTop', color: '#333', fontSize: 12 },
          data: [{ xAxis: marked.value }],
        } : undefined,
      },
    ],
  };
}

export interface YearSeries {
  name: string;
  /** By year, null where there is no value. */
  values: Array<number | null>;
  color: string;
  /** 'data': reported figures, drawn as markers; 'model': a line (baseline dashed). */
  kind: 'data' | 'model';
  dashed?: boolean;
}

/** The model against reported data, by year: data as black markers, model as lines. */
export function yearOption(years: number[], series: YearSeries[], format: (v: number) => string, lang: Lang, logAxis = false, axisFormat = format): EChartsCoreOption {
  return {
    ...base(lang),
    // three entries with long names: wrap onto a second line rather than page through them
    legend: { ...base(lang).legend, type: 'plain' },
    grid: { ...base(lang).grid, bottom: 62 },
    tooltip: { ...base(lang).tooltip, valueFormatter: (v: number) => (v === null || v === undefined ? '–' : format(v)) },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { ...FONT } },
    yAxis: logAxis ? { type: 'log', logBase: 10, axisLabel: { ...FONT, formatter: axisFormat } } : { type: 'value', scale: false, axisLabel: { ...FONT, formatter: axisFormat } },
    series: series.map((s) => s.kind === 'data'
      ? { type: 'line', name: s.name, data: s.values, symbol: 'diamond', symbolSize: 12, lineStyle: { width: 0 }, itemStyle: { color: s.color }, connectNulls: false }
      : { type: 'line', name: s.name, data: s.values, symbol: 'none', lineStyle: { color: s.color, width: s.dashed ? 1.6 : 2.2, type: s.dashed ? [6, 4] : 'solid' }, itemStyle: { color: s.color } }),
  };
}
