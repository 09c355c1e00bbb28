import { describe, it, expect } from 'vitest';
import { parseSeed, readLink, writeLink, MAX_SEED } from './share.ts';

describe('seeds, typed or linked', () => {
  it('are whole numbers from 0 to 2³¹ − 1, digits only', () => {
    expect(parseSeed('7')).toBe(7);
    expect(parseSeed(' 0 ')).toBe(0);
    expect(parseSeed(String(MAX_SEED))).toBe(MAX_SEED);
    for (const bad of ['', '-1', '1.5', '1e12', 'abc', String(MAX_SEED + 1), '4294967296', '0x10']) expect(parseSeed(bad)).toBeUndefined();
    // full-width digits from a Chinese input method read as the digits they are
    expect(parseSeed('４２')).toBe(42);
  });

  it('a link keeps its seed; a link with a bad seed is broken', () => {
    const link = writeLink({ version: '0.6.0', seed: 42, scenario: { rules: { smeCreditSupply: 2 } } });
    expect(readLink(link, '0.6.0')).toEqual({ kind: 'ok', state: { version: '0.6.0', seed: 42, baseline: undefined, scenario: { rules: { smeCreditSupply: 2 } } } });
    expect(readLink('#v=0.6.0&seed=-1', '0.6.0')).toEqual({ kind: 'broken', field: { name: 'seed', value: '-1' } });
    expect(readLink('#v=0.6.0&seed=1e12', '0.6.0')).toEqual({ kind: 'broken', field: { name: 'seed', value: '1e12' } });
    // the other parts a user can name
    expect(readLink('#v=0.6.0&seed=1&b=<img src=x>', '0.6.0')).toEqual({ kind: 'broken', field: { name: 'baseline', value: '<img src=x>' } });
    expect(readLink('#seed=1', '0.6.0')).toEqual({ kind: 'broken', field: { name: 'version', value: '' } });
    expect(readLink('#v=0.6.0&seed=1&s=%%%', '0.6.0')).toEqual({ kind: 'broken' });
  });

  it('an outdated link says its version and keeps what it holds, to open with this model on request', () => {
    const link = writeLink({ version: '0.7.0', seed: 9, baseline: 'sme-finance', scenario: { rules: { smeCreditSupply: 2 } } });
    expect(readLink(link, '0.8.0')).toEqual({ kind: 'outdated', version: '0.7.0', state: { version: '0.7.0', seed: 9, baseline: 'sme-finance', scenario: { rules: { smeCreditSupply: 2 } } } });
    // one whose contents do not read is outdated with nothing to open
    expect(readLink('#v=0.7.0&seed=1&s=%%%', '0.8.0')).toEqual({ kind: 'outdated', version: '0.7.0' });
    expect(readLink('#v=0.7.0&seed=abc', '0.8.0')).toEqual({ kind: 'outdated', version: '0.7.0' });
  });
});
