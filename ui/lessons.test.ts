import { describe, it, expect } from 'vitest';
import { LESSONS, describeLevers, inheritedView } from './lessons.ts';
import { en } from './i18n/en.ts';
import { zh } from './i18n/zh.ts';

describe('lessons in the app', () => {
  it('bundles the six lessons, in teaching order', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['merchant-goes-digital', '5g-reach-of-small-firms', 'partner-localises-data', 'credit-for-smes', 'climbing-the-smile-curve', 'market-hall-closes-2020']);
  });

  it('says in words what a step sets: lever labels, final values, the month reached, shocks', () => {
    const step = LESSONS.find((l) => l.id === '5g-reach-of-small-firms')!.steps[1];
    const lines = describeLevers(step.levers, 'en', en.classroom.byMonth, en.classroom.shock, en.classroom.fromMonth);
    expect(lines.some((l) => /5G/.test(l) && /99\s?%/.test(l) && /by Jun 2022/.test(l)), lines.join('\n')).toBe(true);
    const zhLines = describeLevers(step.levers, 'zh', zh.classroom.byMonth, zh.classroom.shock, zh.classroom.fromMonth);
    expect(zhLines.some((l) => /5G/.test(l) && /：99/.test(l) && /2022年6月/.test(l)), zhLines.join('\n')).toBe(true);
    // a step (no end month) applies from its month; a rate reads as a percentage a year
    const from = describeLevers({ rules: { smeLendingRate: { base: 0.06, segments: [{ start: '2021-01', to: 0.04 }] } } }, 'en', en.classroom.byMonth, en.classroom.shock, en.classroom.fromMonth);
    expect(from[0]).toMatch(/4(\.0)?\s?% a year from Jan 2021/);

    const hall = LESSONS.find((l) => l.id === 'market-hall-closes-2020')!.steps[1];
    const shocks = describeLevers(hall.levers, 'en', en.classroom.byMonth, en.classroom.shock);
    expect(shocks.length).toBe((hall.levers.shocks as unknown[]).length);
    expect(shocks[0]).toMatch(/2020/);
    expect(describeLevers({ regions: [{ id: 'eu', tariff: 0.2 }] }, 'en', en.classroom.byMonth, en.classroom.shock)[0]).toMatch(/European Union.*20\s?%/);
    // a one-month shock names its month once
    expect(describeLevers({ shocks: [{ type: 'market_hall_closure', start: '2020-02', end: '2020-02', severity: 1 }] }, 'en', en.classroom.byMonth, en.classroom.shock)[0]).toMatch(/, Feb 2020$/);
    expect(describeLevers({}, 'en', en.classroom.byMonth, en.classroom.shock)).toEqual([]);
    // with its size, so the class knows how big it is
    expect(shocks.join(' | ')).toMatch(/Demand shock \(\u221225(\.0)?%\)/);
    expect(shocks.join(' | ')).toMatch(/\(×4, Sea\)/i);
    expect(describeLevers({ shocks: [{ type: 'freight_rate_spike', start: '2021-01', end: '2021-06', multiplier: 2, modes: ['air', 'express'] }] }, 'zh', zh.classroom.byMonth, zh.classroom.shock)[0]).toMatch(/×2，/);
    // the run's frame in words, not as paths: months simulated (a missing end is the default's), scale, seed
    expect(describeLevers({ time: { start: '2021-01' }, scale: 0.05, seed: 7 }, 'en', en.classroom.byMonth, en.classroom.shock))
      .toEqual(['Months simulated: Jan 2021 – Dec 2030', 'Scale: 0.05 (3,750 merchants simulated)', 'Seed: 7']);
    expect(describeLevers({ time: { start: '2021-01', end: '2025-12' }, scale: 0.05 }, 'zh', zh.classroom.byMonth, zh.classroom.shock))
      .toEqual(['模拟时段：2021年1月至2025年12月', '规模：0.05（模拟3,750家商户）']);
  });

  it('a step without a chart of its own shows, on arrival, the last one chosen by the steps before it, else the flows', () => {
    const lesson = LESSONS.find((l) => l.id === 'merchant-goes-digital')!;
    expect(lesson.steps.map((st) => st.view ?? null)).toEqual(['merchants', 'merchants', null, 'channels']);
    expect([0, 1, 2, 3].map((i) => inheritedView(lesson, i))).toEqual(['merchants', 'merchants', 'merchants', 'channels']);
    const smile = LESSONS.find((l) => l.id === 'climbing-the-smile-curve')!;
    expect(inheritedView(smile, 0)).toBe('smile');
    const none = { ...smile, steps: smile.steps.map((st) => ({ ...st, view: undefined })) };
    expect(inheritedView(none, 2)).toBe('flows');
  });
});
