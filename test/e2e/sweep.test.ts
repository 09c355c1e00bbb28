/**
 * The sweep panel end to end, in headless Chromium: opens the page, runs a small sweep of
 * SME credit supply (3 values × 2 seeds, scale 0.005 through the panel's `scale` property) and
 * checks that the chart has one point per value and that the credit rejection rate falls as
 * supply rises. Skipped where Chromium is missing, like the other browser tests.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { appSession, hasChromium, CHROMIUM } from './harness.ts';
import { MODEL_VERSION } from '../../sim/index.ts';

if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)`);

describe.skipIf(!hasChromium)('sweep panel', () => {
  const session = appSession();
  const server = session;
  let page: Page;
  const errors = session.errors;

  beforeAll(async () => {
    await session.start();
    page = session.page;
  }, 180_000);

  afterAll(() => session.stop());

  it('runs one lever over 3 values × 2 seeds and plots one point per value', async () => {
    await page.goto(server.url);
    await page.locator('#sweep > summary').click();
    await page.locator('yiwu-sweep').evaluate((el) => { (el as unknown as { scale: number }).scale = 0.005; });
    await page.locator('#sweep-lever').selectOption('rules.smeCreditSupply');
    await page.locator('#sweep-outcome').selectOption('rejection');
    await page.locator('#sweep-from').fill('0.25');
    await page.locator('#sweep-from').dispatchEvent('change');
    await page.locator('#sweep-to').fill('4');
    await page.locator('#sweep-to').dispatchEvent('change');
    await page.locator('#sweep-values').fill('3');
    await page.locator('#sweep-values').dispatchEvent('change');
    await page.locator('#sweep-seeds').fill('2');
    await page.locator('#sweep-seeds').dispatchEvent('change');
    await expect.poll(() => page.locator('#sweep-run').textContent()).toContain('6 runs');
    await page.locator('#sweep-run').click();
    await page.waitForFunction(() => (document.querySelector('yiwu-sweep') as HTMLElement | null)?.dataset.complete === 'true', null, { timeout: 60_000, polling: 100 });
    expect(await page.locator('#sweep-progress').textContent()).toMatch(/Sweep done: 6 runs/);
    expect(await page.locator('yiwu-sweep').getAttribute('data-points')).toBe('3');
    // the chart itself: three median points at the values (a value axis over the range swept),
    // the band at each, and a dashed line at the scenario's own value (the default, 1)
    // (the chart draws in its own task, after the panel's numbers: poll until it has)
    type Drawn = { xAxis: { min: number; max: number }; series: Array<{ data: Array<[number, number | null]>; markLine?: { data: Array<{ xAxis: number }>; label: { formatter: string } } }> };
    const plotted = () => page.locator('#chart-sweep').evaluate((el) => {
      const o = (el as unknown as { option?: Drawn }).option;
      return o && {
        axis: [o.xAxis.min, o.xAxis.max], x: o.series[2].data.map((d) => d[0]), points: o.series[2].data.filter((d) => d[1] !== null).length,
        band: o.series[1].data.filter((d) => d[1] !== null).length, marked: o.series[2].markLine?.data.map((d) => d.xAxis), label: o.series[2].markLine?.label.formatter,
      };
    });
    await expect.poll(plotted, { timeout: 10_000 }).toEqual({ axis: [0.25, 4], x: [0.25, 2.125, 4], points: 3, band: 3, marked: [1], label: 'This scenario: 1' });
    // the PNG says what the sweep ran on
    expect(await page.locator('#chart-sweep').getAttribute('provenance')).toBe(`Scenario: Baseline: Yiwu as it is · 3 values × 2 seeds (common random numbers from seed 1) at scale 0.005 · Model ${MODEL_VERSION} · Yiwu Digital Trade Sandbox`);
    const rows = await page.$$eval('.sweep-numbers tbody tr', (trs) => trs.map((tr) => ({ value: Number((tr as HTMLElement).dataset.value), median: Number((tr as HTMLElement).dataset.median) })));
    expect(rows.map((r) => r.value)).toEqual([0.25, 2.125, 4]);
    for (const r of rows) expect(r.median).toBeGreaterThanOrEqual(0);
    for (const r of rows) expect(r.median).toBeLessThanOrEqual(1);
    // more credit supply, fewer rejections
    expect(rows[0].median).toBeGreaterThan(rows[2].median + 0.05);
    expect(new Set(rows.map((r) => r.median.toFixed(4))).size).toBe(3);
    // the runs as CSV: one row per run, every value with the same seeds (common random numbers, as the note says)
    await page.locator('.sweep-numbers > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#sweep-csv').click()]);
    expect(download.suggestedFilename()).toBe('sweep-rules.smeCreditSupply-credit_rejection_rate-seed1.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    expect(csv[0]).toEqual(['point', 'replicate', 'seed', 'rules.smeCreditSupply', 'metric', 'region', 'channel', 'stage', 'category', 'mode', 'statistic', 'value']);
    expect(csv).toHaveLength(1 + 6);
    const seedsAt = (point: string) => csv.slice(1).filter((c) => c[0] === point).map((c) => c[2]);
    expect(seedsAt('1')).toEqual(seedsAt('0'));
    expect(seedsAt('2')).toEqual(seedsAt('0'));
    // the rejection card's figure: pooled over the year's applications, as the card computes it
    expect(csv[1][10]).toBe('2030: 1 - credit_approvals / credit_applications (each summed over the year)');
    expect(await page.locator('#sweep-outcome option:checked').textContent()).toBe('SME credit rejection (share of applications)');
    const medianOfPoint0 = [Number(csv[1][11]), Number(csv[2][11])].sort((a, b) => a - b);
    expect(rows[0].median).toBeCloseTo((medianOfPoint0[0] + medianOfPoint0[1]) / 2, 12);
    expect(errors).toEqual([]);
  }, 120_000);

  it('cancel stops a sweep under way; the page still runs one afterwards', async () => {
    await page.locator('#sweep-values').fill('9');
    await page.locator('#sweep-values').dispatchEvent('change');
    await page.locator('#sweep-seeds').fill('10');
    await page.locator('#sweep-seeds').dispatchEvent('change');
    await page.locator('#sweep-run').click();
    await expect.poll(() => page.locator('#sweep-progress').textContent()).toMatch(/of 90 runs done/);
    await page.locator('#sweep-cancel').click();
    await expect.poll(() => page.locator('#sweep-progress').textContent()).toMatch(/cancelled/);
    expect(await page.locator('#sweep-run').isEnabled()).toBe(true);
    // results from before the page's seed changed are said to be so
    expect(await page.locator('#sweep-stale').count()).toBe(0);
    await page.locator('#seed').fill('2');
    await page.locator('#seed').press('Enter');
    await page.locator('#sweep-stale').waitFor();
    expect(await page.locator('#sweep-stale').textContent()).toContain('from before the page\'s scenario or seed changed');
    await page.locator('#seed').fill('1');
    await page.locator('#seed').press('Enter');
    await page.locator('#sweep-stale').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  }, 60_000);

  it('names each bad box with what is allowed instead of changing it; runs a lever at its default range, the landed cost outcome, and a whole-number lever\'s values once each', async () => {
    const set = async (id: string, text: string) => page.locator(id).fill(text);
    const runAndRead = async () => { await page.locator('#sweep-run').click(); return page.locator('#sweep-progress').textContent(); };
    await page.locator('#sweep-lever').selectOption('rules.smeCreditSupply');
    await set('#sweep-from', 'abc');
    await set('#sweep-values', '100');
    const said = await runAndRead();
    expect(said).toContain('From: “abc” is not a number; allowed 0 to 5.');
    expect(said).toContain('Values: “100” is not allowed; use a whole number from 2 to 9.');
    // no run under way: the bar is empty, not full from the sweep before beside the message
    expect(await page.locator('.sweep-status [role=progressbar]').getAttribute('aria-valuenow')).toBe('0');
    expect(await page.locator('.sweep-status .bar').getAttribute('style')).toBe('width:0%');
    await set('#sweep-from', '2');
    await set('#sweep-to', '2');
    await set('#sweep-values', '2');
    await set('#sweep-seeds', '1');
    expect(await runAndRead()).toContain('From and To are both 2; give two different values.');
    // a lever whose default range the number box's step refused (the EU tariff), and an outcome the model reports by region only
    await page.locator('#sweep-lever').selectOption('regions.eu.tariff');
    await page.locator('#sweep-outcome').selectOption('landed_cost');
    const done = () => page.waitForFunction(() => (document.querySelector('yiwu-sweep') as HTMLElement | null)?.dataset.complete === 'true', null, { timeout: 60_000, polling: 100 });
    await page.locator('#sweep-run').click();
    await done();
    const medians = await page.$$eval('.sweep-numbers tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.median)));
    expect(medians).toHaveLength(2);
    for (const m of medians) expect(m).toBeGreaterThan(1); // a landed cost index: above the goods' value
    // a whole-number lever: 9 values from 2 to 6 are the five whole numbers, said so
    await page.locator('#sweep-lever').selectOption('model.distressMonths');
    await set('#sweep-from', '2');
    await set('#sweep-to', '6');
    await set('#sweep-values', '9');
    await page.locator('#sweep-run').click();
    await done();
    const values = await page.$$eval('.sweep-numbers tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.value)));
    expect(values).toEqual([2, 3, 4, 5, 6]);
    expect(await page.locator('#sweep-progress').textContent()).toContain('9 values asked for, but the lever takes whole numbers: 5 different values between From and To.');
    expect(errors).toEqual([]);
  }, 120_000);
});
