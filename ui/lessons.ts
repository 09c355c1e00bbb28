/**
 * Guided lessons for classroom mode: the lesson files of scenarios/lessons/ (bundled, so they
 * work offline), and what a step's levers say in words.
 */
import { parseLesson, controlById, controlForProblemPath, finalValue, isSchedule, shockTypes, parsedDefaults, sampleMerchants, LESSON_VIEWS, type Lesson, type Text } from '../sim/index.ts';
/** A chart a lesson step may choose (sim/lessons/schema.ts). */
export type LessonView = (typeof LESSON_VIEWS)[number];
import { STRINGS, tx, type Lang } from './i18n/index.ts';
import * as f from './format.ts';
import { MODE_TEXT, regionLabel } from './labels.ts';

const files = import.meta.glob<Record<string, unknown>>(['../scenarios/lessons/*.json', '!../scenarios/lessons/lesson.schema.json'], { eager: true, import: 'default' });

/** The built-in lessons, in a teaching order (a merchant goes digital first). */
const ORDER = ['merchant-goes-digital', '5g-reach-of-small-firms', 'partner-localises-data', 'credit-for-smes', 'climbing-the-smile-curve', 'market-hall-closes-2020'];
export const LESSONS: Lesson[] = Object.entries(files)
  .map(([path, json]) => parseLesson(json, path.replace(/^.*\//, '')))
  .sort((a, b) => (ORDER.indexOf(a.id) + 1 || 99) - (ORDER.indexOf(b.id) + 1 || 99));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** When a schedule reaches its final value: by the end of a ramp, or from the month of a step. */
function lastMonth(v: unknown): { at: string; ramp: boolean } | undefined {
  if (!isSchedule(v) || v.segments.length === 0) return undefined;
  const last = v.segments[v.segments.length - 1];
  return last.end ? { at: last.end, ramp: true } : { at: last.start, ramp: false };
}

/**
 * How big a shock is, in words a class reads: "−25%", "×4, sea", "90%" of visits stopped, and
 * the regions it hits when not all.
 */
function shockSize(s: Obj, lang: Lang): string {
  const parts: string[] = [];
  if (typeof s.change === 'number') parts.push(f.change(s.change, lang));
  if (typeof s.severity === 'number') parts.push(f.pct(s.severity, lang, 0));
  if (typeof s.multiplier === 'number') parts.push(`×${f.num(s.multiplier, lang)}`);
  if (Array.isArray(s.modes)) parts.push((s.modes as string[]).map((m) => (MODE_TEXT[m] ? tx(MODE_TEXT[m], lang) : m)).join(lang === 'zh' ? '、' : ', '));
  if (Array.isArray(s.regions)) parts.push((s.regions as string[]).map((r) => regionLabel(r, lang)).join(lang === 'zh' ? '、' : ', '));
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** One line per lever a step sets: "5G coverage: 0.99 share (by Jun 2022)". */
export function describeLevers(levers: Obj, lang: Lang, byMonth: (m: string) => string, shockText: (name: string, from: string, to: string) => string, fromMonth: (m: string) => string = byMonth): string[] {
  const out: string[] = [];
  const SHOCKS = shockTypes();
  const colon = lang === 'zh' ? '：' : ': ';
  const leaf = (path: string, value: unknown, label: Text | undefined, unit: Text | undefined) => {
    const n = typeof value === 'number' ? value : isSchedule(value) ? finalValue(value as never) : Number.NaN;
    const month = lastMonth(value);
    // shares and rates read as percentages in class ("4 %", not "0.04 per year")
    const percent = unit !== undefined && f.FRACTION_UNITS.has(unit.en);
    const unitText = tx(unit, lang);
    // a unit with a comma in it ("index, 0 to 1") goes in brackets: "0.9 index, 0 to 1 from Jan 2024" read as a ramp from 0
    const shown = !Number.isFinite(n) ? JSON.stringify(value).slice(0, 60)
      : percent ? `${f.fractionAsPercent(n, lang)}${unit!.en === 'per year' ? (lang === 'zh' ? '/年' : ' a year') : ''}`
        : lang === 'zh' && unit?.en === f.USD_BN_UNIT ? f.usdBnAsYi(n)
        : /[,，]/.test(unitText) ? (lang === 'zh' ? `${f.num(n, lang, 4)}（${unitText}）` : `${f.num(n, lang, 4)} (${unitText})`)
          : f.withUnit(n, unitText, lang);
    const when = month ? (month.ramp ? byMonth(f.month(month.at, lang)) : fromMonth(f.month(month.at, lang))) : '';
    out.push(`${label ? tx(label, lang) : path}${colon}${shown}${when && lang !== 'zh' ? ' ' : ''}${when}`);
  };
  const walk = (node: unknown, path: string[]) => {
    const id = path.join('.');
    if (id === 'shocks' && Array.isArray(node)) {
      for (const s of node as Obj[]) {
        const type = SHOCKS.find((t) => t.type === s.type);
        const from = f.month(String(s.start ?? ''), lang);
        const to = f.month(String(s.end ?? s.start ?? ''), lang);
        const name = type ? tx(type.label, lang) : String(s.type);
        const size = shockSize(s, lang);
        out.push(shockText(size ? (lang === 'zh' ? `${name}（${size}）` : `${name} (${size})`) : name, from, to === from ? '' : to));
      }
      return;
    }
    // the run's frame, not levers: said in words rather than as paths ("time.end: "2025-12"")
    if (id === 'time' && isObj(node)) {
      const defaults = parsedDefaults().time as { start: string; end: string };
      out.push(STRINGS[lang].classroom.period(f.month(String(node.start ?? defaults.start), lang), f.month(String(node.end ?? defaults.end), lang)));
      return;
    }
    if (id === 'scale' && typeof node === 'number') {
      out.push(STRINGS[lang].classroom.scaleLine(f.num(node, lang), f.count(sampleMerchants(node), lang)));
      return;
    }
    if (id === 'seed' && typeof node === 'number') {
      out.push(`${STRINGS[lang].seed}${colon}${node}`);
      return;
    }
    if ((id === 'regions' || id === 'categories' || id === 'logistics.modes') && Array.isArray(node)) {
      const table = id === 'logistics.modes' ? 'modes' : id;
      for (const row of node as Obj[]) {
        for (const [field, value] of Object.entries(row)) {
          if (field === 'id') continue;
          const c = controlById(`${table}.${String(row.id)}.${field}`);
          leaf(`${id}[${String(row.id)}].${field}`, value, c ? { en: `${tx(c.meta.label, 'en')} (${tx(c.table?.rowLabel, 'en')})`, zh: `${tx(c.meta.label, 'zh')}（${tx(c.table?.rowLabel, 'zh')}）` } : undefined, c?.meta.unit);
        }
      }
      return;
    }
    if (isObj(node) && !isSchedule(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
      return;
    }
    const c = controlById(id) ?? controlForProblemPath(id, {});
    leaf(id, node, c?.meta.label, c?.meta.unit);
  };
  walk(levers, []);
  return out;
}

/** The chart a lesson's step shows on arrival: the last step up to it that chose one, or the flows. */
export function inheritedView(lesson: Lesson, stepIndex: number): LessonView {
  for (let i = Math.min(stepIndex, lesson.steps.length - 1); i >= 0; i--) {
    const view = lesson.steps[i].view;
    if (view) return view;
  }
  return 'flows';
}
