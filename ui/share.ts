/**
 * The share link: `#v=<model version>&seed=<n>&b=<baseline preset>&s=<scenario>`, where the
 * scenario holds only what differs from the defaults, as JSON in base64url. Reading a link never
 * evaluates or renders it: it is decoded, parsed as JSON and validated like a scenario file.
 */
import { typedNumber } from './format.ts';

export const MAX_LINK_CHARS = 16_000;

export interface SharedState {
  version: string;
  seed: number;
  baseline?: string;
  scenario: object;
}

export type ReadLink =
  | { kind: 'none' }
  | { kind: 'ok'; state: SharedState }
  | { kind: 'tooLong'; length: number }
  /** `field`: the part of the link that does not read, when it is one a user can name (seed, baseline, version). */
  | { kind: 'broken'; field?: LinkField }
  /** Made with another model version; `state` is what it holds, when it reads, to open with this model on request. */
  | { kind: 'outdated'; version: string; state?: SharedState };

export interface LinkField { name: 'seed' | 'baseline' | 'version'; value: string }

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function writeLink(state: SharedState): string {
  const p = new URLSearchParams();
  p.set('v', state.version);
  p.set('seed', String(state.seed));
  if (state.baseline) p.set('b', state.baseline);
  if (Object.keys(state.scenario).length > 0) p.set('s', toBase64Url(JSON.stringify(state.scenario)));
  return '#' + p.toString();
}

export function readLink(hash: string, currentVersion: string): ReadLink {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h) return { kind: 'none' };
  if (h.length > MAX_LINK_CHARS) return { kind: 'tooLong', length: h.length };
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(h);
  } catch {
    return { kind: 'broken' };
  }
  const version = p.get('v');
  if (!version && !p.has('s') && !p.has('seed')) return { kind: 'none' };
  if (!version || !/^[0-9A-Za-z.+-]{1,32}$/.test(version)) return { kind: 'broken', field: { name: 'version', value: version ?? '' } };
  const read = readState(p, version);
  if (version !== currentVersion) return 'state' in read ? { kind: 'outdated', version, state: read.state } : { kind: 'outdated', version };
  return 'state' in read ? { kind: 'ok', state: read.state } : { kind: 'broken', ...read };
}

/**
 * The seed, baseline and scenario a link holds; or, when one does not read, which (`field`: the
 * seed or the baseline, the parts a user can name; none for a damaged scenario).
 */
function readState(p: URLSearchParams, version: string): { state: SharedState } | { field?: LinkField } {
  const seedText = p.get('seed') ?? '1';
  const seed = parseSeed(seedText);
  if (seed === undefined) return { field: { name: 'seed', value: seedText } };
  let scenario: unknown = {};
  const s = p.get('s');
  if (s) {
    try {
      scenario = JSON.parse(fromBase64Url(s));
    } catch {
      return {};
    }
    if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) return {};
  }
  const baseline = p.get('b') ?? undefined;
  if (baseline !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(baseline)) return { field: { name: 'baseline', value: baseline } };
  return { state: { version, seed, baseline, scenario: scenario as object } };
}

/** The largest seed a scenario accepts (sim/schema/scenario.ts: 0 … 2³¹ − 1). */
export const MAX_SEED = 2 ** 31 - 1;

/** A seed as typed or linked: a whole number from 0 to MAX_SEED, digits only; otherwise undefined. */
export function parseSeed(text: string): number | undefined {
  const t = typedNumber(text);
  if (!/^\d{1,10}$/.test(t) || Number(t) > MAX_SEED) return undefined;
  return Number(t);
}
