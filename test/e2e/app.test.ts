/**
 * The policy sandbox end to end, in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core): builds the app with vite, serves dist on a loopback port, and checks what a
 * user sees. Skipped, with a message, where Chromium is missing (CI installs it).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { buildApp, serve, launch, hasChromium, CHROMIUM, waitUpToDate } from './harness.ts';
import { en } from '../../ui/i18n/en.ts';
import { zh } from '../../ui/i18n/zh.ts';
import { MODEL_VERSION } from '../../sim/run.ts';

if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)`);

const done = (page: Page, timeout = 90_000) => waitUpToDate(page, timeout, 100);
const cards = (page: Page) => page.$$eval('.card', (els) => els.map((e) => `${e.querySelector('[data-value]')?.textContent?.trim()}|${e.querySelector('[data-delta]')?.textContent?.trim()}`));

/** Sets a lever's slider as a user releasing it would (value, then `change`). */
async function moveSlider(page: Page, control: string, value: number) {
  await page.locator(`[data-control="${control}"] input[type=range]`).evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

describe.skipIf(!hasChromium)('browser app', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await buildApp();
    server = await serve(dir);
    browser = await launch({ locale: 'en-GB' });
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __longtasks: number[] };
      w.__longtasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console errors and fills cards and charts', async () => {
    await page.goto(server.url);
    await done(page);
    expect(errors).toEqual([]);
    const values = await cards(page);
    expect(values).toHaveLength(7);
    for (const v of values) expect(v).not.toMatch(/NaN|–\||computing/);
    // charts out of sight are drawn when they scroll into view
    for (const id of await page.$$eval('yiwu-chart', (els) => els.map((e) => e.id))) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForFunction((i) => Number((document.getElementById(i) as HTMLElement).dataset.updates ?? 0) > 0, id, { timeout: 10_000 });
    }
    expect(await page.locator('.report tbody tr').count()).toBe(10);
    // a total over the regions, its exports the sum of the rows' (to the shown precision)
    expect(await page.locator('.report tfoot th').textContent()).toBe(en.reportTotal);
    const bn = (t: string | null) => Number(/US\$([\d.]+)bn/.exec(t ?? '')?.[1]);
    const rows = (await page.locator('.report tbody tr td:nth-child(2)').allTextContents()).map(bn);
    expect(bn(await page.locator('.report tfoot td').first().textContent())).toBeCloseTo(rows.reduce((a, b) => a + b, 0), -0.5);
    await page.evaluate(() => window.scrollTo(0, 0));
  }, 120_000);

  it('a chart out of sight is not redrawn while runs stream, and catches up when scrolled into view', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const far = page.locator('#chart-contextB2c');
    const count = async () => Number((await far.getAttribute('data-updates')) ?? 0);
    const before = await count();
    const near = Number((await page.locator('#chart-trade').getAttribute('data-updates')) ?? 0);
    await moveSlider(page, 'rules.smeCreditSupply', 2.5);
    await done(page);
    expect(Number(await page.locator('#chart-trade').getAttribute('data-updates'))).toBeGreaterThan(near);
    expect(await count()).toBe(before);
    await far.scrollIntoViewIfNeeded();
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-control="rules.smeCreditSupply"] .reset').click();
    await done(page);
  }, 120_000);

  it('each card says how much its change moves with the seed alone', async () => {
    await moveSlider(page, 'rules.smeCreditSupply', 1.05);
    await done(page);
    // every card that shows a change says how much the seed alone moves it (a change below
    // 0.05 % reads "no change" and has no noise to weigh); a small policy changes several
    const after = await page.$$eval('.card', (els) => els.map((e) => ({ delta: e.querySelector('[data-delta]')?.textContent ?? '', noise: e.querySelector('[data-noise]')?.textContent ?? '' })));
    const changed = after.filter((c) => !/no change/.test(c.delta));
    expect(changed.length).toBeGreaterThanOrEqual(3);
    for (const c of changed) expect(c.noise, c.delta).toMatch(/±/);
    for (const c of after.filter((x) => /no change/.test(x.delta))) expect(c.noise).toBe('');
    // the report greys the changes the seed alone could make, and says so
    expect(await page.locator('.report td .noise').count()).toBeGreaterThan(0);
    expect(await page.locator('.report td .noise').first().getAttribute('title')).toMatch(/^within seed noise \(±US\$/);
    expect(await page.locator('.report .note').textContent()).toMatch(/grey italics are within seed noise/);
    // a policy with a large effect is not called noise: far more credit, far fewer rejections
    await moveSlider(page, 'rules.smeCreditSupply', 2.5);
    await done(page);
    // (polled: the cards follow the last runs by a frame or two)
    await expect.poll(() => page.locator('[data-card="rejection"] [data-noise]').textContent(), { timeout: 60_000 }).toMatch(/^seed noise ±/);
    // the rejection rate says how many apply: its base moves with the policy too
    expect(await page.locator('[data-card="rejection"] .card-note').textContent()).toMatch(/^share of [\d,]+ applications a month \(baseline [\d,]+\) · Baseline: [\d.]+%$/);
    await moveSlider(page, 'rules.smeCreditSupply', 1);
    await done(page);
  }, 120_000);

  it('typing a value outside a lever\'s range says what was used instead', async () => {
    const rate = page.locator('[data-control="rules.smeLendingRate"]');
    const input = rate.locator('input.num');
    const type = async (box: typeof input, text: string) => { await box.fill(text); await box.dispatchEvent('change'); };
    // "5" for a rate of 5 %: said as such, and the lever keeps its value (not 30 %, the maximum)
    await type(input, '5');
    const note = rate.locator('.problem');
    await note.waitFor();
    expect(await note.textContent()).toBe(en.percentTyped('5', '0 per year', '0.3 per year', '0.05', '0.06 per year'));
    expect(await rate.locator('input[type=range]').inputValue()).toBe('0.06');
    expect(await input.inputValue()).toBe('0.06');
    // nothing typed, or no number: kept, and said
    await type(input, '');
    expect(await note.textContent()).toBe(en.nothingTyped('0.06 per year'));
    expect(await input.inputValue()).toBe('0.06');
    await type(input, 'six');
    expect(await note.textContent()).toBe(en.notANumber('six', '0.06 per year'));
    // "150%" typed with its sign is 1.5, out of range: clamped, not read as "150 % means 0.015" (it said so)
    await type(input, '150%');
    expect(await note.textContent()).toBe(en.clamped('150%', '0 per year', '0.3 per year', '0.3 per year'));
    await rate.locator('.reset').click();
    // a value out of range is quoted as typed (1e9, not "1bn") and brought inside the range
    const days = page.locator('[data-control="platform.customs.cross_border_ecommerce.clearanceDays"]');
    await type(days.locator('input.num'), '1e9');
    await days.locator('.problem').waitFor();
    expect(await days.locator('.problem').textContent()).toMatch(/^1e9 is outside the allowed range \(0 days to 30 days\); using 30 days\.$/);
    await days.locator('.reset').click();
    await type(input, '0.05');
    await expect.poll(() => rate.locator('.problem').count()).toBe(0);
    await rate.locator('.reset').click();
    // a scale's name is not written after each number ("0 index, 0 to 1 to 1 index, 0 to 1")
    const strict = page.locator('[data-control="platform.homeDataOutboundStrictness"]');
    await type(strict.locator('input.num'), '1.5');
    await strict.locator('.problem').waitFor();
    expect(await strict.locator('.problem').textContent()).toBe(en.clamped('1.5', '0', '1', '1'));
    await strict.locator('.reset').click();
    // a tariff typed as a percentage: "25" is said to be 25 % and the tariff kept (not clamped to 200 %); "25%" is 0.25
    const tariff = page.locator('[data-control="regions.north_america.tariff"]');
    await page.locator('details.row').filter({ has: tariff }).locator('summary').click();
    await type(tariff.locator('input.num'), '25');
    await tariff.locator('.problem').waitFor();
    expect(await tariff.locator('.problem').textContent()).toBe(en.percentTyped('25', '0', '2', '0.25', '0.12'));
    expect(await tariff.locator('input.num').inputValue()).toBe('0.12');
    await type(tariff.locator('input.num'), '25%');
    await expect.poll(() => tariff.locator('.problem').count()).toBe(0);
    expect(await tariff.locator('input.num').inputValue()).toBe('0.25');
    // beside the unit, the fraction read as the percentage it is (as the classroom lists it)
    expect(await tariff.locator('.as-percent').textContent()).toBe('(25%)');
    expect(await rate.locator('.as-percent').textContent()).toBe('(6%)');
    await tariff.locator('.reset').click();
    await done(page);
  }, 120_000);

  it('every slider shows its lever\'s value (no thumb snapped to a step beside its box)', async () => {
    const mismatches = await page.$$eval('[data-control]', (levers) => levers.flatMap((lever) => {
      const range = lever.querySelector<HTMLInputElement>('input[type=range]');
      const box = lever.querySelector<HTMLInputElement>('input.num');
      if (!range || !box) return [];
      const value = Number(box.value);
      if (value > Number(range.max)) return []; // beyond the slider's end (clearance days typed up to 30)
      // (the box shows 6 significant digits of a fitted parameter)
      return Math.abs(Number(range.value) - value) > 1e-5 * Math.max(1, Math.abs(value)) ? [`${(lever as HTMLElement).dataset.control}: slider ${range.value}, box ${box.value}`] : [];
    }));
    expect(mismatches).toEqual([]);
    expect(await page.locator('[data-control]').count()).toBeGreaterThan(40);
  });

  it('a seed that is not a whole number from 0 to 2³¹ − 1 is refused with a message; the results keep their seed', async () => {
    const seed = page.locator('#seed');
    const type = async (text: string) => { await seed.fill(text); await seed.dispatchEvent('change'); };
    const message = page.locator('.message.error');
    for (const bad of ['-1', '1.5', '1e12', 'abc']) {
      await type(bad);
      await expect.poll(() => message.textContent()).toContain(en.seedInvalid(bad, 2 ** 31 - 1, 1));
      expect(await seed.getAttribute('aria-invalid')).toBe('true');
    }
    await type('');
    await expect.poll(() => message.textContent()).toContain('No seed typed');
    await page.waitForTimeout(300);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('seed')).toBe('1');
    // a good seed runs, and takes the message away
    await type('7');
    await done(page);
    expect(await message.count()).toBe(0);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('seed')).toBe('7');
    await type('1');
    await done(page);
  }, 120_000);

  it('a schedule lever set by target and year runs; a scenario the model refuses is named, not left "computing…"', async () => {
    // 5G to 0.9 by 2026: the default's 0.85 by 2023 stays, a ramp from 2024 (the ramp once began in
    // the month the kept segment ended, the model refused it and the cards waited for good)
    const lever = page.locator('[data-control="infrastructure.fiveGCoverage"]');
    await moveSlider(page, 'infrastructure.fiveGCoverage', 0.9);
    await lever.locator('select').selectOption('2026');
    await done(page);
    expect(await page.locator('.run-failed').count()).toBe(0);
    expect((await cards(page)).every((c) => !c.startsWith(en.computing))).toBe(true);
    // in the full schedule, a target outside the lever's range is brought inside it and said (the
    // model would refuse the whole scenario)
    await lever.locator('button.link[aria-expanded]').click();
    const to = lever.locator('.segment input.num').last();
    await to.fill('7');
    await to.dispatchEvent('change');
    await expect.poll(() => lever.locator('.problem').first().textContent()).toBe(en.clamped('7', '0', '1', '1'));
    expect(await to.inputValue()).toBe('1');
    await done(page);
    expect(await page.locator('.run-failed').count()).toBe(0);
    await lever.locator('button.link[aria-expanded]').click();
    // a scenario that passes each field but not the model's checks (segments out of order): said, with the lever named
    await page.evaluate(() => {
      const app = document.querySelector('yiwu-app') as unknown as { setScenario(s: object): void };
      app.setScenario({ infrastructure: { fiveGCoverage: { base: 0.1, segments: [{ start: '2024-01', end: '2026-12', to: 0.9 }, { start: '2023-01', to: 1 }] } } });
    });
    const alert = page.locator('.run-failed[data-side="scenario"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('5G coverage');
    expect(await alert.textContent()).toContain('overlaps');
    // and beside the lever itself
    expect(await lever.locator('.problem').first().textContent()).toContain('overlaps');
    await page.waitForFunction((t) => document.querySelector('#progress-text')?.textContent === t, en.runStopped, { timeout: 60_000 });
    expect(await page.locator('.card [data-value]').first().textContent()).toBe(en.notComputed);
    await lever.locator('.reset').click();
    await done(page);
    expect(await page.locator('.run-failed').count()).toBe(0);
  }, 180_000);

  it('a target year within the record says it changes the record; a new year alone changes nothing', async () => {
    const lever = page.locator('[data-control="rules.smeCreditSupply"]');
    // the year alone, the value still the default's: no change (no reset button, no runs)
    await lever.locator('select').selectOption('2027');
    expect(await lever.locator('.reset').count()).toBe(0);
    expect(await lever.locator('.ramp-set').count()).toBe(0);
    // the value set next reaches it by the year chosen ahead (not the default's 2025)
    await moveSlider(page, 'rules.smeCreditSupply', 2);
    expect(await lever.locator('select').inputValue()).toBe('2027');
    expect(await lever.locator('.ramp-set').textContent()).toBe(en.rampSet('Jan 2025', 'Dec 2027', '1', '2 index (2020 = 1)'));
    // a target for 2020 (the run's first year) ramps within 2020, and the lever says the record changed
    await lever.locator('select').selectOption('2020');
    expect(await lever.locator('select').inputValue()).toBe('2020');
    expect(await lever.locator('.ramp-set').textContent()).toBe(`${en.rampSet('Jan 2020', 'Dec 2020', '1', '2 index (2020 = 1)')} ${en.rewritesRecord('Jan 2025')}`);
    await lever.locator('.reset').click();
    await done(page);
    // a constant from a file holds from the first month: said so, with the year list at 2020
    await page.locator('#file').setInputFiles({ name: 'constant.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ rules: { smeCreditSupply: 2.5 } })) });
    await expect.poll(() => lever.locator('.ramp-set').textContent()).toBe(`${en.constantSet('2.5 index (2020 = 1)', 'Jan 2020')} ${en.rewritesRecord('Jan 2025')}`);
    expect(await lever.locator('select').inputValue()).toBe('2020');
    // a note about a typed value goes when the levers are set from elsewhere (here: reset all)
    const trust = page.locator('[data-control="platform.consumerProtection"]');
    await trust.locator('input.num').fill('2');
    await trust.locator('input.num').dispatchEvent('change');
    await trust.locator('.problem').waitFor();
    await page.locator('.reset-all').click();
    await expect.poll(() => trust.locator('.problem').count()).toBe(0);
    expect(await lever.locator('.ramp-set').count()).toBe(0);
    await page.locator('#preset').selectOption('baseline');
    await done(page);
  }, 120_000);

  it('moving a slider changes the cards and the charts; the main thread stays free while runs stream', async () => {
    const before = await cards(page);
    const chartsBefore = await page.$$eval('yiwu-chart', (els) => els.map((e) => Number((e as HTMLElement).dataset.updates ?? 0)));
    const longTasks: number[][] = [];
    // three changes, each streaming a new full run and band seeds
    for (const value of [2.2, 3.3, 4]) {
      await page.evaluate(() => { (window as unknown as { __longtasks: number[] }).__longtasks = []; });
      await moveSlider(page, 'rules.smeCreditSupply', value);
      // (polled on a timer: under load an animation-frame poll can miss the whole run)
      await page.waitForFunction(() => /Computing|计算中/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout: 15_000, polling: 10 }).catch(async () => {
        // (seen once in a clean-clone CI and once beside three busy cores, not since: say what the page showed)
        const state = await page.evaluate(() => {
          const r = (window as unknown as { __runner: { progress(): unknown; fromCache: boolean; requestedAt: number } }).__runner;
          const slider = document.querySelector('[data-control="rules.smeCreditSupply"] input[type=range]') as HTMLInputElement;
          return JSON.stringify({ status: document.querySelector('#progress-text')?.textContent, progress: r.progress(), fromCache: r.fromCache, sinceRequest: performance.now() - r.requestedAt, slider: slider.value, link: location.hash.slice(0, 120) });
        });
        throw new Error(`no "Computing" status within 15 s of setting SME credit supply to ${value}; the page: ${state}`);
      });
      // while the new run streams, the cards keep the last figures (greyed, "updating…"), never blank to "computing…"
      expect((await cards(page)).some((c) => c.startsWith(en.computing))).toBe(false);
      // once the full run has its last month, the status says that the band is what is left
      await page.waitForFunction(() => /^Full run done \(to Dec 2030\); computing the uncertainty band: \d+ of \d+ runs done$/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout: 10_000 });
      await done(page);
      expect(await page.locator('.cards.stale').count()).toBe(0);
      longTasks.push(await page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks));
    }
    // a target starts after the record (Jan 2025), so each run continued from the month the earlier runs left there
    expect(await page.locator('[data-control="rules.smeCreditSupply"] .ramp-set').getAttribute('data-ramp-start')).toBe('2025-01');
    expect(await page.locator('[data-control="rules.smeCreditSupply"] .ramp-set').textContent()).toBe(en.rampSet('Jan 2025', 'Dec 2025', '1', '4 index (2020 = 1)'));
    const resumedAt = await page.evaluate(() => (window as unknown as { __runner: { runTimes: Array<{ resumedAt: number }> } }).__runner.runTimes.map((r) => r.resumedAt));
    expect(resumedAt.filter((m) => m === 60).length, `months continued from, per run: ${resumedAt.join(', ')}`).toBeGreaterThanOrEqual(3);
    const after = await cards(page);
    expect(after).not.toEqual(before);
    const rejection = after[5];
    expect(rejection).toMatch(/▼/);
    const chartsAfter = await page.$$eval('yiwu-chart', (els) => els.map((e) => Number((e as HTMLElement).dataset.updates ?? 0)));
    expect(chartsAfter.some((n, i) => n > chartsBefore[i])).toBe(true);
    // Goal (issue 4): no task over 50 ms. Measured on the 2-core CI machine: 0–2 per change of
    // 50–130 ms, all echarts redraws of the charts in sight (a redraw takes 5–15 ms, more when the
    // worker and the machine's other load take the cores). The test fails when blocking comes back
    // for real: more than one long task per change on average, or any task over 200 ms.
    const all = longTasks.flat();
    console.log(`long tasks while streaming, per change: ${longTasks.map((l) => `${l.length} (${l.map(Math.round).join(', ') || '–'} ms)`).join('; ')}`);
    expect(all.length, `long tasks (ms): ${all.join(', ')}`).toBeLessThanOrEqual(3);
    expect(Math.max(0, ...all), `long tasks (ms): ${all.join(', ')}`).toBeLessThan(200);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a share link reopened gives identical numbers', async () => {
    const url = page.url();
    expect(url).toMatch(/#v=/);
    const mine = await cards(page);
    const other = await browser.context.newPage();
    await other.goto(url);
    await done(other);
    expect(await cards(other)).toEqual(mine);
    await other.close();
  }, 120_000);

  it('a change shows its run month by month, even one made just after a redraw; until its first months the charts keep the old lines', async () => {
    await done(page);
    const urlBefore = page.url();
    // the trade chart in sight (a chart out of sight is not redrawn while runs stream), on the
    // tab in front (the test before opened another)
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    /** Months of the scenario's solid lines in the trade chart at each of its redraws from now on. */
    const watchTrade = () => page.evaluate(() => {
      const w = window as unknown as { __drawnMonths: number[]; __watch?: MutationObserver };
      w.__drawnMonths = [];
      w.__watch?.disconnect();
      const chart = document.querySelector('#chart-trade') as HTMLElement & { option?: { series: Array<{ lineStyle?: { type?: unknown }; data: Array<unknown> }> } };
      const months = () => Math.max(0, ...(chart.option?.series ?? []).filter((x) => x.lineStyle?.type === 'solid')
        .map((x) => x.data.filter((d) => Number.isFinite(Array.isArray(d) ? d[1] : d !== null && typeof d === 'object' ? (d as { value: unknown }).value : d)).length));
      w.__watch = new MutationObserver(() => w.__drawnMonths.push(months()));
      w.__watch.observe(chart, { attributes: true, attributeFilter: ['data-updates'] });
    });
    const setSeed = (seed: number) => page.evaluate((v) => {
      const box = document.querySelector('#seed') as HTMLInputElement;
      const at = performance.now();
      box.value = String(v);
      box.dispatchEvent(new Event('change', { bubbles: true }));
      return at;
    }, seed);
    const drawnMonths = () => page.evaluate(() => (window as unknown as { __drawnMonths: number[] }).__drawnMonths);
    // a new seed computes every month; its first months are drawn while the rest compute
    await watchTrade();
    await setSeed(7);
    await page.waitForFunction(() => (window as unknown as { __drawnMonths: number[] }).__drawnMonths.some((m) => m > 0 && m < 132)
      || /Full run done|Up to date/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout: 20_000, polling: 5 });
    const first = await drawnMonths();
    // another seed at once (not one of 7's band seeds, which would be whole already), within the
    // redraw throttle of that drawing: its first months were held back until its run had
    // finished (the charts jumped from the old run to the new whole)
    await watchTrade();
    await setSeed(50);
    await page.waitForFunction(() => /Full run done|Up to date/.test(document.querySelector('#progress-text')?.textContent ?? ''), null, { timeout: 20_000, polling: 20 });
    const next = await drawnMonths();
    expect(first.some((m) => m > 0 && m < 132), `seed 7: months drawn at each redraw: ${first.join(', ')}`).toBe(true);
    expect(next.some((m) => m > 0 && m < 132), `seed 50: months drawn at each redraw: ${next.join(', ')}`).toBe(true);
    await done(page);
    // until the new run's first months arrive the charts keep the old run's lines and bands: with
    // the charts in sight drawn (none waiting for its turn), the trade chart is not redrawn in
    // between (a redraw then showed it without the band, and held up the first months)
    await page.waitForTimeout(500);
    const changedAt = await setSeed(40);
    await page.waitForFunction(() => (window as unknown as { __runner: { firstShownAt: number } }).__runner.firstShownAt > 0, null, { timeout: 10_000, polling: 5 });
    const before = await page.evaluate((at) => {
      const w = window as unknown as { __runner: { firstShownAt: number }; __chartTimings: Array<[string, number, number, number]> };
      return w.__chartTimings.filter(([id, t0]) => id === 'trade' && t0 >= at && t0 < w.__runner.firstShownAt).map(([id, t0]) => `${id} at ${Math.round(t0 - at)} ms`);
    }, changedAt);
    expect(before).toEqual([]);
    await done(page);
    await setSeed(1);
    await done(page);
    // (the link is written when the page is idle: the tests after this one read it)
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(urlBefore);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a preset chosen after the page has been idle shows its whole run at once, with the numbers of a run computed on demand', async () => {
    const tab = await browser.context.newPage();
    const tabErrors: string[] = [];
    tab.on('pageerror', (e) => tabErrors.push(e.message));
    await tab.goto(server.url);
    await done(tab);
    type Pending = { __runner: { prefetchPending(): number } };
    // the presets' runs are computed in the background once the page is idle
    expect(await tab.evaluate(() => (window as unknown as Pending).__runner.prefetchPending())).toBeGreaterThan(0);
    await tab.waitForFunction(() => (window as unknown as Pending).__runner.prefetchPending() === 0, null, { timeout: 60_000, polling: 100 });
    // choosing one: its full run is whole at once (only its band's other seeds are left to compute)
    const whole = await tab.evaluate(() => {
      const picker = document.querySelector('#preset') as HTMLSelectElement;
      picker.value = 'sme-finance';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      const main = (window as unknown as { __runner: { view(side: string): { main?: { complete: boolean; done: number; months: string[] } } } }).__runner.view('scenario').main;
      return { complete: main?.complete, done: main?.done, months: main?.months.length };
    });
    expect(whole).toEqual({ complete: true, done: 132, months: 132 });
    await done(tab);
    const mine = await cards(tab);
    expect(mine.some((c) => !c.includes('no change'))).toBe(true);
    // the same link opened where nothing ran in the background: the same numbers
    const other = await browser.context.newPage();
    await other.goto(tab.url());
    await done(other);
    expect(await cards(other)).toEqual(mine);
    await other.close();
    // chosen while its background run is under way (a new seed: every preset's to compute again),
    // the run is taken over where it is, not started again, and streams from there
    await tab.locator('#preset').selectOption('baseline');
    await tab.locator('#seed').fill('7');
    await tab.locator('#seed').dispatchEvent('change');
    await done(tab);
    type Probe = { __runner: { backgroundKeys(): string[]; adoptions: number } };
    const adoptionsBefore = await tab.evaluate(() => (window as unknown as Probe).__runner.adoptions);
    await tab.evaluate(() => new Promise<void>((resolve) => {
      // checked and chosen in one task, so the run cannot end in between (sme-finance's scenario
      // sets only rules: its key's input starts with them)
      const poll = () => {
        if ((window as unknown as Probe).__runner.backgroundKeys().some((k) => k.includes('|{"rules":'))) {
          const picker = document.querySelector('#preset') as HTMLSelectElement;
          picker.value = 'sme-finance';
          picker.dispatchEvent(new Event('change', { bubbles: true }));
          resolve();
        } else setTimeout(poll, 2);
      };
      poll();
    }));
    expect(await tab.evaluate(() => (window as unknown as Probe).__runner.adoptions)).toBe(adoptionsBefore + 1);
    await done(tab);
    const adopted = await cards(tab);
    const check = await browser.context.newPage();
    await check.goto(tab.url());
    await done(check);
    expect(await cards(check)).toEqual(adopted);
    await check.close();
    await tab.close();
    expect(tabErrors).toEqual([]);
  }, 150_000);

  it('a broken or outdated link shows a clear message and falls back to the baseline', async () => {
    // each link in a fresh tab, as a user opening it would
    const open = async (hash: string, expected: string, addressKept = false) => {
      const tab = await browser.context.newPage();
      await tab.goto(`${server.url}${hash}`);
      await expect.poll(() => tab.locator('.message.error').textContent(), { timeout: 20_000 }).toContain(expected);
      expect(await tab.locator('#preset').inputValue()).toBe('baseline');
      expect(await tab.locator('.message img').count()).toBe(0);
      if (addressKept) {
        // the link sent stays in the address (to copy or mend) until the user changes something
        await done(tab);
        expect(await tab.evaluate(() => location.hash)).toBe(hash);
        await moveSlider(tab, 'rules.smeCreditSupply', 2);
        await expect.poll(() => tab.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#v=.*&s=/);
        // and the message about the link goes with it: it no longer says what is shown
        expect(await tab.locator('.message.error').count()).toBe(0);
      }
      await tab.close();
    };
    await open(`#v=${MODEL_VERSION}&seed=1&s=%%%not-base64`, en.linkBroken);
    await open('#zzzz', en.linkBroken, true); // not a link of this app at all
    await open('#v=0.0.1&seed=1', 'model version 0.0.1', true);
    await open(`#v=${MODEL_VERSION}&seed=1&s=${'A'.repeat(20_000)}`, 'characters long');
    // a part a user can name is named
    await open(`#v=${MODEL_VERSION}&seed=abc`, 'its seed “abc” is not a whole number from 0 to 2,147,483,647');
    // valid JSON but not a valid scenario; the HTML in it stays inert text
    const bad = Buffer.from(JSON.stringify({ name: '<img src=x onerror=alert(1)>', infrastructure: { fiveGCoverage: 7 } })).toString('base64url');
    await open(`#v=${MODEL_VERSION}&seed=1&s=${bad}`, '5G coverage');

    // an outdated link whose scenario still reads: shown on request, with this model, and said so
    const tab = await browser.context.newPage();
    const scenario = Buffer.from(JSON.stringify({ rules: { smeCreditSupply: 2 } })).toString('base64url');
    await tab.goto(`${server.url}#v=0.7.0&seed=7&b=sme-finance&s=${scenario}`);
    const outdated = tab.locator('.message.error');
    await expect.poll(() => outdated.textContent(), { timeout: 20_000 }).toContain('model version 0.7.0');
    expect(await tab.locator('#preset').inputValue()).toBe('baseline');
    // copying the link of what is shown keeps the offer (the address still holds the old link)
    await tab.locator('#share').click();
    await expect.poll(async () => (await tab.locator('.message.info').count()) + (await tab.locator('.share-url').count())).toBeGreaterThan(0);
    if (await tab.locator('.share-url').count()) expect(await tab.locator('.share-url').inputValue()).toBe(`${server.url}#v=${MODEL_VERSION}&seed=1`);
    expect(await outdated.getByRole('button').count()).toBeGreaterThan(1);
    await outdated.getByRole('button', { name: `Open its scenario with model ${MODEL_VERSION}` }).click();
    await expect.poll(() => tab.locator('.message.info').textContent()).toContain(`run with model ${MODEL_VERSION}`);
    expect(await tab.locator('.message.error').count()).toBe(0);
    expect(await tab.locator('[data-control="rules.smeCreditSupply"] input[type=range]').inputValue()).toBe('2');
    expect(await tab.locator('#seed').inputValue()).toBe('7');
    expect(await tab.locator('#baseline').inputValue()).toBe('sme-finance');
    await done(tab);
    expect(await tab.evaluate(() => location.hash)).toMatch(new RegExp(`^#v=${MODEL_VERSION.replace(/\./g, '\\.')}&seed=7&b=sme-finance&s=`));
    // the button gone, focus is on the note that replaced it; the note goes with the first change
    expect(await tab.evaluate(() => document.activeElement?.closest('.message')?.textContent ?? '')).toContain(`run with model ${MODEL_VERSION}`);
    await moveSlider(tab, 'rules.smeCreditSupply', 2.5);
    await expect.poll(() => tab.locator('.message', { hasText: 'run with model' }).count()).toBe(0);
    // the link's constant (2 from the start) moved stays a constant, not a ramp from the default during 2020
    const linked = async () => {
      const s = new URLSearchParams((await tab.evaluate(() => location.hash)).slice(1)).get('s') ?? '';
      return (JSON.parse(Buffer.from(s, 'base64url').toString()) as { rules?: { smeCreditSupply?: unknown } }).rules?.smeCreditSupply;
    };
    await expect.poll(linked, { timeout: 10_000 }).toBe(2.5);
    await tab.close();
  }, 150_000);

  it('exports a chart as PNG with its heading, the results as the CLI\'s CSV, and the scenario as JSON that loads back', async () => {
    await page.goto(server.url);
    await done(page);
    await moveSlider(page, 'rules.smeCreditSupply', 2.5);
    await done(page);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwu-exports-'));
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };

    // PNG: a real image, with the heading drawn above the plot (dark pixels in the top band)
    const pngFile = await save('#chart-credit button.png');
    // named by scenario, seed and chart, so a folder of exports says what each is
    expect(path.basename(pngFile)).toBe('custom-scenario-vs-baseline-seed1-credit.png');
    // a scenario that is no preset says what it sets; the baseline preset's title is not prefixed twice
    expect(await page.locator('#chart-credit').getAttribute('provenance')).toBe(`Scenario: Custom scenario — SME credit supply: 2.5 index (2020 = 1) by Dec 2025 · Baseline: Yiwu as it is · Seed 1 · Model ${MODEL_VERSION} · Yiwu Digital Trade Sandbox`);
    const png = fs.readFileSync(pngFile);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const plotHeight = await page.locator('#chart-credit .plot').evaluate((el) => el.getBoundingClientRect().height);
    expect(png.readUInt32BE(20)).toBeGreaterThan(plotHeight * 2 + 30); // IHDR height, 2× pixels
    const headingInk = await page.locator('#chart-credit').evaluate(async (el) => {
      const img = new Image();
      img.src = (el as unknown as { pngDataUrl(): string }).pngDataUrl();
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = 40;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, 40).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
      return dark;
    });
    expect(headingInk).toBeGreaterThan(200);

    // JSON: the scenario as set, with the seed; loading it back restores the lever
    const jsonFile = await save('#export-json');
    const scenario = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    expect(JSON.stringify(scenario.rules.smeCreditSupply)).toContain('2.5'); // a schedule: the slider sets its target
    expect(scenario.seed).toBe(1);

    // CSV: byte for byte what the command line writes for that file and seed (the browser's
    // engine and Node compute the same bits: sim/portableMath.ts)
    const csv = fs.readFileSync(await save('#export-csv'), 'utf8');
    const cliOut = path.join(tmp, 'cli');
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', jsonFile, '--seed', '1', '--out', cliOut], { stdio: 'ignore' });
    expect(csv.split('\n')[0]).toBe('month,metric,region,channel,stage,category,mode,value');
    expect(csv).toBe(fs.readFileSync(path.join(cliOut, 'timeseries.csv'), 'utf8'));
    // the credit chart draws a 12-month average of each month's lending (its monthly lines swung
    // across the baseline's), as the CSV's months give it
    const approved = csv.split('\n').filter((l) => /^\d{4}-\d{2},credit_approved_usd,,,,,,/.test(l)).map((l) => Number(l.split(',')[7]));
    await page.locator('#chart-credit').scrollIntoViewIfNeeded();
    const drawn = () => page.locator('#chart-credit').evaluate((el) => {
      const o = (el as unknown as { option?: { series: Array<{ name: string; lineStyle?: { type?: unknown }; data: Array<number | null | { value: number }> }> } }).option;
      const line = o?.series.find((x) => x.name === 'Approved' && x.lineStyle?.type === 'solid');
      return line?.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));
    });
    await expect.poll(async () => (await drawn())?.length).toBe(approved.length);
    const line = (await drawn())!;
    for (const t of [0, 5, 11, 60, approved.length - 1]) {
      const window = approved.slice(Math.max(0, t - 11), t + 1);
      expect(line[t]! / (window.reduce((a, b) => a + b, 0) / window.length), `month ${t}`).toBeCloseTo(1, 9);
    }
    // the baseline's run too, named as the baseline, the CLI's CSV of the baseline preset
    const baselineCsvFile = await save('#export-baseline-csv');
    expect(path.basename(baselineCsvFile)).toBe('baseline-baseline-seed1-timeseries.csv');
    const cliBase = path.join(tmp, 'cli-base');
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', 'scenarios/baseline.json', '--seed', '1', '--out', cliBase], { stdio: 'ignore' });
    expect(fs.readFileSync(baselineCsvFile, 'utf8')).toBe(fs.readFileSync(path.join(cliBase, 'timeseries.csv'), 'utf8'));

    await page.locator('#preset').selectOption('baseline');
    await done(page);
    await page.locator('#file').setInputFiles(jsonFile);
    await expect.poll(() => page.locator('[data-control="rules.smeCreditSupply"] input[type=range]').inputValue()).toBe('2.5');
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(errors).toEqual([]);
  }, 150_000);

  it('a scenario with its own scale and time window is compared with the baseline run the same way', async () => {
    const load = (scenario: object) => page.locator('#file').setInputFiles({ name: 'own-run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
    const cardsHeading = () => page.locator('.cards h2').textContent();
    // to 2032 at a small scale: the cards compare 2032 (the baseline runs to 2032 too), with figures
    await load({ scale: 0.03, time: { start: '2020-01', end: '2032-12' }, rules: { smeCreditSupply: 2.5 } });
    // beside the cards, the years past the default paths' plans are said to be 2030's settings
    // carried forward (the file is read asynchronously: polled)
    const note = () => page.locator('.window-note p').allTextContents();
    await expect.poll(note, { timeout: 10_000 }).toEqual([expect.stringMatching(/^The run goes past Dec 2030, where the default lever paths end: .*not as a forecast\.$/)]);
    await done(page);
    // a link to it shows the same note
    const linked = await browser.context.newPage();
    await linked.goto(page.url());
    await expect.poll(() => linked.locator('.window-note').textContent(), { timeout: 30_000 }).toMatch(/^The run goes past Dec 2030/);
    await linked.close();
    await expect.poll(cardsHeading, { timeout: 60_000 }).toMatch(/^In 2032/);
    expect(await page.locator('[data-card="rejection"] [data-value]').textContent()).toMatch(/%$/);
    expect(await page.locator('[data-card="rejection"] [data-delta]').textContent()).toMatch(/−[\d.]+ pp vs baseline/);
    expect(await page.locator('.report h3').textContent()).toContain('2032');
    // the scale alone is no policy: against the baseline at the same scale, nothing changes
    await load({ scale: 0.03 });
    await expect.poll(note, { timeout: 10_000 }).toEqual([]);
    await done(page);
    await expect.poll(cardsHeading, { timeout: 60_000 }).toMatch(/^In 2030/);
    const deltas = await page.locator('.card [data-delta]').allTextContents();
    expect(deltas.length).toBe(7);
    for (const d of deltas) expect(d).toContain('no change');
    // a run that covers no whole calendar year says so instead of "computing…" for ever
    await load({ scale: 0.03, time: { start: '2020-03', end: '2020-11' } });
    // a run starting after January 2020 still starts from Yiwu as of late 2019; one ending before
    // the sliders' targets start says they change nothing in it
    await expect.poll(note, { timeout: 10_000 }).toEqual([
      expect.stringMatching(/^The run starts in Mar 2020, after the month the model is calibrated for \(Jan 2020\): its first month is still Yiwu as of late 2019 .*, with the levers of Mar 2020; /),
      'A slider\'s target starts in Jan 2025, after this run ends: it changes nothing here (a lever\'s full schedule sets earlier months).',
    ]);
    await done(page);
    await expect.poll(() => page.locator('[data-card="totalTrade"] [data-value]').textContent(), { timeout: 60_000 }).toBe('no whole calendar year to compare');
    await page.locator('#preset').selectOption('baseline');
    // a preset has the model's own window: no note
    await expect.poll(note, { timeout: 10_000 }).toEqual([]);
    await done(page);
  }, 150_000);

  it('a scenario file\'s own title and description are shown, and travel with its link', async () => {
    await page.goto(server.url);
    await done(page);
    // the baseline's link holds no scenario at all (it read &s=e30, an empty object)
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toBe(`#v=${MODEL_VERSION}&seed=1`);
    const file = { name: 'paperless', title: { en: 'Paperless e-commerce', zh: '无纸化跨境电商' }, description: { en: 'All declarations filed electronically by 2027.', zh: '到2027年全部电子申报。' }, platform: { customs: { cross_border_ecommerce: { paperlessShare: 1 } } } };
    await page.locator('#file').setInputFiles({ name: 'paperless.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => page.locator('#preset option:checked').textContent()).toBe('Paperless e-commerce');
    expect(await page.locator('details.about summary').textContent()).toContain('Paperless e-commerce');
    expect(await page.locator('details.about p').textContent()).toBe('All declarations filed electronically by 2027.');
    await done(page);
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/&s=/);
    const tab = await browser.context.newPage();
    await tab.goto(page.url());
    await done(tab);
    expect(await tab.locator('#preset option:checked').textContent()).toBe('Paperless e-commerce');
    expect(await tab.locator('details.about p').textContent()).toBe('All declarations filed electronically by 2027.');
    await tab.close();
    // a lever moved: the file's title and description no longer describe what is shown
    await moveSlider(page, 'rules.smeCreditSupply', 1.5);
    await expect.poll(() => page.locator('#preset option:checked').textContent()).toBe('Custom scenario');
    expect(await page.locator('details.about').count()).toBe(0);
    // a preset's own title is not a changed preset's: it reads as a custom scenario
    await page.locator('#preset').selectOption('sme-finance');
    await moveSlider(page, 'rules.smeCreditSupply', 1.7);
    await expect.poll(() => page.locator('#preset option:checked').textContent()).toBe('Custom scenario');
    expect(await page.locator('details.about').count()).toBe(0);
  }, 150_000);

  it('a bad scenario file gives clear messages next to the field names', async () => {
    await page.locator('#file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "infrastructure": { "fiveGCoverage": 3 }, "rules": { "smeLendingRate": -1 } }') });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('bad.json');
    const text = await page.locator('.message.error').textContent();
    expect(text).toContain('5G coverage');
    expect(text).toContain('SME lending rate');
    expect(await page.locator('[data-control="infrastructure.fiveGCoverage"] .problem').count()).toBe(1);
    // beside the lever: the file's problem, and that the lever keeps its value
    expect(await page.locator('[data-control="infrastructure.fiveGCoverage"] .problem').textContent()).toMatch(/^In bad\.json \(not loaded; this lever keeps its value\): infrastructure\.fiveGCoverage: /);
    // a file dropped far down the page: its message is brought into view
    await page.locator('.message.error .dismiss').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{ "rules": { "smeLendingRate": 5 } }'], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('dropped.json');
    await expect.poll(() => page.locator('.message.error').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.bottom <= window.innerHeight + 1; })).toBe(true);
    // a lesson file is sent to the classroom, not reported as a scenario full of unknown keys
    await page.locator('#file').setInputFiles('scenarios/lessons/credit-for-smes.json');
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('is a lesson file, not a scenario');
    await page.locator('#file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "infrastructure": ') });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('malformed JSON');
    await page.locator('#file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2_000_000, 32) });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('at most');
    // in Chinese the details are Chinese too; values and field names stay as written
    await page.locator('#lang').click();
    await page.locator('#file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "infrastructure": { "fiveGCoverage": 3 }, "rulez": {} }') });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('超出范围');
    const zhText = await page.locator('.message.error').textContent();
    expect(zhText).toContain('未知字段（是否为 "rules"？）');
    expect(zhText).toContain('5G覆盖率');
    expect(zhText).toContain('（比例）'); // the unit of the range, in Chinese too
    // switching language re-writes the message on screen, details and the lever's own note
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('is out of range');
    expect(await page.locator('.message.error').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-control="infrastructure.fiveGCoverage"] .problem').textContent()).toContain('is out of range');
    await page.locator('.message.error .dismiss').click();
    // more problems than are listed: the list says how many more
    const thirty = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown${i}`, 1]));
    await page.locator('#file').setInputFiles({ name: 'thirty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(thirty)) });
    await expect.poll(() => page.locator('.message.error').textContent()).toContain('30 problems');
    expect(await page.locator('.message.error li').count()).toBe(21);
    expect(await page.locator('.message.error li').last().textContent()).toBe('… and 10 more (fix these and they will be listed).');
    await page.locator('.message.error .dismiss').click();
  }, 150_000);

  it('the language toggle switches every visible label', async () => {
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.appTitle);
    // levers and the report out of sight skip rendering (content-visibility: auto), and innerText
    // leaves skipped text out: render everything so every label is read
    const all = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
    const text = await page.locator('body').innerText();
    await all.evaluate((el) => (el as Element).remove());
    const english = [...Object.values(en.cards), ...Object.values(en.charts), en.groups.infrastructure, en.groups.platform, en.groups.rules, en.levers, en.scenario, en.baseline, en.share, en.reportCols.created, '5G coverage', 'European Union', 'Market hall']
      .filter((x) => x.length > 3 && text.includes(x));
    expect(english).toEqual([]);
    expect(text).toContain(zh.charts.smile);
    expect(text).toContain('欧盟');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.appTitle);
    expect(errors).toEqual([]);
  }, 30_000);
});
