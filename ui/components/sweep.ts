/**
 * <yiwu-sweep>: a small sweep in the browser. One lever over a few values × a few seeds, run on
 * the current scenario at a small scale in two Web Workers of its own (the `sweepRun` call of
 * worker/sim.worker.ts); plots a headline card's figure for the final year against the lever: median
 * across seeds, with a 10–90 % band (min–max under 5 seeds). Values and seeds follow sim/batch:
 * gridValues for the lever's values, planRuns/runSeed for each run's seed, so the same sweep in
 * the CLI (one parameter, a range, `replications` = seeds, the page's seed) draws the same seeds.
 * Cancel terminates the workers at once; a new run starts fresh ones.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import * as Comlink from 'comlink';
import { allControls, isInertControl, finalValue, getControlValue, isSchedule, MODEL_VERSION, type Control, type Group } from '../../sim/index.ts';
import { TABLE_PATH } from '../../sim/schema/introspect.ts';
import { gridValues } from '../../sim/batch/design.ts';
import { csvText, type Cell } from '../../sim/export/csv.ts';
import { downloadText } from '../files.ts';
import { timeWindow } from '../compare.ts';
import type { CardFigure } from '../results.ts';
import { planRuns, type Run } from '../../sim/batch/plan.ts';
import { summarise } from '../../sim/batch/stats.ts';
import type { SimWorkerApi } from '../worker/protocol.ts';
import { problemMessage } from '../i18n/problems.ts';
import { STRINGS, tx, type Lang } from '../i18n/index.ts';
import { sweepOption, spreadFormatter, type Kind } from '../charts.ts';
import * as f from '../format.ts';
import './chart.ts';
import type { YiwuChart } from './chart.ts';

type Obj = Record<string, unknown>;

/** Scale of every sweep run (stated in the panel). */
export const SWEEP_SCALE = 0.02;
export const SWEEP_WORKERS = 2;
export const MAX_VALUES = 9;
export const MAX_SEEDS = 10;

const LEVER_GROUPS: Group[] = ['infrastructure', 'platform', 'rules', 'world', 'model'];

/** A lever a sweep can vary: a schema control and its sim/batch parameter path. */
export interface SweepLever {
  control: Control;
  path: string;
  min: number;
  max: number;
  integer: boolean;
  defaultValue: number;
}

/** The sim/batch path of a control: `rules.smeCreditSupply`, `regions[eu].tariff`, `logistics.modes[sea].x`. */
export function leverPath(c: Control): string {
  if (c.table) return `${TABLE_PATH[c.table.name].join('.')}[${c.table.rowId}].${c.table.field}`;
  return c.keys.join('.');
}

/** Every numeric lever of the lever panel (not the run settings), in its order. */
export function sweepLevers(): SweepLever[] {
  return allControls()
    .filter((c) => LEVER_GROUPS.includes(c.meta.group) && !isInertControl(c) && Number.isFinite(c.meta.minimum) && Number.isFinite(c.meta.maximum))
    .sort((a, b) => LEVER_GROUPS.indexOf(a.meta.group) - LEVER_GROUPS.indexOf(b.meta.group))
    .map((c) => ({ control: c, path: leverPath(c), min: c.meta.minimum!, max: c.meta.maximum!, integer: !!c.meta.integer, defaultValue: finalValue(c.defaultValue) }));
}

/**
 * The default range: the lever's whole range, or default ÷ 2 … × 2 where the range is far wider
 * than the default — widened to take in `current`, the lever's value in the page's scenario (a
 * preset's 2.5 beside a default of 1), so the chart's "This scenario" mark falls inside.
 */
export function defaultRange(l: SweepLever, current?: number): [number, number] {
  const d = l.defaultValue;
  if (!(d > 0) || l.max - l.min <= 4 * d) return [l.min, l.max];
  let lo = Math.max(l.min, d / 2);
  let hi = Math.min(l.max, d * 2);
  if (current !== undefined && current >= l.min && current <= l.max) [lo, hi] = [Math.min(lo, current), Math.max(hi, current)];
  return l.integer ? [Math.floor(lo), Math.ceil(hi)] : [lo, hi];
}

/**
 * What a sweep can plot: the headline cards' figures for the year, computed as the cards compute
 * them (results.ts yearFigures) — total trade summed over the year, merchants at its end, the
 * rejection rate over its applications, landed cost weighted by exports — so the sweep's point
 * at the scenario's own value reads as the card does.
 */
export interface SweepOutcome {
  id: string;
  figure: CardFigure;
  /** The monthly series it is made from (the CSV's metric column and the file name). */
  metric: string;
  kind: Kind;
  /** How the figure is made from the year's months (the CSV's statistic column; English, as the command line's files). */
  statistic: (year: string) => string;
}

export const SWEEP_OUTCOMES: SweepOutcome[] = [
  // (in the cards' order)
  { id: 'total_trade', figure: 'totalTrade', metric: 'total_trade_usd', kind: 'money', statistic: (y) => `sum over ${y}` },
  { id: 'digital_share', figure: 'digitalShare', metric: 'digital_share_of_exports', kind: 'share', statistic: (y) => `${y}: digital_trade_value_usd / trade_value_usd (each summed over the year)` },
  { id: 'exporters', figure: 'exporters', metric: 'exporters', kind: 'number', statistic: (y) => `mean over ${y}` },
  { id: 'merchants', figure: 'merchants', metric: 'merchants_alive', kind: 'number', statistic: (y) => `end of ${y}` },
  { id: 'smile', figure: 'smile', metric: 'value_added_usd', kind: 'number', statistic: (y) => `${y}: value added (design_rnd + brand) / production (each summed over the year)` },
  { id: 'rejection', figure: 'rejection', metric: 'credit_rejection_rate', kind: 'share', statistic: (y) => `${y}: 1 - credit_approvals / credit_applications (each summed over the year)` },
  { id: 'landed_cost', figure: 'landed', metric: 'landed_cost_index', kind: 'number', statistic: (y) => `${y}: foreign regions' mean over the year weighted by their exports (trade_value_usd) over the year` },
];

/** One point's summary: median and band across seeds (10–90 %, or min–max under 5 seeds). */
export function pointBand(values: number[]): { n: number; median: number; lo: number; hi: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return { n: 0, median: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const s = summarise(xs);
  if (xs.length < 5) return { n: xs.length, median: s.p50, lo: Math.min(...xs), hi: Math.max(...xs) };
  return { n: xs.length, median: s.p50, lo: s.p10, hi: s.p90 };
}

interface Pool {
  workers: Worker[];
  apis: Array<Comlink.Remote<SimWorkerApi>>;
}

interface Result {
  lever: SweepLever;
  outcome: SweepOutcome;
  year: string;
  seeds: number;
  values: number[];
  /** By point, by replicate (NaN until done). */
  results: number[][];
  /** Each run's seed, by point and replicate (the same for every point: common random numbers). */
  seedOf: number[][];
  /** The page's seed the runs' seeds were made from. */
  pageSeed: number;
  /** The scenario the runs started from (to say when the page's has changed since). */
  scenarioKey: string;
  /** The lever's value in that scenario (a schedule's end), marked on the chart; undefined if it has none. */
  current?: { value: number; schedule: boolean };
  /** That scenario in words, in both languages (the PNG says what it is a result of). */
  scenarioText: Record<Lang, string>;
  scale: number;
}

const LEVERS = sweepLevers();

/** A box's number as typed (full-width digits too: format.ts typedNumber), or undefined. */
function boxNumber(text: string): number | undefined {
  const s = f.typedNumber(text);
  const v = s === '' ? Number.NaN : Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** A lever's value as a box shows it: four significant digits (a default such as 0.04020722335553728 reads 0.04021). */
const shown = (v: number) => String(Number(v.toPrecision(4)));

/** The sweep's values: the range's evenly spaced steps, each once (a whole-number lever rounds, so 9 steps from 2 to 6 give 2 … 6). */
export function sweepValues(lever: SweepLever, from: number, to: number, count: number): number[] {
  return [...new Set(gridValues({ path: lever.path, range: { from, to, steps: count }, integer: lever.integer })!)];
}

@customElement('yiwu-sweep')
export class YiwuSweep extends LitElement {
  @property({ attribute: false }) scenario: Obj = {};
  @property({ type: Number }) seed = 1;
  @property() override lang: Lang = 'en';
  /** The page's scenario in words (title, and what a scenario that is no preset sets), for the PNG. */
  @property({ attribute: false }) describeScenario: (lang: Lang) => string = () => '';
  /** Scale of the runs (a property so tests can make them smaller). */
  @property({ type: Number }) scale = SWEEP_SCALE;
  @state() leverId = 'rules.smeCreditSupply';
  /** The four boxes as typed (read, and any problem named, when the sweep is run). */
  @state() fromText = '';
  @state() toText = '';
  @state() valuesText = '5';
  @state() seedsText = '5';
  @state() outcomeId = 'rejection';
  @state() running = false;
  @state() done = 0;
  @state() total = 0;
  @state() status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed' = 'idle';
  @state() problem = '';
  /** Said beside the status: fewer values than asked (a whole-number lever). */
  @state() note = '';
  @state() result?: Result;
  private pool?: Pool;
  private generation = 0;
  private startedAt = 0;
  private elapsed = 0;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.pickLever(this.leverId);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  private lever(): SweepLever {
    return LEVERS.find((l) => l.control.id === this.leverId) ?? LEVERS[0];
  }

  private outcome(): SweepOutcome {
    return SWEEP_OUTCOMES.find((o) => o.id === this.outcomeId) ?? SWEEP_OUTCOMES[0];
  }

  private pickLever(id: string) {
    this.leverId = id;
    const [from, to] = defaultRange(this.lever(), this.currentValue(this.lever())?.value);
    this.fromText = shown(from);
    this.toText = shown(to);
    this.rangeOffered = [this.fromText, this.toText];
  }
  /** The range the boxes were given (pickLever), to tell it from one the user typed. */
  private rangeOffered: [string, string] = ['', ''];

  protected override willUpdate(changed: Map<string, unknown>) {
    // another scenario (a preset chosen): a range the user has not typed follows its value
    if (changed.has('scenario') && this.fromText === this.rangeOffered[0] && this.toText === this.rangeOffered[1]) this.pickLever(this.leverId);
  }

  private leverLabel(l: SweepLever): string {
    const name = tx(l.control.meta.label, this.lang);
    return l.control.table ? `${name} · ${tx(l.control.table.rowLabel, this.lang)}` : name;
  }

  /** An outcome in the cards' words: its title, and its note as its unit ("exports + imports, per year"). */
  private outcomeLabel(o: SweepOutcome): string {
    return STRINGS[this.lang].cards[o.figure];
  }

  private outcomeUnit(o: SweepOutcome): string {
    return STRINGS[this.lang].cardNotes[o.figure];
  }

  /** The page's scenario the sweep's runs start from (its name left out: the runs are the sweep's). */
  private baseScenario(): Obj {
    const { name: _n, ...base } = this.scenario;
    void _n;
    return base;
  }

  /** The lever's value in the page's scenario: a number, or where its schedule ends. */
  private currentValue(l: SweepLever): Result['current'] {
    const raw = getControlValue(this.scenario, l.control) ?? l.control.defaultValue;
    const value = typeof raw === 'number' || isSchedule(raw) ? finalValue(raw) : Number.NaN;
    return Number.isFinite(value) ? { value, schedule: typeof raw !== 'number' } : undefined;
  }

  private year(): string {
    return timeWindow(this.scenario).end.slice(0, 4);
  }

  /**
   * The boxes read: the range's ends and the counts, or what is wrong with them, each problem
   * naming its box, the value and what is allowed (never a value quietly changed).
   */
  private readInputs(): { from: number; to: number; count: number; seeds: number } | { problems: string[] } {
    const lang = this.lang;
    const t = STRINGS[lang].sweep;
    const l = this.lever();
    const [lo, hi] = [f.num(l.min, lang, 6), f.num(l.max, lang, 6)];
    const problems: string[] = [];
    const end = (field: string, text: string) => {
      const v = boxNumber(text);
      if (v === undefined) problems.push(t.notANumber(field, text.trim().slice(0, 40), lo, hi));
      else if (v < l.min || v > l.max) problems.push(t.outOfRange(field, f.num(v, lang, 6), lo, hi));
      else return v;
      return undefined;
    };
    const count = (field: string, text: string, min: number, max: number) => {
      const v = boxNumber(text);
      if (v !== undefined && Number.isInteger(v) && v >= min && v <= max) return v;
      problems.push(t.badCount(field, text.trim().slice(0, 40), min, max));
      return undefined;
    };
    const from = end(t.from, this.fromText);
    const to = end(t.to, this.toText);
    if (from !== undefined && to !== undefined && from === to) problems.push(t.sameEnds(f.num(from, lang, 6)));
    const values = count(t.values, this.valuesText, 2, MAX_VALUES);
    const seeds = count(t.seeds, this.seedsText, 1, MAX_SEEDS);
    if (problems.length > 0 || from === undefined || to === undefined || values === undefined || seeds === undefined) return { problems };
    return { from, to, count: values, seeds };
  }

  /** Terminates the workers (any run under way ends at once). */
  private stop() {
    this.generation++;
    if (this.pool) for (const w of this.pool.workers) w.terminate();
    this.pool = undefined;
    this.running = false;
  }

  cancel() {
    if (!this.running) return;
    this.stop();
    this.status = 'cancelled';
  }

  async run() {
    const inputs = this.readInputs();
    if ('problems' in inputs) {
      // (the last result stays, said to be from before)
      this.status = 'failed';
      this.problem = inputs.problems.join(' ');
      // (no run under way: the bar empty, not full from the last sweep beside the message)
      this.done = this.total = 0;
      return;
    }
    this.stop();
    const gen = this.generation;
    const lever = this.lever();
    const outcome = this.outcome();
    const { seeds } = inputs;
    const values = sweepValues(lever, inputs.from, inputs.to, inputs.count);
    this.note = values.length < inputs.count ? STRINGS[this.lang].sweep.fewerValues(inputs.count, values.length) : '';
    // common random numbers: replicate r has the same seed at every value, so the differences
    // between values are the lever's (CLI: "commonRandomNumbers": true gives the same seeds)
    const runs: Run[] = planRuns({ seed: this.seed, replications: seeds, commonRandomNumbers: true }, values.length);
    const base = this.baseScenario();
    const year = this.year();
    const scale = this.scale;
    const seedOf = values.map(() => Array.from({ length: seeds }, () => 0));
    for (const r of runs) seedOf[r.point][r.replicate] = r.seed;
    this.result = {
      lever, outcome, year, seeds, values, results: values.map(() => Array.from({ length: seeds }, () => Number.NaN)), seedOf, pageSeed: this.seed, scenarioKey: JSON.stringify(base),
      current: this.currentValue(lever), scenarioText: { en: this.describeScenario('en'), zh: this.describeScenario('zh') }, scale,
    };
    this.done = 0;
    this.total = runs.length;
    this.status = 'running';
    this.problem = '';
    this.running = true;
    this.startedAt = performance.now();
    const workers = Array.from({ length: Math.min(SWEEP_WORKERS, runs.length) }, (_, i) =>
      new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: `sweep-${i}` }));
    this.pool = { workers, apis: workers.map((w) => Comlink.wrap<SimWorkerApi>(w)) };
    const queue = [...runs];
    const apis = this.pool.apis;
    let failed = '';
    await Promise.all(apis.map(async (api) => {
      while (queue.length > 0 && gen === this.generation && !failed) {
        const r = queue.shift()!;
        const out = await api.sweepRun({ base, path: lever.path, value: values[r.point], seed: r.seed, scale, figure: outcome.figure, year });
        if (gen !== this.generation) return;
        if (!out.ok) { failed = out.problems.slice(0, 3).map((p) => `${p.path ? `${p.path}: ` : ''}${problemMessage(p.message, this.lang)}`).join('; '); return; }
        this.result!.results[r.point][r.replicate] = out.value;
        this.result = { ...this.result! };
        this.done++;
      }
    }));
    if (gen !== this.generation) return;
    this.elapsed = performance.now() - this.startedAt;
    this.stop();
    if (failed) { this.status = 'failed'; this.problem = failed; } else this.status = 'done';
  }

  override render() {
    const lang = this.lang;
    const s = STRINGS[lang];
    const t = s.sweep;
    const lever = this.lever();
    const unit = tx(lever.control.meta.unit, lang);
    const inputs = this.readInputs();
    const runs = 'problems' in inputs ? undefined : sweepValues(lever, inputs.from, inputs.to, inputs.count).length * inputs.seeds;
    const groups = LEVER_GROUPS.map((g) => ({ g, levers: LEVERS.filter((l) => l.control.meta.group === g) })).filter((x) => x.levers.length > 0);
    const statusText = this.status === 'running' ? t.progress(this.done, this.total)
      : this.status === 'done' ? t.finished(this.total, f.ms(this.elapsed, lang))
        : this.status === 'cancelled' ? t.cancelled(this.done, this.total)
          : this.status === 'failed' ? `${t.failed} ${this.problem}` : t.idle;
    return html`<details class="sweep-section" id="sweep">
      <summary><h2>${t.title}</h2></summary>
      <p class="note">${t.intro}</p>
      <form class="sweep-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this.run(); }}>
        <label class="wide">${t.lever}
          <select id="sweep-lever" @change=${(e: Event) => this.pickLever((e.target as HTMLSelectElement).value)}>
            ${groups.map(({ g, levers }) => html`<optgroup label=${s.groups[g] ?? g}>
              ${levers.map((l) => html`<option value=${l.control.id} ?selected=${l.control.id === this.leverId}>${this.leverLabel(l)}</option>`)}
            </optgroup>`)}
          </select></label>
        <label>${unit && unit !== '—' ? t.withUnit(t.from, unit) : t.from}
          <input id="sweep-from" type="text" inputmode="decimal" class="num" aria-describedby="sweep-allowed" .value=${this.fromText}
            @input=${(e: Event) => { this.fromText = (e.target as HTMLInputElement).value; }} /></label>
        <label>${unit && unit !== '—' ? t.withUnit(t.to, unit) : t.to}
          <input id="sweep-to" type="text" inputmode="decimal" class="num" aria-describedby="sweep-allowed" .value=${this.toText}
            @input=${(e: Event) => { this.toText = (e.target as HTMLInputElement).value; }} /></label>
        <label>${t.values}
          <input id="sweep-values" type="text" inputmode="numeric" class="num" .value=${this.valuesText}
            @input=${(e: Event) => { this.valuesText = (e.target as HTMLInputElement).value; }} /></label>
        <label>${t.seeds}
          <input id="sweep-seeds" type="text" inputmode="numeric" class="num" .value=${this.seedsText}
            @input=${(e: Event) => { this.seedsText = (e.target as HTMLInputElement).value; }} /></label>
        <p class="note wide" id="sweep-allowed">${t.withUnit(this.leverLabel(lever), t.allowed(f.num(lever.min, lang, 6), f.num(lever.max, lang, 6)))}</p>
        <label class="wide">${t.outcome}
          <select id="sweep-outcome" @change=${(e: Event) => { this.outcomeId = (e.target as HTMLSelectElement).value; }}>
            ${SWEEP_OUTCOMES.map((o) => html`<option value=${o.id} ?selected=${o.id === this.outcomeId}>${t.withUnit(this.outcomeLabel(o), this.outcomeUnit(o))}</option>`)}
          </select></label>
        <div class="sweep-actions">
          <button type="submit" id="sweep-run" ?disabled=${this.running}>${runs === undefined ? t.run : `${t.run} · ${t.runs(runs)}`}</button>
          <button type="button" id="sweep-cancel" ?disabled=${!this.running} @click=${() => this.cancel()}>${t.cancel}</button>
        </div>
      </form>
      <p class="note">${t.note(f.num(this.scale, lang), f.year(this.year(), lang))}</p>
      <div class="sweep-status" role="status" aria-live="polite">
        <div class="progress ${this.running ? 'busy' : 'idle'}" role="progressbar" aria-valuemin="0" aria-valuemax=${this.total} aria-valuenow=${this.done} aria-label=${statusText}>
          <div class="bar" style="width:${this.total ? Math.round((100 * this.done) / this.total) : 0}%"></div>
        </div>
        <span id="sweep-progress" class=${this.status === 'failed' ? 'problem' : ''}>${statusText}${this.note && this.status !== 'failed' ? ` ${this.note}` : ''}</span>
      </div>
      ${this.result ? this.renderResult(this.result) : nothing}
    </details>`;
  }

  private renderResult(r: Result) {
    const lang = this.lang;
    const t = STRINGS[lang].sweep;
    const fmt = this.yFormat(r.outcome, r);
    const bands = r.results.map(pointBand);
    const band = bandName(r.seeds, lang);
    const heading = t.chartTitle(this.outcomeLabel(r.outcome), this.leverLabel(r.lever));
    const stale = r.pageSeed !== this.seed || r.scenarioKey !== JSON.stringify(this.baseScenario());
    const outside = r.current && !currentInRange(r) ? ` · ${t.currentOutside(f.num(r.current.value, lang, 4), r.current.schedule)}` : '';
    const provenance = t.pngProvenance(r.scenarioText[lang], r.values.length, r.seeds, r.pageSeed, f.num(r.scale, lang), MODEL_VERSION);
    return html`${stale ? html`<p class="note problem" id="sweep-stale">${t.stale}</p>` : nothing}<yiwu-chart id="chart-sweep" chartId="sweep" class="sweep-chart" heading=${heading} fileName=${this.fileStem(r)}
        unit=${`${this.outcomeUnit(r.outcome)} · ${f.year(r.year, lang)}`} keyText=${t.key(r.seeds, band) + outside} provenance=${provenance}
        pngLabel=${STRINGS[lang].exportPng} pngTitle=${STRINGS[lang].exportPngOf(heading)}></yiwu-chart>
      <details class="sweep-numbers"><summary>${t.table}</summary>
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">${t.colValue}</th><th scope="col">${t.colMedian}</th><th scope="col">${t.colLow}</th><th scope="col">${t.colHigh}</th><th scope="col">${t.colN}</th></tr></thead>
          <tbody>${r.values.map((v, i) => html`<tr data-value=${v} data-median=${bands[i].median}>
            <th scope="row">${f.num(v, lang, 4)}</th><td>${show(bands[i].median, fmt)}</td><td>${show(bands[i].lo, fmt)}</td><td>${show(bands[i].hi, fmt)}</td><td>${bands[i].n}</td>
          </tr>`)}</tbody>
        </table></div>
        <button type="button" id="sweep-csv" ?disabled=${this.status !== 'done' && this.status !== 'cancelled'} @click=${() => downloadText(`${this.fileStem(r)}.csv`, sweepCsv(r), 'text/csv')}>${t.csv}</button>
      </details>`;
  }

  /** The files' name: lever, outcome and the page's seed, e.g. sweep-rules.smeCreditSupply-credit_rejection_rate-seed1. */
  private fileStem(r: Result): string {
    return `sweep-${r.lever.path.replace(/[[\]]/g, '')}-${r.outcome.metric}-seed${r.pageSeed}`;
  }

  /** How the table writes an outcome: money as the cards do; other figures with the digits their spread needs (charts.ts spreadFormatter). */
  private yFormat(o: SweepOutcome, r: Result): (v: number) => string {
    const lang = this.lang;
    if (o.kind === 'money') return (v) => f.money(v, lang);
    return spreadFormatter(o.kind, lang, r.results.flat(), { decimals: 1, digits: 4 });
  }

  override updated() {
    const r = this.result;
    const chart = this.querySelector<YiwuChart>('#chart-sweep');
    if (!r || !chart) return;
    const lang = this.lang;
    const t = STRINGS[lang].sweep;
    const bands = r.results.map(pointBand);
    const val = (x: number) => (Number.isFinite(x) ? x : null);
    const points = bands.filter((b) => b.n > 0).length;
    this.dataset.points = String(points);
    this.dataset.complete = String(this.status === 'done');
    const unit = tx(r.lever.control.meta.unit, lang);
    chart.setOption(sweepOption(
      {
        x: r.values, median: bands.map((b) => val(b.median)), lo: bands.map((b) => val(b.lo)), hi: bands.map((b) => val(b.hi)),
        // (marked on the chart when inside the range swept; outside it, the key says so)
        current: r.current && currentInRange(r) ? { value: r.current.value, label: t.current(f.num(r.current.value, lang, 4), r.current.schedule) } : undefined,
      },
      r.outcome.kind,
      {
        x: unit && unit !== '—' ? t.withUnit(this.leverLabel(r.lever), unit) : this.leverLabel(r.lever),
        y: t.yName(this.outcomeLabel(r.outcome), this.outcomeUnit(r.outcome), f.year(r.year, lang)),
        line: t.median(r.seeds),
        band: bandName(r.seeds, lang),
      },
      lang,
      (v) => f.num(v, lang, 4),
    ));
  }
}

const show = (v: number, fmt: (v: number) => string) => (Number.isFinite(v) ? fmt(v) : '–');

/** The band's name: min–max under 5 seeds, 10–90 % from 5 (pointBand); none with one seed, which draws no band. */
const bandName = (seeds: number, lang: Lang) => (seeds === 1 ? '' : seeds < 5 ? STRINGS[lang].sweep.bandRange : STRINGS[lang].sweep.bandPct);

/** Whether the scenario's own value of the lever lies within the values swept. */
const currentInRange = (r: Result) => r.current !== undefined && r.current.value >= r.values[0] && r.current.value <= r.values[r.values.length - 1];

/**
 * The sweep's runs as a tidy CSV, one row per run, in the columns of the command line's
 * sensitivity-outcomes.csv plus the lever: point, replicate, seed, the lever's value, the outcome
 * (the monthly series it is made from, no breakdown), `statistic` (how the card's figure is made
 * from the year's months) and `value` (empty for a run not done). A run repeats with
 * `npm run sim -- <scenario> --seed <seed> --scale <scale>` and the lever set to the value; its
 * timeseries.csv holds the monthly series the statistic names.
 */
export function sweepCsv(r: Result): string {
  const dims = ['region', 'channel', 'stage', 'category', 'mode'] as const;
  const rows = r.values.flatMap((v, point) => r.results[point].map((value, replicate) => [
    point, replicate, r.seedOf[point][replicate], v, r.outcome.metric, ...dims.map(() => ''), r.outcome.statistic(r.year), Number.isFinite(value) ? value : '',
  ] as Cell[]));
  return csvText(['point', 'replicate', 'seed', r.lever.path, 'metric', ...dims, 'statistic', 'value'], rows);
}

declare global {
  interface HTMLElementTagNameMap {
    'yiwu-sweep': YiwuSweep;
  }
}
