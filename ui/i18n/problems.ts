/**
 * Validation problems in the user's language. The simulation core writes its problems in English
 * (sim/schema/errors.ts, resolve.ts, lessons/schema.ts: the CLI's and the files' language); the
 * page shows them in Chinese by the patterns below, one per message template, and falls back to
 * the English text for anything not listed. Values, field names and ids stay as they are.
 */
import type { Lang } from './index.ts';
import { UNITS } from '../../sim/schema/param.ts';
import { allControls } from '../../sim/schema/introspect.ts';
import { unitInBrackets } from '../../sim/schema/errors.ts';

type Rule = [RegExp, (...groups: string[]) => string];

const suggestZh = (s: string | undefined) => (s ? s.replace(/^ \(did you mean (".*?")\?\)$/, '（是否为 $1？）') : '');
/** A list of what is allowed, cut short with its length ("a, b, … (59 in all)"), in Chinese. */
const listZh = (list: string) => list.replace(/, … \((\d+) in all\)$/, '……（共 $1 项）');
const KINDS_ZH: Record<string, string> = {
  'a string': '字符串', 'a number': '数字', 'an integer': '整数', 'an object': '对象', 'a list': '列表', 'a boolean': '布尔值',
  'true or false': 'true 或 false', null: '空值', text: '文字', 'an undefined': '空',
  'a text or { "en": text, "zh": text }': '文字或 { "en": 文字, "zh": 文字 }',
};
const kindZh = (k: string) => KINDS_ZH[k] ?? k;
const KIND = '(a string|a number|an integer|an object|a list|a boolean|null)';
/** Units as the core writes them (English) → Chinese, from the schema's own bilingual units. */
let unitsZh: Map<string, string> | undefined;
function unitInChinese(u: string): string {
  if (!unitsZh) {
    // keyed as the core's range messages write them (unitInBrackets)
    unitsZh = new Map(Object.values(UNITS).map((t) => [unitInBrackets(t.en), t.zh]));
    for (const c of allControls()) unitsZh.set(unitInBrackets(c.meta.unit.en), c.meta.unit.zh);
  }
  return unitsZh.get(u) ?? u;
}
// (a unit with brackets of its own, 指数（2020 = 1）, reads 指数，2020 = 1 inside these: no nested brackets)
const unitZh = (u: string | undefined) => (u ? `（${unitInChinese(u).replace(/（(.*)）$/, '，$1')}）` : '');
const BREAKDOWN_ZH: Record<string, string> = { total: '总量', region: '地区', channel: '渠道', stage: '环节', category: '品类', mode: '运输方式' };
/** "the total, by region, by region and channel" / "as a total", "by region and stage" → Chinese. */
const breakdownsZh = (list: string) => list.split(', ').map((b) => {
  if (b === 'the total' || b === 'as a total') return '总量';
  return `按${b.replace(/^by /, '').split(' and ').map((d) => BREAKDOWN_ZH[d] ?? d).join('和')}`;
}).join('、');
const JSON_ZH: Record<string, string> = {
  'property name expected': '此处应为属性名（对象最后一项后面多了逗号？）',
  'value expected': '此处应为值（列表最后一项后面多了逗号，或缺少值？）',
  'comma expected': '缺少逗号（两项之间？）',
  'colon expected': '缺少冒号',
  'invalid comment token': 'JSON 不允许注释：请删除 // 或 /* */',
  'invalid symbol': '无效符号（文字须放在双引号 "…" 中？）',
  'close brace expected': '缺少 }',
  'close bracket expected': '缺少 ]',
  'end of file expected': '文件末尾有多余内容',
};

const ZH: Rule[] = [
  [/^unknown key( \(did you mean ".*?"\?\))?; allowed keys here: (.*)$/s, (_, s, list) => `未知字段${suggestZh(s)}；此处允许的字段：${listZh(list)}`],
  [/^missing; expected (.*)$/s, (_, e) => `缺失；应为${kindZh(e)}`],
  [/^gives no text; give "en", "zh" or both$/, () => '没有文字；请给出 "en"（英文）、"zh"（中文）或两者'],
  [/^(.*) is not a finite number$/s, (_, v) => `${v} 不是有限数值`],
  [/^(.*) is not a finite number; allowed (\S+) to (\S+)(?: \((.*)\))?$/s, (_, v, a, b, u) => `${v} 不是有限数值；允许 ${a} 至 ${b}${unitZh(u)}`],
  [/^(.*) is not a finite number; allowed (\S+) or more(?: \((.*)\))?$/s, (_, v, a, u) => `${v} 不是有限数值；应不小于 ${a}${unitZh(u)}`],
  [/^(.*) is not a finite number; allowed (\S+) or less(?: \((.*)\))?$/s, (_, v, b, u) => `${v} 不是有限数值；应不大于 ${b}${unitZh(u)}`],
  [/^(.*) is out of range; allowed (\S+) to (\S+)(?: \((.*)\))?$/s, (_, v, a, b, u) => `${v} 超出范围；允许 ${a} 至 ${b}${unitZh(u)}`],
  [/^(.*) is out of range; allowed (\S+) or more(?: \((.*)\))?$/s, (_, v, a, u) => `${v} 超出范围；应不小于 ${a}${unitZh(u)}`],
  [/^(.*) is out of range; allowed (\S+) or less(?: \((.*)\))?$/s, (_, v, b, u) => `${v} 超出范围；应不大于 ${b}${unitZh(u)}`],
  [/^has (\d+) entries; at most (\d+) allowed$/, (_, n, m) => `有 ${n} 项；最多允许 ${m} 项`],
  [/^has (\d+) entries; at least (\d+) needed$/, (_, n, m) => `有 ${n} 项；至少需要 ${m} 项`],
  [/^is too long; at most (\d+) characters?$/, (_, m) => `过长；最多 ${m}个字符`],
  [/^is too short; at least (\d+) characters$/, (_, m) => `过短；至少 ${m}个字符`],
  [/^is empty; at least 1 character needed$/, () => '为空；至少需要 1 个字符'],
  [/^(.*) is not allowed( \(did you mean ".*?"\?\))?; allowed: (.*)$/s, (_, v, s, list) => `${v} 不在允许范围内${suggestZh(s)}；允许：${listZh(list)}`],
  [/^missing; allowed: (.*)$/s, (_, list) => `缺失；允许：${listZh(list)}`],
  [/^(.*) is not a month; use YYYY-MM, e\.g\. 2021-06$/s, (_, v) => `${v} 不是月份；请用 YYYY-MM 格式，例如 2021-06`],
  [/^(.*) is not a valid name; use lowercase letters, digits and dashes, e\.g\. my-policy-2030$/s, (_, v) => `${v} 不是有效名称；请使用小写字母、数字和连字符，例如 my-policy-2030`],
  [new RegExp(`^(.*) is ${KIND}; expected a number or a schedule (.*)$`, 's'), (_, v, k, sched) => `${v} 是${kindZh(k)}；应为数字或时间表 ${sched}`],
  [new RegExp(`^(.*) is ${KIND}; expected (.*)$`, 's'), (_, v, k, e) => `${v} 是${kindZh(k)}；应为${kindZh(e)}`],
  [/^got an object; expected a number or a schedule (.*)$/s, (_, sched) => `此处是对象；应为数字或时间表 ${sched}`],
  [/^got a list of (\d+); expected a number or a schedule (.*)$/s, (_, n, sched) => `此处是含 ${n} 项的列表；应为数字或时间表 ${sched}`],
  [/^got an object; expected (.*)$/s, (_, e) => `此处是对象；应为${kindZh(e)}`],
  [/^got null; expected a number or a schedule (.*)$/s, (_, sched) => `此处是空值（null）；应为数字或时间表 ${sched}`],
  [/^got null; expected (.*)$/s, (_, e) => `此处是空值（null）；应为${kindZh(e)}`],
  [/^got an empty list; expected a number or a schedule (.*)$/s, (_, sched) => `此处是空列表；应为数字或时间表 ${sched}`],
  [/^got an empty list; expected (.*)$/s, (_, e) => `此处是空列表；应为${kindZh(e)}`],
  [/^got a list of (\d+); expected (.*)$/s, (_, n, e) => `此处是含 ${n} 项的列表；应为${kindZh(e)}`],
  [/^malformed JSON at line (\d+), column (\d+): ([a-z ]+?)( \(the file is empty\))?(?: \(.*\))?$/s, (_, l, c, what, empty) => `JSON 格式错误：第 ${l} 行第 ${c} 列：${empty ? '文件为空' : JSON_ZH[what] ?? what}`],
  [/^key "__proto__"(?: in (\S+))? at line (\d+), column (\d+) is not allowed: no setting has that name$/s, (_, where, l, c) => `字段 "__proto__"${where ? `（位于 ${where}）` : ''}：第 ${l} 行第 ${c} 列；不允许：没有这个名称的设置`],
  [/^lists and objects nested more than (\d+) deep at line (\d+), column (\d+); a scenario, experiment or lesson needs far fewer$/s, (_, n, l, c) => `列表和对象嵌套超过 ${n} 层：第 ${l} 行第 ${c} 列；情景、实验或课程文件远不需要这么多层`],
  [/^the file is (\d+) characters; at most (\d+) allowed$/, (_, n, m) => `文件有 ${n}个字符；最多允许 ${m}个`],
  [/^duplicate key (".*?")(?: in (\S+))? at line (\d+), column (\d+); each key may appear once in an object \(the second would silently replace the first\)$/s, (_, k, where, l, c) => `重复字段 ${k}${where ? `（位于 ${where}）` : ''}：第 ${l} 行第 ${c} 列；同一对象中每个字段只能出现一次（后者会悄悄覆盖前者）`],
  [/^(".*?") is not after start (".*?"); a ramp must end after it starts \(omit end for a step\)$/s, (_, e, st) => `${e} 不晚于开始月份 ${st}；渐变段须在开始之后结束（阶跃变化请省略 end）`],
  [/^(".*?") overlaps segment (.*); segments must be in time order and not overlap$/s, (_, st, seg) => `${st} 与时间段 ${seg} 重叠；各时间段须按时间顺序且不重叠`],
  [/^(".*?") is before (?:time\.)?start (".*?")$/s, (_, e, st) => `${e} 早于开始月份 ${st}`],
  [/^the run would last (\d+) months; at most (\d+) allowed$/, (_, n, m) => `运行将持续 ${n}个月；最多允许 ${m}个月`],
  [/^the shock \((\S+) to (\S+)\) lies outside the simulated months (\S+) to (\S+), so it would have no effect; move it inside them, or remove it$/, (_, a, b, c, d) => `该冲击（${a} 至 ${b}）完全在模拟时段 ${c} 至 ${d} 之外，不会产生任何作用；请移入模拟时段，或删除`],
  [/^the scenario must be a JSON object \{ \.\.\. \}, not (.*)$/s, (_, k) => `情景必须是 JSON 对象 { ... }，而不是${kindZh(k)}`],
  [/^(\S+) is not recorded (as a total|by .+?); recorded: (.*)$/s, (_, m, asked, list) => `${m} 没有${breakdownsZh(asked)}的记录；有记录的：${breakdownsZh(list)}`],
  [/^(\S+) counts exports, and (".*?") is the home market; use a foreign region$/s, (_, m, r) => `${m} 统计的是出口，而 ${r} 是国内市场；请选择境外地区`],
  [/^(".*?") is not a scenario here( \(did you mean ".*?"\?\))?; allowed: (.*)$/s, (_, v, s, list) => `${v} 不是本应用中的情景${suggestZh(s)}；可用：${list}`],
];

/** A problem's message in the user's language (English as written, Chinese by pattern). */
export function problemMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [pattern, render] of ZH) {
    const m = pattern.exec(message);
    if (m) return render(...(m as unknown as string[]).map((g) => g ?? ''));
  }
  return message;
}
