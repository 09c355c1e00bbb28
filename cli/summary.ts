/**
 * The short, readable summary printed at the end of a run: where the files went, the agents,
 * the run time and a few headline numbers (exports in the first and last year, digital share
 * of exports, merchants alive, the accounting check), and a note when the time window is not
 * the one the model is built for (sim/schema/horizon.ts).
 */
import * as path from 'node:path';
import { horizonNotes, type RunResult } from '../sim/index.ts';
import type { FileInfo } from './writers.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

interface Year {
  year: string;
  months: number;
  exports: number;
  digital: number;
}

/** Exports (US$, Yiwu scale) and their digital part by calendar year. */
export function exportsByYear(result: RunResult): Year[] {
  const total = result.series.get('trade_value_usd');
  const b2b = result.series.get('trade_value_usd', { channel: 'b2b_platform' });
  const cbec = result.series.get('trade_value_usd', { channel: 'cross_border_ecommerce' });
  const years: Year[] = [];
  result.months.forEach((month, t) => {
    const year = month.slice(0, 4);
    let y = years[years.length - 1];
    if (!y || y.year !== year) years.push((y = { year, months: 0, exports: 0, digital: 0 }));
    y.months++;
    y.exports += total?.[t] ?? 0;
    y.digital += (b2b?.[t] ?? 0) + (cbec?.[t] ?? 0);
  });
  return years;
}

export function summaryText(result: RunResult, dir: string, files: FileInfo[], totalMs: number): string {
  const s = result.scenario;
  const a = result.agentCounts;
  const shown = path.relative(process.cwd(), dir);
  const where = !shown || shown.startsWith('..') || path.isAbsolute(shown) ? dir : shown;
  const lines: string[] = [];
  lines.push(`Scenario ${s.name}: ${result.months[0]} to ${result.months[result.months.length - 1]} (${result.months.length} months), seed ${result.seed}, scale ${Number(s.scale.toPrecision(4))}`);
  lines.push(`Files in ${where}${path.sep}`);
  const size = (bytes: number | undefined) => (bytes === undefined ? '' : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  for (const f of files) lines.push(`  ${f.file.padEnd(16)}${(f.rows === undefined ? '' : `${int(f.rows)} rows`).padEnd(16)}${size(f.bytes).padStart(8)}`.trimEnd());
  lines.push(`Agents: ${int(a.merchants)} simulated merchants alive at the end, each standing for ${Number((1 / s.scale).toPrecision(3))} booths (${int(a.merchantsEverAlive)} ever alive, ${int(a.merchantSlots)} booth slots), ` +
    `${int(a.buyerAgents)} buyer agents standing for ${int(a.buyersRepresented)} buyers, ${a.logisticsProviders} logistics providers, ${a.regulators} regulators`);
  lines.push(`Run time: ${(result.runTimeMs / 1000).toFixed(1)} s simulating, ${(totalMs / 1000).toFixed(1)} s in all`);

  const years = exportsByYear(result);
  const label = (y: Year) => `${y.year}${y.months < 12 ? ` (${y.months} ${y.months === 1 ? 'month' : 'months'})` : ''}`;
  const first = years[0];
  const last = years[years.length - 1];
  lines.push('Headline numbers (at Yiwu scale):');
  lines.push(`  Exports ${label(first)}: US$ ${(first.exports / 1e9).toFixed(2)} bn; digital share ${pct(first.digital / first.exports)}`);
  if (last !== first) lines.push(`  Exports ${label(last)}: US$ ${(last.exports / 1e9).toFixed(2)} bn; digital share ${pct(last.digital / last.exports)}`);
  const alive = result.series.get('merchants_alive');
  if (alive) lines.push(`  Merchants alive at the end: ${int(alive[alive.length - 1])}`);
  const gap = Math.max(result.accounting.paymentsGap, result.accounting.valueAddedGap, result.accounting.cashGap);
  lines.push(`Accounting check: ${gap < 1e-9 ? 'ok' : 'WARNING, books do not balance'} (largest relative gap ${gap.toExponential(1)})`);
  if (result.cancelled) lines.push('The run was cancelled before its end.');
  for (const note of horizonNotes(s.time)) lines.push(`Note: ${note.en}.`);
  return lines.join('\n') + '\n';
}
