/** Lesson files: valid, bilingual, every step's levers resolve, and what a step says happens. */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson, stepScenario, mergeDeep, lessonProblems, checkLesson } from '../sim/lessons/schema.ts';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { runScenario } from '../sim/run.ts';
import { SeriesTable } from '../sim/collect/recorder.ts';
import { lessonJsonSchemaText } from '../cli/emit-lesson-schema.ts';
import { ScenarioError } from '../sim/schema/errors.ts';
import { mean } from './helpers.ts';

const dir = join(import.meta.dirname, '..', 'scenarios', 'lessons');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'lesson.schema.json');
const preset = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'scenarios', `${name}.json`), 'utf8')) as Record<string, unknown>;
const small = { scale: 0.005, time: { start: '2020-01', end: '2021-12' } };
const seriesKeys = new Set(runScenario(resolveScenario(small)).series.keys.map((k) => SeriesTable.keyOf(k.metric, k)));

const presets = Object.fromEntries(readdirSync(join(import.meta.dirname, '..', 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => { const { $schema: _s, name: _n, title: _t, description: _d, ...sc } = preset(f.replace(/\.json$/, '')); void _s; void _n; void _t; void _d; return [f.replace(/\.json$/, ''), sc]; }));

describe('lesson checks beyond the schema', () => {
  it('the example in scenarios/lessons/README.md is a valid lesson', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(readme)![1];
    const lesson = parseLesson(example, 'README example');
    expect(lessonProblems(lesson, presets)).toEqual([]);
    expect(lesson.steps[0].view).toBe('flows');
  });

  it('scenarios/lessons/README.md lists every lesson with the titles the classroom shows', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'lesson.schema.json')) {
      const { title } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title: { en: string; zh: string } };
      expect(readme, file).toContain(`| \`${file}\` | ${title.en} · ${title.zh} |`);
    }
  });

  it('refuses an unknown start scenario and levers that do not exist or are out of range, naming the step', () => {
    const base = parseLesson(readFileSync(join(dir, 'credit-for-smes.json'), 'utf8'));
    expect(lessonProblems({ ...base, start: 'pandemic' }, presets)[0]).toMatchObject({ path: 'start', message: expect.stringMatching(/"pandemic" is not a scenario here \(did you mean "pandemic-2020"\?\); allowed: .*baseline/) });
    const broken = { ...base, steps: base.steps.map((st, i) => (i === 1 ? { ...st, levers: { regions: [{ id: 'eu', tarif: 0.2 }], rules: { smeCreditSupply: 99 } } } : st)) };
    const problems = lessonProblems(broken, presets);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^steps\[1\]\.levers\.regions\[\d+\]/), 'steps[1].levers.rules.smeCreditSupply']));
    expect(problems.find((p) => p.path.endsWith('smeCreditSupply'))!.message).toMatch(/99/);
    // reported once, at the first step where it appears, not again for the later steps that inherit it
    expect(problems.filter((p) => p.path.endsWith('smeCreditSupply'))).toHaveLength(1);
  });

  it('a file with an unknown start and a step the schema refuses reports both at once', () => {
    const raw = JSON.parse(readFileSync(join(dir, 'credit-for-smes.json'), 'utf8'));
    raw.start = 'pandemic';
    raw.steps[0].watch.metric = 'trade_volume';
    let error: unknown;
    try { checkLesson(raw, presets, 'mine.json'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.map((p) => p.path)).toEqual(['start', 'steps[0].watch.metric']);
    // levers out of range in one step and a wrong watch metric in a later one: all said at once, in the file's order
    const both = JSON.parse(readFileSync(join(dir, 'credit-for-smes.json'), 'utf8'));
    both.steps[0].levers = { infrastructure: { fiveGCoverage: 7 }, modle: {} };
    both.steps[1].watch.metric = 'nope';
    try { checkLesson(both, presets, 'mine.json'); } catch (e) { error = e; }
    expect((error as ScenarioError).problems.map((p) => p.path)).toEqual(['steps[0].levers.infrastructure.fiveGCoverage', 'steps[0].levers.modle', 'steps[1].watch.metric']);
    // a sound file passes, and comes back parsed
    expect(checkLesson(JSON.parse(readFileSync(join(dir, 'credit-for-smes.json'), 'utf8')), presets).id).toBe('credit-for-smes');
  });
});

describe('lessons', () => {
  it('there are at least six, each in English and Chinese', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`${file}: valid, bilingual, and every step resolves and watches a recorded series`, () => {
      const lesson = parseLesson(readFileSync(join(dir, file), 'utf8'), file);
      expect(`${lesson.id}.json`).toBe(file);
      const texts = [lesson.title, lesson.summary, ...lesson.steps.flatMap((s) => [s.title, s.text, s.question, s.explanation])];
      for (const t of texts) {
        expect(t.en.length).toBeGreaterThan(3);
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      lesson.steps.forEach((step, i) => {
        const scenario = resolveScenario(stepScenario(lesson, preset(lesson.start), i), { origin: `${file} step ${i + 1}` });
        expect(scenario).toBeDefined();
        const { metric, ...dims } = step.watch;
        expect(seriesKeys.has(SeriesTable.keyOf(metric, dims)), `${metric} ${JSON.stringify(dims)}`).toBe(true);
      });
    });
  }

  it('a step does what it says: strict EU data rules cut digital exports to the EU, and other regions do not make up for it', () => {
    const lesson = parseLesson(readFileSync(join(dir, 'partner-localises-data.json'), 'utf8'));
    const run = (i: number, seed: number) => runScenario(resolveScenario({ ...stepScenario(lesson, preset('baseline'), i), scale: 0.05 }), { seed });
    for (const seed of [1, 2]) {
      const [before, after] = [run(0, seed), run(2, seed)];
      expect(mean(after, 'digital_trade_value_usd', { region: 'eu' })).toBeLessThan(mean(before, 'digital_trade_value_usd', { region: 'eu' }));
      // step 3's answer: the total stays below the baseline's
      expect(mean(after, 'trade_value_usd', {}, -12)).toBeLessThan(mean(before, 'trade_value_usd', {}, -12));
    }
  });

  it('a step does what it says: cheaper 5G, cloud and AI raise the share of data-driven merchants most', () => {
    const lesson = parseLesson(readFileSync(join(dir, '5g-reach-of-small-firms.json'), 'utf8'));
    for (const seed of [1, 2]) {
      // (at scale 0.05: at 0.02 the data-driven few are too noisy, +3% to +25% by seed; at the default scale +17–18%)
      const run = (i: number) => runScenario(resolveScenario({ ...stepScenario(lesson, preset('baseline'), i), scale: 0.05 }), { seed });
      const [before, after] = [run(0), run(1)];
      const change = (metric: string) => mean(after, metric, {}, -60) / mean(before, metric, {}, -60) - 1;
      expect(change('adoption_share_data_driven')).toBeGreaterThan(0.08);
      expect(change('adoption_share_data_driven')).toBeGreaterThan(change('adoption_share_digital'));
    }
  });

  it('a step does what it says: the digital share climbs steadily, five or six points a year, then bends over around 2024–25 at eight to nine in ten', () => {
    const lesson = parseLesson(readFileSync(join(dir, 'merchant-goes-digital.json'), 'utf8'));
    for (const seed of [1, 2]) {
      const r = runScenario(resolveScenario({ ...stepScenario(lesson, preset('baseline'), 1), scale: 0.05 }), { seed });
      const share = r.series.get('adoption_share_digital')!;
      const december = (year: number) => share[r.months.indexOf(`${year}-12`)];
      const gain = (year: number) => december(year) - december(year - 1);
      // steady gains while imitation spreads (2021–2023), then much smaller as fewer are left
      // (the yearly gains of 2021–2023 are alike: which is largest varies with the seed)
      const early = [2021, 2022, 2023].map(gain);
      for (const g of early) expect(g).toBeGreaterThan(0.03);
      for (const g of early) expect(g).toBeLessThan(0.08);
      expect(gain(2027)).toBeLessThan((0.6 * (early[0] + early[1] + early[2])) / 3);
      expect(december(2024)).toBeGreaterThan(0.75);
      expect(december(2024)).toBeLessThan(0.9);
    }
  });

  it('a step whose policy starts in 2021 follows the baseline exactly until then', () => {
    for (const [file, step] of [['merchant-goes-digital.json', 2], ['credit-for-smes.json', 1]] as const) {
      const lesson = parseLesson(readFileSync(join(dir, file), 'utf8'));
      const run = (i: number) => runScenario(resolveScenario({ ...stepScenario(lesson, preset('baseline'), i), scale: 0.02 }), { seed: 3 });
      const [before, after] = [run(0), run(step)];
      const lastOf2020 = before.months.indexOf('2020-12');
      for (const key of before.series.keys) {
        const a = before.series.get(key.metric, key)!.slice(0, lastOf2020 + 1);
        const b = after.series.get(key.metric, key)!.slice(0, lastOf2020 + 1);
        expect(Array.from(b), `${file} step ${step + 1}: ${SeriesTable.keyOf(key.metric, key)}`).toEqual(Array.from(a));
      }
    }
  });

  it('merges steps: region overrides by id, schedules replaced whole', () => {
    const merged = mergeDeep({ regions: [{ id: 'eu', tariff: 0.1 }], infrastructure: { fiveGCoverage: { base: 0, segments: [] } } },
      { regions: [{ id: 'eu', dataRegime: 1 }, { id: 'africa', tariff: 0.2 }], infrastructure: { fiveGCoverage: 1 } });
    expect(merged).toEqual({ regions: [{ id: 'eu', tariff: 0.1, dataRegime: 1 }, { id: 'africa', tariff: 0.2 }], infrastructure: { fiveGCoverage: 1 } });
  });

  it('a bad lesson file gets a clear message per problem', () => {
    const bad = { id: 'x', title: { en: 'X' }, summary: { en: 'a', zh: '甲' }, steps: [{ title: { en: 'a', zh: '甲' }, text: { en: 'a', zh: '甲' }, watch: { metric: 'trade_vaule_usd' }, question: { en: 'a', zh: '甲' }, explanation: { en: 'a', zh: '甲' } }] };
    try {
      parseLesson(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const problems = (e as ScenarioError).problems;
      expect(problems.find((p) => p.path === 'title.zh')?.message).toMatch(/missing/);
      expect(problems.find((p) => p.path === 'steps[0].watch.metric')?.message).toMatch(/"trade_vaule_usd" is not allowed \(did you mean "trade_value_usd"\?\)/);
    }
  });

  it('lesson.schema.json is up to date', () => {
    expect(readFileSync(join(dir, 'lesson.schema.json'), 'utf8'), 'stale: run npm run schema (it writes scenarios/lessons/lesson.schema.json too)').toBe(lessonJsonSchemaText());
  });
});
