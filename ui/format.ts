/** Numbers and dates for the user's language, with units (Intl, no hand-made separators). */
import type { Lang } from './i18n/index.ts';
import { valueAt, parseMonth, type Schedule } from '../sim/index.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');
const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (!f) cache.set(k, (f = new Intl.NumberFormat(locale(lang), opts)));
  return f;
}

const ok = (v: number) => Number.isFinite(v);
/** Chinese characters and punctuation (CJK, their symbols, full-width forms): a line may break between any two. */
const CJK = '\u2e80-\u9fff\u3000-\u303f\uff00-\uffef';

/**
 * US$ amounts, compact: "US$12.3bn" / "123亿美元". With `keepZeros`, three significant digits
 * always ("US$5.10bn"), so two figures read side by side have the same precision.
 */
export function money(v: number, lang: Lang, keepZeros = false): string {
  if (!ok(v)) return '–';
  const n = keepZeros
    ? nf(lang, 'compact3', { notation: 'compact', minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(v)
    : nf(lang, 'compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(v);
  return lang === 'zh' ? `${n}美元` : `US$${n}`;
}
/** Units of compact money by language, largest first (as Intl's compact notation writes them). */
const MONEY_UNITS: Record<Lang, Array<[number, string]>> = {
  en: [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm'], [1e3, 'k']],
  zh: [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']],
};
/**
 * US$ labels of one chart axis, all in the unit its largest value takes: "0.3万亿美元 … 1.5万亿美元"
 * or "US$0.5tn … US$1.5tn", where each label written alone mixed two ("3000亿美元 … 1.5万亿美元",
 * "US$900bn … US$1.5tn") and the ticks did not read as one scale. `largest`: the axis's largest
 * absolute value (its top tick).
 */
export function moneyAxis(largest: number, lang: Lang): ((v: number) => string) & { frameKey: string } {
  const [scale, unit] = MONEY_UNITS[lang].find(([s]) => Math.abs(largest) >= s) ?? [1, ''];
  const format = (v: number) => {
    if (!ok(v)) return '–';
    if (v === 0) return '0';
    // (Chinese compact figures are not grouped: "2600万", as the cards write "1900亿", not "2,600万")
    const n = `${nf(lang, 'axis3', { maximumSignificantDigits: 3, useGrouping: lang !== 'zh' }).format(v / scale)}${unit}`;
    return lang === 'zh' ? `${n}美元` : `US$${n}`;
  };
  // (the chart compares options as text: the unit it captured makes a changed unit a new frame)
  return Object.assign(format, { frameKey: `money:${unit}` });
}
/**
 * Labels of an axis in billions of yuan (values in bn), in the unit its heading names: "1,500 bn
 * yuan" / "15000亿元", ungrouped as Chinese compact figures are (bnYuan writes one value alone: "1.5万亿元", beside "9000亿元" below it).
 */
export function bnYuanAxis(lang: Lang): (v: number) => string {
  return lang === 'zh' ? (v) => (ok(v) ? `${nf(lang, 'axisYi', { maximumSignificantDigits: 4, useGrouping: false }).format(v * 10)}亿元` : '–') : (v) => bnYuan(v, lang);
}
/** The size of the first number in a formatted figure ("+0.3 pp" → 0.3, "−1,250" → 1250; NaN without one): two figures compared as shown. */
export function shownMagnitude(text: string): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : Number.NaN;
}
/** Billions of yuan: "566 bn yuan" / "5660亿元" (Chinese counts in 亿, 10^8, written as compact money is). */
export function bnYuan(v: number, lang: Lang): string {
  if (!ok(v)) return '–';
  return lang === 'zh' ? `${nf(lang, 'compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(v * 1e9)}元` : `${num(v, lang, 3)} bn yuan`;
}
/** Plain numbers with separators and a few significant digits. */
export function num(v: number, lang: Lang, digits = 3): string {
  if (!ok(v)) return '–';
  if (Math.abs(v) >= 1e5) return nf(lang, 'compactn', { notation: 'compact', maximumSignificantDigits: 3 }).format(v);
  return nf(lang, `sig${digits}`, { maximumSignificantDigits: digits }).format(v);
}
/** Three significant digits, trailing zeros kept (4.60 beside 4.51, not 4.6): figures compared side by side. */
export function sig3(v: number, lang: Lang): string {
  if (!ok(v)) return '–';
  if (Math.abs(v) >= 1e5) return nf(lang, 'compactn3', { notation: 'compact', minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(v);
  return nf(lang, 'sig3fixed', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(v);
}
/** A multiple with three significant digits, trailing zeros kept so figures line up: 1.50 ×, 1.42 ×, 0.178 ×. */
export function times(v: number, lang: Lang): string {
  if (!ok(v)) return '–';
  return `${nf(lang, 'sig3fixed', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(v)} ×`;
}
/**
 * Counts: whole numbers with separators ("67,783"); an average of counts below 100 keeps three
 * significant digits, so 4.73 destinations per exporter does not read as 5.
 */
export function count(v: number, lang: Lang): string {
  if (!ok(v)) return '–';
  if (!Number.isInteger(v) && Math.abs(v) < 100) return num(v, lang, 3);
  return nf(lang, 'int', { maximumFractionDigits: 0 }).format(v);
}
/** Shares as percentages: 0.123 → "12.3%". */
export function pct(v: number, lang: Lang, digits = 1): string {
  if (!ok(v)) return '–';
  return nf(lang, `pct${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}
/** Signed figures use the true minus sign (−), as signedMoney does, not a hyphen. */
const minus = (s: string) => s.replace(/^-/, '\u2212');
/** A relative change: +4.2% / −1.0% (or with other decimals: +4%). */
export function change(v: number, lang: Lang, digits = 1): string {
  if (!ok(v)) return '–';
  return minus(nf(lang, `chg${digits}`, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v));
}
/**
 * The change in points between two shares as they are shown (one decimal of a per cent each):
 * 79.1 % against 77.3 % reads +1.8 pp, not the +1.7 of the unrounded shares, which a reader
 * subtracting the two figures on the card would take for a mistake.
 */
export function shownPointChange(a: number, b: number): number {
  const shown = (x: number) => Math.round(x * 1000) / 1000;
  return Math.round((shown(a) - shown(b)) * 1000) / 1000;
}
/** A change in percentage points: "+1.6 pp". */
export function pointChange(v: number, lang: Lang, unit: string, digits = 1): string {
  if (!ok(v)) return '–';
  return `${minus(nf(lang, `pp${digits}`, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v * 100))} ${unit}`;
}
/**
 * A spread either way: "±0.4%", "±0.3 pp" (`unit` given: points). One too small for one decimal
 * gets the digits that show it ("±0.03%", not "0.0%", which read as no noise and had no sign).
 */
export function plusMinus(v: number, lang: Lang, unit?: string): string {
  if (!ok(v)) return '–';
  const write = (digits: number) => (unit === undefined ? change(Math.abs(v), lang, digits) : pointChange(Math.abs(v), lang, unit, digits));
  let text = write(1);
  for (let digits = 2; digits <= 3 && v !== 0 && shownMagnitude(text) === 0; digits++) text = write(digits);
  return `±${text.replace(/^\+/, '')}`;
}
export function signedMoney(v: number, lang: Lang, write: (v: number) => string = (x) => money(x, lang)): string {
  if (!ok(v)) return '–';
  return (v > 0 ? '+' : v < 0 ? '−' : '') + write(Math.abs(v));
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** Three letters for every month in English (the British locale writes "Sept" beside "Jan" and "Jun"). */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2024-05" → "May 2024" / "2024年5月". */
export function month(ym: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  if (lang === 'en') return `${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
  let f = monthFormats.get(lang);
  if (!f) monthFormats.set(lang, (f = new Intl.DateTimeFormat(locale(lang), { year: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
export function year(y: number | string, lang: Lang): string {
  return lang === 'zh' ? `${y}年` : String(y);
}
/**
 * A number and its unit: "30 days". In Chinese a measure word follows without a space ("30天",
 * "3个月", "1500万美元/月"); a unit that names a kind of figure stands apart, as in the lever's
 * path ("0.85 比例", "0.06 每年", "1.2 指数（2020 = 1）": glued, "0.06每年" read as one word).
 */
export function withUnit(v: number, unit: string, lang: Lang): string {
  const n = num(v, lang, 4);
  if (!unit || unit === '—') return n;
  return lang === 'zh' && MEASURE_WORD.test(unit) ? `${n}${unit}` : `${n} ${unit}`;
}
/** Chinese units that are measure words (天, 个月, 公里, 美元, 千克, …): written on the number. */
const MEASURE_WORD = /^(天|个月|公里|千克|美元|十亿美元)/;
export function ms(v: number, lang: Lang): string {
  const [sec, milli] = lang === 'zh' ? [' 秒', ' 毫秒'] : [' s', ' ms'];
  return v >= 1000 ? `${nf(lang, 's', { maximumFractionDigits: 1 }).format(v / 1000)}${sec}` : `${count(v, lang)}${milli}`;
}

/**
 * A schedule in one line: its start value, then each value reached and the year it is reached.
 * A point where one ramp hands over to the next on the same straight line (within 0.2 %) is not a
 * milestone to a reader: the defaults' split at the record's end ("0.775 (2024)" on the cloud
 * price's 1 → 0.5 by 2030) is left out; the full schedule view shows every segment.
 */
export function pathText(path: Schedule, unit: string, lang: Lang): string {
  const parts = [num(path.base, lang, 4)];
  // where the straight stretch being read started (month, value)
  let anchor: { m: number; v: number } | undefined;
  path.segments.forEach((seg, k) => {
    const start = parseMonth(seg.start);
    const end = parseMonth(seg.end ?? seg.start);
    anchor ??= { m: start, v: valueAt(path, start) };
    const next = path.segments[k + 1];
    if (seg.end !== undefined && next?.end !== undefined && parseMonth(next.start) === end + 1) {
      const nextEnd = parseMonth(next.end);
      const onLine = anchor.v + ((next.to - anchor.v) * (end - anchor.m)) / (nextEnd - anchor.m);
      if (Math.abs(onLine - seg.to) <= 0.002 * Math.max(1, Math.abs(seg.to))) return;
    }
    const reached = year((seg.end ?? seg.start).slice(0, 4), lang);
    parts.push(lang === 'zh' ? `${num(seg.to, lang, 4)}（${reached}）` : `${num(seg.to, lang, 4)} (${reached})`);
    anchor = undefined;
  });
  return `${parts.join(' → ')}${unit && unit !== '—' ? ` ${unit}` : ''}`;
}

/**
 * Units whose values are fractions (0.06, not 6 %): read as percentages in class and beside a
 * lever's unit in the sandbox, and a typed "6%" is 0.06.
 */
/**
 * A number as typed, ready to read: trimmed, and full-width digits and signs (a Chinese input
 * method's "０.５", "５0％", "０。５") made the ASCII ones they stand for (Unicode NFKC).
 */
export function typedNumber(raw: string): string {
  // (and the ideographic full stop, which Chinese punctuation mode types for ".")
  return raw.normalize('NFKC').replace(/。/g, '.').trim();
}

export const FRACTION_UNITS: ReadonlySet<string> = new Set(['share', 'share of value', 'per year']);
/**
 * US$ billions a year in the Chinese way the results count money (亿美元): a lever in
 * "十亿美元/年" reads 400, the charts "4000亿美元"; so the lever says both.
 */
export function usdBnAsYi(v: number): string {
  return `${money(v * 1e9, 'zh')}/年`;
}
/** The unit of levers in US$ billions a year (schema units). */
export const USD_BN_UNIT = 'US$ bn per year';

/** A fraction as the percentage it is: 0.045 → "4.5%", 0.04 → "4%", 0.25 → "25%" (a decimal only below 10 %). */
export function fractionAsPercent(v: number, lang: Lang): string {
  if (!ok(v)) return '–';
  return nf(lang, `fraction${Math.abs(v) < 0.1 ? 1 : 0}`, { style: 'percent', maximumFractionDigits: Math.abs(v) < 0.1 ? 1 : 0 }).format(v);
}

const WRAP_PIECES = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'g');

/**
 * A text broken into lines no wider than `room` (as `width` measures them): at spaces, and
 * between any two Chinese characters or punctuation marks, where Chinese breaks lines. A word
 * wider than the room stands on its own line (the caller may narrow it).
 */
export function wrapText(text: string, room: number, width: (s: string) => number): string[] {
  const pieces = text.match(WRAP_PIECES) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line + piece;
    if (line.trim() && width(joined.trimEnd()) > room) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = joined;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
