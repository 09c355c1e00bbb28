/**
 * <yiwu-chart>: one echarts chart with a title, its unit and a PNG download button. The option
 * is set from outside (`.option = …`); updates are applied in their own task so several charts
 * never add up to one long task.
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { LineChart, BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

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
  /** Changing it redraws the chart from scratch (e.g. another metric on the same chart), so nothing of the old option lingers. */
  @property() structure = '';
  private lastStructure = '';
  option: EChartsCoreOption | null = null;
  private chart?: echarts.ECharts;
  private resize?: ResizeObserver;
  private lastJson = '';
  private lastCount = -1;
  private lastLang: string | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<figure class="chart" aria-labelledby="${this.chartId}-h">
      <figcaption>
        <h3 id="${this.chartId}-h">${this.heading} <span class="unit">(${this.unit})</span></h3>
        <button type="button" class="png" title=${this.pngTitle} aria-label=${this.pngTitle} @click=${this.savePng}>${this.pngLabel}</button>
      </figcaption>
      ${this.keyText ? html`<p class="key">${this.keyText}</p>` : ''}
      <div class="plot" role="img" aria-label="${this.heading} (${this.unit})"></div>
    </figure>`;
  }

  override firstUpdated() {
    const el = this.querySelector('.plot') as HTMLDivElement;
    this.chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(el);
    if (this.option) this.schedule();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
    pending.delete(this);
  }

  setOption(option: EChartsCoreOption) {
    this.option = option;
    this.schedule();
  }

  private schedule() {
    if (!this.chart) return;
    pending.add(this);
    if (!draining) { draining = true; setTimeout(drain, 0); }
  }

  applyNow() {
    if (!this.chart || !this.option) return;
    const t0 = performance.now();
    const json = JSON.stringify(this.option);
    if (json === this.lastJson) return;
    this.lastJson = json;
    // same structure as before (same series count): merge, which redraws far faster than a rebuild
    const count = (o: unknown) => ((o as { series?: unknown[] }).series ?? []).length;
    const rebuild = this.lastCount !== count(this.option) || this.lastLang !== (this.option as { lang?: string }).lang || this.lastStructure !== this.structure;
    this.lastStructure = this.structure;
    this.lastCount = count(this.option);
    this.lastLang = (this.option as { lang?: string }).lang;
    this.chart.setOption(this.option, { notMerge: rebuild, lazyUpdate: false, silent: true });
    this.dataset.updates = String(Number(this.dataset.updates ?? 0) + 1);
    chartUpdates.push(performance.now());
    chartTimings.push([this.chartId, t0, performance.now() - t0, rebuild ? 1 : 0]);
    // keep the last few hundred only: a classroom session can run for hours
    if (chartUpdates.length > 500) chartUpdates.splice(0, 250);
    if (chartTimings.length > 500) chartTimings.splice(0, 250);
  }

  /** The chart as a PNG data URL (white background, 2× pixels). */
  pngDataUrl(): string {
    return this.chart ? this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) : '';
  }

  private savePng() {
    const url = this.pngDataUrl();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.chartId || 'chart'}.png`;
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
