/**
 * Files a user brings to the page — a scenario in the sandbox, a lesson in the classroom — and
 * the messages the page shows about them, in whatever language is chosen when they are shown.
 */
import { MAX_SCENARIO_BYTES, resolveScenario, parsedDefaults } from '../sim/index.ts';
import { STRINGS, type Lang } from './i18n/index.ts';
import * as f from './format.ts';

/** A message above the results or the lesson: written in the language shown (the toggle re-renders it). */
export interface Message {
  kind: 'error' | 'info';
  /** What the message is about, so fixing it can take the message away ('seed'). */
  about?: string;
  text: (lang: Lang) => string;
  details?: (lang: Lang) => string[];
  /** A button in the message that does what it offers (open an outdated link's scenario anyway). */
  action?: { label: (lang: Lang) => string; run: () => void };
}

/**
 * The first `max` problems as lines, and when there are more, a last line saying how many more
 * (a heading counts them all: the list must not look complete when it is not).
 */
export function problemLines<P>(problems: readonly P[], max: number, line: (p: P) => string, lang: Lang): string[] {
  const lines = problems.slice(0, max).map(line);
  if (problems.length > max) lines.push(STRINGS[lang].moreProblems(problems.length - max));
  return lines;
}

/** True when nothing has focus (the focused element left the page): a view that replaced it takes it. */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** The message for a file over the size limit (kB of 1,000 bytes, as the README's "1 MB"), or undefined. */
export function tooBig(file: File, name: string): Message | undefined {
  if (file.size <= MAX_SCENARIO_BYTES) return undefined;
  return { kind: 'error', text: (l) => STRINGS[l].fileTooBig(name, f.count(file.size / 1000, l), f.count(MAX_SCENARIO_BYTES / 1000, l)) };
}

const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** A parsed file with a lesson's fields (id and steps): one for the classroom, not the sandbox. */
export const isLessonFile = (raw: unknown): boolean => isObject(raw) && 'steps' in raw && 'id' in raw;

/**
 * A parsed file with no lesson fields that is a scenario — valid, or with a scenario's own
 * sections (levers, tables, shocks, time…) and mistakes in them: one for the sandbox, not the
 * classroom (a scenario with a 5G value out of range is still a scenario, not a broken lesson).
 */
export function isScenarioFile(raw: unknown): boolean {
  // (an empty object is no more a scenario than a lesson: it is checked as a lesson, whose missing fields are named)
  if (!isObject(raw) || Object.keys(raw).length === 0 || 'steps' in raw || 'summary' in raw || 'id' in raw) return false;
  const sections = Object.keys(parsedDefaults());
  if (Object.keys(raw).some((k) => sections.includes(k))) return true;
  try {
    resolveScenario(raw);
    return true;
  } catch {
    return false;
  }
}

/** Saves `text` as a file named `name` (the browser's download). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
