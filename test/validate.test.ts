/** The validation report runs on a reduced scale and its numbers are computed, not written by hand. */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidation, reportMarkdown, formatNumber } from '../cli/validate.ts';
import { startRunRateBnYuan, CNY_PER_USD, YIWU_TRADE_BN_YUAN } from '../sim/validate/facts.ts';

describe('npm run validate', () => {
  const report = runValidation([1, 2], 0.01);
  const md = reportMarkdown(report);

  it('covers the calibration targets and at least five further stylised facts', () => {
    expect(report.results.filter((r) => r.kind === 'calibration').length).toBeGreaterThanOrEqual(5);
    expect(report.results.filter((r) => r.kind === 'validation').length).toBeGreaterThanOrEqual(5);
    for (const id of ['distance_elasticity_offline', 'merchant_size_tail', 'market_procurement_share_2020', 'market_procurement_share_2023', 'yiwu_trade_2019', 'yiwu_trade_2023', 'yiwu_exports_2023']) {
      expect(report.results.map((r) => r.id)).toContain(id);
    }
  });

  it('reports, for every fact, the value computed from the runs, its target, source and result', () => {
    for (const r of report.results) {
      expect(r.values).toHaveLength(2);
      const line = md.split('\n').find((l) => l.startsWith(`| ${r.name} |`));
      expect(line, r.name).toBeDefined();
      expect(line).toContain(formatNumber(r.mean));
      expect(line).toContain(r.target);
      expect(line).toContain(r.pass ? 'met' : 'missed');
    }
  });

  it('Yiwu\'s 2019 trade is compared with the run-rate the model starts from, and only for a run that starts in January 2020', () => {
    expect(startRunRateBnYuan('2020-01', 2e9)).toBeCloseTo((2e9 * 12 * CNY_PER_USD[2019]) / 1e9, 9);
    expect(startRunRateBnYuan('2021-01', 2e9)).toBeNaN();
    expect(startRunRateBnYuan('2020-02', 2e9)).toBeNaN();
    const r2019 = report.results.find((r) => r.id === 'yiwu_trade_2019')!;
    expect(r2019.mean).toBeGreaterThan(0);
    expect(r2019.target).toContain(String(YIWU_TRADE_BN_YUAN[2019]));
  });

  it('the numbers change with the runs (they are not typed in)', () => {
    const other = runValidation([3], 0.01);
    const changed = other.results.filter((r, i) => r.mean !== report.results[i].mean);
    expect(changed.length).toBeGreaterThan(report.results.length / 2);
  });

  it('the command writes the report', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'validate-')), 'validation.md');
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/validate.ts', '--seeds', '1', '--scale', '0.005', '--out', out], { encoding: 'utf8' });
    expect(readFileSync(out, 'utf8')).toMatch(/^# Model validation/);
  });
});
