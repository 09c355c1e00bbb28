/**
 * Offline: after the first visit the app reloads and runs with the network cut (service worker
 * precache, vite-plugin-pwa), the sandbox and a classroom lesson.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { servedApp, waitUpToDate as upToDate, launch, hasChromium } from './harness.ts';

describe.skipIf(!hasChromium)('offline', () => {
  const server = servedApp();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('reloads and runs with the network cut after the first visit', async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await upToDate(page);
      // wait until the service worker has installed and controls the page
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
        await page.reload();
        await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
      }
      await browser.context.setOffline(true);
      const failed: string[] = [];
      // a request the reload itself cancels (net::ERR_ABORTED, e.g. the old page's worker script)
      // is not an offline failure; one the network refuses is
      page.on('requestfailed', (r) => { if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`); });
      await page.reload();
      await upToDate(page);
      const total = await page.locator('.card [data-value]').first().textContent();
      expect(total).toMatch(/\d/);
      expect(failed.filter((u) => u.startsWith(server.url))).toEqual([]);
      // classroom mode works offline too: its lessons are bundled
      await page.goto(`${server.url}?lesson=credit-for-smes`);
      await page.waitForFunction(() => !document.querySelector('.class-busy') && /\d{4}/.test(document.querySelector('#month')?.textContent ?? ''), null, { timeout: 120_000 });
      await page.click('#next-step');
      await page.waitForFunction(() => !document.querySelector('.class-busy') && /\d{4}/.test(document.querySelector('#month')?.textContent ?? ''), null, { timeout: 120_000 });
      expect(await page.locator('#watch-scenario').textContent()).toMatch(/\d/);
      expect(failed.filter((u) => u.startsWith(server.url))).toEqual([]);
    } finally {
      await browser.context.setOffline(false).catch(() => {});
      await browser.close();
    }
  });
});
