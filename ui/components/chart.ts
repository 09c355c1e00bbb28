/**
 * <yiwu-chart>: one echarts chart with a title, its unit and a PNG download button. The option
 * is set from outside (`setOption`), as an option or as a function that makes it. Updates keep
 * the main thread free while runs stream:
 * - each chart's update (making its option and drawing it) runs in its own task, so several
 *   charts never add up to one long task;
 * - a chart out of sight is not redrawn: it notes that it is stale and draws when it scrolls
 *   into view (or when its PNG is asked for). Redrawing charts nobody sees would take the main
 *   thread's time from the worker (two cores) and from the charts on screen.
 * - when only the series' points change (the option's text without them is the same), echarts
 *   gets the points alone. So a formatter in an option must not capture figures — they would
 *   stay as first drawn: what changes with the figures travels in the points (charts.ts
 *   smileOption's labels), or the formatter names what it captured in a `frameKey` property
 *   (format.ts moneyAxis: the axis's unit), which the comparison reads.
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { LineChart, BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { wrapText } from '../format.ts';
import { frameOf, POINT_SERIES } from '../frame.ts';

echarts.use([LineChart, BarChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent, CanvasRenderer]);

/** Updates wait in one queue, one chart per task. */
const pending = new Set<YiwuChart>();
let draining = false;
function drain() {
  const next = pending.values().next();
  if (next.done) { draining = false; return; }
  pending.delete(next.value);
  next.value.applyNow();
  setTimeout(drain, 0);
}

function seriesData(option: EChartsCoreOption): Array<unknown[] | undefined> {
  const series = ((option as { series?: unknown }).series ?? []) as Array<{ type?: string; data?: unknown[] }>;
  return (Array.isArray(series) ? series : [series]).map((s) => (POINT_SERIES.has(s.type ?? '') ? s.data : undefined));
}

function sameValues(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Performance marks for the benchmark: time of every chart update. */
export const chartUpdates: number[] = [];
/** For profiling: [chart id, start, duration ms, rebuilt (1) or merged (0)] of every update. */
export const chartTimings: Array<[string, number, number, number]> = [];
(globalThis as unknown as { __chartTimings: typeof chartTimings }).__chartTimings = chartTimings;

@customElement('yiwu-chart')
export class YiwuChart extends LitElement {
  @property() heading = '';
  @property() unit = '';
  @property() pngLabel = 'PNG';
  @property() pngTitle = '';
  @property() chartId = '';
  /** Explains line styles (scenario solid, baseline dashed). */
  @property() keyText = '';
  /** What the image shows results of (scenario, baseline, seed, model version): drawn under the key in the PNG. */
  @property() provenance = '';
  /** The PNG's file name without ".png" (default: the chart id). */
  @property() fileName = '';
  /** Changing it redraws the chart from scratch (e.g. another metric on the same chart), so nothing of the old option lingers. */
  @property() structure = '';
  private lastStructure = '';
  /** The option to draw next, or what makes it (called when the chart is drawn, so it reads the latest data). */
  private source: EChartsCoreOption | (() => EChartsCoreOption | undefined) | null = null;
  private stale = false;
  /** Within (or near) the viewport; without IntersectionObserver every chart counts as in view. */
  private inView = typeof IntersectionObserver === 'undefined';
  private chart?: echarts.ECharts;
  private resize?: ResizeObserver;
  private sight?: IntersectionObserver;
  private lastFrame = '';
  private lastData: Array<unknown[] | undefined> = [];
  private lastCount = -1;
  private lastLang: string | undefined;
  private drawn: EChartsCoreOption | undefined;

  /** The option last drawn (for tests and for reading the chart's numbers from the console). */
  get option(): EChartsCoreOption | undefined {
    return this.drawn;
  }

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<figure class="chart" aria-labelledby="${this.chartId}-h">
      <figcaption>
        <h3 id="${this.chartId}-h">${this.heading}<span class="unit">${this.unitInBrackets()}</span></h3>
        <button type="button" class="png" title=${this.pngTitle} aria-label=${this.pngTitle} @click=${this.savePng}>${this.pngLabel}</button>
      </figcaption>
      ${this.keyText ? html`<p class="key">${this.keyText}</p>` : ''}
      <div class="plot" role="img" aria-label="${this.heading}${this.unitInBrackets()}"></div>
    </figure>`;
  }

  override firstUpdated() {
    const el = this.querySelector('.plot') as HTMLDivElement;
    this.chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(el);
    if (typeof IntersectionObserver !== 'undefined') {
      // a margin of half a screen: a chart about to scroll in is drawn already
      this.sight = new IntersectionObserver((entries) => {
        this.inView = entries[entries.length - 1].isIntersecting;
        if (this.inView && this.stale) this.schedule();
        else if (!this.inView) pending.delete(this);
      }, { rootMargin: '50% 0px' });
      this.sight.observe(this);
    }
    if (this.source) this.schedule();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.sight?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
    pending.delete(this);
  }

  setOption(option: EChartsCoreOption | (() => EChartsCoreOption | undefined)) {
    this.source = option;
    this.stale = true;
    this.schedule();
  }

  private schedule() {
    if (!this.chart || !this.inView) return;
    pending.add(this);
    if (!draining) { draining = true; setTimeout(drain, 0); }
  }

  /**
   * The text a screen reader gets for the chart, in the page's language: its heading, unit and
   * lines (echarts' own text is English, and read the Chinese series names into English sentences).
   */
  private withAriaText(option: EChartsCoreOption): EChartsCoreOption {
    const names = [...new Set(((option as { series?: Array<{ name?: unknown }> }).series ?? []).map((x) => x.name).filter((n): n is string => typeof n === 'string' && n !== ''))];
    const zh = (option as { lang?: string }).lang === 'zh';
    const description = `${this.heading}${this.unit ? (zh ? `（${this.unit}）` : ` (${this.unit})`) : ''}${names.length ? `${zh ? '：' : ': '}${names.join(zh ? '、' : ', ')}` : ''}`;
    const aria = (option as { aria?: Record<string, unknown> }).aria ?? { enabled: true };
    return { ...option, aria: { ...aria, label: { description } } };
  }

  /** The unit in brackets after the heading: full-width beside a Chinese one ("运价（美元/千克）"), else " (US$ per kg)". */
  private unitInBrackets(): string {
    if (!this.unit) return '';
    return /[\u3400-\u9fff]/.test(this.heading) ? `（${this.unit}）` : ` (${this.unit})`;
  }

  applyNow() {
    if (!this.chart || !this.source || !this.stale) return;
    const t0 = performance.now();
    this.stale = false;
    const option = typeof this.source === 'function' ? this.source() : this.source;
    if (!option) return;
    const frame = frameOf(option);
    const data = seriesData(option);
    // same structure as before (same series count): merge, which redraws far faster than a rebuild
    const count = (o: unknown) => ((o as { series?: unknown[] }).series ?? []).length;
    const rebuild = this.lastCount !== count(option) || this.lastLang !== (option as { lang?: string }).lang || this.lastStructure !== this.structure;
    if (!rebuild && frame === this.lastFrame) {
      // only the data may have changed (runs streaming): nothing to do if it has not; otherwise
      // hand echarts the series' data alone, which spares it merging the rest of the option
      if (data.every((d, i) => sameValues(d, this.lastData[i]))) return;
      this.chart.setOption({ series: data.map((d) => (d === undefined ? {} : { data: d })) }, { lazyUpdate: false, silent: true });
    } else {
      this.chart.setOption(this.withAriaText(option), { notMerge: rebuild, lazyUpdate: false, silent: true });
    }
    this.drawn = option;
    this.lastFrame = frame;
    this.lastData = data;
    this.lastStructure = this.structure;
    this.lastCount = count(option);
    this.lastLang = (option as { lang?: string }).lang;
    this.dataset.updates = String(Number(this.dataset.updates ?? 0) + 1);
    chartUpdates.push(performance.now());
    chartTimings.push([this.chartId, t0, performance.now() - t0, rebuild ? 1 : 0]);
    // keep the last few hundred only: a classroom session can run for hours
    if (chartUpdates.length > 500) chartUpdates.splice(0, 250);
    if (chartTimings.length > 500) chartTimings.splice(0, 250);
  }

  /**
   * The chart as a PNG data URL (white background, 2× pixels), with its heading, unit, line key
   * and what it is a result of above the plot: an image pasted into a slide or a report must say
   * what it shows.
   */
  pngDataUrl(): string {
    pending.delete(this);
    this.applyNow();
    if (!this.chart) return '';
    const ratio = 2;
    const plot = this.chart.renderToCanvas({ pixelRatio: ratio, backgroundColor: '#ffffff' });
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) return plot.toDataURL('image/png');
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    const pad = 10 * ratio;
    const room = plot.width - 2 * pad;
    // heading, line key and what the chart is a result of, each broken into as many lines as the
    // width needs (a long heading narrowed into one line was hard to read)
    const lines: Array<{ text: string; size: number; weight: string; colour: string }> = [];
    const add = (text: string, size: number, weight: string, colour: string) => {
      ctx.font = `${weight}${size}px ${family}`;
      for (const line of wrapText(text, room, (t) => ctx.measureText(t).width)) lines.push({ text: line, size, weight, colour });
    };
    add(`${this.heading}${this.unitInBrackets()}`, 15 * ratio, '600 ', '#1a1a1a');
    if (this.keyText) add(this.keyText, 12 * ratio, '', '#4a4a4a');
    if (this.provenance) add(this.provenance, 11 * ratio, '', '#4a4a4a');
    const top = pad + lines.reduce((h, l) => h + l.size * 1.35, 0);
    canvas.width = plot.width;
    canvas.height = plot.height + top;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.textBaseline = 'top';
    let y = pad;
    for (const l of lines) {
      ctx.font = `${l.weight}${l.size}px ${family}`;
      ctx.fillStyle = l.colour;
      // (only a single word wider than the whole image is narrowed)
      ctx.fillText(l.text, pad, y, room);
      y += l.size * 1.35;
    }
    ctx.drawImage(plot, 0, top);
    return canvas.toDataURL('image/png');
  }

  private savePng() {
    const url = this.pngDataUrl();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.fileName || this.chartId || 'chart'}.png`;
    document.body.append(a);
    a.click();
    a.remove();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yiwu-chart': YiwuChart;
  }
}
