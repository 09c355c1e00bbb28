/** Numbers as the page shows them, in both languages. */
import { describe, it, expect } from 'vitest';
import * as f from './format.ts';

describe('number formats', () => {
  it('counts are whole numbers, but an average count below 100 keeps its decimals', () => {
    expect(f.count(67783.4, 'en')).toBe('67,783');
    expect(f.count(4.73, 'en')).toBe('4.73'); // destinations per exporter: not "5"
    expect(f.count(4.7312, 'zh')).toBe('4.73');
    expect(f.count(12, 'en')).toBe('12');
    expect(f.count(Number.NaN, 'en')).toBe('–');
  });

  it('figures compared side by side keep three significant digits, trailing zeros too', () => {
    expect([f.sig3(4.6, 'en'), f.sig3(4.51, 'en')]).toEqual(['4.60', '4.51']);
    expect(f.sig3(13.1, 'en')).toBe('13.1');
    expect(f.sig3(123456, 'zh')).toBe('12.3万');
    expect([f.money(5.1e8, 'zh', true), f.money(3.56e8, 'zh', true)]).toEqual(['5.10亿美元', '3.56亿美元']);
    expect(f.money(5.1e8, 'zh')).toBe('5.1亿美元'); // elsewhere a figure stands alone: no zeros added
    expect(f.sig3(Number.NaN, 'en')).toBe('–');
  });

  it('US$ billions a year read in 亿美元 in Chinese', () => {
    expect(f.usdBnAsYi(400)).toBe('4000亿美元/年');
  });

  it('money is compact in both languages; Chinese yuan counts in 亿', () => {
    expect(f.money(12.3e9, 'en')).toBe('US$12.3bn');
    expect(f.money(12.3e9, 'zh')).toBe('123亿美元');
    expect(f.bnYuan(566, 'zh')).toBe('5660亿元');
    expect(f.bnYuan(566, 'en')).toBe('566 bn yuan');
  });

  it('changes carry a true minus sign and multiples three significant digits', () => {
    expect(f.change(-0.01, 'en')).toBe('\u22121.0%');
    expect(f.change(0.042, 'en')).toBe('+4.2%');
    expect(f.times(1.5, 'en')).toBe('1.50 ×');
  });
});

describe('a figure as shown', () => {
  it('reads the size of its first number, separators and signs aside', () => {
    expect(f.shownMagnitude('+0.3 pp')).toBe(0.3);
    expect(f.shownMagnitude('±0.3 个百分点')).toBe(0.3);
    expect(f.shownMagnitude('−1,250')).toBe(1250);
    expect(f.shownMagnitude('+12%')).toBe(12);
    expect(f.shownMagnitude('no change')).toBeNaN();
  });
});

describe('an axis of money', () => {
  it('writes every tick in the unit of the axis\'s largest value, not each in its own', () => {
    const zh = f.moneyAxis(1.5e12, 'zh');
    expect([0, 3e11, 9e11, 1.5e12].map(zh)).toEqual(['0', '0.3万亿美元', '0.9万亿美元', '1.5万亿美元']);
    // written alone, the same ticks mix two units
    expect([f.money(9e11, 'zh'), f.money(1.5e12, 'zh')]).toEqual(['9000亿美元', '1.5万亿美元']);
    const en = f.moneyAxis(1.5e12, 'en');
    expect([3e11, 1.5e12].map(en)).toEqual(['US$0.3tn', 'US$1.5tn']);
    expect([5e6, 2.5e7].map(f.moneyAxis(2.5e7, 'zh'))).toEqual(['500万美元', '2500万美元']);
    expect([-2e9, 4e9].map(f.moneyAxis(-4e9, 'en'))).toEqual(['US$-2bn', 'US$4bn']); // as money() writes a loss
    expect(f.moneyAxis(500, 'en')(250)).toBe('US$250');
    expect(f.moneyAxis(1e9, 'en')(Number.NaN)).toBe('–');
  });
  it('billions of yuan in the unit the heading names: 亿元 in Chinese, bn yuan in English', () => {
    expect([300, 900, 1500].map(f.bnYuanAxis('zh'))).toEqual(['3000亿元', '9000亿元', '15000亿元']);
    expect([300, 1500].map(f.bnYuanAxis('en'))).toEqual(['300 bn yuan', '1,500 bn yuan']);
  });
});

describe('a number with its unit', () => {
  it('is spaced in English; in Chinese a Chinese unit follows the number directly', () => {
    expect(f.withUnit(30, 'days', 'en')).toBe('30 days');
    expect(f.withUnit(30, '天', 'zh')).toBe('30天');
    expect(f.withUnit(3, '个月', 'zh')).toBe('3个月');
    expect(f.withUnit(0.25, '美元/千克', 'zh')).toBe('0.25美元/千克');
    // a unit naming a kind of figure stands apart: "0.06每年" read as one word
    expect(f.withUnit(0.06, '每年', 'zh')).toBe('0.06 每年');
    expect(f.withUnit(0.85, '比例', 'zh')).toBe('0.85 比例');
    expect(f.withUnit(1.2, '指数（2020 = 1）', 'zh')).toBe('1.2 指数（2020 = 1）');
    expect(f.withUnit(0.5, 'US$', 'zh')).toBe('0.5 US$');
    expect(f.withUnit(2, '—', 'zh')).toBe('2');
  });
});

describe('a fraction as a percentage', () => {
  it('keeps one decimal only below 10 % and none where it is zero, in both languages', () => {
    expect(f.fractionAsPercent(0.045, 'en')).toBe('4.5%');
    expect(f.fractionAsPercent(0.04, 'en')).toBe('4%');
    expect(f.fractionAsPercent(0.25, 'en')).toBe('25%');
    expect(f.fractionAsPercent(0.6, 'zh')).toBe('60%');
    expect(f.fractionAsPercent(Number.NaN, 'en')).toBe('–');
  });
});

describe('months', () => {
  it('three letters for every month in English (not "Sept" beside "Jan"), year and month in Chinese', () => {
    expect(f.month('2024-09', 'en')).toBe('Sep 2024');
    expect(f.month('2024-01', 'en')).toBe('Jan 2024');
    expect(f.month('2024-09', 'zh')).toBe('2024年9月');
  });
});

import { en } from './i18n/en.ts';
import { zh } from './i18n/zh.ts';

describe('a name with its unit', () => {
  it('puts the unit in brackets, or after a comma when the unit has brackets of its own', () => {
    expect(en.sweep.withUnit('SME lending rate', 'per year')).toBe('SME lending rate (per year)');
    expect(en.sweep.withUnit('SME credit supply', 'index (2020 = 1)')).toBe('SME credit supply, index (2020 = 1)');
    expect(zh.sweep.withUnit('中小企业信贷供给', '指数（2020 = 1）')).toBe('中小企业信贷供给，指数（2020 = 1）');
    expect(zh.sweep.withUnit('中小企业贷款利率', '每年')).toBe('中小企业贷款利率（每年）');
  });
});

import { shownPointChange, pct, pointChange } from './format.ts';

describe('a change in points', () => {
  it('is the difference of the two shares as shown, so the card\'s arithmetic adds up', () => {
    const a = 0.79126, b = 0.77349; // shown 79.1 % and 77.3 %: +1.8 pp, as the unrounded 1.777 also rounds
    expect(pct(a, 'en')).toBe('79.1%');
    expect(pct(b, 'en')).toBe('77.3%');
    expect(pointChange(shownPointChange(a, b), 'en', 'pp')).toBe('+1.8 pp');
    // 79.14 % − 77.36 % = 1.78 pp unrounded (+1.8), but the card shows 79.1 % and 77.4 %: +1.7
    expect(pointChange(shownPointChange(0.7914, 0.7736), 'en', 'pp')).toBe('+1.7 pp');
    expect(pointChange(0.7914 - 0.7736, 'en', 'pp')).toBe('+1.8 pp');
    expect(shownPointChange(0.4891, 0.2334)).toBeCloseTo(0.256, 12);
  });
});

import { plusMinus } from './format.ts';

describe('a spread either way (a card\'s seed noise)', () => {
  it('always has its ±, with the digits that show a small one', () => {
    expect(plusMinus(0.0042, 'en')).toBe('±0.4%');
    expect(plusMinus(0.0003, 'en')).toBe('±0.03%'); // read "0.0%" without a sign before
    expect(plusMinus(0.00002, 'en')).toBe('±0.002%');
    expect(plusMinus(0, 'en')).toBe('±0.0%');
    expect(plusMinus(0.003, 'en', 'pp')).toBe('±0.3 pp');
    expect(plusMinus(0.0002, 'zh', '个百分点')).toBe('±0.02 个百分点');
    expect(plusMinus(-0.01, 'en')).toBe('±1.0%');
  });
});

describe('a schedule in one line', () => {
  it('names the milestones a reader knows, not the points where the defaults split at the record\'s end', () => {
    const cloud = { base: 1, segments: [{ start: '2020-01', end: '2020-12', to: 0.958 }, { start: '2021-01', end: '2024-12', to: 0.775 }, { start: '2025-01', end: '2030-12', to: 0.5 }] };
    expect(f.pathText(cloud, '', 'en')).toBe('1 → 0.5 (2030)');
    const fiveG = { base: 0.1, segments: [{ start: '2020-01', end: '2023-12', to: 0.85 }, { start: '2024-01', end: '2024-12', to: 0.863 }, { start: '2025-01', end: '2030-12', to: 0.95 }] };
    expect(f.pathText(fiveG, 'share', 'zh')).toBe('0.1 → 0.85（2023年） → 0.95（2030年） share');
    // a bend is a milestone, and so is a step
    const bent = { base: 1, segments: [{ start: '2020-01', end: '2024-12', to: 0.9 }, { start: '2025-01', end: '2030-12', to: 0.2 }] };
    expect(f.pathText(bent, '', 'en')).toBe('1 → 0.9 (2024) → 0.2 (2030)');
    const steps = { base: 0.2, segments: [{ start: '2022-09', to: 0.35 }, { start: '2024-03', to: 0.25 }] };
    expect(f.pathText(steps, '', 'en')).toBe('0.2 → 0.35 (2022) → 0.25 (2024)');
  });
});

describe('wrapText', () => {
  const width = (s: string) => s.length;
  it('breaks at spaces, keeping every word and no line over the room', () => {
    const text = 'The smile curve: margin by stage, and where merchants sit (gross margin on sales)';
    const lines = f.wrapText(text, 30, width);
    expect(lines.join(' ')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
  });
  it('breaks Chinese between characters, and leaves a short text whole', () => {
    const lines = f.wrapText('微笑曲线：各环节毛利率及商户分布（占销售额的毛利率）', 10, width);
    expect(lines.join('')).toBe('微笑曲线：各环节毛利率及商户分布（占销售额的毛利率）');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(10);
    expect(f.wrapText('Seed 1', 30, width)).toEqual(['Seed 1']);
  });
  it('puts a word wider than the room on a line of its own', () => {
    expect(f.wrapText('a verylongwordindeed b', 8, width)).toEqual(['a', 'verylongwordindeed', 'b']);
  });
});

describe('typed numbers', () => {
  it('full-width digits and signs, as a Chinese input method types them, read as ASCII', () => {
    expect(f.typedNumber(' ０.５ ')).toBe('0.5');
    expect(f.typedNumber('５0％')).toBe('50%');
    expect(Number(f.typedNumber('－１'))).toBe(-1);
    expect(f.typedNumber('０。７')).toBe('0.7');
  });
});
