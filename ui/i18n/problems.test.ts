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
    ['an object for text', () => resolveScenario({ description: { en: 'x' } })],
    ['not allowed', () => resolveScenario({ shocks: [{ type: 'alien_invasion', start: '2021-01' }] })],
    ['not a month', () => resolveScenario({ time: { start: '2021-13' } })],
    ['malformed JSON', () => parseScenarioText('{ "a": 1, }', 'x.json')],
    ['duplicate key', () => parseScenarioText('{ "rules": { "smeCreditSupply": 1, "smeCreditSupply": 2 } }', 'x.json')],
    ['not an object', () => resolveScenario([] as unknown as object)],
    ['overlapping segments', () => resolveScenario({ infrastructure: { fiveGCoverage: { base: 0.1, segments: [{ start: '2021-01', end: '2023-01', to: 0.5 }, { start: '2022-01', end: '2024-01', to: 0.9 }] } } })],
    ['end before start', () => resolveScenario({ time: { start: '2025-01', end: '2021-01' } })],
    ['missing text', () => parseLesson({ id: 'x', title: { en: 'X' }, summary: { en: 'S', zh: '概' }, steps: [] })],
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
});
