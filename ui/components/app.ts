/**
 * <yiwu-app>: the policy sandbox. Holds the scenario being edited, the chosen baseline and
 * seed, the language; sends every change to the Runner (latest input wins) and draws cards,
 * charts and the policy report from what the workers stream back.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  resolveScenario, parseScenarioText, ScenarioError, pruneDefaults, controlForProblemPath, MODEL_VERSION,
  CHANNELS, MODES, DIGITAL_LEVELS, type Problem, type Text, POLICY_START, DEFAULT_SCALE, horizonNotes,
} from '../../sim/index.ts';
import { problemMessage } from '../i18n/problems.ts';
import { STRINGS, browserLang, tx, type Lang } from '../i18n/index.ts';
import { Runner, PREVIEW_SCALE, BAND_SEEDS, bandScale, type Side, type SideRequest } from '../runner.ts';
import { PRESETS, presetByName, presetTitle } from '../presets.ts';
import { baselineLike, timeWindow } from '../compare.ts';
import { readLink, writeLink, parseSeed, MAX_SEED, MAX_LINK_CHARS, type SharedState } from '../share.ts';
import { shown, trailingMean, lastYear, comparedYear, yearFigures, policyReport, reportTotal, band, pairedNoise, reportNoise, REPORT_TOTAL, type Shown, type YearFigures, type ReportRow, type ReportNoise } from '../results.ts';
import { idx, EXPORT_MODES, FOREIGN_REGIONS } from '../series.ts';
import { timeOption, barOption, smileOption, yearOption, PALETTE, CHANNEL_COLORS, LEVEL_COLORS, SCENARIO_COLOR, BASELINE_COLOR, type Line } from '../charts.ts';
import { YIWU_TRADE, totalTradeBnYuan, b2cIndex } from '../context.ts';
import * as f from '../format.ts';
import { tooBig, isLessonFile, problemLines, focusLost, downloadText, type Message } from '../files.ts';
import { alongSmile, smileStageNames, CHANNEL_TEXT, MODE_TEXT, LEVEL_TEXT, regionLabel } from '../labels.ts';
import { bilingual, type OwnText } from '../../sim/schema/labels.ts';
import './levers.ts';
import './chart.ts';
import './sweep.ts';
import './classroom.ts';
import type { LessonScenario, ClassroomPlace, YiwuClassroom } from './classroom.ts';
import { LESSONS, describeLevers } from '../lessons.ts';
import type { YiwuChart } from './chart.ts';
import type { EChartsCoreOption } from 'echarts/core';

type Obj = Record<string, unknown>;
/** Months the credit chart averages over (its lines and band): a month's lending swings with its few large applications. */
const CREDIT_AVERAGE_MONTHS = 12;
const scaleOf = (o: Obj) => (typeof o.scale === 'number' ? o.scale : DEFAULT_SCALE);
/**
 * What the scenario's time window means, as sentences (none for the model's own window): from
 * sim/schema/horizon.ts, and, for a run that ends before the sliders' targets start (POLICY_START),
 * that a target set by a slider changes nothing in it. Shown beside the cards for as long as the
 * scenario has that window, however it came (a file, a link, a lesson's sandbox).
 */
function windowNotes(input: Obj, lang: Lang): string[] {
  const time = timeWindow(input);
  const notes = horizonNotes(time, f.month).map((n) => (lang === 'zh' ? `${n.zh}。` : `${n.en[0].toUpperCase()}${n.en.slice(1)}.`));
  if (time.end < POLICY_START) notes.push(STRINGS[lang].targetsAfterRun(f.month(POLICY_START, lang)));
  return notes;
}

/** The lever panel's entry a problem at `path` belongs to: a control's id, 'shocks', or '' (none). */
function leverOf(path: string, input: unknown): string {
  const c = controlForProblemPath(path, input);
  return c ? c.id : path.startsWith('shocks') ? 'shocks' : '';
}
/** A problem of a loaded file, shown beside its lever. */
interface FieldProblem {
  file: string;
  path: string;
  message: string;
}

/** The progress bar's fill, in %: runs done, and the streaming full run's months so far (it would sit empty while the full run streams). */
function progressWidth(p: { total: number; complete: number; mainDone: number; mainMonths: number }): number {
  if (!p.total) return 0;
  const streaming = p.mainMonths > 0 && p.mainDone < p.mainMonths ? p.mainDone / p.mainMonths : 0;
  return Math.round((100 * Math.min(p.total, p.complete + streaming)) / p.total);
}

/** True when the address's query opens the classroom (`?classroom`, `?lesson=<id>`). */
const wantsClassroom = (query: URLSearchParams) => query.has('classroom') || query.has('lesson');
/** The built-in lesson the address names, or the first. */
const lessonAt = (query: URLSearchParams) => Math.max(0, LESSONS.findIndex((l) => l.id === query.get('lesson')));

@customElement('yiwu-app')
export class YiwuApp extends LitElement {
  @state() override lang: Lang = browserLang(navigator.languages ?? [navigator.language]);
  @state() scenario: Obj = {};
  @state() presetName = 'baseline';
  @state() baselineName = 'baseline';
  @state() seed = 1;
  @state() messages: Message[] = [];
  @state() fieldProblems: Record<string, FieldProblem[]> = {};
  /** The sandbox's lever problems while the classroom runs its own scenarios: given back on leaving, with the sandbox's scenario. */
  private sandboxFieldProblems: Record<string, FieldProblem[]> = {};
  @state() tick = 0;
  @state() dragging = false;
  @state() shareText = '';
  /** Classroom mode (components/classroom.ts) instead of the sandbox; `?classroom` or `?lesson=<id>` in the address opens it. */
  @state() classroom = false;
  initialLesson = 0;
  /** Where the class was when it left the classroom: the Classroom button brings it back there. */
  private classroomPlace?: ClassroomPlace;
  /** The scenarios of the lesson's next steps (computed in the background while the class reads). */
  private lessonNext: Array<{ scenario: Obj; baseline: string }> = [];
  // leave one core to the page: on a 2-core machine two busy workers starve the main thread
  runner = new Runner(Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1)));

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    const stored = localStorage.getItem('yiwu-lang');
    if (stored === 'en' || stored === 'zh') this.lang = stored;
    this.readLocation();
    const query = new URLSearchParams(location.search);
    if (wantsClassroom(query)) {
      this.classroom = true;
      this.initialLesson = lessonAt(query);
    }
    this.runner.onUpdate(() => { this.tick++; });
    (window as unknown as { __runner: Runner }).__runner = this.runner; // for the browser benchmark
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('popstate', this.onHistory);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
    this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('popstate', this.onHistory);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    this.runner.dispose();
  }

  private ownHash = '';
  /**
   * A link that could not be opened stays in the address until the user changes something, so
   * they can still see, copy and report (or mend) what they were sent; the page shows the baseline.
   */
  private keepAddress = false;
  private linkTimer: ReturnType<typeof setTimeout> | undefined;
  private onHash = () => {
    if (location.hash === this.ownHash) return;
    this.readLocation();
    this.start();
  };

  /**
   * The browser's Back and Forward between the sandbox and the classroom (entering and leaving by
   * the buttons each add a history entry): the address says which one to show.
   */
  private onHistory = () => {
    const query = new URLSearchParams(location.search);
    const classroom = wantsClassroom(query);
    if (classroom === this.classroom) return;
    if (classroom) {
      this.initialLesson = lessonAt(query);
      this.enterClassroom();
    } else this.querySelector<YiwuClassroom>('yiwu-classroom')?.leave();
  };

  /** Applies the share link in the address, or falls back to the baseline with a message. */
  private readLocation() {
    const link = readLink(location.hash, MODEL_VERSION);
    const fallback = () => {
      this.keepAddress = true;
      this.scenario = {};
      this.presetName = 'baseline';
      this.baselineName = 'baseline';
      this.seed = 1;
    };
    if (link.kind === 'none') {
      // an anchor of the page (the skip link's #results) is not a link to a scenario; anything else is a damaged link
      const anchor = location.hash.slice(1);
      if (anchor && anchor !== 'results') {
        fallback();
        this.messages = [{ kind: 'error', about: 'link', text: (l) => STRINGS[l].linkBroken }];
      }
      return;
    }
    if (link.kind === 'tooLong') { fallback(); this.messages = [{ kind: 'error', about: 'link', text: (l) => STRINGS[l].linkTooLong(link.length, MAX_LINK_CHARS) }]; return; }
    if (link.kind === 'broken') {
      fallback();
      const { field } = link;
      this.messages = [{ kind: 'error', about: 'link', text: (l) => (field ? STRINGS[l].linkBadField(field.name, field.value, MAX_SEED) : STRINGS[l].linkBroken) }];
      return;
    }
    if (link.kind === 'outdated') {
      fallback();
      const { state } = link;
      // the scenario still reads: offer it with this model, saying its numbers are not the sender's
      const action = state && {
        label: (l: Lang) => STRINGS[l].linkOpenAnyway(MODEL_VERSION),
        run: () => {
          this.messages = [];
          if (!this.applyLink(state)) return;
          this.start();
          // (after start(): the note is about the link, and goes with the user's first change)
          this.messages = [{ kind: 'info', about: 'link', text: (l) => STRINGS[l].linkOpenedAnyway(state.version, MODEL_VERSION) }, ...this.messages];
          // the button is gone: focus goes to the note that replaced it, not to the page's start
          void this.updateComplete.then(() => this.querySelector<HTMLElement>('.message.info .dismiss')?.focus());
        },
      };
      this.messages = [{ kind: 'error', about: 'link', text: (l) => STRINGS[l].linkOutdated(link.version, MODEL_VERSION, state !== undefined), ...(action ? { action } : {}) }];
      return;
    }
    if (!this.applyLink(link.state)) fallback();
  }

  /** Shows a link's scenario, seed and baseline; false (with the problems said) when the scenario is not valid. */
  private applyLink(state: SharedState): boolean {
    try {
      resolveScenario(state.scenario);
    } catch (e) {
      const problems = e instanceof ScenarioError ? e.problems : [{ path: '', message: String(e) }];
      this.messages = [{ kind: 'error', text: (l) => STRINGS[l].linkInvalid(problems.length), about: 'link', details: (l) => problemLines(problems, 10, (p) => this.problemText(p, state.scenario, l), l) }];
      return false;
    }
    this.scenario = state.scenario as Obj;
    this.seed = state.seed;
    this.presetName = this.matchPreset(this.scenario);
    if (state.baseline && !presetByName(state.baseline)) {
      const unknown = state.baseline;
      this.messages = [{ kind: 'info', text: (l) => STRINGS[l].unknownBaseline(unknown) }];
      this.baselineName = 'baseline';
    } else this.baselineName = state.baseline ?? 'baseline';
    return true;
  }

  private matchPreset(sc: Obj): string {
    // by what the scenario sets, not its name: an empty scenario is the baseline
    const settings = (o: Obj) => { const { name: _n, ...rest } = pruneDefaults(o); void _n; return JSON.stringify(rest); };
    const mine = settings(sc);
    return PRESETS.find((p) => settings(p.scenario) === mine)?.name ?? '';
  }

  private problemText(p: Problem, input: unknown, lang: Lang): string {
    const c = controlForProblemPath(p.path, input);
    const name = c ? `${tx(c.meta.label, lang)}${c.table ? ` (${tx(c.table.rowLabel, lang)})` : ''} — ` : '';
    return `${name}${p.path ? `${p.path}: ` : ''}${problemMessage(p.message, lang)}`;
  }

  /**
   * The loaded file's problems by lever, in `lang`: the same object until they or the language
   * change, so the lever panel is not rendered again on every streamed update of the results.
   */
  private fieldProblemTexts(lang: Lang): Record<string, string[]> {
    const memo = this.problemTextsMemo;
    if (memo && memo.source === this.fieldProblems && memo.lang === lang) return memo.texts;
    const texts = Object.fromEntries(Object.entries(this.fieldProblems).map(([id, list]) => [id, list.map((p) => STRINGS[lang].fileFieldProblem(p.file, p.path, problemMessage(p.message, lang)))]));
    this.problemTextsMemo = { source: this.fieldProblems, lang, texts };
    return texts;
  }
  private problemTextsMemo?: { source: Record<string, FieldProblem[]>; lang: Lang; texts: Record<string, string[]> };

  /**
   * What the lever panel marks beside each lever: a loaded file's problems, and those of a
   * scenario the model refused to run (the same object while neither changes, as above).
   */
  private leverProblemTexts(lang: Lang): Record<string, string[]> {
    const fromFile = this.fieldProblemTexts(lang);
    const refused = this.runner.view('scenario').main?.problems;
    const memo = this.leverTextsMemo;
    if (memo && memo.fromFile === fromFile && memo.refused === refused) return memo.texts;
    const texts: Record<string, string[]> = { ...fromFile };
    for (const p of refused ?? []) {
      const key = leverOf(p.path, this.scenario);
      if (key) texts[key] = [...(texts[key] ?? []), problemMessage(p.message, lang)];
    }
    this.leverTextsMemo = { fromFile, refused, texts };
    return texts;
  }
  private leverTextsMemo?: { fromFile: Record<string, string[]>; refused?: Problem[]; texts: Record<string, string[]> };

  /** Sends the current state to the runner and writes the share link. */
  private start() {
    const scen = pruneDefaults(this.scenario);
    const [scenarioRun, baselineRun] = this.runsOf(scen);
    this.runner.request(scenarioRun, baselineRun);
    // what is shown is now the new request's (nothing until its first months arrive), not the
    // previous one's as cached for the last update
    this.tick++;
    this.prefetchLikelyNext();
    this.shareText = '';
    if (this.keepAddress) {
      this.keepAddress = false;
      this.ownHash = location.hash;
      return;
    }
    // the user has changed something: a message about the link opened no longer says what is shown
    if (this.messages.some((m) => m.about === 'link')) this.messages = this.messages.filter((m) => m.about !== 'link');
    const link = this.linkOfShown(scen);
    this.ownHash = link;
    // the address is updated when the page is idle: replaceState costs ~30 ms in Chromium, which
    // would otherwise join the change's own task and make it a long one
    clearTimeout(this.linkTimer);
    const write = () => { if (location.hash !== link && this.ownHash === link) history.replaceState(null, '', link); };
    this.linkTimer = setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(write, { timeout: 1000 }) : write()), 0);
    this.shareText = '';
  }

  /**
   * While the page is idle, the runs a user is likely to ask for next, so that is instant: each
   * preset's in the sandbox, the lesson's next steps' in the classroom.
   */
  private prefetchLikelyNext() {
    this.runner.prefetch(this.classroom
      ? this.lessonNext.flatMap((n) => this.runsOf(pruneDefaults(n.scenario), n.baseline))
      : PRESETS.flatMap((p) => this.runsOf(pruneDefaults(p.scenario as Obj))));
  }

  /** The runs a scenario (defaults pruned) is shown with: its own and its baseline's, at this seed. */
  private runsOf(scen: Obj, baselineName = this.baselineName): [SideRequest, SideRequest] {
    const runInput = (o: Obj) => { const { name: _n, ...rest } = o; void _n; return rest; };
    const baseline = this.baselineInput(scen, baselineName);
    return [
      { input: runInput(scen), seed: this.seed, scale: scaleOf(scen) },
      { input: runInput(baseline), seed: this.seed, scale: scaleOf(baseline) },
    ];
  }

  /** The baseline preset's policies at the scenario's scale and time window (ui/compare.ts), defaults pruned. */
  private baselineInput(scenario: Obj, baselineName = this.baselineName): Obj {
    return pruneDefaults(baselineLike(presetByName(baselineName)?.scenario ?? {}, scenario));
  }

  /**
   * A seed typed in the box: a whole number from 0 to 2³¹ − 1 runs; anything else (empty, −1,
   * 1.5, 1e12, "abc") is refused with a message naming what was typed, what is allowed and the
   * seed still in use (so the results, the link and the exports keep agreeing with it).
   */
  private setSeedText(text: string) {
    const seed = parseSeed(text);
    if (seed === undefined) {
      const kept = this.seed;
      this.messages = [{ kind: 'error', about: 'seed', text: (l) => STRINGS[l].seedInvalid(text.trim(), MAX_SEED, kept) }];
      return;
    }
    this.messages = this.messages.filter((m) => m.about !== 'seed');
    if (seed === this.seed) return;
    this.seed = seed;
    this.start();
  }

  private setScenario(next: Obj, preset = '') {
    this.scenario = next;
    this.presetName = preset || this.matchPreset(next);
    this.fieldProblems = {};
    this.start();
  }

  // ---------------------------------------------------------------- files
  private onDragOver = (e: DragEvent) => { e.preventDefault(); this.dragging = true; };
  private onDragLeave = (e: DragEvent) => { if (e.relatedTarget === null) this.dragging = false; };
  private onDrop = (e: DragEvent) => {
    e.preventDefault();
    this.dragging = false;
    const file = e.dataTransfer?.files?.[0];
    if (file) void this.loadFile(file);
  };

  /** Loads a scenario file (picker or drop) and brings what it says into view: a file dropped far down the page gets its answer where the eye is. */
  async loadFile(file: File) {
    await this.readFile(file);
    await this.updateComplete;
    this.querySelector('.message')?.scrollIntoView({ block: 'nearest' });
  }

  private async readFile(file: File) {
    const name = file.name.slice(0, 80);
    const big = tooBig(file, name);
    if (big) {
      this.messages = [big];
      return;
    }
    const text = await file.text();
    let raw: unknown;
    try {
      raw = parseScenarioText(text, name);
      // a lesson file brought to the sandbox: say where it goes rather than list scenario errors
      if (isLessonFile(raw)) {
        this.messages = [{ kind: 'error', text: (l) => STRINGS[l].lessonNotScenario(name) }];
        return;
      }
      resolveScenario(raw as object, { origin: name });
    } catch (e) {
      const problems = e instanceof ScenarioError ? e.problems : [{ path: '', message: String((e as Error).message) }];
      const byControl: Record<string, FieldProblem[]> = {};
      for (const p of problems) {
        const key = leverOf(p.path, raw);
        if (key) byControl[key] = [...(byControl[key] ?? []), { file: name, path: p.path, message: p.message }];
      }
      this.fieldProblems = byControl;
      this.messages = [{ kind: 'error', text: (l) => STRINGS[l].fileProblems(name, problems.length), details: (l) => problemLines(problems, 20, (p) => this.problemText(p, raw, l), l) }];
      return;
    }
    const obj = raw as Obj;
    this.messages = [{ kind: 'info', text: (l) => STRINGS[l].fileLoaded(name) }];
    if (typeof obj.seed === 'number') this.seed = obj.seed;
    const { seed: _seed, $schema: _schema, ...rest } = obj;
    void _seed; void _schema;
    this.setScenario(rest);
    this.fieldProblems = {};
  }

  /**
   * A custom scenario's own title and description, from the file or link it came from (a preset's,
   * kept in its scenario once a lever is moved, are not the changed scenario's: as the JSON export).
   */
  private ownText(): { title?: Text; description?: Text } {
    const sc = this.scenario;
    if (this.presetName || (typeof sc.name === 'string' && presetByName(sc.name))) return {};
    // (every scenario shown was validated on its way in: a title there is text in one language or both)
    const { title, description } = sc as { title?: OwnText; description?: OwnText };
    return { ...(title && { title: bilingual(title) }), ...(description && { description: bilingual(description) }) };
  }

  private scenarioFileName() {
    const name = typeof this.scenario.name === 'string' && (this.presetName || !presetByName(this.scenario.name)) ? this.scenario.name : this.presetName || 'custom-scenario';
    return name.replace(/[^a-z0-9-]/g, '') || 'scenario';
  }

  /** timeseries.csv of the scenario's or the baseline's run (the CLI's format), named after the run and its seed. */
  private async exportCsv(side: Side) {
    this.messages = [{ kind: 'info', text: (l) => STRINGS[l].preparingCsv }];
    const scen = pruneDefaults(this.scenario);
    const input = side === 'scenario' ? scen : this.baselineInput(scen);
    const text = await this.runner.csv(input, this.seed);
    this.messages = [];
    const stem = side === 'scenario' ? this.scenarioFileName() : `baseline-${this.baselineName}`;
    downloadText(`${stem}-seed${this.seed}-timeseries.csv`, text, 'text/csv');
  }

  /** The scenario as a file: a preset's name, title and description only while it is unchanged. */
  private exportJson() {
    const own = pruneDefaults(this.scenario, { keepText: true });
    if (!this.presetName && typeof own.name === 'string' && presetByName(own.name)) {
      delete own.name; delete own.title; delete own.description;
    }
    const out = { $schema: './scenario.schema.json', ...own, seed: this.seed };
    downloadText(`${this.scenarioFileName()}.json`, JSON.stringify(out, null, 2) + '\n', 'application/json');
  }

  /**
   * The share link of what is shown (`scen`: the scenario without its defaults), with a custom
   * scenario's own title and description as long as the link stays one the page opens.
   */
  private linkOfShown(scen: Obj = pruneDefaults(this.scenario)): string {
    const linkFor = (scenario: Obj) => writeLink({ version: MODEL_VERSION, seed: this.seed, baseline: this.baselineName === 'baseline' ? undefined : this.baselineName, scenario });
    const withText = { ...scen, ...this.ownText() };
    const { description: _d, ...withTitle } = withText;
    void _d;
    return [withText, withTitle, scen].map(linkFor).find((l) => l.length <= MAX_LINK_CHARS) ?? linkFor(scen);
  }

  private async share() {
    // what is shown: while a link that could not be opened stays in the address, not that link
    const url = `${location.origin}${location.pathname}${location.search}${this.linkOfShown()}`;
    try {
      await navigator.clipboard.writeText(url);
      // beside the messages already shown (an outdated link's keeps its button)
      this.messages = [...this.messages.filter((m) => m.about !== 'copied'), { kind: 'info', about: 'copied', text: (l) => STRINGS[l].shareCopied }];
    } catch {
      this.shareText = url;
    }
  }

  private setLang(lang: Lang) {
    this.lang = lang;
    localStorage.setItem('yiwu-lang', lang);
  }

  override updated() {
    // only when the language changes: setting the root's lang, even to the same value, made the
    // browser restyle the whole page (~970 elements, 7–30 ms) on every update while runs stream
    const lang = this.lang === 'zh' ? 'zh-CN' : 'en';
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (document.title !== STRINGS[this.lang].appTitle) document.title = STRINGS[this.lang].appTitle;
    this.drawCharts();
  }

  // ---------------------------------------------------------------- render
  private shownCache: { tick: number; sc?: Shown; bs?: Shown } = { tick: -1 };
  private shownNow(): { sc?: Shown; bs?: Shown } {
    if (this.shownCache.tick !== this.tick) this.shownCache = { tick: this.tick, sc: shown(this.runner.view('scenario')), bs: shown(this.runner.view('baseline')) };
    return this.shownCache;
  }

  /**
   * What a scenario that is no preset sets, in words (the charts' PNGs say what they are a result
   * of); kept until the scenario or the language changes, not made again on every streamed redraw.
   */
  private customSettings(lang: Lang): string[] {
    const memo = this.settingsMemo;
    if (memo && memo.scenario === this.scenario && memo.preset === this.presetName && memo.lang === lang) return memo.lines;
    const { name: _name, ...custom } = pruneDefaults(this.scenario);
    void _name;
    const c = STRINGS[lang].classroom;
    const lines = this.presetName ? [] : describeLevers(custom, lang, c.byMonth, c.shock, c.fromMonth);
    this.settingsMemo = { scenario: this.scenario, preset: this.presetName, lang, lines };
    return lines;
  }
  private settingsMemo?: { scenario: Obj; preset: string; lang: Lang; lines: string[] };

  /** The scenario's title: its own (a loaded file's), the preset's, or "Custom scenario". */
  private scenarioTitle(lang: Lang): string {
    const own = this.ownText();
    return own.title ? tx(own.title, lang) : presetTitle(this.presetName, lang, STRINGS[lang].custom);
  }

  /** The scenario in words, its title and what it sets (the sweep's PNG says what it ran on). */
  private readonly describeScenario = (lang: Lang): string => {
    const settings = this.customSettings(lang);
    return `${this.scenarioTitle(lang)}${settings.length ? STRINGS[lang].afterTitle(settings) : ''}`;
  };

  /** Back from the classroom, focus returns to the button that entered it (it would fall to the page's start). */
  private async focusClassroomButton() {
    await this.updateComplete;
    if (focusLost()) this.querySelector<HTMLElement>('#classroom')?.focus();
  }

  private enterClassroom() {
    this.sandboxFieldProblems = this.fieldProblems;
    this.classroom = true;
  }

  /** A lesson step runs its scenario against the lesson's starting preset. */
  private onLessonScenario(e: CustomEvent<LessonScenario>) {
    this.lessonNext = e.detail.next ?? [];
    this.scenario = e.detail.scenario;
    this.presetName = this.matchPreset(e.detail.scenario);
    this.baselineName = e.detail.baseline;
    this.fieldProblems = {};
    // a step taken to the sandbox replaces the sandbox's scenario: the problems of a file refused there go with it
    if (e.detail.fromStep) this.sandboxFieldProblems = {};
    this.start();
  }

  override render() {
    void this.tick;
    if (this.classroom) {
      return html`<yiwu-classroom .lang=${this.lang} .runner=${this.runner} .tick=${this.tick} .lessonIndex=${this.initialLesson} .resume=${this.classroomPlace}
        @lesson-scenario=${(e: CustomEvent<LessonScenario>) => this.onLessonScenario(e)}
        @set-lang=${(e: CustomEvent<Lang>) => this.setLang(e.detail)}
        @exit-classroom=${(e: CustomEvent<ClassroomPlace>) => { this.classroomPlace = e.detail; this.classroom = false; this.fieldProblems = this.sandboxFieldProblems; this.prefetchLikelyNext(); void this.focusClassroomButton(); }}></yiwu-classroom>`;
    }
    const lang = this.lang;
    const s = STRINGS[lang];
    const preset = presetByName(this.presetName);
    const pngStem = `${this.scenarioFileName()}-vs-${this.baselineName}-seed${this.seed}`;
    const own = this.ownText();
    const scenarioTitle = this.scenarioTitle(lang);
    const baselineTitle = presetTitle(this.baselineName, lang, this.baselineName);
    const provenance = s.pngProvenance(this.describeScenario(lang), baselineTitle, this.seed, MODEL_VERSION);
    const progress = this.runner.progress();
    const busy = progress.complete < progress.total;
    // once the full run has its last month, what is left is the band's seeds: said so
    const mainDone = progress.mainMonths > 0 && progress.mainDone >= progress.mainMonths;
    const busyText = (month: string) => (mainDone ? s.progressBand : s.progress)(month, progress.complete, progress.total);
    const { sc, bs } = this.shownNow();
    return html`
      <a class="skip" href="#results">${s.skipToCharts}</a>
      <header class="top">
        <div class="brand"><h1>${s.appTitle}</h1><p>${s.appSubtitle}</p></div>
        <div class="pickers">
          <label>${s.scenario}
            <select id="preset" title=${scenarioTitle} @change=${(e: Event) => {
              const name = (e.target as HTMLSelectElement).value;
              const p = presetByName(name);
              if (p) this.setScenario(JSON.parse(JSON.stringify(p.scenario)) as Obj, name);
            }}>
              ${this.presetName === '' ? html`<option value="" selected>${scenarioTitle}</option>` : nothing}
              ${PRESETS.map((p) => html`<option value=${p.name} ?selected=${p.name === this.presetName}>${tx(p.title, lang)}</option>`)}
            </select></label>
          <label>${s.baseline}
            <select id="baseline" title=${baselineTitle} @change=${(e: Event) => { this.baselineName = (e.target as HTMLSelectElement).value; this.start(); }}>
              ${PRESETS.map((p) => html`<option value=${p.name} ?selected=${p.name === this.baselineName}>${tx(p.title, lang)}</option>`)}
            </select></label>
          <label>${s.seed}
            <input id="seed" type="text" inputmode="numeric" class="num seed" .value=${String(this.seed)}
              aria-invalid=${this.messages.some((m) => m.about === 'seed') ? 'true' : 'false'}
              @change=${(e: Event) => this.setSeedText((e.target as HTMLInputElement).value)} /></label>
        </div>
        <div class="actions">
          <button type="button" id="share" @click=${() => this.share()}>${s.share}</button>
          <button type="button" id="export-csv" @click=${() => this.exportCsv('scenario')}>${s.exportCsv}</button>
          <button type="button" id="export-baseline-csv" @click=${() => this.exportCsv('baseline')}>${s.exportBaselineCsv}</button>
          <button type="button" id="export-json" @click=${() => this.exportJson()}>${s.exportJson}</button>
          <label class="button" for="file">${s.loadFile}</label>
          <input id="file" type="file" accept=".json,application/json" class="visually-hidden"
            @change=${(e: Event) => { const input = e.target as HTMLInputElement; const file = input.files?.[0]; input.value = ''; if (file) void this.loadFile(file); }} />
          <button type="button" id="classroom" aria-label=${s.classroom.enterLabel} @click=${() => {
            // a history entry of its own: the browser's Back returns to the sandbox
            history.pushState(history.state, '', location.href);
            this.initialLesson = 0;
            this.enterClassroom();
          }}>${s.classroom.enter}</button>
          <button type="button" id="lang" lang=${lang === 'en' ? 'zh' : 'en'} aria-label=${s.switchLanguageLabel} @click=${() => this.setLang(lang === 'en' ? 'zh' : 'en')}>${s.switchLanguage}</button>
        </div>
      </header>
      <div class="status" role="status" aria-live="polite">
        <div class="progress ${busy ? 'busy' : 'idle'}" role="progressbar" aria-valuemin="0" aria-valuemax=${progress.total} aria-valuenow=${progress.complete}
          aria-label=${busy ? busyText(sc?.months[Math.max(0, progress.mainDone - 1)] ?? '…') : s.progressDone(progress.total, '')}>
          <div class="bar" style="width:${progressWidth(progress)}%"></div>
        </div>
        <span id="progress-text">${busy
          ? busyText(progress.mainMonths ? f.month(sc?.months[Math.max(0, progress.mainDone - 1)] ?? '', lang) : '…')
          : this.failedSides().length ? s.runStopped : this.runner.fromCache ? s.progressCached(progress.total)
          : s.progressDone(progress.total, this.runner.completeAt ? f.ms(this.runner.completeAt - this.runner.requestedAt, lang) : '–')}</span>
      </div>
      ${this.messages.map((m, i) => html`<div class="message ${m.kind}" role=${m.kind === 'error' ? 'alert' : 'status'}>
        <p>${m.text(lang)}</p>${m.details ? html`<ul>${m.details(lang).map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
        ${m.action ? html`<button type="button" class="message-action" @click=${m.action.run}>${m.action.label(lang)}</button>` : nothing}
        <button type="button" class="dismiss" aria-label=${s.dismiss} @click=${() => { this.messages = this.messages.filter((_, j) => j !== i); }}>✕</button>
      </div>`)}
      ${this.renderRunFailures()}
      ${this.shareText ? html`<div class="message info"><p>${s.shareShown}</p><input class="share-url" readonly .value=${this.shareText} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></div>` : nothing}
      ${this.dragging ? html`<div class="drop">${s.dropHere}</div>` : nothing}
      <div class="layout">
        <yiwu-levers .scenario=${this.scenario} .lang=${lang} .problems=${this.leverProblemTexts(lang)}
          @scenario-change=${(e: CustomEvent<Obj>) => this.setScenario(e.detail)}></yiwu-levers>
        <main id="results" tabindex="-1">
          ${preset ? html`<details class="about"><summary>${s.presetDescription}${lang === 'zh' ? '：' : ': '}${tx(preset.title, lang)}</summary><p>${tx(preset.description, lang)}</p></details>`
            : own.description ? html`<details class="about"><summary>${s.presetDescription}${lang === 'zh' ? '：' : ': '}${scenarioTitle}</summary><p>${tx(own.description, lang)}</p></details>` : nothing}
          ${this.renderWindowNote(lang)}
          ${this.renderCards(sc, bs)}
          <div class="charts">
            ${['trade', 'adoption', 'regions', 'smile', 'freight', 'transit', 'credit'].map((id) => html`<yiwu-chart id="chart-${id}" chartId=${id}
              heading=${s.charts[id]} unit=${s.charts[`${id}Unit`]} keyText=${`${s.legendScenario} ── · ${s.legendBaseline} - - -`} pngLabel=${s.exportPng} pngTitle=${s.exportPngOf(s.charts[id])}
              provenance=${provenance} fileName=${`${pngStem}-${id}`}></yiwu-chart>`)}
            ${(['contextTrade', 'contextB2c'] as const).map((id) => html`<yiwu-chart id="chart-${id}" chartId=${id}
              heading=${s.charts[id]} unit=${s.charts[`${id}Unit`]} keyText=${id === 'contextTrade' ? s.context.tradeKey : s.context.b2cKey} pngLabel=${s.exportPng} pngTitle=${s.exportPngOf(s.charts[id])}
              provenance=${provenance} fileName=${`${pngStem}-${id}`}></yiwu-chart>`)}
          </div>
          <p class="note band-note">${this.bandNoteText(lang)} ${sc?.preview ? s.previewNote(f.num(PREVIEW_SCALE, lang)) : ''}</p>
          <yiwu-sweep .scenario=${this.scenario} .seed=${this.seed} .lang=${lang} .describeScenario=${this.describeScenario}></yiwu-sweep>
          ${this.renderReport(sc, bs)}
          <footer><p>${s.footer} · ${s.modelVersion(MODEL_VERSION)}</p></footer>
        </main>
      </div>`;
  }

  private figuresMemo: { sc?: Shown; bs?: Shown; value?: { year: number; a: YearFigures; b: YearFigures } } = {};
  /** The last full year's figures of both sides (cards, report, bar charts): computed once per data update. */
  private figures(sc: Shown | undefined, bs: Shown | undefined): { year: number; a: YearFigures; b: YearFigures } | undefined {
    const memo = this.figuresMemo;
    if (memo.sc !== sc || memo.bs !== bs) this.figuresMemo = { sc, bs, value: this.computeFigures(sc, bs) };
    return this.figuresMemo.value;
  }

  /**
   * The final year's figures for the cards and the report: while a new run streams towards that
   * year, the last ones shown stay up, marked as being updated (blanking every card to "computing…"
   * for most of a second on each change read as a flicker); none once a run has been refused.
   */
  private shownFigures(sc: Shown | undefined, bs: Shown | undefined): { fig?: { year: number; a: YearFigures; b: YearFigures }; stale: boolean } {
    const fig = this.figures(sc, bs);
    if (fig) {
      this.lastFigures = fig;
      return { fig, stale: false };
    }
    if (this.failedSides().length > 0 || this.noYearInCommon(sc, bs)) return { stale: false };
    return { fig: this.lastFigures, stale: this.lastFigures !== undefined };
  }

  /** True when both runs' months are known and they share no whole calendar year (nothing to compare, not "computing…"). */
  private noYearInCommon(sc: Shown | undefined, bs: Shown | undefined): boolean {
    return !!sc && !!bs && sc.months.length > 0 && bs.months.length > 0 && comparedYear(sc.months, bs.months) === undefined;
  }

  /** What a card or the report says while it has no figures: refused, nothing to compare, or still computing. */
  private noFiguresText(sc: Shown | undefined, bs: Shown | undefined): string {
    const s = STRINGS[this.lang];
    return this.failedSides().length ? s.notComputed : this.noYearInCommon(sc, bs) ? s.noWholeYear : s.computing;
  }
  private lastFigures?: { year: number; a: YearFigures; b: YearFigures };

  private computeFigures(sc: Shown | undefined, bs: Shown | undefined): { year: number; a: YearFigures; b: YearFigures } | undefined {
    if (!sc || !bs) return undefined;
    const year = comparedYear(sc.months, bs.months);
    if (year === undefined) return undefined;
    const ya = lastYear(sc, year);
    const yb = lastYear(bs, year);
    if (!ya || !yb) return undefined;
    return { year: ya.year, a: yearFigures(sc, ya, MODES), b: yearFigures(bs, yb, MODES) };
  }

  /** The sides whose full run the model refused (problems from the worker), with the input that was sent. */
  private failedSides(): Array<{ side: Side; problems: Problem[]; input: unknown }> {
    const out: Array<{ side: Side; problems: Problem[]; input: unknown }> = [];
    for (const side of ['scenario', 'baseline'] as const) {
      const problems = this.runner.view(side).main?.problems;
      if (problems) out.push({ side, problems, input: side === 'scenario' ? this.scenario : presetByName(this.baselineName)?.scenario });
    }
    return out;
  }

  /** A refused run is said, with the levers named, instead of cards waiting for results that will not come. */
  private renderRunFailures() {
    const lang = this.lang;
    return this.failedSides().map(({ side, problems, input }) => html`<div class="message error run-failed" role="alert" data-side=${side}>
      <p>${STRINGS[lang].runFailed(side, problems.length)}</p>
      <ul>${problemLines(problems, 10, (p) => this.problemText(p, input, lang), lang).map((line) => html`<li>${line}</li>`)}</ul>
    </div>`);
  }

  private renderCards(sc: Shown | undefined, bs: Shown | undefined) {
    const lang = this.lang;
    const s = STRINGS[lang];
    const { fig, stale } = this.shownFigures(sc, bs);
    const noFigures = this.noFiguresText(sc, bs);
    const endYear = sc ? sc.months[sc.months.length - 1]?.slice(0, 4) : '2030';
    type Card = [string, (y: YearFigures) => number, (v: number) => string, 'rel' | 'pp' | 'ratio'];
    const cards: Card[] = [
      ['totalTrade', (y) => y.totalTrade, (v) => f.money(v, lang), 'rel'],
      ['digitalShare', (y) => y.digitalShare, (v) => f.pct(v, lang), 'pp'],
      ['exporters', (y) => y.exporters, (v) => f.count(v, lang), 'rel'],
      ['merchants', (y) => y.merchants, (v) => f.count(v, lang), 'rel'],
      ['smile', (y) => y.smile, (v) => f.times(v, lang), 'rel'],
      ['rejection', (y) => y.rejection, (v) => f.pct(v, lang), 'pp'],
      ['landed', (y) => y.landed, (v) => f.times(v, lang), 'rel'],
    ];
    const baselinePreset = this.baselineName !== 'baseline' ? presetByName(this.baselineName) : undefined;
    const title = s.cardsTitle(year(fig?.year ?? endYear, lang), baselinePreset ? tx(baselinePreset.title, lang) : undefined);
    return html`<section class="cards ${stale ? 'stale' : ''}" aria-label=${title} aria-busy=${stale ? 'true' : 'false'}>
      <h2>${title}${stale ? html` <span class="updating">${s.updating}</span>` : nothing}</h2>
      <div class="card-grid">
      ${cards.map(([id, get, fmt, mode]) => {
        const a = fig ? get(fig.a) : Number.NaN;
        const b = fig ? get(fig.b) : Number.NaN;
        const d = mode === 'pp' ? a - b : b !== 0 ? a / b - 1 : Number.NaN;
        const tiny = Math.abs(d) < 0.0005;
        const delta = !fig ? '' : tiny ? s.same : mode === 'pp' ? f.pointChange(f.shownPointChange(a, b), lang, s.pp) : f.change(d, lang);
        const dir = !fig || tiny ? 'flat' : d > 0 ? 'up' : 'down';
        // a change smaller than what the seed alone moves is marked as such (paired band runs)
        const noise = fig && !tiny && !stale ? pairedNoise(this.runner.view('scenario').band, this.runner.view('baseline').band, fig.year, get, mode === 'pp', MODES) : undefined;
        const noiseText = noise === undefined ? '' : f.plusMinus(noise, lang, mode === 'pp' ? s.pp : undefined);
        // judged as the reader sees them too: a change that reads as large as the noise ("+0.3 pp",
        // "±0.3 pp") is within it, though unrounded it is a little larger
        const withinNoise = noise !== undefined && (Math.abs(d) <= noise || f.shownMagnitude(delta) <= f.shownMagnitude(noiseText));
        return html`<article class="card ${withinNoise ? 'noise' : ''}" data-card=${id}>
          <h3>${s.cards[id]}</h3>
          <p class="value" data-value>${fig ? fmt(a) : noFigures}</p>
          <p class="delta ${dir}" data-delta>${fig ? html`<span aria-hidden="true">${dir === 'up' ? '▲' : dir === 'down' ? '▼' : '＝'}</span> ${delta} ${s.vsBaseline}` : ''}</p>
          ${noise !== undefined ? html`<p class="card-noise" data-noise>${withinNoise ? s.withinNoise(noiseText) : s.seedNoise(noiseText)}</p>` : nothing}
          <p class="card-note">${id === 'rejection' && fig ? s.rejectionBase(f.count(fig.a.applications, lang), f.count(fig.b.applications, lang)) : s.cardNotes[id]}${fig ? html` · ${s.baseline}${lang === 'zh' ? '：' : ': '}<span class="nowrap">${fmt(b)}</span>` : ''}</p>
        </article>`;
      })}
      </div>
    </section>`;
  }

  /** The time window's notes (windowNotes) beside the cards, while the scenario has that window. */
  private renderWindowNote(lang: Lang) {
    const notes = windowNotes(this.scenario, lang);
    return notes.length ? html`<div class="window-note" role="note">${notes.map((n) => html`<p>${n}</p>`)}</div>` : nothing;
  }

  /** What the shaded bands are: the main run's own seeds, or seeds of smaller runs (for a large scale). */
  private bandNoteText(lang: Lang): string {
    const s = STRINGS[lang];
    const scale = scaleOf(pruneDefaults(this.scenario));
    const at = bandScale(scale);
    return at === scale ? s.bandNote(BAND_SEEDS) : s.bandNoteSmaller(BAND_SEEDS, f.num(at, lang, 3));
  }

  private renderReport(sc: Shown | undefined, bs: Shown | undefined) {
    const lang = this.lang;
    const s = STRINGS[lang];
    const { fig, stale } = this.shownFigures(sc, bs);
    const rows = fig ? policyReport(fig.a, fig.b) : [];
    const c = s.reportCols;
    const sign = (v: number) => (v > 0 ? 'up' : v < 0 ? 'down' : '');
    // changes smaller than what the seed alone moves are greyed and said to be (paired band runs)
    const noise = fig && !stale && !this.runner.sameRun() ? reportNoise(this.runner.view('scenario').band, this.runner.view('baseline').band, fig.year, MODES) : undefined;
    // a column's changes in one unit, its largest's (+0.586亿 beside +3.87亿, not +5860万), so rows compare by eye
    const total = fig && rows.length ? reportTotal(rows, fig.a, fig.b) : undefined;
    // (a change under 1 % of the column's largest in its own unit: "+US$118k", not "+US$0.000118bn")
    const unitOf = (get: (r: Omit<ReportRow, 'region'>) => number) => {
      const largest = Math.max(0, ...[...rows, ...(total ? [total] : [])].map((r) => Math.abs(get(r))));
      const inColumn = f.moneyAxis(largest, lang);
      return (v: number) => (Math.abs(v) * 100 < largest ? f.money(v, lang) : inColumn(v));
    };
    const columns = { exportsChange: unitOf((r) => r.exportsChange), created: unitOf((r) => r.created), diverted: unitOf((r) => r.diverted), tariffChange: unitOf((r) => r.tariffChange) };
    const change = (v: number, n: number | undefined, column: (v: number) => string) => {
      const within = n !== undefined && Math.abs(v) <= n;
      const text = f.signedMoney(v, lang, column);
      if (n === undefined) return html`${text}`;
      // (the noise in its own unit: in the column's it read "±14,000万美元" where the column's largest was in 万)
      const range = `±${f.money(Math.abs(n), lang)}`;
      return within
        ? html`<span class="noise" title=${s.withinNoise(range)}>${text}<span class="visually-hidden"> (${s.withinNoise(range)})</span></span>`
        : html`<span title=${s.seedNoise(range)}>${text}</span>`;
    };
    // a region's figures, or the total's: each with its change against the baseline
    const cells = (r: Omit<ReportRow, 'region'>, n: ReportNoise[string] | undefined) => html`
          <td>${f.money(r.exports, lang)} (${change(r.exportsChange, n?.exportsChange, columns.exportsChange)})</td>
          <td class=${sign(r.created)}>${change(r.created, n?.created, columns.created)}</td>
          <td class=${sign(r.diverted)}>${change(r.diverted, n?.diverted, columns.diverted)}</td>
          <td>${f.money(r.tariff, lang)} (${f.signedMoney(r.tariffChange, lang, columns.tariffChange)})</td>
          <td>${f.times(r.landed, lang)} (${f.change(r.landedChange, lang)})</td>`;
    return html`<section class="report ${stale ? 'stale' : ''}" aria-labelledby="report-h" aria-busy=${stale ? 'true' : 'false'}>
      <h3 id="report-h">${s.charts.report}${fig ? ` · ${year(fig.year, lang)}` : ''}${stale ? html` <span class="updating">${s.updating}</span>` : nothing}</h3>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${c.region}</th><th scope="col">${c.exports}</th><th scope="col">${c.created}</th><th scope="col">${c.diverted}</th><th scope="col">${c.tariff}</th><th scope="col">${c.landed}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr>
          <th scope="row">${regionLabel(r.region, lang)}</th>${cells(r, noise?.[r.region])}
        </tr>`)}
        ${rows.length === 0 ? html`<tr><td colspan="6">${this.noFiguresText(sc, bs)}</td></tr>` : nothing}
        </tbody>
        ${total ? html`<tfoot><tr class="total"><th scope="row">${s.reportTotal}</th>${cells(total, noise?.[REPORT_TOTAL])}</tr></tfoot>` : nothing}
      </table></div>
      <p class="note">${s.reportNote}${noise ? ` ${s.reportNoiseNote}` : ''}</p>
    </section>`;
  }

  /** True once the charts have been given a run to draw. */
  private chartsDrawn = false;
  private drawCharts() {
    const lang = this.lang;
    const s = STRINGS[lang];
    const { sc, bs } = this.shownNow();
    // While the scenario's new run has no month yet, the charts keep the previous run's lines
    // and bands: redrawn now, they would lose the band and the scenario's lines for the tens of
    // milliseconds until its first months arrive (it runs first), and the redraw would hold up
    // the drawing of those months. A refused run is drawn at once (without its lines).
    if (!sc && this.chartsDrawn && !this.runner.view('scenario').main?.problems) return;
    const months = sc?.months ?? bs?.months;
    if (!months) return;
    this.chartsDrawn = true;
    const chart = (id: string) => this.querySelector<YiwuChart>(`#chart-${id}`);
    const scen = s.legendScenario;
    const base = s.legendBaseline;
    const nm = (x: string) => x.replace(/ · .*$/, '');
    // where the record ends and the plans (and a slider's targets) begin
    const divide = { month: POLICY_START, label: s.recordPlans };
    const ser = (x: Shown | undefined, i: number) => x?.values[i];
    const bandOf = (side: Side, i: number) => {
      const shownSide = side === 'scenario' ? sc : bs;
      const b = band(this.runner.view(side).band, i, shownSide ? { values: shownSide.values[i], done: shownSide.done } : undefined);
      return b ? { lo: b.lo, hi: b.hi } : undefined;
    };
    /** One metric as a pair of lines: the scenario solid, the baseline dashed; with `band`, the scenario's seed band. */
    const pair = (name: string, i: number, color: string, withBand = false, baselineColor = color): Line[] => [
      { name: nm(name), data: ser(sc, i), done: sc?.done ?? 0, color, ...(withBand ? { band: bandOf('scenario', i), bandName: `${name} · ${s.band}` } : {}) },
      { name: nm(name), data: ser(bs, i), done: bs?.done ?? 0, color: baselineColor, dashed: true },
    ];
    // each chart's lines are made when the chart is drawn (in its own task, and only in sight)
    const lines = () => [
      ...CHANNELS.flatMap((channel, k) => pair(tx(CHANNEL_TEXT[channel], lang), idx('trade_value_usd', { channel }), CHANNEL_COLORS[k])),
      ...pair(s.total, idx('trade_value_usd'), SCENARIO_COLOR, true, BASELINE_COLOR),
    ];
    chart('trade')?.setOption(() => timeOption(months, lines(), 'money', lang, { divide }));

    const adoption = () => [
      ...(['b2b_platform', 'cross_border_ecommerce', 'data_driven'] as const).flatMap((level) => pair(tx(LEVEL_TEXT[level], lang), idx(`adoption_share_${level}`), LEVEL_COLORS[DIGITAL_LEVELS.indexOf(level)])),
      ...pair(s.digitalAny, idx('adoption_share_digital'), SCENARIO_COLOR, true, BASELINE_COLOR),
    ];
    chart('adoption')?.setOption(() => timeOption(months, adoption(), 'share', lang, { divide }));

    // a month's lending swings with its few large applications: a 12-month average shows the
    // trend a policy moves (the monthly lines crossed the baseline's most months), its band
    // averaged the same way (a little wider than the seeds' spread of averages)
    const averaged = (lines: Line[]): Line[] => lines.map((l) => ({
      ...l,
      data: l.data && trailingMean(l.data, l.done, CREDIT_AVERAGE_MONTHS),
      band: l.band && { lo: trailingMean(l.band.lo, l.band.lo.length, CREDIT_AVERAGE_MONTHS), hi: trailingMean(l.band.hi, l.band.hi.length, CREDIT_AVERAGE_MONTHS) },
    }));
    const credit = () => averaged([
      ...pair(s.applied, idx('credit_applied_usd'), PALETTE[1]),
      ...pair(s.approved, idx('credit_approved_usd'), PALETTE[2], true),
    ]);
    chart('credit')?.setOption(() => timeOption(months, credit(), 'money', lang, { divide }));

    const freight = () => EXPORT_MODES.flatMap((mode, k) => pair(tx(MODE_TEXT[mode], lang), idx('logistics_cost_usd_per_kg', { mode }), PALETTE[k]));
    chart('freight')?.setOption(() => timeOption(months, freight(), 'number', lang, { divide }));

    this.drawContext(sc, bs);

    const withFigures = (make: (fig: NonNullable<ReturnType<YiwuApp['figures']>>, yl: string) => EChartsCoreOption) => () => {
      const figures = this.figures(sc, bs);
      return figures ? make(figures, `${year(figures.year, lang)}`) : undefined;
    };
    /** The scenario's bars (solid) and the baseline's (dashed) for a year's figures. */
    const sides = (fig: NonNullable<ReturnType<YiwuApp['figures']>>, yl: string, pick: (y: YearFigures) => number[]) => [
      { name: `${scen} ${yl}`, values: pick(fig.a), color: SCENARIO_COLOR },
      { name: `${base} ${yl}`, values: pick(fig.b), color: BASELINE_COLOR, dashed: true },
    ];
    chart('regions')?.setOption(withFigures((fig, yl) => barOption(FOREIGN_REGIONS.map((r) => regionLabel(r, lang)), sides(fig, yl, (y) => FOREIGN_REGIONS.map((r) => y.exportsByRegion[r])), 'money', lang, true)));
    const smileSide = (y: YearFigures, name: string, color: string, dashed = false) => ({ name, color, dashed, margin: alongSmile(y.marginByStage), share: alongSmile(y.merchantShareByStage) });
    chart('smile')?.setOption(withFigures((fig, yl) => smileOption(smileStageNames(lang), [
      smileSide(fig.a, `${scen} ${yl}`, SCENARIO_COLOR), smileSide(fig.b, `${base} ${yl}`, BASELINE_COLOR, true),
    ], { ...s.smileWords, pp: s.pp }, lang)));
    chart('transit')?.setOption(withFigures((fig, yl) => barOption(EXPORT_MODES.map((m) => tx(MODE_TEXT[m], lang)), sides(fig, yl, (y) => EXPORT_MODES.map((m) => y.transitByMode[m])), 'days', lang)));
  }

  /** The model against context data (ui/context.ts): Yiwu's reported trade, the global B2C market. */
  private drawContext(sc: Shown | undefined, bs: Shown | undefined) {
    const lang = this.lang;
    const s = STRINGS[lang];
    const chart = (id: string) => this.querySelector<YiwuChart>(`#chart-${id}`);
    const side = (x: Shown | undefined, get: (x: Shown) => Array<{ year: number; value: number }>) => (x ? get(x) : []);
    chart('contextTrade')?.setOption(() => {
      const trade = { sc: side(sc, totalTradeBnYuan), bs: side(bs, totalTradeBnYuan) };
      const dataYears = YIWU_TRADE.series.map((p) => p.year);
      const years = range(Math.min(...dataYears, ...trade.sc.map((p) => p.year)), Math.max(...dataYears, ...trade.sc.map((p) => p.year), ...trade.bs.map((p) => p.year)));
      const at = (points: Array<{ year: number; value: number }>) => years.map((y) => points.find((p) => p.year === y)?.value ?? null);
      const bnYuan = (v: number) => f.bnYuan(v, lang);
      return yearOption(years, [
        { name: s.context.yiwuData, values: at(YIWU_TRADE.series.map((p) => ({ year: p.year, value: p.total }))), color: '#000000', kind: 'data' },
        { name: s.context.tradeModel(s.legendScenario), values: at(trade.sc), color: SCENARIO_COLOR, kind: 'model' },
        { name: s.context.tradeModel(s.legendBaseline), values: at(trade.bs), color: BASELINE_COLOR, kind: 'model', dashed: true },
      ], bnYuan, lang, false, f.bnYuanAxis(lang));
    });

    chart('contextB2c')?.setOption(() => {
      const b2c = { sc: sc ? b2cIndex(sc) : undefined, bs: bs ? b2cIndex(bs) : undefined };
      const data = b2c.sc?.data ?? b2c.bs?.data ?? [];
      const modelYears = (b2c.sc?.model ?? []).concat(b2c.bs?.model ?? []).map((p) => p.year);
      const years2 = range(Math.min(...data.map((p) => p.year)), Math.max(2020, ...modelYears));
      const at2 = (points: Array<{ year: number; value: number }> | undefined) => years2.map((y) => points?.find((p) => p.year === y)?.value ?? null);
      return yearOption(years2, [
        { name: s.context.b2cData, values: at2(data), color: '#000000', kind: 'data' },
        { name: s.context.tradeModel(s.legendScenario), values: at2(b2c.sc?.model), color: SCENARIO_COLOR, kind: 'model' },
        { name: s.context.tradeModel(s.legendBaseline), values: at2(b2c.bs?.model), color: BASELINE_COLOR, kind: 'model', dashed: true },
      ], (v) => f.num(v, lang, 3), lang, true); // log scale: ten years of ~30 % growth would squash the data's points
    });
  }
}

function range(from: number, to: number): number[] {
  return Number.isFinite(from) && Number.isFinite(to) ? Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i) : [];
}

function year(y: number | string, lang: Lang) {
  return f.year(y, lang);
}

declare global {
  interface HTMLElementTagNameMap {
    'yiwu-app': YiwuApp;
  }
}
