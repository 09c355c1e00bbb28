import { describe, it, expect } from 'vitest';
import { horizonNotes } from './horizon.ts';

describe('notes on a time window the model is not built for', () => {
  it('none for the default window or a shorter one from January 2020', () => {
    expect(horizonNotes({ start: '2020-01', end: '2030-12' })).toEqual([]);
    expect(horizonNotes({ start: '2020-01', end: '2023-12' })).toEqual([]);
  });

  it('a start before or after January 2020 says the first month is Yiwu as of late 2019 all the same', () => {
    const [early] = horizonNotes({ start: '2015-01', end: '2030-12' });
    expect(early.en).toMatch(/^the run starts in 2015-01, before the month the model is calibrated for \(2020-01\): its first month is still Yiwu as of late 2019 .* not as Yiwu in 2015$/);
    expect(early.zh).toMatch(/^运行始于2015-01，早于模型校准的起始月份（2020-01）/);
    const [late] = horizonNotes({ start: '2025-01', end: '2030-12' });
    expect(late.en).toMatch(/^the run starts in 2025-01, after the month/);
    expect(late.zh).toContain('晚于');
  });

  it('writes months as the reader is used to (the page: "Jan 2023", "2023年1月")', () => {
    const month = (m: string, lang: 'en' | 'zh') => (lang === 'en' ? `month ${m}` : `${m}月份`);
    const [late, end] = horizonNotes({ start: '2023-01', end: '2035-12' }, month);
    expect(late.en).toMatch(/^the run starts in month 2023-01, after the month the model is calibrated for \(month 2020-01\): .*, with the levers of month 2023-01; .* not as Yiwu in 2023$/);
    expect(late.zh).toMatch(/^运行始于2023-01月份，晚于模型校准的起始月份（2020-01月份）/);
    expect(end.en).toMatch(/^the run goes past month 2030-12, /);
  });

  it('an end past 2030 says the later years carry 2030\'s settings forward; both notes when both apply', () => {
    const notes = horizonNotes({ start: '2018-06', end: '2031-01' });
    expect(notes).toHaveLength(2);
    expect(notes[1].en).toMatch(/^the run goes past 2030-12, where the default lever paths end: .* 2030's settings carried forward, not as a forecast$/);
    expect(notes[1].zh).toMatch(/^运行超过2030-12/);
  });
});
