/**
 * Lesson files for classroom mode: a guided sequence of steps, each with a short text, the
 * levers it sets (a partial scenario, merged onto the lesson's starting preset), what to watch
 * (a metric, optionally one breakdown), and a question for the class with its explanation.
 * Every text is in English and Chinese. Lessons are data (scenarios/lessons/*.json), validated
 * with the same clear messages as scenarios; teachers can write and load their own.
 */
import * as z from 'zod';
import { textSchema } from '../schema/labels.ts';
import { problemsFromIssues, ScenarioError, suggest, show, type Problem } from '../schema/errors.ts';
import { parseScenarioText, resolveScenario } from '../schema/resolve.ts';
import { METRICS } from '../collect/metrics.ts';
import { CHANNELS, STAGES, MODES } from '../ids.ts';
import { DEFAULT_REGIONS, DEFAULT_CATEGORIES } from '../schema/world-data.ts';

const metricIds = METRICS.map((m) => m.id) as [string, ...string[]];

/** The second chart of the classroom view a step shows (the app's choice when not given). */
export const LESSON_VIEWS = ['flows', 'merchants', 'channels', 'smile'] as const;

export const lessonStepSchema = z.strictObject({
  title: textSchema.describe('Short heading of the step'),
  text: textSchema.describe('What to say or read: a few sentences'),
  levers: z.record(z.string(), z.unknown()).default({}).describe('Scenario changes this step applies (same format as a scenario file), on top of the previous steps'),
  watch: z.strictObject({
    metric: z.enum(metricIds).describe('Metric to highlight (chart or card)'),
    region: z.enum(DEFAULT_REGIONS.map((r) => r.id) as [string, ...string[]]).optional(),
    channel: z.enum(CHANNELS).optional(),
    stage: z.enum(STAGES).optional(),
    category: z.enum(DEFAULT_CATEGORIES.map((c) => c.id) as [string, ...string[]]).optional(),
    mode: z.enum(MODES).optional(),
    average: z.int().min(2).max(24).optional().describe('Show the average of the last this many months (fewer at the start of the run): for noisy monthly figures such as the credit rejection rate or counts of exits'),
  }).describe('What the class should watch'),
  view: z.enum(LESSON_VIEWS).optional().describe('Second chart to show: trade flows by channel and region, merchants by stage and digital level, exports by channel, or the smile curve (margin by stage, circles: share of merchants)'),
  question: textSchema.describe('A question for the class'),
  explanation: textSchema.describe('The answer, revealed on request'),
});

export const lessonSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'not a slug' }).describe('Short id: lowercase letters, digits, dashes'),
  title: textSchema,
  summary: textSchema.describe('One or two sentences: what the class will learn'),
  start: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'not a slug' }).default('baseline').describe('Preset the lesson starts from (a file name in scenarios/ without .json)'),
  steps: z.array(lessonStepSchema).min(1).max(30),
});

export type Lesson = z.output<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];

/** Parses and validates a lesson (text or object); throws ScenarioError with one line per problem. */
export function parseLesson(input: unknown, origin = 'lesson'): Lesson {
  const raw = typeof input === 'string' ? parseScenarioText(input, origin) : input;
  const parsed = lessonSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(problemsFromIssues(lessonSchema, raw, parsed.error.issues), origin);
  return parsed.data;
}

/**
 * What parsing alone cannot see: the start preset exists, and every step's scenario (the start
 * with the levers of the steps so far) is a valid scenario. Paths point into the lesson file
 * (`steps[2].levers.regions[1].tariff`). `presets`: scenario files by name, without `$schema`.
 */
export function lessonProblems(lesson: Lesson, presets: Record<string, Record<string, unknown>>): Problem[] {
  const start = presets[lesson.start];
  if (!start) return [startProblem(lesson.start, presets)!];
  const problems: Problem[] = [];
  lesson.steps.forEach((step, i) => {
    const unrecorded = watchProblem(step.watch);
    if (unrecorded) problems.push({ path: `steps[${i}].watch`, message: unrecorded });
  });
  problems.push(...leverProblems(lesson.steps.map((step) => step.levers), start));
  return inFileOrder(problems);
}

/** Problems by step, as the file reads (the lesson's own fields first; stable within a step). */
function inFileOrder(problems: Problem[]): Problem[] {
  const stepOf = (p: Problem) => Number(/^steps\[(\d+)\]/.exec(p.path)?.[1] ?? -1);
  return problems.sort((a, b) => stepOf(a) - stepOf(b));
}

/**
 * Problems with the scenario each step runs (the start with the levers of the steps so far
 * merged in), each said once, at the first step where it appears; paths point into the lesson.
 */
function leverProblems(levers: Array<Record<string, unknown>>, start: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  let scenario: Record<string, unknown> = JSON.parse(JSON.stringify(start)) as Record<string, unknown>;
  levers.forEach((change, i) => {
    scenario = mergeDeep(scenario, change);
    try {
      resolveScenario(scenario);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problems) {
        const path = `steps[${i}].levers${p.path ? (p.path.startsWith('[') ? '' : '.') + p.path : ''}`;
        const known = problems.some((q) => q.message === p.message && q.path.replace(/^steps\[\d+\]/, '') === path.replace(/^steps\[\d+\]/, ''));
        if (!known) problems.push({ path, message: p.message });
      }
    }
  });
  return problems;
}

/** The problem with a lesson's start preset, if it is not one of `presets`. */
function startProblem(start: unknown, presets: Record<string, Record<string, unknown>>): Problem | undefined {
  if (typeof start !== 'string' || presets[start]) return undefined;
  const names = Object.keys(presets);
  const longer = names.find((n) => n.startsWith(start));
  const hint = suggest(start, names) || (longer ? ` (did you mean "${longer}"?)` : '');
  return { path: 'start', message: `${show(start)} is not a scenario here${hint}; allowed: ${names.join(', ')}` };
}

/**
 * A lesson file checked in one go: parsed (parseLesson), then its start and steps' scenarios
 * (lessonProblems). A file the schema refuses has its start preset checked too, so a teacher
 * sees both mistakes at once, not the second after fixing the first. Throws ScenarioError.
 */
export function checkLesson(raw: unknown, presets: Record<string, Record<string, unknown>>, origin = 'lesson'): Lesson {
  let lesson: Lesson;
  try {
    lesson = parseLesson(raw, origin);
  } catch (e) {
    if (!(e instanceof ScenarioError) || raw === null || typeof raw !== 'object') throw e;
    // what the schema cannot see, said with what it saw: the start preset, and the levers of
    // steps whose levers are an object (a wrong watch metric does not hide a 5G value of 7)
    const { start, steps } = raw as { start?: unknown; steps?: unknown };
    const startWrong = startProblem(start ?? 'baseline', presets);
    const problems = [...(startWrong && !e.problems.some((p) => p.path === 'start') ? [startWrong] : []), ...e.problems];
    const startScenario = typeof start === 'string' || start === undefined ? presets[start ?? 'baseline'] : undefined;
    if (startScenario && Array.isArray(steps) && steps.length <= 30) {
      const levers = steps.map((step) => {
        const l = step !== null && typeof step === 'object' ? (step as { levers?: unknown }).levers : undefined;
        return l !== null && typeof l === 'object' && !Array.isArray(l) ? l as Record<string, unknown> : {};
      });
      for (const p of leverProblems(levers, startScenario)) if (!e.problems.some((q) => q.path === p.path)) problems.push(p);
    }
    if (problems.length === e.problems.length) throw e;
    throw new ScenarioError(inFileOrder(problems), origin);
  }
  const problems = lessonProblems(lesson, presets);
  if (problems.length) throw new ScenarioError(problems, origin);
  return lesson;
}

const BREAKDOWN_WORDS: Record<string, string> = { '': 'the total', region: 'by region', channel: 'by channel', stage: 'by stage', category: 'by category', mode: 'by mode', 'region×channel': 'by region and channel' };

/**
 * Whether the run records what a step asks the class to watch: a metric is recorded as a total
 * and/or by the breakdowns its collector lists (metrics.ts); two breakdowns only as region ×
 * channel, and exports by region only for foreign regions. Undefined when it is recorded.
 */
export function watchProblem(watch: LessonStep['watch']): string | undefined {
  const info = METRICS.find((m) => m.id === watch.metric);
  if (!info) return undefined; // the schema has already named an unknown metric
  const dims = (['region', 'channel', 'stage', 'category', 'mode'] as const).filter((d) => watch[d] !== undefined);
  const breakdown = dims.length === 0 ? '' : dims.length === 1 ? dims[0] : dims.join('×');
  const recorded = info.breakdowns.map((b) => BREAKDOWN_WORDS[b] ?? b).join(', ');
  if (!(info.breakdowns as string[]).includes(breakdown)) {
    const asked = dims.length === 0 ? 'as a total' : `by ${dims.join(' and ')}`;
    return `${watch.metric} is not recorded ${asked}; recorded: ${recorded}`;
  }
  const domestic = DEFAULT_REGIONS.find((r) => r.id === watch.region)?.domestic;
  if (domestic && (breakdown === 'region×channel' || watch.metric === 'trade_value_usd' || watch.metric === 'digital_trade_value_usd')) {
    return `${watch.metric} counts exports, and "${watch.region}" is the home market; use a foreign region`;
  }
  return undefined;
}

/** The scenario a step runs: the start preset with every step's levers up to and including it merged in. */
export function stepScenario(lesson: Lesson, start: Record<string, unknown>, stepIndex: number): Record<string, unknown> {
  let scenario: Record<string, unknown> = JSON.parse(JSON.stringify(start)) as Record<string, unknown>;
  for (let i = 0; i <= stepIndex; i++) scenario = mergeDeep(scenario, lesson.steps[i].levers);
  return scenario;
}

/** Deep merge of plain objects; arrays of region/category overrides merge by id; other arrays replace. */
export function mergeDeep(base: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    const current = out[key];
    if (Array.isArray(value) && Array.isArray(current) && value.every((v) => v && typeof v === 'object' && 'id' in v)) {
      const merged = current.map((c) => ({ ...(c as object) })) as Array<Record<string, unknown>>;
      for (const v of value as Array<Record<string, unknown>>) {
        const at = merged.findIndex((c) => c.id === v.id);
        if (at >= 0) merged[at] = mergeDeep(merged[at], v);
        else merged.push({ ...v });
      }
      out[key] = merged;
    } else if (value && typeof value === 'object' && !Array.isArray(value) && !('segments' in value) && current && typeof current === 'object' && !Array.isArray(current)) {
      out[key] = mergeDeep(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      out[key] = JSON.parse(JSON.stringify(value)) as unknown;
    }
  }
  return out;
}
