/**
 * <yiwu-classroom>: classroom mode. A guided lesson (or the current scenario) in a presentation
 * view made for a projector: large type, high contrast, two big charts — the metric the step
 * asks the class to watch, and the trade itself (flows by channel and destination, or merchants
 * by stage and digital level) — and playback month by month with play/pause, step, speed and a
 * time slider, driven by keyboard shortcuts a presentation clicker sends.
 *
 * The runs are the sandbox's (the app's Runner): a lesson step asks the app to run its scenario
 * against the lesson's starting preset; playback only decides how many months are shown. The
 * sandbox's own scenario is kept and given back on leaving; the address holds the lesson and step.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { STAGES, CHANNELS, DIGITAL_LEVELS, METRICS, PER_MONTH_METRICS, ScenarioError, checkLesson, parseScenarioText, stepScenario, LESSON_VIEWS, type Lesson, type Problem } from '../../sim/index.ts';
import { problemMessage } from '../i18n/problems.ts';
import { STRINGS, tx, type Lang } from '../i18n/index.ts';
import type { Runner } from '../runner.ts';
import { PRESETS, presetTitle } from '../presets.ts';
import { shown, band, trailingMean, pairedWindowNoise, merchantSharesByStage, type Shown } from '../results.ts';
import { findSeries, idx, FOREIGN_REGIONS } from '../series.ts';
import { timeOption, flowOption, stackedBarOption, smileOption, niceExtent, textWidth, CHANNEL_COLORS, LEVEL_COLORS, SCENARIO_COLOR, BASELINE_COLOR, type Kind, type Line } from '../charts.ts';
import { Playback, SPEEDS } from '../playback.ts';
import { LESSONS, describeLevers, inheritedView } from '../lessons.ts';
import { CHANNEL_TEXT, STAGE_TEXT, alongSmile, smileStageNames, LEVEL_TEXT, regionLabel, seriesLabel } from '../labels.ts';
import * as f from '../format.ts';
import { tooBig, isScenarioFile, problemLines, focusLost, type Message } from '../files.ts';
import './chart.ts';
import type { YiwuChart } from './chart.ts';

type Obj = Record<string, unknown>;
type View = (typeof LESSON_VIEWS)[number];
const VIEWS: readonly View[] = LESSON_VIEWS;
/** Preset scenarios by name, as lessons start from them. */
const PRESET_SCENARIOS = Object.fromEntries(PRESETS.map((p) => {
  const { name: _n, title: _t, description: _d, ...scenario } = p.scenario;
  void _n; void _t; void _d;
  return [p.name, scenario];
}));
/** Metrics offered when no lesson is chosen: every metric with a total. */
const TOTAL_METRICS = METRICS.filter((m) => m.breakdowns.includes(''));
/** Inputs that do not take typed text: the presentation keys act on the lesson while they have focus. */
const NOT_TYPED = new Set(['range', 'file', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'image']);
/** The sandbox's scenario while the classroom is open (this tab only), for a reload of the classroom. */
const SANDBOX_KEY = 'yiwu-classroom-sandbox';
/** Lesson files loaded in this tab (their checked content), so a reload keeps them. */
const LOADED_KEY = 'yiwu-classroom-lessons';
/** How many of a lesson's next steps are computed ahead, while the class reads the current one. */
const NEXT_STEPS_AHEAD = 2;
/** The address's query words of classroom mode (read by components/app.ts to open it). */
const QUERY_KEYS = ['lesson', 'step', 'classroom'];


/** What the classroom reads of the sandbox it opens from (components/app.ts). */
interface SandboxHost extends HTMLElement {
  scenario: Obj;
  baselineName: string;
  presetName: string;
}

function readKeptSandbox(): LessonScenario | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(SANDBOX_KEY) ?? 'null') as Partial<LessonScenario> | null;
    if (kept && typeof kept.scenario === 'object' && kept.scenario && typeof kept.baseline === 'string') return { scenario: kept.scenario, baseline: kept.baseline, preset: typeof kept.preset === 'string' ? kept.preset : '' };
  } catch {
    /* storage off or damaged: nothing kept */
  }
  return undefined;
}

/** The lesson files loaded in this tab, checked again as when they were loaded (a file that no longer passes is dropped). */
function readKeptLessons(): Lesson[] {
  try {
    const kept = JSON.parse(sessionStorage.getItem(LOADED_KEY) ?? '[]') as unknown[];
    return Array.isArray(kept) ? kept.flatMap((raw) => { try { return [checkLesson(raw, PRESET_SCENARIOS, 'kept lesson')]; } catch { return []; } }) : [];
  } catch {
    return [];
  }
}

/** Keeps a loaded lesson's content for this tab (one per id, as the list holds them). */
function keepLesson(raw: unknown, id: string): void {
  try {
    const kept = (JSON.parse(sessionStorage.getItem(LOADED_KEY) ?? '[]') as Array<{ id?: unknown }>).filter((l) => l?.id !== id);
    sessionStorage.setItem(LOADED_KEY, JSON.stringify([...kept, raw]));
  } catch {
    /* storage off or full: a reload then opens the first lesson and says the loaded one is not there */
  }
}

/** A lesson's name in the list: its title, and its id too where another lesson has the same title (two loaded files). */
function lessonName(lessons: Lesson[], lesson: Lesson, lang: Lang): string {
  const title = tx(lesson.title, lang);
  return lessons.some((l) => l !== lesson && tx(l.title, lang) === title) ? `${title} (${lesson.id})` : title;
}

/** The lessons with `lesson` in: in place of a lesson of the same id (the address names lessons by id), else last. */
function withLesson(lessons: Lesson[], lesson: Lesson): Lesson[] {
  const at = lessons.findIndex((l) => l.id === lesson.id);
  return at >= 0 ? lessons.map((l, i) => (i === at ? lesson : l)) : [...lessons, lesson];
}

export interface Watch {
  metric: string;
  dims: Record<string, string>;
  /** Months of a trailing average, for a noisy monthly figure (lesson watch.average). */
  average?: number;
}

/** Where a class was when it left the classroom — its lessons (loaded ones too), lesson, step and month — to come back to. */
export interface ClassroomPlace {
  lessons: Lesson[];
  lesson: number;
  step: number;
  month: number;
}

/** What the app runs for a lesson step: this scenario against this baseline preset. */
export interface LessonScenario {
  scenario: Obj;
  baseline: string;
  /** The sandbox's: the preset its scenario is ('' when changed from every preset), for naming it. */
  preset?: string;
  /** A lesson step's: the next steps' scenarios, which the app computes while the class reads this one. */
  next?: Array<{ scenario: Obj; baseline: string }>;
  /** A lesson step's scenario taken to the sandbox (its levers' earlier problems are not its own). */
  fromStep?: boolean;
}

function kindOf(metric: string): Kind {
  const unit = METRICS.find((m) => m.id === metric)?.unit.en ?? '';
  if (unit === 'US$') return 'money';
  if (unit === 'share') return 'share';
  if (unit === 'days') return 'days';
  return 'number';
}

@customElement('yiwu-classroom')
export class YiwuClassroom extends LitElement {
  @property({ attribute: false }) override lang: Lang = 'en';
  @property({ attribute: false }) runner!: Runner;
  /** Changes whenever the runner has new data (the app's counter). */
  @property({ attribute: false }) tick = 0;
  /** Set by the app when the class comes back: where it left (else the address, or the first lesson). */
  @property({ attribute: false }) resume?: ClassroomPlace;
  @state() lessons: Lesson[] = LESSONS;
  /** Index into `lessons`, or -1: no lesson (the current scenario). */
  @state() lessonIndex = 0;
  @state() stepIndex = 0;
  @state() revealed = false;
  @state() view: View = 'flows';
  /** The lesson the chart choice was last made in (see applyStep). */
  private viewLesson: string | undefined;
  @state() freeMetric = 'trade_value_usd';
  @state() fullscreen = false;
  @state() message: Message | null = null;
  @state() frame = 0;
  /** A file is dragged over the page: it will be loaded as a lesson. */
  @state() dragging = false;
  readonly playback = new Playback();
  private raf = 0;
  private lastFrame = 0;
  /** The sandbox's scenario and baseline when the classroom opened: "No lesson" shows it, leaving gives it back. */
  private sandbox: LessonScenario | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('focusin', this.onFocusIn);
    window.addEventListener('pointerdown', this.onPointerDown, true);
    // on window and capturing: before the sandbox's own drop handler (on window, bubbling), which
    // would load the file as the sandbox's scenario under the lesson
    window.addEventListener('dragover', this.onDragOver, true);
    window.addEventListener('dragleave', this.onDragLeave, true);
    window.addEventListener('drop', this.onDrop, true);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    window.addEventListener('resize', this.onResize);
    this.sandbox = this.rememberSandbox();
    const back = this.resume;
    if (back) {
      this.lessons = back.lessons;
      this.lessonIndex = Math.min(back.lesson, back.lessons.length - 1);
      this.stepIndex = Math.max(0, Math.min(back.step, (this.lesson?.steps.length ?? 1) - 1));
    } else {
      // lesson files loaded earlier in this tab (before a reload, or before leaving the classroom by the address)
      this.lessons = readKeptLessons().reduce(withLesson, LESSONS);
    }
    this.readAddress();
    // after the app's update that added the classroom: the step's scenario sets the app's state,
    // and set during that update it made lit schedule another update at once (a dev-mode warning)
    queueMicrotask(() => {
      if (!this.isConnected) return;
      this.applyStep();
      // the month the class was at (the step's run is still cached: it shows at once)
      if (back) this.playback.cursor = back.month;
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('focusin', this.onFocusIn);
    window.removeEventListener('pointerdown', this.onPointerDown, true);
    window.removeEventListener('dragover', this.onDragOver, true);
    window.removeEventListener('dragleave', this.onDragLeave, true);
    window.removeEventListener('drop', this.onDrop, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    window.removeEventListener('resize', this.onResize);
    cancelAnimationFrame(this.raf);
    if (document.fullscreenElement === this) void document.exitFullscreen();
  }

  private get lesson(): Lesson | undefined {
    return this.lessonIndex >= 0 ? this.lessons[this.lessonIndex] : undefined;
  }

  /**
   * Asks the app to run the current step's scenario (with no lesson: the sandbox's own);
   * playback starts again from the first month, paused, and the step from its top.
   */
  private applyStep() {
    const lesson = this.lesson;
    this.playback.pause();
    this.playback.cursor = 0;
    this.revealed = false;
    this.writeAddress(true);
    void this.updateComplete.then(() => this.querySelector('.step-body')?.scrollTo(0, 0));
    if (!lesson) {
      this.viewLesson = undefined;
      if (this.sandbox) this.runScenario(this.sandbox);
      return;
    }
    // a step's chart: its own choice; else, within the lesson, what the teacher last showed; on
    // arriving in a lesson (picked, opened from an address, reloaded), the last choice of the
    // steps so far, or the flows: a step looks the same however one reached it
    const view = lesson.steps[this.stepIndex]?.view;
    if (view) this.view = view;
    else if (this.viewLesson !== lesson.id) this.view = inheritedView(lesson, this.stepIndex);
    this.viewLesson = lesson.id;
    let start = lesson.start;
    if (!PRESET_SCENARIOS[start]) {
      const unknown = start;
      this.message = { kind: 'error', text: (l) => STRINGS[l].classroom.unknownStart(unknown) };
      start = 'baseline';
    }
    const base = PRESET_SCENARIOS[start];
    const next = lesson.steps.slice(this.stepIndex + 1, this.stepIndex + 1 + NEXT_STEPS_AHEAD)
      .map((_, j) => ({ scenario: stepScenario(lesson, base, this.stepIndex + 1 + j), baseline: start }));
    this.runScenario({ scenario: stepScenario(lesson, base, this.stepIndex), baseline: start, next });
  }

  /** The app runs this scenario against this baseline preset (and writes it in the address's share link). */
  private runScenario(detail: LessonScenario) {
    // a copy: the app keeps the object as its own scenario
    this.dispatchEvent(new CustomEvent<LessonScenario>('lesson-scenario', { detail: structuredClone(detail), bubbles: true, composed: true }));
  }

  /**
   * The sandbox's scenario and baseline as the classroom opens: the steps replace the app's
   * scenario while they run. Kept in sessionStorage too, because after a reload of the classroom
   * the app starts from the address, which by then holds a step's scenario.
   */
  private rememberSandbox(): LessonScenario | undefined {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const query = new URLSearchParams(location.search);
    if (navigation?.type === 'reload' && (query.has('lesson') || query.has('classroom'))) {
      const kept = readKeptSandbox();
      if (kept) return kept;
    }
    const app = this.closest<SandboxHost>('yiwu-app');
    if (!app) return undefined;
    const sandbox: LessonScenario = { scenario: structuredClone(app.scenario), baseline: app.baselineName, preset: app.presetName };
    try {
      sessionStorage.setItem(SANDBOX_KEY, JSON.stringify(sandbox));
    } catch {
      /* storage off: a reload of the classroom then returns to the step's scenario */
    }
    return sandbox;
  }

  /**
   * `?lesson=<id>&step=<n>`: the app has chosen the lesson (the first for an id it does not
   * know); here the step, and a message naming an unknown id with the ids there are.
   */
  private readAddress() {
    const query = new URLSearchParams(location.search);
    // `?classroom=none`: no lesson, the sandbox's own scenario
    if (query.get('classroom') === 'none' && !this.resume) this.lessonIndex = -1;
    const id = query.get('lesson');
    if (!id) return;
    const lesson = this.lessons.find((l) => l.id === id);
    if (!lesson) {
      const ids = this.lessons.map((l) => l.id);
      this.message = { kind: 'error', text: (l) => STRINGS[l].classroom.unknownLesson(id.slice(0, 80), ids) };
      return;
    }
    // a lesson loaded from a file in this tab (the app chose among the built-in ones)
    if (!this.resume) this.lessonIndex = this.lessons.indexOf(lesson);
    const step = Number(query.get('step'));
    if (lesson === this.lesson && Number.isInteger(step) && step >= 1) {
      this.stepIndex = Math.min(step, lesson.steps.length) - 1;
      // a step past the lesson's end opens its last step, and says so (the address then names that step)
      const steps = lesson.steps.length;
      if (step > steps) this.message = { kind: 'info', text: (l) => STRINGS[l].classroom.noSuchStep(String(step), steps) };
    }
  }

  /**
   * Keeps the address in step with the classroom, so a reload returns to the same step:
   * `?lesson=<id>&step=<n>` for a lesson (a loaded one is kept in this tab, so a reload finds it;
   * another tab says it is not there), `?classroom=none` for no lesson; with `open` false
   * (leaving) without them, so a reload opens the sandbox. The hash (the app's share link) is kept.
   */
  private writeAddress(open: boolean) {
    const url = new URL(location.href);
    for (const k of QUERY_KEYS) url.searchParams.delete(k);
    const lesson = this.lesson;
    if (open && lesson) {
      url.searchParams.set('lesson', lesson.id);
      if (this.stepIndex > 0) url.searchParams.set('step', String(this.stepIndex + 1));
    } else if (open) {
      url.searchParams.set('classroom', 'none');
    }
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
  }

  /**
   * Back to the sandbox (the browser's Back button, through the app): its own scenario again,
   * without a new history entry (the address already is the sandbox's).
   */
  leave() {
    this.exit(false);
  }

  /**
   * Back to the sandbox: its own scenario again, and an address that opens the sandbox. Leaving
   * by the Sandbox button adds a history entry, so the browser's Back returns to the lesson.
   */
  private exit(newEntry = true) {
    if (this.sandbox) this.runScenario(this.sandbox);
    if (newEntry) history.pushState(history.state, '', location.href);
    this.writeAddress(false);
    try {
      sessionStorage.removeItem(SANDBOX_KEY);
    } catch {
      /* storage off: nothing kept */
    }
    const place: ClassroomPlace = { lessons: this.lessons, lesson: this.lessonIndex, step: this.stepIndex, month: this.playback.cursor };
    this.dispatchEvent(new CustomEvent('exit-classroom', { detail: place, bubbles: true, composed: true }));
  }

  /**
   * Back to the sandbox with this step's scenario in place of the sandbox's own, against the
   * lesson's starting scenario, so the class can try its own values ("and if 5G came only by
   * 2026?"); the Classroom button returns to the step.
   */
  private openStepInSandbox() {
    const lesson = this.lesson;
    if (!lesson) return;
    const start = PRESET_SCENARIOS[lesson.start] ? lesson.start : 'baseline';
    this.sandbox = { scenario: stepScenario(lesson, PRESET_SCENARIOS[start], this.stepIndex), baseline: start, preset: '', fromStep: true };
    this.exit();
  }

  /**
   * Shows or hides the answer. A shown answer is scrolled into view in the middle of the lesson
   * panel (the step's heading stays above it): with its question when both fit, else from its top.
   */
  private async toggleAnswer() {
    this.revealed = !this.revealed;
    if (!this.revealed) return;
    await this.updateComplete;
    const body = this.querySelector<HTMLElement>('.step-body');
    const question = this.querySelector<HTMLElement>('.question');
    const answer = this.querySelector<HTMLElement>('#answer');
    if (body && question && question.offsetHeight <= body.clientHeight) question.scrollIntoView({ block: 'nearest' });
    else answer?.scrollIntoView({ block: 'start' });
  }

  /** Marks the lesson panel when part of the step is scrolled out of view, above or below (see ui/style.css). */
  private markOverflow() {
    const body = this.querySelector<HTMLElement>('.step-body');
    const panel = this.querySelector('.lesson-panel');
    panel?.classList.toggle('more-above', !!body && body.scrollTop > 2);
    panel?.classList.toggle('more-below', !!body && body.scrollTop + body.clientHeight < body.scrollHeight - 2);
  }

  private goToStep(i: number) {
    const lesson = this.lesson;
    if (!lesson) return;
    const next = Math.max(0, Math.min(lesson.steps.length - 1, i));
    if (next === this.stepIndex) return;
    this.stepIndex = next;
    this.applyStep();
  }

  private chooseLesson(i: number) {
    this.lessonIndex = i;
    this.stepIndex = 0;
    this.message = null;
    this.applyStep();
  }

  /** A teacher's lesson file, from "Load lesson file…" or dropped on the page: validated, problems named by field. */
  async loadLessonFile(file: File) {
    const name = file.name.slice(0, 80);
    const big = tooBig(file, name);
    if (big) {
      this.message = big;
      return;
    }
    try {
      const raw = parseScenarioText(await file.text(), name);
      // a scenario would only be refused for the lesson fields it lacks: say what it is instead
      if (isScenarioFile(raw)) {
        this.message = { kind: 'error', text: (l) => STRINGS[l].classroom.scenarioNotLesson(name) };
        return;
      }
      const lesson = checkLesson(raw, PRESET_SCENARIOS, name);
      // one lesson per id (the address names lessons by id): a file with a listed id takes its place, and says so
      const replaced = this.lessons.find((l) => l.id === lesson.id);
      this.lessons = withLesson(this.lessons, lesson);
      keepLesson(raw, lesson.id);
      this.chooseLesson(this.lessons.findIndex((l) => l.id === lesson.id));
      const shown: Message = replaced
        ? { kind: 'info', text: (l) => STRINGS[l].classroom.lessonReplaced(name, lesson.id, tx(replaced.title, l), LESSONS.includes(replaced)) }
        : { kind: 'info', text: (l) => STRINGS[l].classroom.lessonLoaded(name) };
      this.message = shown;
      // a plain confirmation need not stay on the projector; a replaced built-in lesson is worth reading
      if (!replaced || !LESSONS.includes(replaced)) setTimeout(() => { if (this.message === shown) this.message = null; }, 4000);
    } catch (e) {
      const problems = e instanceof ScenarioError ? e.problems : [{ path: '', message: String((e as Error).message ?? e) }];
      this.message = {
        kind: 'error',
        text: (l) => STRINGS[l].classroom.lessonProblems(name, problems.length),
        details: (l) => problemLines(problems, 12, (p) => this.problemLine(p, l), l),
      };
    }
  }

  /** "Step 2 — steps[1].watch.metric: …": the step as the screen counts it, then the path in the file. */
  private problemLine(p: Problem, lang: Lang): string {
    const m = /^steps\[(\d+)\]/.exec(p.path);
    const step = m ? `${STRINGS[lang].classroom.stepWord(Number(m[1]) + 1)} — ` : '';
    return `${step}${p.path ? `${p.path}: ` : ''}${problemMessage(p.message, lang)}`;
  }

  // ---------------------------------------------------------------- files dropped
  // In the classroom every file dropped is a lesson file: the sandbox's handler never sees it.
  private onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    this.dragging = true;
  };

  private onDragLeave = (e: DragEvent) => {
    e.stopPropagation();
    if (e.relatedTarget === null) this.dragging = false;
  };

  private onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    this.dragging = false;
    const file = e.dataTransfer?.files?.[0];
    if (file) void this.loadLessonFile(file);
  };

  // ---------------------------------------------------------------- playback
  private data(): { sc?: Shown; bs?: Shown } {
    return { sc: shown(this.runner.view('scenario')), bs: shown(this.runner.view('baseline')) };
  }

  /**
   * The baseline to compare the flows with at the cursor: none while it has not reached the
   * cursor, while either side shows the quick preview, or when the step's scenario is the
   * baseline itself (every region would read 0.0%).
   */
  private flowBaseline(sc: Shown, bs: Shown | undefined, cursor: number): Shown | undefined {
    if (!bs || bs.done <= cursor || sc.preview || bs.preview || this.runner.sameRun()) return undefined;
    return bs;
  }

  private months(): { total: number; available: number } {
    const { sc } = this.data();
    return { total: sc?.months.length ?? 0, available: sc?.done ?? 0 };
  }

  /** Play or pause. Before the step's first month is computed, playing waits for it (advance() shows nothing yet). */
  private togglePlay() {
    const { total } = this.months();
    this.playback.toggle(total);
    this.frame++;
    if (this.playback.playing) {
      this.lastFrame = performance.now();
      cancelAnimationFrame(this.raf);
      this.raf = requestAnimationFrame(this.onFrame);
    }
  }

  private onFrame = (now: number) => {
    const { total, available } = this.months();
    if (this.playback.advance(now - this.lastFrame, available, total)) this.frame++;
    this.lastFrame = now;
    if (this.playback.playing) this.raf = requestAnimationFrame(this.onFrame);
    else this.frame++;
  };

  private stepMonths(n: number) {
    this.playback.step(n, this.months().available);
    this.frame++;
  }

  private seek(t: number) {
    this.playback.pause();
    this.playback.seek(t, this.months().available);
    this.frame++;
  }

  /** The lower chart's title and unit, for the month shown (none to name before the step's first month is computed). */
  private viewCaption(sc: Shown | undefined, bs: Shown | undefined, cursor: number, lang: Lang): { title: string; unit: string; lineKey?: string } {
    const s = STRINGS[lang];
    const c = s.classroom;
    const month = sc && sc.done > 0 ? f.month(sc.months[cursor], lang) : undefined;
    switch (this.view) {
      case 'flows': {
        const from = flowWindowStart(cursor);
        return {
          title: month ? c.flowsTitle(f.month(sc!.months[from], lang), month, cursor - from + 1) : c.flowsHeading,
          unit: c.flowsUnit(!!sc && !!this.flowBaseline(sc, bs, cursor)),
        };
      }
      case 'merchants': return { title: c.merchantsTitle, unit: c.merchantsUnit };
      case 'smile': return { title: c.smileTitle(month ?? '…'), unit: s.charts.smileUnit };
      // (lines of the scenario and the baseline, channel by channel: the key says which is which)
      case 'channels': return { title: s.charts.trade, unit: c.perMonth, lineKey: `${s.legendScenario} ── · ${s.legendBaseline} - - -` };
    }
  }

  /** Tab was pressed and focus has not moved since; the element focus last reached by Tab. */
  private tabbing = false;
  private tabbedTo: Element | null = null;
  private onFocusIn = (e: FocusEvent) => {
    this.tabbedTo = this.tabbing ? (e.target as Element) : null;
    this.tabbing = false;
  };
  private onPointerDown = () => {
    this.tabbedTo = null;
    this.tabbing = false;
  };

  /**
   * The presentation keys act on the lesson and playback whatever has focus, so a clicker works
   * after a click on any control; only a text field keeps its keys, and the time slider its
   * arrows, Home and End. A focused select's own keys (Page Down would pick its last option) give
   * way too: from the keyboard it opens with Enter (on every platform, below), Alt+↓ or F4, and
   * the open list keeps its keys (they do not reach the page). A button reached with Tab takes
   * Space, and the chart tabs the arrows, as keyboard users expect.
   */
  private onKey = (e: KeyboardEvent) => {
    if (e.key === 'Tab') this.tabbing = true;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    const tag = target?.tagName;
    const inputType = tag === 'INPUT' ? (target as HTMLInputElement).type : '';
    const typing = tag === 'TEXTAREA' || (tag === 'INPUT' && !NOT_TYPED.has(inputType)) || target?.isContentEditable;
    if (typing) return;
    const onSlider = inputType === 'range';
    // a button reached with Tab (not one clicked: a clicker's keys still play) takes Space as a
    // press, and the chart tabs (one Tab stop, the chosen one) take the arrows to move between them
    const keyboardButton = tag === 'BUTTON' && this.tabbedTo === target;
    if (keyboardButton && e.key === ' ') return;
    if (keyboardButton && target!.getAttribute('role') === 'radio' && e.key.startsWith('Arrow')) {
      const i = VIEWS.indexOf(this.view);
      const next = VIEWS[(i + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : VIEWS.length - 1)) % VIEWS.length];
      this.view = next;
      // (still reached from the keyboard: the arrows keep moving the choice)
      void this.updateComplete.then(() => { this.tabbing = true; this.querySelector<HTMLElement>(`#view-${next}`)?.focus(); });
      e.preventDefault();
      return;
    }
    const { available } = this.months();
    switch (e.key) {
      case ' ':
      case 'k':
        this.togglePlay();
        break;
      case 'ArrowRight':
        if (onSlider) return;
        this.stepMonths(e.shiftKey ? 12 : 1);
        break;
      case 'ArrowLeft':
        if (onSlider) return;
        this.stepMonths(e.shiftKey ? -12 : -1);
        break;
      case 'ArrowUp':
        if (onSlider) return;
        this.playback.faster(); this.frame++;
        break;
      case 'ArrowDown':
        if (onSlider) return;
        this.playback.slower(); this.frame++;
        break;
      case 'PageDown':
        this.goToStep(this.stepIndex + 1);
        break;
      case 'PageUp':
        this.goToStep(this.stepIndex - 1);
        break;
      case 'Home':
        if (onSlider) return;
        this.seek(0);
        break;
      case 'End':
        if (onSlider) return;
        this.seek(available - 1);
        break;
      case 'f':
      case 'F':
        void this.toggleFullscreen();
        break;
      case 'a':
      case 'A':
        if (!this.lesson?.steps[this.stepIndex]) return;
        void this.toggleAnswer();
        break;
      case 'Enter':
        if (tag !== 'SELECT') return;
        try {
          (target as HTMLSelectElement).showPicker();
        } catch {
          /* no picker here: the browser's own keys still open the list */
          return;
        }
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  /** Chart type grows with the screen: redraw when it changes size (e.g. going full screen on a projector). */
  private onResize = () => { this.frame++; };

  private onFullscreen = () => {
    this.fullscreen = document.fullscreenElement === this;
  };

  private async toggleFullscreen() {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await this.requestFullscreen();
    } catch {
      /* full screen refused (e.g. not from a user gesture): the view works without it */
    }
  }

  // ---------------------------------------------------------------- render
  private watch(): Watch {
    const step = this.lesson?.steps[this.stepIndex];
    if (!step) return { metric: this.freeMetric, dims: {} };
    const { metric, average, ...dims } = step.watch;
    return { metric, average, dims: Object.fromEntries(Object.entries(dims).filter(([, v]) => typeof v === 'string')) as Record<string, string> };
  }

  /** The watched series of a run, averaged over the last months when the step asks for it. */
  private watched(run: Shown | undefined, wi: number | undefined, watch: Watch): Float64Array | undefined {
    if (!run || wi === undefined) return undefined;
    return watch.average ? trailingMean(run.values[wi], run.done, watch.average) : run.values[wi];
  }

  /**
   * The watched figure's unit beside its name: "US$ per month" for money that accrues over a
   * month, "per month" for such counts (merchants closing, upgrades), the unit of anything else
   * but a share or a plain count (the axis shows those).
   */
  private watchUnit(watch: Watch, lang: Lang): string {
    const unit = METRICS.find((m) => m.id === watch.metric)?.unit;
    if (!unit) return '';
    const c = STRINGS[lang].classroom;
    const plain = unit.en === 'count' || unit.en === 'share';
    if (PER_MONTH_METRICS.has(watch.metric)) return c.perMonthOf(plain ? '' : tx(unit, lang));
    return plain ? '' : tx(unit, lang);
  }

  /** The watched series' name, with the averaging when there is one. */
  private watchLabel(watch: Watch, lang: Lang): string {
    const label = seriesLabel(watch.metric, watch.dims, lang);
    return watch.average ? STRINGS[lang].classroom.averageOf(label, watch.average) : label;
  }

  override render() {
    void this.tick;
    void this.frame;
    const lang = this.lang;
    const s = STRINGS[lang];
    const c = s.classroom;
    const lesson = this.lesson;
    const step = lesson?.steps[this.stepIndex];
    const { sc, bs } = this.data();
    const total = sc?.months.length ?? 0;
    const available = sc?.done ?? 0;
    const cursor = Math.min(this.playback.cursor, Math.max(0, available - 1));
    const month = sc?.months[cursor] ?? '';
    const { title: viewTitle, unit: viewUnit, lineKey } = this.viewCaption(sc, bs, cursor, lang);
    const watch = this.watch();
    const wi = findSeries(watch.metric, watch.dims);
    const kind = kindOf(watch.metric);
    // counts are estimates at Yiwu scale (sampled merchants × 1/scale): shown whole
    const isCount = METRICS.find((x) => x.id === watch.metric)?.unit.en === 'count';
    const watchUnit = this.watchUnit(watch, lang);
    // the scenario's and the baseline's figures side by side: the same precision (4.60 beside 4.51, not 4.6)
    const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : kind === 'money' ? f.money(v, lang, true) : kind === 'share' ? f.pct(v, lang) : isCount && (Number.isInteger(v) || Math.abs(v) >= 100) ? f.count(v, lang) : f.sig3(v, lang));
    // each figure keeps the width of its widest month (whose text sits hidden in the same grid
    // cell), so the heading does not rewrap, and the chart below jump, as the run plays
    const figure = (x: Shown | undefined, id?: string) => {
      const a = this.watched(x, wi, watch);
      let widest = '';
      let widestEm = 0;
      if (a && x) {
        for (let t = 0; t < x.done; t++) {
          const text = fmt(a[t]);
          const em = textWidth(text, 100);
          if (em > widestEm) { widest = text; widestEm = em; }
        }
      }
      return html`<span id=${id ?? nothing}>${fmt(x && a && cursor < x.done ? a[cursor] : undefined)}</span><span class="sizer">${widest}</span>`;
    };
    const progress = this.runner.progress();
    const busy = progress.complete < progress.total;
    return html`<div class="classroom" role="region" aria-label=${c.title} tabindex="-1">
      <header class="class-top">
        <h1 class="class-title">${lesson ? tx(lesson.title, lang) : c.noLesson}</h1>
        <label class="class-pick">${c.lesson}
          <select id="lesson-pick" @change=${(e: Event) => this.chooseLesson(Number((e.target as HTMLSelectElement).value))}>
            ${this.lessons.map((l, i) => html`<option value=${i} ?selected=${i === this.lessonIndex}>${lessonName(this.lessons, l, lang)}</option>`)}
            <option value="-1" ?selected=${this.lessonIndex === -1}>${c.noLesson}</option>
          </select></label>
        <label class="button" for="lesson-file">${c.loadLesson}</label>
        <input id="lesson-file" type="file" accept=".json,application/json" class="visually-hidden"
          @change=${(e: Event) => { const input = e.target as HTMLInputElement; const file = input.files?.[0]; input.value = ''; if (file) void this.loadLessonFile(file); }} />
        <span class="spacer"></span>
        <button type="button" id="class-lang" lang=${lang === 'en' ? 'zh' : 'en'} aria-label=${s.switchLanguageLabel}
          @click=${() => this.dispatchEvent(new CustomEvent('set-lang', { detail: lang === 'en' ? 'zh' : 'en', bubbles: true, composed: true }))}>${s.switchLanguage}</button>
        <button type="button" id="fullscreen" aria-pressed=${this.fullscreen ? 'true' : 'false'} title=${this.fullscreen ? c.exitFullscreen : c.fullscreen} @click=${() => this.toggleFullscreen()}>${c.fullscreen}</button>
        <button type="button" id="exit-classroom" @click=${() => this.exit()}>${c.exit}</button>
      </header>
      ${this.dragging ? html`<div class="drop"><span>${c.dropLesson}</span></div>` : nothing}
      ${this.message ? html`<div class="message-slot"><div class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'}><p>${this.message.text(lang)}</p>
        ${this.message.details ? html`<ul>${this.message.details(lang).map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
        <button type="button" class="dismiss" aria-label=${s.dismiss} @click=${() => { this.message = null; }}>✕</button></div></div>` : nothing}
      ${(() => {
        const failed = this.runner.view('scenario').main?.problems;
        return failed ? html`<div class="message error" role="alert" id="run-failed"><p>${c.runFailed}</p>
          <ul>${failed.slice(0, 8).map((p) => html`<li>${p.path ? `${p.path}: ` : ''}${problemMessage(p.message, lang)}</li>`)}</ul></div>` : nothing;
      })()}
      <div class="class-body">
        <section class="lesson-panel" aria-labelledby="step-title">
          ${lesson && step ? html`
            <div class="step-head">
              <p class="step-count" id="step-count">${c.step(this.stepIndex + 1, lesson.steps.length)}</p>
              <h2 id="step-title">${tx(step.title, lang)}</h2>
            </div>
            <div class="step-body" @scroll=${() => this.markOverflow()}>
              <p class="step-text">${tx(step.text, lang)}</p>
              <h3>${c.levers}</h3>
              <ul class="step-levers">${(() => {
                const lines = describeLevers(step.levers as Obj, lang, c.byMonth, c.shock, c.fromMonth);
                return lines.length ? lines.map((l) => html`<li>${l}</li>`) : html`<li class="none">${this.stepIndex === 0 ? c.leversStart : c.leversNone}</li>`;
              })()}</ul>
              <div class="question">
                <h3>${c.question}</h3>
                <p>${tx(step.question, lang)}</p>
                <button type="button" id="reveal" aria-expanded=${this.revealed ? 'true' : 'false'} aria-controls="answer" @click=${() => this.toggleAnswer()}>${this.revealed ? c.hide : c.reveal}</button>
                <p id="answer" class="answer" ?hidden=${!this.revealed}><strong>${c.answer}${lang === 'zh' ? '：' : ': '}</strong>${tx(step.explanation, lang)}</p>
              </div>
              <details class="lesson-summary" @toggle=${() => this.markOverflow()}><summary>${c.summary}</summary><p>${tx(lesson.summary, lang)}</p></details>
            </div>
            <nav class="step-nav" aria-label=${c.step(this.stepIndex + 1, lesson.steps.length)}>
              <button type="button" id="prev-step" ?disabled=${this.stepIndex === 0} @click=${() => this.goToStep(this.stepIndex - 1)}>◀ ${c.prev}</button>
              <button type="button" id="step-to-sandbox" title=${c.stepToSandboxTitle} @click=${() => this.openStepInSandbox()}>${c.stepToSandbox}</button>
              <button type="button" id="next-step" ?disabled=${this.stepIndex >= lesson.steps.length - 1} @click=${() => this.goToStep(this.stepIndex + 1)}>${c.next} ▶</button>
            </nav>` : html`
            <h2 id="step-title">${c.sandboxHeading}</h2>
            <p id="sandbox-scenario">${c.sandboxScenario(presetTitle(this.sandbox?.preset, lang, s.custom), presetTitle(this.sandbox?.baseline, lang, this.sandbox?.baseline ?? ''))}</p>
            <label class="free-metric">${c.watch}
              <select id="free-metric" @change=${(e: Event) => { this.freeMetric = (e.target as HTMLSelectElement).value; }}>
                ${TOTAL_METRICS.map((m) => html`<option value=${m.id} ?selected=${m.id === this.freeMetric}>${tx(m.label, lang)}</option>`)}
              </select></label>`}
        </section>
        <section class="class-charts">
          <div class="class-chart">
            <div class="watch-head">
              <p class="watch-label">${c.watchPrefix}<strong id="watch-name">${this.watchLabel(watch, lang)}</strong>${watchUnit ? html`<span id="watch-unit">${c.inBrackets(watchUnit)}</span>` : nothing}</p>
              <p class="now" aria-hidden="true"><span class="sc">${c.scenarioNow} <b>${figure(sc, 'watch-scenario')}</b></span>
                <span class="bs">${c.baselineNow} <b>${figure(bs)}</b></span></p>
            </div>
            <yiwu-chart id="class-watch" class="big" chartId="class-watch" .structure=${`${watch.metric}|${JSON.stringify(watch.dims)}|${watch.average ?? ''}`} heading=${this.watchLabel(watch, lang)}
              unit=${watchUnit}
              pngLabel=${s.exportPng} pngTitle=${s.exportPngOf(this.watchLabel(watch, lang))}></yiwu-chart>
          </div>
          <div class="class-chart">
            <div class="view-tabs" role="radiogroup" aria-label=${c.viewLabel}>
              ${VIEWS.map((v) => html`<button type="button" role="radio" id="view-${v}" aria-checked=${this.view === v ? 'true' : 'false'} tabindex=${this.view === v ? 0 : -1} class=${this.view === v ? 'on' : ''}
                @click=${() => { this.view = v; }}>${c.views[v]}</button>`)}
            </div>
            ${this.view === 'flows' ? this.flowShares(sc, bs, cursor) : nothing}
            <p class="chart-caption">${viewTitle} <span>${c.inBrackets(viewUnit)}</span>${lineKey ? html` <span class="line-key">· ${lineKey}</span>` : nothing}</p>
            <yiwu-chart id="class-view" class="big" chartId="class-view" .structure=${this.view}
              heading=${viewTitle}
              unit=${viewUnit}
              pngLabel=${s.exportPng} pngTitle=${s.exportPngOf(c.views[this.view])}></yiwu-chart>
          </div>
        </section>
      </div>
      <div class="playback" role="group" aria-label=${c.time}>
        <button type="button" id="to-start" aria-label=${c.toStart} title=${c.toStart} @click=${() => this.seek(0)}>|◀︎</button>
        <button type="button" id="step-back" aria-label=${c.stepBack} title=${c.stepBack} @click=${() => this.stepMonths(-1)}>◀︎</button>
        <button type="button" id="play" class="play" aria-label=${this.playback.playing ? c.pause : c.play} aria-pressed=${this.playback.playing ? 'true' : 'false'}
          @click=${() => this.togglePlay()}>${this.playback.playing ? `❚❚ ${c.pause}` : `▶ ${c.play}`}</button>
        <button type="button" id="step-forward" aria-label=${c.stepForward} title=${c.stepForward} @click=${() => this.stepMonths(1)}>▶︎</button>
        <button type="button" id="to-end" aria-label=${c.toEnd} title=${c.toEnd} @click=${() => this.seek(available - 1)}>▶︎|</button>
        <label class="speed">${c.speed}
          <select id="speed" @change=${(e: Event) => { this.playback.speedIndex = Number((e.target as HTMLSelectElement).value); this.frame++; }}>
            ${SPEEDS.map((v, i) => html`<option value=${i} ?selected=${i === this.playback.speedIndex}>${c.monthsPerSecond(v)}</option>`)}
          </select></label>
        <input id="time" type="range" min="0" max=${Math.max(0, total - 1)} step="1" .value=${String(cursor)} aria-label=${c.time}
          aria-valuetext=${month ? f.month(month, lang) : ''} @input=${(e: Event) => this.seek(Number((e.target as HTMLInputElement).value))} />
        <output id="month" class="month" for="time" aria-live="off">${month ? f.month(month, lang) : c.waiting}</output>
        ${busy ? html`<span class="class-busy" role="status">${c.waiting}</span>` : nothing}
      </div>
      <p class="keys" title=${c.keysInFull}>${c.keys}</p>
    </div>`;
  }

  override firstUpdated() {
    // entered by a key or a click on the sandbox's button, which is gone now: focus would fall to
    // the page's start; it goes to the classroom instead (its keys work there; Tab reaches its first control)
    if (focusLost()) this.querySelector<HTMLElement>('.classroom')?.focus({ preventScroll: true });
  }

  override updated() {
    this.drawCharts();
    this.markOverflow();
  }

  /**
   * Exports by channel (rows) and foreign region (columns) over the 12 months up to the cursor
   * (fewer at the start, scaled to a year), so the widths read as a year's trade.
   */
  private flows(sc: Shown, cursor: number): number[][] {
    const from = flowWindowStart(cursor);
    const scaleToYear = 12 / (cursor - from + 1);
    return CHANNELS.map((channel) => FOREIGN_REGIONS.map((region) => {
      const v = sc.values[idx('trade_flow_usd', { region, channel })];
      let x = 0;
      for (let t = from; t <= cursor; t++) if (Number.isFinite(v[t])) x += v[t];
      return x * scaleToYear;
    }));
  }

  /**
   * One scale for the merchants' bars over the whole run (the largest stage in any month computed
   * so far, rounded up to a whole number of round steps), so playing the run does not rescale the
   * axis: a bar that jumped 15–25% whenever the axis maximum changed read as a jump in merchants.
   */
  private merchantsAxis(sc: Shown): { max: number; interval: number } | undefined {
    const largest = new Float64Array(sc.done);
    for (const stage of STAGES) {
      const byLevel = DIGITAL_LEVELS.map((level) => sc.values[idx(`merchants_level_${level}`, { stage })]);
      for (let t = 0; t < sc.done; t++) largest[t] = Math.max(largest[t], byLevel.reduce((a, v) => a + (v[t] || 0), 0));
    }
    const extent = niceExtent([{ name: '', data: largest, done: sc.done, color: '' }], true);
    return extent && extent.max > 0 ? { max: extent.max, interval: extent.interval } : undefined;
  }

  /**
   * How much each region's change against the baseline over the flow window moves with the seed
   * alone (the band's seed pairs), so one run's regional ups and downs are not read as effects.
   */
  private flowNoise(cursor: number): Array<number | undefined> {
    const from = flowWindowStart(cursor);
    const sc = this.runner.view('scenario').band;
    const bs = this.runner.view('baseline').band;
    return FOREIGN_REGIONS.map((region) => pairedWindowNoise(sc, bs, from, cursor, CHANNELS.map((channel) => idx('trade_flow_usd', { region, channel }))));
  }

  /**
   * "Market hall US$29bn (21 %) · … · Total US$140bn (baseline US$152bn)": the channels' totals
   * beside the Sankey, whose channel nodes carry no label, and the baseline's total over the same
   * months once it has reached them.
   */
  private flowShares(sc: Shown | undefined, bs: Shown | undefined, cursor: number) {
    if (!sc || sc.done === 0) return nothing;
    const lang = this.lang;
    const c = STRINGS[lang].classroom;
    const totals = this.flows(sc, cursor).map(sumOf);
    const all = sumOf(totals);
    const base = this.flowBaseline(sc, bs, cursor);
    const baseline = base ? sumOf(this.flows(base, cursor).map(sumOf)) : undefined;
    return html`<p class="flow-shares">${CHANNELS.map((ch, k) => html`<span><i style="background:${CHANNEL_COLORS[k]}"></i>${tx(CHANNEL_TEXT[ch], lang)} <b>${f.money(totals[k], lang)}</b>${c.inBrackets(f.pct(all > 0 ? totals[k] / all : Number.NaN, lang, 0))}</span>`)}
      <span id="flow-total">${c.total} <b>${f.money(all, lang)}</b>${baseline !== undefined ? c.inBrackets(c.baselineTotal(f.money(baseline, lang))) : ''}</span></p>`;
  }

  private drawCharts() {
    const lang = this.lang;
    const s = STRINGS[lang];
    const c = s.classroom;
    const { sc, bs } = this.data();
    if (!sc) return;
    const cursor = Math.min(this.playback.cursor, Math.max(0, sc.done - 1));
    const chart = (id: string) => this.querySelector<YiwuChart>(`#${id}`);
    const fontScale = window.innerWidth / 1280;
    const look = { big: true, cursor, fontScale, zeroBased: true };
    const watch = this.watch();
    const wi = findSeries(watch.metric, watch.dims);
    if (wi !== undefined) {
      const scenario = this.watched(sc, wi, watch)!;
      const b = band(this.runner.view('scenario').band, wi, { values: sc.values[wi], done: sc.done });
      // an averaged line gets its band's limits averaged the same way (a little wider than the seeds' spread of averages)
      const smooth = (a: Float64Array) => (watch.average ? trailingMean(a, a.length, watch.average) : a);
      const lines: Line[] = [
        { name: s.legendScenario, data: scenario, done: sc.done, color: SCENARIO_COLOR, band: b ? { lo: smooth(b.lo), hi: smooth(b.hi) } : undefined, bandName: s.band },
        { name: s.legendBaseline, data: this.watched(bs, wi, watch), done: bs?.done ?? 0, color: BASELINE_COLOR, dashed: true },
      ];
      chart('class-watch')?.setOption(timeOption(sc.months, lines, kindOf(watch.metric), lang, look));
    }
    const view = chart('class-view');
    if (!view) return;
    if (this.view === 'flows') {
      const flows = this.flows(sc, cursor);
      // the baseline over the same months, once it has reached them (a step's answer may compare the two)
      const base = this.flowBaseline(sc, bs, cursor);
      const baseFlows = base ? this.flows(base, cursor) : undefined;
      view.setOption(flowOption(c.hub, CHANNELS.map((ch, k) => ({ name: tx(CHANNEL_TEXT[ch], lang), color: CHANNEL_COLORS[k] })),
        FOREIGN_REGIONS.map((r) => regionLabel(r, lang)), flows, lang, { big: true, fontScale },
        baseFlows && { regions: FOREIGN_REGIONS.map((_, j) => sumOf(baseFlows.map((row) => row[j]))), noise: this.flowNoise(cursor) }));
    } else if (this.view === 'merchants') {
      view.setOption(stackedBarOption(STAGES.map((g) => tx(STAGE_TEXT[g], lang)), DIGITAL_LEVELS.map((level, l) => ({
        name: tx(LEVEL_TEXT[level], lang),
        values: STAGES.map((stage) => sc.values[idx(`merchants_level_${level}`, { stage })][cursor]),
        color: LEVEL_COLORS[l],
      })), 'number', lang, { big: true, fontScale, width: view.clientWidth, axis: this.merchantsAxis(sc) }));
    } else if (this.view === 'smile') {
      // the month shown: each stage's margin that month, and where the merchants are at its end
      const side = (x: Shown, name: string, color: string, dashed = false) => ({
        name, color, dashed,
        margin: alongSmile(STAGES.map((stage) => x.values[idx('margin_by_stage', { stage })][cursor])),
        share: alongSmile(merchantSharesByStage(x, cursor)),
      });
      const sides = [side(sc, s.legendScenario, SCENARIO_COLOR)];
      if (bs && cursor < bs.done) sides.push(side(bs, s.legendBaseline, BASELINE_COLOR, true));
      view.setOption(smileOption(smileStageNames(lang), sides, { ...s.smileWords, pp: s.pp }, lang, { big: true, fontScale }));
    } else {
      const lines: Line[] = [];
      CHANNELS.forEach((channel, k) => {
        const i = idx('trade_value_usd', { channel });
        const name = tx(CHANNEL_TEXT[channel], lang);
        lines.push({ name, data: sc.values[i], done: sc.done, color: CHANNEL_COLORS[k] });
        lines.push({ name, data: bs?.values[i], done: bs?.done ?? 0, color: CHANNEL_COLORS[k], dashed: true });
      });
      view.setOption(timeOption(sc.months, lines, 'money', lang, look));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yiwu-classroom': YiwuClassroom;
  }
}

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** First month of the flow chart's window: the 12 months up to the cursor (fewer at the start). */
function flowWindowStart(cursor: number): number {
  return Math.max(0, cursor - 11);
}
