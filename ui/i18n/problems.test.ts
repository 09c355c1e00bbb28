import { describe, it, expect } from 'vitest';
import { problemMessage } from './problems.ts';
import { resolveScenario, parseScenarioText, ScenarioError, parseLesson, lessonProblems, type Problem } from '../../sim/index.ts';

/** The problems the core reports for an input (its English messages, as the CLI shows them). */
function problems(run: () => unknown): Problem[] {
  try { run(); } catch (e) { if (e instanceof ScenarioError) return e.problems; throw e; }
  return [];
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('validation problems in Chinese', () => {
  const cases: Array<[string, () => unknown]> = [
    ['unknown key', () => resolveScenario({ infrastucture: {} })],
    ['out of range', () => resolveScenario({ rules: { smeCreditSupply: 99 } })],
    ['wrong kind', () => resolveScenario({ rules: { smeCreditSupply: 'lots' } })],
    ['a list for a lever', () => resolveScenario({ rules: { smeCreditSupply: [1, 2] } })],
    ['an object without text', () => resolveScenario({ description: {} })],
    ['a number for text', () => resolveScenario({ title: 5 })],
    ['not allowed', () => resolveScenario({ shocks: [{ type: 'alien_invasion', start: '2021-01' }] })],
    ['missing, with what is allowed', () => resolveScenario({ shocks: [{ start: '2021-01' }] })],
    ['not a month', () => resolveScenario({ time: { start: '2021-13' } })],
    ['malformed JSON', () => parseScenarioText('{ "a": 1, }', 'x.json')],
    ['duplicate key', () => parseScenarioText('{ "rules": { "smeCreditSupply": 1, "smeCreditSupply": 2 } }', 'x.json')],
    ['not an object', () => resolveScenario([] as unknown as object)],
    ['null or an empty list for a section', () => resolveScenario({ infrastructure: null, platform: [] })],
    ['a "__proto__" key', () => parseScenarioText('{ "infrastructure": { "__proto__": { "fiveGCoverage": 0.99 } } }', 'x.json')],
    ['nested too deep', () => parseScenarioText('['.repeat(100_000), 'x.json')],
    ['not a finite number', () => resolveScenario('{ "infrastructure": { "fiveGCoverage": 1e999, "digitalLogistics": { "base": 0.2, "segments": [{ "start": "2021-01", "to": -1e999 }] } } }')],
    ['overlapping segments', () => resolveScenario({ infrastructure: { fiveGCoverage: { base: 0.1, segments: [{ start: '2021-01', end: '2023-01', to: 0.5 }, { start: '2022-01', end: '2024-01', to: 0.9 }] } } })],
    ['end before start', () => resolveScenario({ time: { start: '2025-01', end: '2021-01' } })],
    ['shock outside the run', () => resolveScenario({ shocks: [{ type: 'market_hall_closure', start: '2035-01', end: '2035-06' }] })],
    ['missing text', () => parseLesson({ id: 'x', title: { en: 'X' }, summary: { en: 'S', zh: '概' }, steps: [] })],
    ['empty text', () => parseLesson({ id: 'x', title: { en: '', zh: '甲' }, summary: { en: 'S', zh: '概' }, steps: [] })],
  ];
  for (const [name, run] of cases) {
    it(`${name}: every message is translated, values kept`, () => {
      const found = problems(run);
      expect(found.length, name).toBeGreaterThan(0);
      for (const p of found) {
        const zh = problemMessage(p.message, 'zh');
        expect(hasChinese(zh), `${p.message} → ${zh}`).toBe(true);
        for (const quoted of p.message.match(/"[^"]*"/g) ?? []) expect(zh).toContain(quoted);
        expect(problemMessage(p.message, 'en')).toBe(p.message);
      }
    });
  }

  it('a lesson starting from an unknown scenario', () => {
    const lesson = parseLesson({ id: 'x', title: { en: 'X', zh: '甲' }, summary: { en: 'S', zh: '概' }, start: 'pandemic', steps: [{ title: { en: 'T', zh: '题' }, text: { en: 'T', zh: '文' }, watch: { metric: 'trade_value_usd' }, question: { en: 'Q', zh: '问' }, explanation: { en: 'A', zh: '答' } }] });
    const [p] = lessonProblems(lesson, { baseline: {}, 'pandemic-2020': {} });
    expect(problemMessage(p.message, 'zh')).toBe('"pandemic" 不是本应用中的情景（是否为 "pandemic-2020"？）；可用：baseline, pandemic-2020');
  });

  it('a lesson watching what the run does not record is refused at load, with what is recorded', () => {
    const step = (watch: object) => ({ title: { en: 'T', zh: '题' }, text: { en: 'T', zh: '文' }, watch, question: { en: 'Q', zh: '问' }, explanation: { en: 'A', zh: '答' } });
    const lesson = parseLesson({ id: 'x', title: { en: 'X', zh: '甲' }, summary: { en: 'S', zh: '概' }, steps: [step({ metric: 'trade_value_usd', region: 'eu', stage: 'production' }), step({ metric: 'merchants_alive', region: 'eu' }), step({ metric: 'trade_value_usd', region: 'china' }), step({ metric: 'trade_flow_usd', region: 'eu', channel: 'market_hall' })] });
    const found = lessonProblems(lesson, { baseline: {} });
    expect(found.map((p) => p.path)).toEqual(['steps[0].watch', 'steps[1].watch', 'steps[2].watch']);
    expect(found[0].message).toBe('trade_value_usd is not recorded by region and stage; recorded: the total, by channel, by region, by category');
    expect(problemMessage(found[0].message, 'zh')).toBe('trade_value_usd 没有按地区和环节的记录；有记录的：总量、按渠道、按地区、按品类');
    expect(problemMessage(found[1].message, 'zh')).toBe('merchants_alive 没有按地区的记录；有记录的：总量');
    expect(problemMessage(found[2].message, 'zh')).toBe('trade_value_usd 统计的是出口，而 "china" 是国内市场；请选择境外地区');
  });

  it('a long list of what is allowed, cut short, says how long it is', () => {
    expect(problemMessage('missing; allowed: a, b, c, … (59 in all)', 'zh')).toBe('缺失；允许：a, b, c……（共 59 项）');
    expect(problemMessage('"x" is not allowed; allowed: a, b, … (13 in all)', 'zh')).toBe('"x" 不在允许范围内；允许：a, b……（共 13 项）');
  });

  it('an empty text is called empty, not "too short; at least 1 characters"', () => {
    const [p] = problems(() => parseLesson({ id: 'x', title: { en: '', zh: '甲' }, summary: { en: 'S', zh: '概' }, steps: [] })).filter((q) => q.path.startsWith('title'));
    expect(p.message).toBe('is empty; at least 1 character needed');
  });

  it('units in range messages are shown in Chinese too (they come from the schema, in both languages)', () => {
    const [p] = problems(() => resolveScenario({ rules: { smeCreditSupply: 9 } }));
    expect(p.message).toContain('allowed 0 to 5 (index, 2020 = 1)'); // not '(index (2020 = 1))'
    const zh = problemMessage(p.message, 'zh');
    expect(zh).toContain('允许 0 至 5（指数，2020 = 1）'); // not '（指数（2020 = 1））'
    expect(zh).not.toMatch(/index|share/);
    const [tariff] = problems(() => resolveScenario({ regions: [{ id: 'eu', tariff: 3 }] }));
    expect(problemMessage(tariff.message, 'zh')).toContain('占货值比例');
  });
});
