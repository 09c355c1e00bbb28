/**
 * <yiwu-levers>: the lever panel, generated from the scenario schema (sim/schema/introspect.ts):
 * every control's label, unit, range, default and description come from the one declaration.
 * A schedule lever is set simply (target value and the year it is reached) or, in the full view,
 * as its list of ramps and steps. Emits `scenario-change` with the new scenario object.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import {
  controlTree, getControlValue, isInertControl, setControlValue, sameAsDefault, finalValue, toFullSchedule, isSchedule, shockTypes, retarget, POLICY_START, valueAt, parseMonth,
  type Control, type Schedule, type ScheduleInput, type ShockType,
} from '../../sim/index.ts';
import { STRINGS, tx, type Lang } from '../i18n/index.ts';
import * as f from '../format.ts';
import { MODE_TEXT } from '../labels.ts';
import { timeWindow } from '../compare.ts';

const TREE = controlTree();
const SHOCKS: ShockType[] = shockTypes();
const MODES = ['sea', 'rail', 'air', 'express', 'overseas_warehouse', 'road'];

type Obj = Record<string, unknown>;

/** Where a lever's slider ends: its maximum, or below it where usual values are far smaller (clearance days: 5 of 30). */
function sliderEnd(c: Control): number {
  return Math.min(c.meta.maximum ?? 1, c.meta.sliderMaximum ?? Number.POSITIVE_INFINITY);
}

function step(c: Control): number {
  if (c.meta.integer) return 1;
  const span = sliderEnd(c) - (c.meta.minimum ?? 0);
  // a hundred keyboard steps from end to end (a share moves by 0.01 per arrow press)
  const raw = span / 100;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  return p;
}

/**
 * The slider's step for a value: the lever's step, or the coarsest division of it the value lies
 * on, so the thumb shows the value itself (a slider snaps to its steps: the EU tariff's 0.045
 * sat at 0.05 beside its box).
 */
export function sliderStep(c: Control, value: number): number | 'any' {
  const base = step(c);
  for (const d of [1, 2, 4, 5, 10, 20, 25, 50, 100]) {
    const s = base / d;
    const n = (value - (c.meta.minimum ?? 0)) / s;
    if (Math.abs(n - Math.round(n)) < 1e-6) return s;
  }
  return 'any';
}

/** Units that name a scale rather than a measure: not written after each number of a range. */
const MEASURE_FREE_UNITS = new Set(['share', 'share of value', 'index, 0 to 1', 'index (2020 = 1)', 'ratio', 'multiplier', 'exponent', '—']);
/**
 * "25%", "25 %", "2.5%": a percentage typed into a fraction's box (format.ts FRACTION_UNITS) is
 * read as 0.25; a bare "25" out of range is said to be 25 % and the value kept (a tariff typed
 * "25" would otherwise be clamped to 200 %).
 */
const PERCENT_TYPED = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/;
/** A number as its box shows it: six significant digits, no trailing zeros. */
const inBox = (v: number) => String(Number(v.toPrecision(6)));
/** A typed text as quoted back in a note (a pasted paragraph is not echoed whole). */
const shortened = (typed: string) => (typed.length > 24 ? `${typed.slice(0, 24)}…` : typed);

/** Years a target can be reached in (the run's years). */
function yearsOf(input: Obj): number[] {
  const t = timeWindow(input);
  const a = Number(t.start.slice(0, 4));
  const b = Number(t.end.slice(0, 4));
  return Array.from({ length: Math.max(1, b - a + 1) }, (_, i) => a + i);
}

@customElement('yiwu-levers')
export class YiwuLevers extends LitElement {
  @property({ attribute: false }) scenario: Obj = {};
  @property() override lang: Lang = 'en';
  /** Problems to show beside controls, by control id. */
  @property({ attribute: false }) problems: Record<string, string[]> = {};
  @state() private advanced = new Set<string>();
  /** A typed value outside the lever's range was brought inside it: said next to the lever. */
  @state() private clampNotes: Record<string, string> = {};
  /**
   * A year chosen before a target, on a lever still at its default: kept for the value typed or
   * slid next (the default's path alone cannot hold it: the same value by a new year is no change).
   */
  @state() private chosenYears: Record<string, number> = {};
  /** The scenario this panel last sent: any other (a preset, a file, reset all) clears the notes about typed values. */
  private sent?: Obj;

  protected override createRenderRoot() {
    return this;
  }

  /**
   * Sends the scenario a lever made, without the title and description of the file, link or
   * preset it came from: they describe other settings (the picker then says "Custom scenario").
   */
  private emit(next: Obj) {
    const { title: _t, description: _d, ...changed } = next;
    void _t; void _d;
    this.sent = changed;
    this.dispatchEvent(new CustomEvent('scenario-change', { detail: changed, bubbles: true, composed: true }));
  }

  private set(c: Control, value: ScheduleInput | undefined) {
    const v = value !== undefined && sameAsDefault(value, c.defaultValue) ? undefined : value;
    this.emit(setControlValue(this.scenario, c, v));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // a scenario from elsewhere: notes about what was typed, and years chosen ahead, no longer apply
    if (changed.has('scenario') && this.scenario !== this.sent) {
      if (Object.keys(this.clampNotes).length) this.clampNotes = {};
      if (Object.keys(this.chosenYears).length) this.chosenYears = {};
    }
  }

  override render() {
    const s = STRINGS[this.lang];
    return html`<nav class="levers" aria-label=${s.levers}>
      <h2>${s.levers}</h2>
      <p class="note levers-intro">${s.leversIntro(f.month(POLICY_START, this.lang), f.year(Number(POLICY_START.slice(0, 4)) - 1, this.lang))}</p>
      ${TREE.filter((g) => g.id !== 'scenario').map((g, gi) => {
        const open = g.id === 'infrastructure' || g.id === 'platform' || g.id === 'rules';
        return html`<details class="group" ?open=${open} data-group=${g.id}>
          <summary><h3>${s.groups[g.id] ?? g.id}</h3></summary>
          ${s.groupNotes[g.id] ? html`<p class="note">${s.groupNotes[g.id]}</p>` : nothing}
          ${this.renderGroup(g.id, g.controls)}
        </details>${gi === 2 ? this.renderShocks() : nothing}`;
      })}
      <button type="button" class="reset-all" @click=${() => { this.clampNotes = {}; this.chosenYears = {}; this.emit(this.resetLevers()); }}>${s.resetAll}</button>
    </nav>`;
  }

  private resetLevers(): Obj {
    const keep: Obj = {};
    for (const k of ['name', 'title', 'description', 'seed', 'time', 'scale']) if (k in this.scenario) keep[k] = this.scenario[k];
    return keep;
  }

  private renderGroup(group: string, controls: Control[]): TemplateResult {
    const lang = this.lang;
    const s = STRINGS[lang];
    if (group === 'world') {
      // one folding section per table row
      const rows = new Map<string, Control[]>();
      for (const c of controls) {
        const key = c.table ? `${c.table.name}|${c.table.rowId}` : 'other';
        rows.set(key, [...(rows.get(key) ?? []), c]);
      }
      const byTable = new Map<string, Array<[string, Control[]]>>();
      for (const [key, cs] of rows) {
        const t = key.split('|')[0];
        byTable.set(t, [...(byTable.get(t) ?? []), [key, cs]]);
      }
      return html`${[...byTable].map(([t, list]) => html`<h4>${s.tables[t] ?? t}</h4>
        ${list.map(([, cs]) => html`<details class="row"><summary>${tx(cs[0].table?.rowLabel, lang)}</summary>${cs.map((c) => this.control(c, tx(c.meta.label, lang)))}</details>`)}`)}`;
    }
    // plain controls, then per-region fields (tariffs, data rules) under one heading each
    const plain = controls.filter((c) => !c.table);
    const perRow = new Map<string, Control[]>();
    for (const c of controls.filter((c) => c.table)) perRow.set(c.table!.field, [...(perRow.get(c.table!.field) ?? []), c]);
    let lastSection = '';
    return html`${plain.map((c) => {
      const section = c.section ? tx(c.section, lang) : '';
      const head = section && section !== lastSection ? html`<h4>${section}</h4>` : nothing;
      lastSection = section;
      return html`${head}${this.control(c, tx(c.meta.label, lang))}`;
    })}
    ${[...perRow].map(([, cs]) => html`<details class="row" ?open=${cs.some((c) => getControlValue(this.scenario, c) !== undefined)}>
      <summary>${tx(cs[0].meta.label, lang)} · ${s.perRegion}</summary>
      <p class="desc">${tx(cs[0].meta.description, lang)}</p>
      ${cs.filter((c) => !isInertControl(c)).map((c) => this.control(c, tx(c.table!.rowLabel, lang), true))}
    </details>`)}`;
  }

  /**
   * A lever, drawn again only when what it shows changed: moving one slider re-rendered all of
   * the panel's levers (hundreds, with the regions' tables), ~40 ms in the change's own task.
   */
  private control(c: Control, label: string, compact = false) {
    const deps = [c.id, JSON.stringify(getControlValue(this.scenario, c) ?? null), this.lang, this.problems[c.id], this.advanced.has(c.id), this.clampNotes[c.id], this.chosenYears[c.id], JSON.stringify(this.scenario.time ?? null), label, compact];
    return guard(deps, () => this.renderControl(c, label, compact));
  }

  private renderControl(c: Control, label: string, compact = false): TemplateResult {
    const lang = this.lang;
    const s = STRINGS[lang];
    const unit = tx(c.meta.unit, lang);
    const set = getControlValue(this.scenario, c);
    const current = set ?? c.defaultValue;
    const changed = set !== undefined && !sameAsDefault(set, c.defaultValue);
    const id = `lever-${c.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const min = c.meta.minimum ?? 0;
    const max = c.meta.maximum ?? 1;
    const value = finalValue(current as ScheduleInput);
    const boxText = inBox(value);
    const defaultText = f.withUnit(finalValue(c.defaultValue), unit, lang);
    // a schedule's default is a path: "0.1 → 0.85 (2023) → 0.95 (2030)", so a target below the
    // default's own path is seen as one (0.9 by 2026 is less 5G than the default after 2026)
    const defaultShown = typeof c.defaultValue === 'number' || c.defaultValue.segments.length === 0 ? defaultText : f.pathText(c.defaultValue, unit, lang);
    const problems = this.problems[c.id] ?? [];
    const isSched = !!c.meta.schedule;
    const adv = this.advanced.has(c.id);
    const onNumber = (raw: string, box?: HTMLInputElement) => {
      const typed = f.typedNumber(raw);
      const percent = f.FRACTION_UNITS.has(c.meta.unit.en) ? PERCENT_TYPED.exec(typed) : null;
      const x = percent ? Number(percent[1]) / 100 : Number(typed);
      const { [c.id]: _old, ...others } = this.clampNotes;
      void _old;
      // a measure's unit follows each number ("US$"); a scale's name ("share", "index, 0 to 1") does not read after one
      const after = MEASURE_FREE_UNITS.has(c.meta.unit.en) ? '' : unit;
      const kept = f.withUnit(value, after, lang);
      // the lever keeps its value (the box shows it again) and the note says why
      const keep = (note: string) => {
        this.clampNotes = { ...others, [c.id]: note };
        if (box) box.value = boxText;
      };
      if (typed === '' || !Number.isFinite(x)) {
        keep(typed === '' ? s.nothingTyped(kept) : s.notANumber(shortened(typed), kept));
        return;
      }
      const clamped = Math.min(max, Math.max(min, c.meta.integer ? Math.round(x) : x));
      if (clamped === x || (c.meta.integer && clamped === Math.round(x))) this.clampNotes = others;
      else if (!percent && f.FRACTION_UNITS.has(c.meta.unit.en) && x / 100 >= min && x / 100 <= max) {
        // "6" for a rate of 6 %: the lever keeps its value rather than jump to the maximum (30 %)
        keep(s.percentTyped(shortened(typed), f.withUnit(min, after, lang), f.withUnit(max, after, lang), f.num(x / 100, lang, 6), kept));
        return;
      } else this.clampNotes = { ...others, [c.id]: s.clamped(shortened(typed), f.withUnit(min, after, lang), f.withUnit(max, after, lang), f.withUnit(clamped, after, lang)) };
      // the box shows the number read, in plain digits ("５０％" typed for the value it already has changes nothing to redraw it)
      if (box) box.value = inBox(clamped);
      // a constant set from the start (by a file, link or lesson) stays one: the new value holds
      // from the start too (a nudge of the slider made it a ramp from the default during the first year)
      const constant = typeof current === 'number' && !sameAsDefault(current, c.defaultValue);
      if (isSched && !constant) this.setTarget(c, clamped, this.targetYear(c, current));
      else this.set(c, clamped);
    };
    return html`<div class="lever ${changed ? 'changed' : ''} ${problems.length ? 'invalid' : ''}" data-control=${c.id}>
      <div class="lever-head">
        <label for=${id}>${label}</label>
        <span class="unit">${unit !== '—' ? unit : ''}${f.FRACTION_UNITS.has(c.meta.unit.en) ? html` <span class="as-percent">(${f.fractionAsPercent(value, lang)})</span>`
          : lang === 'zh' && c.meta.unit.en === f.USD_BN_UNIT ? html` <span class="as-money">（${f.usdBnAsYi(value)}）</span>` : nothing}</span>
        ${changed ? html`<button type="button" class="reset" title=${s.resetTo(defaultText)} aria-label="${s.reset}: ${label}" @click=${() => { this.forgetYear(c.id); this.set(c, undefined); }}>↺</button>` : nothing}
      </div>
      ${compact ? nothing : html`<p class="desc" id="${id}-d">${tx(c.meta.description, lang)}</p>`}
      <div class="lever-input">
        <input type="range" id=${id} min=${min} max=${sliderEnd(c)} step=${sliderStep(c, value)} .value=${String(value)} aria-describedby=${compact ? nothing : `${id}-d`}
          aria-valuetext=${f.withUnit(value, unit, lang)}
          @change=${(e: Event) => onNumber((e.target as HTMLInputElement).value)} />
        <input type="text" inputmode="decimal" class="num" aria-label=${s.sweep.withUnit(label, unit)} .value=${boxText}
          @change=${(e: Event) => onNumber((e.target as HTMLInputElement).value, e.target as HTMLInputElement)} />
        ${isSched ? html`<label class="year"><span>${s.byYear}</span>
          <select aria-label="${label}: ${s.byYear}" @change=${(e: Event) => this.chooseYear(c, value, Number((e.target as HTMLSelectElement).value))}>
            ${yearsOf(this.scenario).map((y) => html`<option value=${y} ?selected=${y === this.targetYear(c, current)}>${y}</option>`)}
          </select></label>` : nothing}
      </div>
      <div class="lever-foot">
        <span class="default">${s.defaultIs(defaultShown)}</span>
        ${isSched && changed && !adv ? this.rampSetText(c, current as ScheduleInput) : nothing}
        ${isSched ? html`<button type="button" class="link" aria-expanded=${adv} @click=${() => this.toggleAdvanced(c.id)}>${adv ? s.simple : s.advanced}</button>` : nothing}
      </div>
      ${isSched && adv ? this.renderSchedule(c, toFullSchedule(current as ScheduleInput, c.defaultValue)) : nothing}
      ${problems.map((p) => html`<p class="problem" role="alert">${p}</p>`)}
      ${this.clampNotes[c.id] ? html`<p class="problem" role="status">${this.clampNotes[c.id]}</p>` : nothing}
    </div>`;
  }

  /**
   * The ramp a target set (its last segment): when it starts says whether the record is kept
   * (a target starts at POLICY_START where the default is flat until then). The unit follows
   * the target, as it follows the default's path on the line before.
   */
  private rampSetText(c: Control, value: ScheduleInput): TemplateResult | typeof nothing {
    const sched = toFullSchedule(value, c.defaultValue);
    const last = sched.segments[sched.segments.length - 1];
    const lang = this.lang;
    if (typeof value === 'number') {
      // a constant (from a lesson, a file or a link) holds from the run's first month: before the policy start, it changes the record
      const { start } = timeWindow(this.scenario);
      const early = parseMonth(start) < parseMonth(POLICY_START);
      return html`<span class="ramp-set" data-ramp-start=${start}>${STRINGS[lang].constantSet(f.withUnit(value, tx(c.meta.unit, lang), lang), f.month(start, lang))}${early ? html` <span class="rewrites-record">${STRINGS[lang].rewritesRecord(f.month(POLICY_START, lang))}</span>` : nothing}</span>`;
    }
    if (!last?.end) return nothing;
    const before = valueAt(sched, parseMonth(last.start) - 1);
    const s = STRINGS[lang];
    // a ramp that starts within the record changes what was observed: said, not only shown
    const inRecord = parseMonth(last.start) < parseMonth(POLICY_START);
    return html`<span class="ramp-set" data-ramp-start=${last.start}>${s.rampSet(f.month(last.start, lang), f.month(last.end, lang), f.num(last.from ?? before, lang, 4), f.withUnit(last.to, tx(c.meta.unit, lang), lang))}${inRecord ? html` <span class="rewrites-record">${s.rewritesRecord(f.month(POLICY_START, lang))}</span>` : nothing}</span>`;
  }

  /**
   * The year a lever's target is reached: its last ramp's; for a constant that differs from the
   * default, the run's first year (it applies from the start); for a lever at its default, the
   * year chosen ahead of a target, or the default's own.
   */
  private targetYear(c: Control, v: unknown): number {
    if (isSchedule(v) && v.segments.length > 0) {
      const last = v.segments[v.segments.length - 1];
      return Number((last.end ?? last.start).slice(0, 4));
    }
    if (typeof v === 'number' && !sameAsDefault(v, c.defaultValue)) return yearsOf(this.scenario)[0];
    return this.chosenYears[c.id] ?? (isSchedule(c.defaultValue) && c.defaultValue.segments.length > 0 ? this.targetYear(c, c.defaultValue) : Number(POLICY_START.slice(0, 4)));
  }

  private forgetYear(id: string) {
    if (!(id in this.chosenYears)) return;
    const { [id]: _gone, ...rest } = this.chosenYears;
    void _gone;
    this.chosenYears = rest;
  }

  /** A year chosen in the list: the target moves to it; on a lever at its default, it is kept for the target set next. */
  private chooseYear(c: Control, value: number, year: number) {
    this.chosenYears = { ...this.chosenYears, [c.id]: year };
    this.setTarget(c, value, year);
  }

  /**
   * Simple mode: the default path, changed to reach `target` in December of `year` (sim/schema
   * introspect.ts retarget): a small change of the target is a small change of the path, and a
   * policy starts after the record (POLICY_START) where the default is flat until then.
   */
  private setTarget(c: Control, target: number, year: number) {
    const time = timeWindow(this.scenario);
    const start = time.start;
    const path = typeof c.defaultValue === 'number' ? { base: c.defaultValue, segments: [] } : c.defaultValue;
    if (!Number.isFinite(path.base) || year < Number(start.slice(0, 4))) { this.set(c, target); return; }
    const set = retarget(path, target, `${year}-12`, start, POLICY_START);
    // a target that leaves every month of the run as the default (a new year, the same value) is no change
    const first = parseMonth(start);
    const last = parseMonth(time.end);
    let same = true;
    for (let m = first; m <= last && same; m++) same = valueAt(set, m) === valueAt(path, m);
    this.set(c, same ? undefined : set);
  }

  private toggleAdvanced(id: string) {
    const next = new Set(this.advanced);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.advanced = next;
  }

  private renderSchedule(c: Control, sched: Schedule): TemplateResult {
    const s = STRINGS[this.lang];
    const update = (fn: (x: Schedule) => void) => {
      const copy: Schedule = JSON.parse(JSON.stringify(sched)) as Schedule;
      fn(copy);
      this.set(c, copy);
    };
    // a box left empty or holding no number keeps the value it had (Number('') would be 0); a
    // value outside the lever's range is brought inside it and said, as in the simple view (the
    // model would refuse the whole scenario)
    const min = c.meta.minimum ?? Number.NEGATIVE_INFINITY;
    const max = c.meta.maximum ?? Number.POSITIVE_INFINITY;
    const numberFrom = (e: Event, current: number, apply: (x: Schedule, v: number) => void) => {
      const box = e.target as HTMLInputElement;
      const typed = f.typedNumber(box.value);
      const v = Number(typed);
      if (typed === '' || !Number.isFinite(v)) { box.value = String(current); return; }
      const clamped = Math.min(max, Math.max(min, c.meta.integer ? Math.round(v) : v));
      const { [c.id]: _old, ...others } = this.clampNotes;
      void _old;
      const after = MEASURE_FREE_UNITS.has(c.meta.unit.en) ? '' : tx(c.meta.unit, this.lang);
      this.clampNotes = clamped === v ? others : { ...others, [c.id]: s.clamped(shortened(typed), f.withUnit(min, after, this.lang), f.withUnit(max, after, this.lang), f.withUnit(clamped, after, this.lang)) };
      if (clamped !== v) box.value = String(clamped);
      update((x) => apply(x, clamped));
    };
    const monthInput = (value: string | undefined, label: string, onChange: (v: string | undefined) => void, optional: boolean) =>
      html`<input type="month" aria-label=${label} .value=${value ?? ''} ?required=${!optional} min="2000-01" max="2100-12"
        @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; onChange(v === '' ? undefined : v); }} />`;
    return html`<div class="schedule">
      <p class="note">${s.scheduleHelp}</p>
      <label>${s.base} <input type="number" class="num" .value=${String(sched.base)} min=${c.meta.minimum ?? ''} max=${c.meta.maximum ?? ''} step=${step(c)}
        @change=${(e: Event) => numberFrom(e, sched.base, (x, v) => { x.base = v; })} /></label>
      <ol class="segments">
      ${sched.segments.map((seg, i) => html`<li class="segment">
        <label><span>${s.start}</span>${monthInput(seg.start, `${s.start} ${i + 1}`, (v) => update((x) => { if (v) x.segments[i].start = v; }), false)}</label>
        <label><span>${s.end}</span>${monthInput(seg.end, `${s.end} ${i + 1}`, (v) => update((x) => { if (v) x.segments[i].end = v; else delete x.segments[i].end; }), true)}</label>
        <label><span>${s.to}</span><input type="number" class="num" aria-label="${s.to} ${i + 1}" .value=${String(seg.to)} step=${step(c)}
          @change=${(e: Event) => numberFrom(e, seg.to, (x, v) => { x.segments[i].to = v; })} /></label>
        <button type="button" class="remove" aria-label="${s.remove} ${i + 1}" @click=${() => update((x) => { x.segments.splice(i, 1); })}>✕</button>
      </li>`)}
      </ol>
      <button type="button" @click=${() => update((x) => {
        const last = x.segments[x.segments.length - 1];
        const y = last ? Number((last.end ?? last.start).slice(0, 4)) + 1 : 2025;
        x.segments.push({ start: `${Math.min(y, 2030)}-01`, end: `${Math.min(y, 2030)}-12`, to: finalValue(x) });
      })}>${s.addSegment}</button>
    </div>`;
  }

  private renderShocks(): TemplateResult {
    const lang = this.lang;
    const s = STRINGS[lang];
    const shocks = (Array.isArray(this.scenario.shocks) ? this.scenario.shocks : []) as Obj[];
    const setShocks = (next: Obj[]) => {
      const copy: Obj = JSON.parse(JSON.stringify(this.scenario)) as Obj;
      if (next.length) copy.shocks = next;
      else delete copy.shocks;
      this.emit(copy);
    };
    const edit = (i: number, key: string, value: unknown) => {
      const next = JSON.parse(JSON.stringify(shocks)) as Obj[];
      if (value === undefined) delete next[i][key];
      else next[i][key] = value;
      setShocks(next);
    };
    const problems = this.problems.shocks ?? [];
    return html`<details class="group" data-group="shocks">
      <summary><h3>${s.groups.shocks}</h3></summary>
      ${shocks.length === 0 ? html`<p class="note">${s.shocksNone}</p>` : nothing}
      ${shocks.map((shock, i) => {
        const type = SHOCKS.find((t) => t.type === shock.type);
        return html`<fieldset class="shock"><legend>${type ? tx(type.label, lang) : String(shock.type)}</legend>
          ${(type?.fields ?? []).map((fd) => {
            const label = s.shockFields[fd.key] ?? fd.key;
            const v = shock[fd.key] ?? fd.defaultValue;
            if (fd.kind === 'month') return html`<label>${label} <input type="month" .value=${String(v ?? '')} @change=${(e: Event) => edit(i, fd.key, (e.target as HTMLInputElement).value || undefined)} /></label>`;
            if (fd.kind === 'number') return html`<label>${label} <input type="number" class="num" min=${fd.min ?? ''} max=${fd.max ?? ''} step="0.05" .value=${String(v ?? '')} @change=${(e: Event) => edit(i, fd.key, Number((e.target as HTMLInputElement).value))} /></label>`;
            if (fd.kind === 'modes') {
              const sel = new Set((v as string[] | undefined) ?? []);
              return html`<fieldset class="checks"><legend>${label}</legend>${MODES.map((m) => html`<label><input type="checkbox" .checked=${sel.has(m)} @change=${(e: Event) => {
                const next = new Set(sel);
                if ((e.target as HTMLInputElement).checked) next.add(m); else next.delete(m);
                edit(i, fd.key, next.size ? MODES.filter((x) => next.has(x)) : undefined);
              }} />${tx(MODE_TEXT[m], this.lang) || m}</label>`)}</fieldset>`;
            }
            return nothing;
          })}
          <button type="button" @click=${() => setShocks(shocks.filter((_, j) => j !== i))}>${s.remove}</button>
        </fieldset>`;
      })}
      <label class="add-shock">${s.addShock}
        <select @change=${(e: Event) => {
          const sel = e.target as HTMLSelectElement;
          const type = sel.value;
          sel.value = '';
          if (!type) return;
          const fresh: Obj = { type, start: '2025-01', end: '2025-12' };
          if (type === 'freight_rate_spike') fresh.multiplier = 2;
          if (type === 'demand_shock') fresh.change = -0.2;
          setShocks([...shocks, fresh]);
        }}>
          <option value="">—</option>
          ${SHOCKS.map((t) => html`<option value=${t.type}>${tx(t.label, lang)}</option>`)}
        </select></label>
      ${problems.map((p) => html`<p class="problem" role="alert">${p}</p>`)}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yiwu-levers': YiwuLevers;
  }
}
