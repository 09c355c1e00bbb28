/**
 * Accessibility: axe-core finds no serious or critical violations on the page, in English and
 * in Chinese, with the lever groups, the sweep panel and the scenario details opened, and in
 * classroom mode (lesson, playback, each chart view, the answer revealed). axe is
 * injected through the browser's init script (the page's CSP rightly refuses inline scripts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { servedApp, waitUpToDate, launch, hasChromium } from './harness.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; targets: string[] }

async function seriousViolations(page: import('playwright-core').Page): Promise<Violation[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  const server = servedApp();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  for (const locale of ['en-GB', 'zh-CN']) {
    it(`no serious or critical violations (${locale})`, async () => {
      const browser = await launch({ locale });
      try {
        await browser.context.addInitScript({ content: axeSource });
        const page = await browser.context.newPage();
        await page.goto(server.url);
        await waitUpToDate(page);
        // open every collapsed section so its controls are checked too
        await page.evaluate(() => {
          const openAll = (root: Document | ShadowRoot) => {
            root.querySelectorAll('details').forEach((d) => { (d as HTMLDetailsElement).open = true; });
            root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) openAll(el.shadowRoot); });
          };
          openAll(document);
        });
        await page.waitForTimeout(500);
        const serious = await seriousViolations(page);
        expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);

        // classroom mode: a lesson with its answer shown, each second-chart view
        await page.click('#classroom');
        await page.waitForSelector('.classroom');
        await page.waitForFunction(() => !document.querySelector('.class-busy'), null, { timeout: 120_000 });
        await page.click('#reveal');
        for (const view of ['merchants', 'flows']) {
          await page.click(`#view-${view}`);
          await page.waitForTimeout(300);
          const inClass = await seriousViolations(page);
          expect(inClass, `classroom, ${view}: ${JSON.stringify(inClass, null, 1)}`).toEqual([]);
        }
      } finally {
        await browser.close();
      }
    });
  }
});
