/**
 * Classroom mode end to end, in headless Chromium: a lesson runs from its first to its last step
 * and sets its levers; the playback controls and the keyboard shortcuts a clicker sends move the
 * month shown; the trade-flow and merchant views draw; a teacher's own lesson file loads, and a
 * broken one is refused with the field named; both languages; the presentation view fits
 * 1280×720 and 1920×1080 without scrolling. Then, from a teacher's walk-through: the clicker's
 * keys work while a select has focus; a dropped file is taken as a lesson (a scenario is
 * refused); Play pressed before the first month waits for it; an unknown lesson id is named; the
 * address follows the step and is cleared on leaving; the sandbox gets its own scenario back; a
 * shown answer leaves the step's heading in view; whole lesson titles at 1280×720.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { appSession, hasChromium } from './harness.ts';
import { en } from '../../ui/i18n/en.ts';
import { zh } from '../../ui/i18n/zh.ts';

type LessonFile = { id: string; start?: string; title: { en: string; zh: string }; steps: Array<{ title: { en: string; zh: string }; explanation: { en: string } }> };
const readLesson = (id: string) => JSON.parse(fs.readFileSync(new URL(`../../scenarios/lessons/${id}.json`, import.meta.url), 'utf8')) as LessonFile;
const lesson = readLesson('market-hall-closes-2020');
/** Every built-in lesson id (the files of scenarios/lessons/). */
const LESSON_IDS = fs.readdirSync(new URL('../../scenarios/lessons/', import.meta.url)).filter((n) => n.endsWith('.json') && n !== 'lesson.schema.json').map((n) => n.replace(/\.json$/, ''));
/** A teacher's own lesson. */
const own = {
  id: 'tariff-lesson', title: { en: 'Our tariff lesson', zh: '我们的关税课' }, summary: { en: 'Tariffs.', zh: '关税。' }, start: 'baseline',
  steps: [
    { title: { en: 'As it is', zh: '现状' }, text: { en: 'No change.', zh: '不变。' }, levers: {}, watch: { metric: 'trade_value_usd', region: 'eu' }, question: { en: 'Q1?', zh: '问1？' }, explanation: { en: 'A1.', zh: '答1。' } },
    { title: { en: 'EU tariff up', zh: '欧盟提高关税' }, text: { en: 'Tariff 20 %.', zh: '关税20%。' }, levers: { regions: [{ id: 'eu', tariff: 0.2 }] }, watch: { metric: 'trade_value_usd', region: 'eu' }, question: { en: 'Q2?', zh: '问2？' }, explanation: { en: 'A2.', zh: '答2。' } },
  ],
};

/** Waits until no run is under way for the lesson step shown. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.class-busy') && !!document.querySelector('#month')?.textContent?.match(/\d{4}/), null, { timeout: 120_000, polling: 100 });
const monthShown = (page: Page) => page.locator('#month').textContent();
/** Lesson files loaded in a tab are kept for it (a reload finds them): tests that load one forget it after. */
const forgetLoadedLessons = (page: Page) => page.evaluate(() => sessionStorage.removeItem('yiwu-classroom-lessons'));
const appScenario = (page: Page) => page.evaluate(() => (document.querySelector('yiwu-app') as unknown as { scenario: Record<string, unknown>; baselineName: string }).scenario);

describe.skipIf(!hasChromium)('classroom mode', () => {
  const session = appSession();
  const server = session;
  let page: Page;
  const errors = session.errors;

  beforeAll(async () => {
    await session.start();
    page = session.page;
  }, 180_000);

  afterAll(() => session.stop());

  it('opens from the sandbox with the first lesson, and back', async () => {
    await page.goto(server.url);
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(1, 4));
    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
  });

  it('keeps the keyboard\'s place: in and out by Enter, focus goes to the classroom and back to its button', async () => {
    await page.goto(server.url);
    await page.locator('#classroom').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.classroom');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('classroom'))).toBe(true);
    // the lesson's keys work from there: → steps a month
    const month = () => page.locator('#month').textContent();
    await expect.poll(month, { timeout: 30_000 }).not.toBe(en.classroom.waiting);
    const before = await month();
    await page.keyboard.press('ArrowRight');
    await expect.poll(month).not.toBe(before);
    await page.locator('#exit-classroom').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chart-trade');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('classroom');
  });

  it('comes back to the lesson, step and month the class left', async () => {
    await page.goto(server.url);
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    await page.locator('#lesson-pick').selectOption('2');
    await page.click('#next-step');
    await settled(page);
    for (let i = 0; i < 3; i++) await page.click('#step-forward');
    const month = await monthShown(page);
    expect(month).toBe('Apr 2020');
    const step = await page.locator('#step-count').textContent();
    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    expect(await page.locator('#lesson-pick').inputValue()).toBe('2');
    expect(await page.locator('#step-count').textContent()).toBe(step);
    await settled(page);
    expect(await monthShown(page)).toBe(month);
    expect(await page.evaluate(() => location.search)).toMatch(/^\?lesson=[a-z0-9-]+&step=2$/);
    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
  });

  it('runs a lesson from the first to the last step, each setting its levers', async () => {
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await page.waitForSelector('.classroom');
    expect(await page.locator('.class-title').textContent()).toBe(lesson.title.en);
    await settled(page);
    expect(await page.locator('#step-title').textContent()).toBe(lesson.steps[0].title.en);
    expect((await appScenario(page)).shocks ?? []).toEqual([]);
    expect(await page.locator('#prev-step').isDisabled()).toBe(true);

    for (let i = 1; i < lesson.steps.length; i++) {
      await page.click('#next-step');
      expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(i + 1, lesson.steps.length));
      expect(await page.locator('#step-title').textContent()).toBe(lesson.steps[i].title.en);
      // step 2 sets the shocks of 2020; later steps keep them (levers accumulate)
      if (i === 2) expect(await page.locator('#view-channels').getAttribute('aria-checked')).toBe('true'); // the step chooses its chart
      const shocks = (await appScenario(page)).shocks as Array<{ type: string }>;
      expect(shocks.map((s) => s.type)).toContain('market_hall_closure');
      expect(await page.locator('.step-levers li').count()).toBeGreaterThan(0);
      await settled(page);
    }
    expect(await page.locator('#next-step').isDisabled()).toBe(true);

    // the question's answer is hidden until asked for
    expect(await page.locator('#answer').isVisible()).toBe(false);
    await page.click('#reveal');
    expect(await page.locator('#answer').isVisible()).toBe(true);
    expect(await page.locator('#answer').textContent()).toContain(lesson.steps[lesson.steps.length - 1].explanation.en.slice(0, 30));

    // the watched metric is shown for scenario and baseline, with numbers
    expect(await page.locator('#watch-scenario').textContent()).toMatch(/\d/);
    expect(await page.locator('#class-watch').getAttribute('data-updates')).not.toBeNull();

    // Page Up (a clicker's "back") goes to the previous step
    await page.locator('body').press('PageUp');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(lesson.steps.length - 1, lesson.steps.length));
  });

  it('plays, pauses and steps month by month, with buttons and with the keyboard', async () => {
    await settled(page);
    await page.locator('body').press('Home');
    expect(await monthShown(page)).toBe('Jan 2020');
    await page.locator('body').press('ArrowRight');
    expect(await monthShown(page)).toBe('Feb 2020');
    await page.click('#step-forward');
    expect(await monthShown(page)).toBe('Mar 2020');
    await page.click('#step-back');
    await page.locator('body').press('ArrowLeft');
    expect(await monthShown(page)).toBe('Jan 2020');

    // A shows and hides the answer (a clicker's keys cannot reach the button)
    expect(await page.locator('#answer').isHidden()).toBe(true);
    await page.locator('body').press('a');
    expect(await page.locator('#answer').isVisible()).toBe(true);
    await page.locator('body').press('a');
    expect(await page.locator('#answer').isHidden()).toBe(true);
    // the watched figure says what it is per
    expect(await page.locator('#watch-unit').textContent()).toBe(en.classroom.inBrackets(en.classroom.perMonthOf('US$')));

    // speed: ↑ faster, ↓ slower
    const speed = () => page.locator('#speed').inputValue();
    const before = Number(await speed());
    await page.locator('body').press('ArrowUp');
    expect(Number(await speed())).toBe(before + 1);
    await page.locator('body').press('ArrowDown');
    expect(Number(await speed())).toBe(before);

    // Space plays: the month moves on by itself, the button says Pause; Space again pauses
    await page.locator('body').press(' ');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => document.querySelector('#month')?.textContent !== 'Jan 2020', null, { timeout: 10_000 });
    await page.waitForTimeout(600);
    await page.locator('body').press(' ');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    const paused = await monthShown(page);
    expect(paused).not.toBe('Jan 2020');
    await page.waitForTimeout(700);
    expect(await monthShown(page)).toBe(paused);

    // the time slider jumps; End goes to the last month
    await page.locator('#time').evaluate((el) => { (el as HTMLInputElement).value = '60'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    expect(await monthShown(page)).toBe('Jan 2025');
    await page.locator('body').press('End');
    expect(await monthShown(page)).toBe('Dec 2030');
    // playing from the end starts again from the beginning
    await page.click('#play');
    await page.waitForTimeout(300);
    await page.click('#play');
    expect(Number((await monthShown(page))!.slice(-4))).toBeLessThan(2022);
  });

  it('draws the trade flows, the merchants by stage and level, exports by channel and the smile curve', async () => {
    await settled(page);
    for (const view of ['merchants', 'channels', 'smile', 'flows']) { // flows is shown first: switch away and back
      const updates = Number((await page.locator('#class-view').getAttribute('data-updates')) ?? 0);
      await page.click(`#view-${view}`);
      expect(await page.locator(`#view-${view}`).getAttribute('aria-checked')).toBe('true');
      await page.waitForFunction((n) => Number(document.querySelector('#class-view')?.getAttribute('data-updates') ?? 0) > n, updates, { timeout: 10_000 });
    }
    // stepping changes the flows shown (they follow the playback month)
    await page.click('#view-flows');
    await page.locator('body').press('End');
    const caption = () => page.locator('.chart-caption').textContent();
    // the caption names the months summed: a year's window, or the months so far at a yearly rate
    expect(await caption()).toContain(en.classroom.flowsTitle('Jan 2030', 'Dec 2030', 12));
    const at = Number(await page.locator('#class-view').getAttribute('data-updates'));
    await page.locator('body').press('Home');
    await page.waitForFunction((n) => Number(document.querySelector('#class-view')?.getAttribute('data-updates') ?? 0) > n, at, { timeout: 10_000 });
    expect(await caption()).toContain(en.classroom.flowsTitle('Jan 2020', 'Jan 2020', 1));
    expect(await caption()).toContain('Jan 2020 at a yearly rate');
    // the baseline over the same months: its total at the hub, each region's change (said in the caption)
    expect(await caption()).toContain(en.classroom.flowsUnit(true));
    expect(await page.locator('#flow-total').textContent()).toMatch(/^Total US\$[\d.]+bn \(baseline US\$[\d.]+bn\)$/);
    const sankey = () => page.locator('#class-view').evaluate((el) => {
      const o = (el as unknown as { option?: { series: Array<{ data: Array<{ name: string; label?: { show?: boolean } }> }> } }).option;
      return o?.series[0].data.map((d) => ({ name: d.name, labelled: d.label?.show !== false }));
    });
    // channel nodes carry no label (named with their totals above the chart: their labels overlapped while digital trade was small)
    expect((await sankey())!.filter((d) => !d.labelled).map((d) => d.name)).toEqual(['Market hall', 'B2B platform', 'Cross-border e-commerce']);
    // once the band's seeds are in, a region's change inside its seed noise is greyed (rich text `noise`)
    await page.waitForFunction(() => { const p = (window as unknown as { __runner: { progress(): { total: number; complete: number } } }).__runner.progress(); return p.total > 0 && p.complete === p.total; }, null, { timeout: 120_000, polling: 200 });
    await page.locator('body').press('End');
    await page.waitForTimeout(400);
    const regionLabels = await page.locator('#class-view').evaluate((el) => {
      const o = (el as unknown as { option?: { series: Array<{ data: Array<{ name: string; value?: number }>; links: Array<{ target: string; value: number }>; label: { formatter: (p: { name: string; value: number }) => string } }> } }).option!;
      const s = o.series[0];
      const into = (name: string) => s.links.filter((l) => l.target === name).reduce((a, l) => a + l.value, 0);
      return s.data.slice(4).map((d) => s.label.formatter({ name: d.name, value: into(d.name) }));
    });
    expect(regionLabels.length).toBe(10);
    expect(regionLabels.every((l) => /[+−]\d+%\}?$|0%\}?$/.test(l))).toBe(true);
    expect(regionLabels.some((l) => /\{noise\|[^}]+\}$/.test(l))).toBe(true);

    // the merchants' bars keep one scale while the run plays (a changing axis read as a jump in merchants)
    await page.click('#view-merchants');
    const axisMax = async () => {
      const n = Number(await page.locator('#class-view').getAttribute('data-updates'));
      await page.waitForFunction((k) => Number(document.querySelector('#class-view')?.getAttribute('data-updates') ?? 0) >= k, n);
      return page.locator('#class-view').evaluate((el) => (el as unknown as { option?: { xAxis: { max?: number } } }).option?.xAxis.max);
    };
    const first = await axisMax();
    expect(first).toBeGreaterThan(0);
    await page.locator('body').press('End');
    await page.waitForTimeout(300);
    expect(await axisMax()).toBe(first);

    // the smile curve follows the playback month: each circle says its share of merchants and the change against the baseline
    // (the playback goes to its first month before the view opens: every draw of the view, its
    // first and any streamed one after it, is then of Jan 2020 — pressing Home after opening it,
    // the update waited for could be the view's first draw, of Dec 2030, under load)
    await page.locator('body').press('Home');
    const labelsShown = () => page.locator('#class-view').evaluate((el) => (el as unknown as { option?: { series: Array<{ data: Array<{ label?: { formatter: string } } | null> }> } }).option!.series[0].data.map((d) => d?.label?.formatter));
    const updates = () => page.locator('#class-view').getAttribute('data-updates').then(Number);
    const drawnAfter = (n: number) => page.waitForFunction((k) => Number(document.querySelector('#class-view')?.getAttribute('data-updates') ?? 0) > k, n, { timeout: 10_000 });
    let n = await updates();
    await page.click('#view-smile');
    await drawnAfter(n);
    const atStart = await labelsShown();
    expect(await caption()).toContain(en.classroom.smileTitle('Jan 2020'));
    n = await updates();
    await page.locator('body').press('End');
    await drawnAfter(n);
    expect(await caption()).toContain(en.classroom.smileTitle('Dec 2030'));
    // merchants move up the chain over the decade (polled: the redraw counted may be a streamed
    // update that came before the one for the month pressed)
    await expect.poll(labelsShown, { timeout: 10_000 }).not.toEqual(atStart);
    const atEnd = await labelsShown();
    expect(atEnd).toHaveLength(5);
    for (const label of [...atStart, ...atEnd]) expect(label).toMatch(/^\{share\|\d+\.\d%\}\n\{change\|([+−]\d+\.\d|0\.0) pp\}$/);
    await page.click('#view-flows');
  }, 180_000);

  it('fits the presentation view at 1280×720 and 1920×1080 without scrolling, in both languages', async () => {
    for (const [width, height] of [[1280, 720], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, font: parseFloat(getComputedStyle(document.querySelector('.step-text')!).fontSize) }));
      expect(size.w).toBeLessThanOrEqual(width);
      expect(size.h).toBeLessThanOrEqual(height);
      expect(size.font).toBeGreaterThanOrEqual(17); // body text of the lesson: large type
      // and no smaller print than 16 px for the class (captions, legends, keys); the top bar is the teacher's
      const small = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.querySelector('.classroom')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent!.trim() || el.closest('.class-top') || el.getClientRects().length === 0) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < 16) found.push(`${px}px ${n.textContent!.trim().slice(0, 30)}`);
        }
        return found;
      });
      expect(small, `${width}×${height}`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.click('#class-lang');
    expect(await page.locator('.class-title').textContent()).toBe(lesson.title.zh);
    expect(await page.locator('#play').textContent()).toContain(zh.classroom.play);
    expect(await page.locator('#exit-classroom').textContent()).toBe(zh.classroom.exit);
    await page.click('#class-lang');
    expect(await page.locator('#exit-classroom').textContent()).toBe(en.classroom.exit);
  });

  it('shows a whole step without scrolling at 1920×1080 as at 1280×720: the print grows with the height too, the title on one line', async () => {
    // the steps that needed 7–185 px more when the print grew with the width alone
    const steps: Array<[string, number, 'en' | 'zh']> = [['5g-reach-of-small-firms', 2, 'en'], ['credit-for-smes', 2, 'en'], ['credit-for-smes', 2, 'zh'], ['merchant-goes-digital', 2, 'en'], ['climbing-the-smile-curve', 1, 'en']];
    try {
      for (const [width, height] of [[1920, 1080], [1280, 720]]) {
        await page.setViewportSize({ width, height });
        for (const [id, step, lang] of steps) {
          await page.goto(`${server.url}?lesson=${id}&step=${step}`);
          await page.waitForSelector('.step-body');
          const title = readLesson(id).title[lang];
          if ((await page.locator('.class-title').textContent()) !== title) await page.click('#class-lang');
          await page.waitForFunction((t) => document.querySelector('.class-title')?.textContent === t, title);
          const fit = await page.evaluate(() => {
            const body = document.querySelector('.step-body') as HTMLElement;
            const title = document.querySelector('.class-title') as HTMLElement;
            return { over: body.scrollHeight - body.clientHeight, titleLines: Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight)) };
          });
          expect(fit, `${id} step ${step} ${lang} at ${width}×${height}`).toEqual({ over: 0, titleLines: 1 });
        }
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('loads a teacher\'s own lesson file, and refuses a broken one naming the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwu-lesson-'));
    try {
      const good = path.join(dir, 'tariff-lesson.json');
      fs.writeFileSync(good, JSON.stringify(own));
      await page.setInputFiles('#lesson-file', good);
      await page.waitForFunction(() => document.querySelector('.class-title')?.textContent === 'Our tariff lesson');
      expect(await page.locator('#watch-name').textContent()).toContain('European Union');
      await page.click('#next-step');
      const regions = (await appScenario(page)).regions as Array<{ id: string; tariff?: number }>;
      expect(regions.find((r) => r.id === 'eu')?.tariff).toBe(0.2);
      expect(await page.locator('.step-levers').textContent()).toMatch(/20\s?%/);

      const bad = path.join(dir, 'broken.json');
      fs.writeFileSync(bad, JSON.stringify({ ...own, steps: [{ ...own.steps[0], watch: { metric: 'no_such_metric' } }] }));
      await page.setInputFiles('#lesson-file', bad);
      const alert = page.locator('.classroom .message.error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('broken.json');
      expect(await alert.textContent()).toContain('steps[0].watch.metric');
      expect(await page.locator('.class-title').textContent()).toBe('Our tariff lesson'); // nothing lost

      // a lever that does not exist is refused on loading, with the step as the screen counts it
      const badLever = path.join(dir, 'bad-lever.json');
      fs.writeFileSync(badLever, JSON.stringify({ ...own, steps: [own.steps[0], { ...own.steps[1], levers: { regions: [{ id: 'eu', tarif: 0.2 }] } }] }));
      await page.setInputFiles('#lesson-file', badLever);
      await page.waitForFunction(() => document.querySelector('.classroom .message.error')?.textContent?.includes('bad-lever.json'));
      const text = await page.locator('.classroom .message.error').textContent();
      expect(text).toContain('Step 2');
      expect(text).toContain('tarif');
      expect(text).toContain('did you mean "tariff"');

      // a lesson with a built-in lesson's id takes its place, and the message says which one
      const sameId = path.join(dir, 'my-market-hall.json');
      fs.writeFileSync(sameId, JSON.stringify({ ...own, id: lesson.id }));
      await page.setInputFiles('#lesson-file', sameId);
      await page.waitForFunction(() => document.querySelector('.classroom .message.info')?.textContent?.includes('my-market-hall.json'));
      expect(await page.locator('.classroom .message.info').textContent()).toContain(en.classroom.lessonReplaced('my-market-hall.json', lesson.id, lesson.title.en, true));
      expect(await page.locator('#lesson-pick option').allTextContents()).not.toContain(lesson.title.en);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await forgetLoadedLessons(page);
    }
  });

  it('keeps the clicker keys for the lesson while a select has focus; the selects still work from the keyboard', async () => {
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await settled(page);
    // a lesson chosen as with the mouse: the list keeps the focus
    const pick = page.locator('#lesson-pick');
    await pick.focus();
    await pick.selectOption('1');
    const title = await page.locator('.class-title').textContent();
    expect(title).not.toBe(lesson.title.en);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-pick');
    // Page Down is the next step (the list would jump to its last option, "No lesson")
    await pick.press('PageDown');
    expect(await page.locator('#step-count').textContent()).toMatch(/^Step 2 of \d/);
    expect(await pick.inputValue()).toBe('1');
    expect(await page.locator('.class-title').textContent()).toBe(title);
    await settled(page);
    // Space plays and pauses; Home and the arrows move the month
    await pick.press(' ');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    await pick.press(' ');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    await pick.press('Home');
    await pick.press('ArrowRight');
    expect(await monthShown(page)).toBe('Feb 2020');
    await pick.press('PageUp');
    expect(await page.locator('#step-count').textContent()).toMatch(/^Step 1 of \d/);
    expect(await pick.inputValue()).toBe('1');

    // the speed list: ↑ is faster (the list would go to the option above, slower); Page Down the next step
    const speed = page.locator('#speed');
    await speed.focus();
    await speed.selectOption('1');
    await speed.press('ArrowUp');
    expect(await speed.inputValue()).toBe('2');
    await speed.press('PageDown');
    expect(await speed.inputValue()).toBe('2');
    expect(await page.locator('#step-count').textContent()).toMatch(/^Step 2 of \d/);
    // a keyboard user opens the list with Enter and picks with ↓ and Enter
    await speed.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#speed') as HTMLSelectElement).value === '3', null, { timeout: 5_000 });
    // one month a second is singular
    expect(await speed.locator('option').first().textContent()).toBe('1 month/s');
    expect(await speed.locator('option').nth(1).textContent()).toBe('2 months/s');
  });

  it('takes a file dropped on the classroom as a lesson, and refuses a scenario without touching the lesson', async () => {
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await settled(page);
    const drop = (type: 'dragover' | 'drop', name: string, text: string) => page.evaluate(({ type, name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      document.querySelector('#class-view')!.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { type, name, text });
    const scenarioText = fs.readFileSync(new URL('../../scenarios/pandemic-2020.json', import.meta.url), 'utf8');
    const before = await appScenario(page);

    await drop('dragover', 'pandemic-2020.json', scenarioText);
    expect(await page.locator('.classroom .drop').textContent()).toBe(en.classroom.dropLesson);
    await drop('drop', 'pandemic-2020.json', scenarioText);
    const alert = page.locator('.classroom .message.error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(en.classroom.scenarioNotLesson('pandemic-2020.json'));
    expect(await page.locator('.classroom .drop').count()).toBe(0);
    await page.waitForTimeout(300); // the sandbox's own file loading is asynchronous too
    expect(await appScenario(page)).toEqual(before);
    expect(await page.locator('.class-title').textContent()).toBe(lesson.title.en);
    // a scenario with a mistake in it is still a scenario (not a lesson missing its id and steps)
    await drop('drop', 'bad-5g.json', JSON.stringify({ name: 'bad-5g', infrastructure: { fiveGCoverage: 1.5 } }));
    await page.waitForFunction((t) => document.querySelector('.classroom .message.error')?.textContent?.includes(t), en.classroom.scenarioNotLesson('bad-5g.json'));
    expect(await page.locator('.class-title').textContent()).toBe(lesson.title.en);

    await drop('drop', 'tariff-lesson.json', JSON.stringify(own));
    await page.waitForFunction(() => document.querySelector('.class-title')?.textContent === 'Our tariff lesson');
    await drop('drop', 'broken.json', JSON.stringify({ ...own, steps: [{ ...own.steps[0], watch: { metric: 'no_such_metric' } }] }));
    await page.waitForFunction(() => document.querySelector('.classroom .message.error')?.textContent?.includes('steps[0].watch.metric'));
    expect(await page.locator('.class-title').textContent()).toBe('Our tariff lesson');
    await forgetLoadedLessons(page);
  });

  it('computes the next step while the class reads this one, so Next shows its whole run at once', async () => {
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await page.waitForSelector('.classroom');
    await settled(page);
    type Probe = { __runner: { prefetchPending(): number; view(side: string): { main?: { complete: boolean } } } };
    await page.waitForFunction(() => (window as unknown as Probe).__runner.prefetchPending() === 0, null, { timeout: 60_000, polling: 100 });
    await page.click('#next-step');
    expect(await page.evaluate(() => (window as unknown as Probe).__runner.view('scenario').main?.complete)).toBe(true);
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, lesson.steps.length));
    await settled(page);
    // back in the sandbox, the presets are what is computed ahead
    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
    expect(await page.evaluate(() => (window as unknown as Probe).__runner.prefetchPending())).toBeGreaterThan(0);
  }, 120_000);

  it('the browser\'s Back and Forward move between the sandbox and the classroom, at the step left', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#chart-trade');
    await page.locator('#preset').selectOption('sme-finance');
    const sandboxScenario = await appScenario(page);
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    await page.click('#next-step');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, 4));
    const search = () => page.evaluate(() => location.search);
    expect(await search()).toMatch(/step=2$/);
    // Back: the sandbox, with its own scenario
    await page.goBack();
    await page.waitForSelector('#chart-trade');
    expect(await page.locator('.classroom').count()).toBe(0);
    expect(await search()).toBe('');
    expect(await appScenario(page)).toEqual(sandboxScenario);
    // Forward: the lesson again, at the step left
    await page.goForward();
    await page.waitForSelector('.classroom');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, 4));
    // left by the Sandbox button, Back returns to the lesson, and Back again to the sandbox
    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
    await page.goBack();
    await page.waitForSelector('.classroom');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, 4));
    await page.goBack();
    await page.waitForSelector('#chart-trade');
    expect(await appScenario(page)).toEqual(sandboxScenario);
    expect(await page.locator('#preset').inputValue()).toBe('sme-finance');
  }, 120_000);

  it('plays when Play is pressed before the step\'s first month is computed', async () => {
    await page.goto(`${server.url}?lesson=credit-for-smes`);
    await settled(page);
    // Next step then Play in one task: no month of the new step can have arrived
    const monthsAtPlay = await page.evaluate(() => {
      (document.querySelector('#next-step') as HTMLButtonElement).click();
      (document.querySelector('#play') as HTMLButtonElement).click();
      const view = (window as unknown as { __runner: { view(side: string): { main?: { done: number }; preview?: { done: number } } } }).__runner.view('scenario');
      return (view.main?.done ?? 0) + (view.preview?.done ?? 0);
    });
    expect(monthsAtPlay).toBe(0);
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#play').textContent()).toContain(en.classroom.pause);
    await page.waitForFunction(() => /\d{4}/.test(document.querySelector('#month')?.textContent ?? '') && document.querySelector('#month')?.textContent !== 'Jan 2020', null, { timeout: 60_000 });
    await page.click('#play');
  });

  it('a noisy monthly figure is watched as a 12-month average when the step asks for it', async () => {
    await page.goto(`${server.url}?lesson=credit-for-smes`);
    await settled(page);
    expect(await page.locator('#watch-name').textContent()).toBe(en.classroom.averageOf('SME credit rejection', 12));
    await page.keyboard.press('End');
    // the rate averaged over the last year of the run: near one in two, as the step says
    const shown = Number((await page.locator('#watch-scenario').textContent())!.replace('%', '')) / 100;
    expect(shown).toBeGreaterThan(0.3);
    expect(shown).toBeLessThan(0.7);
  });

  it('names an unknown lesson id; the address follows the step and opens the sandbox again after leaving', async () => {
    // a step past the lesson's end: its last step, said
    await page.goto(`${server.url}?lesson=market-hall-closes-2020&step=9`);
    await page.waitForSelector('.classroom .message');
    expect(await page.locator('.classroom .message').textContent()).toContain(en.classroom.noSuchStep('9', lesson.steps.length));
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(lesson.steps.length, lesson.steps.length));
    await page.goto(`${server.url}?lesson=no-such-lesson`);
    await page.waitForSelector('.classroom');
    const alert = page.locator('.classroom .message.error');
    expect(await alert.textContent()).toContain('“no-such-lesson”');
    for (const id of LESSON_IDS) expect(await alert.textContent()).toContain(id);
    // the message hangs under the teacher's bar, which stays in view and usable
    const barBottom = await page.locator('.class-top').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await alert.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(barBottom - 1);
    const first = readLesson('merchant-goes-digital');
    expect(await page.locator('.class-title').textContent()).toBe(first.title.en);

    await page.click('#next-step');
    const query = () => page.evaluate(() => location.search);
    expect(await query()).toBe('?lesson=merchant-goes-digital&step=2');
    await page.reload();
    await page.waitForSelector('.classroom');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, first.steps.length));
    expect(await page.locator('#step-title').textContent()).toBe(first.steps[1].title.en);

    await page.click('#exit-classroom');
    await page.waitForSelector('#chart-trade');
    expect(await query()).toBe('');
    await page.reload();
    await page.waitForSelector('#chart-trade');
    expect(await page.locator('.classroom').count()).toBe(0);
  });

  it('gives the sandbox its own scenario back: "No lesson" shows it, leaving restores it and its link, after a reload too', async () => {
    await page.goto(server.url);
    await page.locator('#preset').selectOption('data-flows-open');
    await page.waitForFunction(() => location.hash.includes('s='));
    const hash = await page.evaluate(() => location.hash);
    const sandbox = await appScenario(page);
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    expect(await appScenario(page)).not.toEqual(sandbox); // the first step runs
    await page.locator('#lesson-pick').selectOption('-1');
    expect(await appScenario(page)).toEqual(sandbox);
    await page.waitForFunction((h) => location.hash === h, hash);

    await page.locator('#lesson-pick').selectOption('0');
    await page.click('#next-step');
    await page.waitForFunction((h) => location.hash !== h, hash); // the address holds the step's scenario now
    await page.reload();
    await page.waitForSelector('.classroom');
    await page.click('#exit-classroom');
    await page.waitForSelector('#preset');
    expect(await page.locator('#preset').inputValue()).toBe('data-flows-open');
    expect(await appScenario(page)).toEqual(sandbox);
    await page.waitForFunction((h) => location.hash === h, hash, { timeout: 10_000 });

    // a refused file's problems beside the levers are there again after a visit to the classroom
    await page.locator('#file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "infrastructure": { "fiveGCoverage": 3 } }') });
    const problem = page.locator('[data-control="infrastructure.fiveGCoverage"] .problem');
    await problem.waitFor({ state: 'attached' });
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    await page.click('#exit-classroom');
    await problem.waitFor({ state: 'attached', timeout: 5_000 });
    expect(await problem.textContent()).toContain('bad.json');
    expect(await appScenario(page)).toEqual(sandbox);
  });

  it('takes a step to the sandbox to try other values, and the Classroom button comes back to the step', async () => {
    await page.goto(`${server.url}?lesson=credit-for-smes&step=2`);
    await page.waitForSelector('#step-to-sandbox');
    const stepScenario = await appScenario(page);
    expect((stepScenario.rules as Record<string, unknown>).smeCreditSupply).toBeDefined();
    await page.click('#step-to-sandbox');
    await page.waitForSelector('#preset');
    expect(await appScenario(page)).toEqual(stepScenario);
    expect(await page.locator('#baseline').inputValue()).toBe(readLesson('credit-for-smes').start ?? 'baseline');
    // the step's levers are the sandbox's now: its slider shows the step's value
    expect(await page.locator('[data-control="rules.smeCreditSupply"]').textContent()).toMatch(/2\.5/);
    await page.click('#classroom');
    await page.waitForSelector('.classroom');
    expect(await page.locator('#step-count').textContent()).toBe(en.classroom.step(2, readLesson('credit-for-smes').steps.length));
  });

  it('names two loaded lessons of the same title apart by their ids, and checks an empty file as a lesson', async () => {
    await page.goto(`${server.url}?classroom`);
    await page.waitForSelector('.classroom');
    try {
      for (const id of ['tariff-lesson', 'tariff-two']) {
        await page.locator('#lesson-file').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...own, id })) });
        await page.waitForFunction((i) => location.search.includes(`lesson=${i}`), id);
      }
      const options = await page.locator('#lesson-pick option').allTextContents();
      expect(options).toEqual(expect.arrayContaining([`${own.title.en} (tariff-lesson)`, `${own.title.en} (tariff-two)`]));
      await page.locator('#lesson-file').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
      const alert = page.locator('.classroom .message.error');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/empty\.json/);
      expect(await alert.textContent()).not.toContain(en.classroom.scenarioNotLesson('empty.json'));
    } finally {
      await forgetLoadedLessons(page);
    }
  });

  it('a reload keeps a lesson loaded from a file, at its step, and "No lesson"; another tab says the loaded lesson is not there', async () => {
    await page.goto(`${server.url}?classroom`);
    await page.waitForSelector('.classroom');
    await page.locator('#lesson-file').setInputFiles({ name: 'tariff-lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.waitForFunction((t) => document.querySelector('.class-title')?.textContent === t, own.title.en);
    await page.click('#next-step');
    await page.waitForFunction(() => location.search === '?lesson=tariff-lesson&step=2');
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('.class-title')?.textContent === t, own.title.en);
    expect(await page.locator('#step-title').textContent()).toBe(own.steps[1].title.en);
    expect(((await appScenario(page)).regions as Array<{ id: string; tariff?: number }>).find((r) => r.id === 'eu')?.tariff).toBe(0.2);
    // no lesson: the sandbox's scenario, after a reload too
    await page.locator('#lesson-pick').selectOption('-1');
    await page.waitForFunction(() => location.search === '?classroom=none');
    await page.reload();
    await page.waitForSelector('.classroom');
    expect(await page.locator('.class-title').textContent()).toBe(en.classroom.noLesson);
    // a new tab has no loaded lessons: its address names what is missing and what to do
    const other = await page.context().newPage();
    try {
      await other.goto(`${server.url}?lesson=tariff-lesson&step=2`);
      const message = other.locator('.classroom .message.error');
      await message.waitFor();
      expect(await message.textContent()).toContain('a lesson loaded from a file is kept only in the browser tab it was loaded in: load the file again');
    } finally {
      await other.close();
      await forgetLoadedLessons(page);
    }
  });

  it('keeps the step\'s heading in view when a long answer is shown, and the rest of the step within reach', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await page.click('#next-step');
    expect(await page.locator('#step-title').textContent()).toBe(lesson.steps[1].title.en);
    /** Whether an element is on screen and not hidden by a scrolling region: the point at its centre hits it. */
    const seen = (selector: string) => page.evaluate((selector) => {
      const el = document.querySelector(selector)!;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && !!hit && el.contains(hit);
    }, selector);
    const firstTop = await page.locator('.step-text').evaluate((el) => el.getBoundingClientRect().top);
    await page.click('#reveal');
    await page.waitForTimeout(100);
    // the answer needed scrolling (the step's text moved up), yet the heading stays
    expect(await page.locator('.step-text').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(firstTop);
    expect(await seen('#answer strong')).toBe(true);
    expect(await seen('#step-count')).toBe(true);
    expect(await seen('#step-title')).toBe(true);
    expect(await seen('#next-step')).toBe(true);
    // the rest of the step is reached by scrolling it, the heading still in view
    await page.locator('.lesson-summary summary').scrollIntoViewIfNeeded();
    expect(await seen('.lesson-summary summary')).toBe(true);
    expect(await seen('#step-count')).toBe(true);
  });

  it('shows every step of every lesson whole at 1280×720 — text, what it sets, the question and its button — in English and Chinese', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const cut: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      for (const id of LESSON_IDS) {
        for (let step = 1; step <= readLesson(id).steps.length; step++) {
          await page.goto(`${server.url}?lesson=${id}&step=${step}`);
          await page.waitForSelector('.step-body');
          if ((await page.locator('#class-lang').getAttribute('lang')) === lang) await page.click('#class-lang');
          const over = await page.locator('.step-body').evaluate((body) => body.scrollHeight - body.clientHeight);
          if (over > 2) cut.push(`${lang} ${id} step ${step}: ${over} px below`);
        }
      }
    }
    expect(cut).toEqual([]);
    if ((await page.locator('#class-lang').getAttribute('lang')) === 'en') await page.click('#class-lang');
  }, 180_000);

  it('shows whole lesson titles and the lesson list at 1280×720, in English and Chinese', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const lang of ['en', 'zh'] as const) {
      for (const id of LESSON_IDS) {
        await page.goto(`${server.url}?lesson=${id}`);
        await page.waitForSelector('.classroom');
        if ((await page.locator('#class-lang').getAttribute('lang')) === lang) await page.click('#class-lang');
        expect(await page.locator('.class-title').textContent()).toBe(readLesson(id).title[lang]);
        const fit = await page.evaluate(() => {
          const title = document.querySelector('.class-title') as HTMLElement;
          const pick = document.querySelector('#lesson-pick') as HTMLSelectElement;
          const width = pick.offsetWidth;
          pick.style.maxWidth = 'none'; // as wide as its longest title
          const natural = pick.offsetWidth;
          pick.style.maxWidth = '';
          return {
            title: [title.scrollWidth, title.clientWidth, title.scrollHeight, title.clientHeight, parseFloat(getComputedStyle(title).fontSize)],
            pick: [width, natural],
            page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
          };
        });
        const [sw, cw, sh, ch, font] = fit.title;
        expect(sw, `${lang} ${id}`).toBeLessThanOrEqual(cw);
        expect(sh, `${lang} ${id}`).toBeLessThanOrEqual(ch);
        expect(ch, `${lang} ${id}: at most two lines`).toBeLessThanOrEqual(font * 2.5);
        expect(fit.pick[0], `${lang} ${id}: lesson list`).toBeGreaterThanOrEqual(fit.pick[1]);
        expect(fit.page[0]).toBeLessThanOrEqual(1280);
        expect(fit.page[1]).toBeLessThanOrEqual(720);
      }
      if (lang === 'zh') expect(await page.locator('#speed option').first().textContent()).toBe('每秒1个月');
    }
    await page.click('#class-lang'); // back to English
    expect(await page.locator('#exit-classroom').textContent()).toBe(en.classroom.exit);
  });


  it('holds the watched chart still while the figures change, and a button reached with Tab takes Space and the chart tabs the arrows', async () => {
    await page.goto(`${server.url}?lesson=market-hall-closes-2020`);
    await settled(page);
    // the figures beside the heading keep their widest month's width: the heading does not rewrap
    // (US$3.08bn → US$3.1bn moved the chart 24 px, 27 times in a run)
    const tops = new Set<number>();
    for (let m = 0; m < 48; m++) {
      await page.locator('#time').evaluate((el, v) => { (el as HTMLInputElement).value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, m);
      tops.add(await page.locator('#class-watch .plot').evaluate((el) => Math.round(el.getBoundingClientRect().top)));
    }
    expect(tops.size).toBe(1);
    // Space presses a button reached from the keyboard (it played instead)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const tabTo = async (id: string) => {
      for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    };
    await tabTo('reveal');
    await page.keyboard.press(' ');
    expect(await page.locator('#answer').isHidden()).toBe(false);
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    // the chart tabs: → and ← move the choice (they moved the month)
    const month = await monthShown(page);
    await tabTo('view-flows');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#view-merchants').getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-merchants');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#view-flows').getAttribute('aria-checked')).toBe('true');
    expect(await monthShown(page)).toBe(month);
    // one Tab stop for the tabs: the chosen one (a radio group)
    expect(await page.locator('[role=radio]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('tabindex')))).toEqual(['0', '-1', '-1', '-1']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('radio');
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
