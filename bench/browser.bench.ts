/**
 * `npm run bench:browser`: the policy sandbox in headless Chromium. Builds the app, serves it,
 * and reports: time from a slider change to the first chart update, time to a complete update
 * (scenario full run and band seeds), long tasks on the main thread while runs stream,
 * and the JS bundle size (gzip). Goals (issue 4): first chart ≤ 100 ms, full run ≤ 300 ms, no long task.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildApp, serve, launch, hasChromium, CHROMIUM, waitUpToDate } from '../test/e2e/harness.ts';
import { BAND_SEEDS } from '../ui/runner.ts';

if (!hasChromium) {
  console.log(`skipped: ${CHROMIUM} not found`);
  process.exit(0);
}
const dir = await buildApp();
const server = await serve(dir);
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  const done = () => waitUpToDate(page, 120_000, 50);
  await done();
  const rows: Array<{ first: number; mainRun: number; complete: number; longTasks: number[] }> = [];
  const runTimes: Array<{ scale: number; ms: number }> = [];
  await page.evaluate(() => (window as unknown as { __runner: { runTimes: unknown[] } }).__runner.runTimes.splice(0));
  for (const value of [2, 3, 4]) {
    await page.evaluate(() => { (window as unknown as { __longtasks: number[] }).__longtasks = []; });
    // as a string: tsx would wrap named functions in a helper the page does not have
    const t = (await page.evaluate(`new Promise((resolve) => {
      const counts = [...document.querySelectorAll('yiwu-chart')].map((e) => Number(e.dataset.updates ?? 0));
      const start = performance.now();
      const check = () => {
        const now = [...document.querySelectorAll('yiwu-chart')].map((e) => Number(e.dataset.updates ?? 0));
        if (now.some((n, i) => n > counts[i])) resolve({ first: performance.now() - start });
        else requestAnimationFrame(check);
      };
      const input = document.querySelector('[data-control="rules.smeCreditSupply"] input[type=range]');
      input.value = '${value}';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      requestAnimationFrame(check);
    })`)) as { first: number };
    const started = Date.now();
    let mainRun = Number.NaN;
    await page.waitForFunction(() => !/Computing|计算中/.test(document.querySelector('#progress-text')?.textContent ?? '') || /2030/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout: 120_000, polling: 20 });
    mainRun = Date.now() - started + t.first;
    await done();
    const complete = Date.now() - started + t.first;
    rows.push({ first: t.first, mainRun, complete, longTasks: await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks) });
    runTimes.push(...await page.evaluate(() => (window as unknown as { __runner: { runTimes: Array<{ scale: number; ms: number }> } }).__runner.runTimes.splice(0)));
  }
  const js = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, 'assets', f))).length / 1024;
  const main = js.filter((f) => !f.includes('worker'));
  const worker = js.filter((f) => f.includes('worker'));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`Browser benchmark — ${new Date().toISOString()}, Chromium headless, 1280×720, simulation workers: hardware cores − 1 (1 to 2)`);
  console.log(`  slider change → first chart update: ${rows.map((r) => r.first.toFixed(0)).join(', ')} ms (median ${med(rows.map((r) => r.first)).toFixed(0)}; goal ≤ 100)`);
  console.log(`  slider change → full run reaches the last month: ${rows.map((r) => r.mainRun.toFixed(0)).join(', ')} ms (goal ≤ 300)`);
  console.log(`  slider change → everything up to date (full run and its ${BAND_SEEDS - 1} more band seeds at its scale): ${rows.map((r) => r.complete.toFixed(0)).join(', ')} ms`);
  console.log(`  long tasks while streaming: ${rows.map((r) => `${r.longTasks.length} (max ${Math.round(Math.max(0, ...r.longTasks))} ms)`).join(', ')} (goal: none)`);
  if (runTimes.length) console.log(`  worker time per complete run (full run and band seeds, default scale): ${runTimes.map((r) => r.ms.toFixed(0)).join(', ')} ms (median ${med(runTimes.map((r) => r.ms)).toFixed(0)})`);
  console.log(`  JS bundle (gzip): page ${main.map(gz).reduce((a, b) => a + b, 0).toFixed(1)} KB, worker ${worker.map(gz).reduce((a, b) => a + b, 0).toFixed(1)} KB`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
