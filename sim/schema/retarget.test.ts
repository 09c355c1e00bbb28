import { describe, it, expect } from 'vitest';
import { retarget, sameAsDefault, controlById, allControls, setControlValue } from './introspect.ts';
import { resolveScenario } from './resolve.ts';
import { valueAt } from './schedule.ts';
import { parseMonth } from './dates.ts';
import type { Schedule } from './param.ts';

const fiveG = controlById('infrastructure.fiveGCoverage')!.defaultValue as Schedule;
const at = (s: Schedule, m: string) => valueAt(s, parseMonth(m));

describe('a schedule lever set simply (target and year)', () => {
  it('the default\'s own target and year give back the default exactly', () => {
    const last = fiveG.segments[fiveG.segments.length - 1];
    expect(sameAsDefault(retarget(fiveG, last.to, last.end!, '2020-01'), fiveG)).toBe(true);
  });

  it('a small change of the target is a small change of the path: the earlier milestones stay', () => {
    const nudged = retarget(fiveG, 0.951, '2030-12', '2020-01');
    for (const m of ['2020-06', '2022-01', '2023-12', '2026-06', '2030-12']) expect(Math.abs(at(nudged, m) - at(fiveG, m))).toBeLessThan(0.002);
    // a higher target never lowers coverage in any month
    const full = retarget(fiveG, 1, '2030-12', '2020-01');
    for (let t = parseMonth('2020-01'); t <= parseMonth('2030-12'); t++) expect(valueAt(full, t)).toBeGreaterThanOrEqual(valueAt(fiveG, t) - 1e-12);
  });

  it('an earlier year drops the default segments reached after it and ramps to the target by then', () => {
    const early = retarget(fiveG, 1, '2025-12', '2020-01');
    expect(at(early, '2023-12')).toBeCloseTo(0.85, 12);
    expect(at(early, '2025-12')).toBe(1);
    expect(at(early, '2030-12')).toBe(1);
    const veryEarly = retarget(fiveG, 0.9, '2021-12', '2020-01');
    expect(veryEarly.segments).toEqual([{ start: '2020-01', end: '2021-12', to: 0.9 }]);
  });

  it('a constant lever gets one ramp from its value at the run\'s start', () => {
    expect(retarget({ base: 1, segments: [] }, 2, '2024-12', '2020-01')).toEqual({ base: 1, segments: [{ start: '2020-01', end: '2024-12', to: 2 }] });
  });

  it('gives a valid scenario for every schedule lever, every year and target (segments never share a month)', () => {
    const failures: string[] = [];
    for (const c of allControls().filter((x) => x.meta.schedule)) {
      const path = typeof c.defaultValue === 'number' ? { base: c.defaultValue, segments: [] } : c.defaultValue;
      const targets = [c.meta.minimum, c.meta.maximum, finalOf(path)].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      for (let year = 2021; year <= 2030; year++) {
        for (const target of targets) {
          try {
            resolveScenario(setControlValue({}, c, retarget(path, target, `${year}-12`, '2020-01')));
          } catch (e) {
            failures.push(`${c.id} → ${target} by ${year}: ${(e as Error).message.split('\n').slice(0, 2).join(' ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('starts the new ramp the month after the kept segments end', () => {
    // 5G: 0.85 by 2023-12 and the record to 2024-12 stay; 0.9 by 2026-12 ramps from 2025-01
    expect(retarget(fiveG, 0.9, '2026-12', '2020-01').segments).toEqual([fiveG.segments[0], fiveG.segments[1], { start: '2025-01', end: '2026-12', to: 0.9 }]);
    // a kept step: the ramp starts the month after it
    expect(retarget({ base: 0, segments: [{ start: '2022-06', to: 0.5 }] }, 1, '2024-12', '2020-01').segments)
      .toEqual([{ start: '2022-06', to: 0.5 }, { start: '2022-07', end: '2024-12', to: 1 }]);
  });
});

const finalOf = (s: Schedule) => (s.segments.length ? s.segments[s.segments.length - 1].to : s.base);
