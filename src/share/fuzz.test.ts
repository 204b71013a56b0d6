/**
 * Links and files come from strangers: 10,000 malformed inputs each for the results-link decoder, the
 * results-file decoder and the settings-query decoder. None may throw; each must answer with a message that
 * names the field or the problem, and the settings decoder must always yield settings the page can run.
 */
import { zlibSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { checkTrainValue, TRAIN_FIELDS, type TrainField } from '../engine/config/trainConfig';
import { isBackendName, REFERENCE_TRAIN } from '../engine/defaults';
import { presetConfig, sweepConfigErrors } from '../engine/sweep/sweepConfig';
import { Gen, randomBundle, randomShareConfig } from '../testing/arbitrary';
import { encodeBase64url } from './base64url';
import { bundleJson, parseBundleJson } from './bundleJson';
import { decodeConfigQuery, encodeConfigQuery, type ShareConfig } from './configQuery';
import { MAX_LINK_CHARS, MAX_RESULTS_BYTES } from './limits';
import { decodeResultsHash } from './resultsLink';

const CASES = 10_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf of a JSON value with its path as the schema writes it: results.runs[3].accuracy. */
function leaves(v: Json, path = ''): string[] {
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => leaves(x, `${path}[${i}]`)) : [path];
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length ? keys.flatMap((k) => leaves(v[k], path ? `${path}.${k}` : k)) : [path];
  }
  return [path];
}

const steps = (path: string): (string | number)[] => [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));

/** `path` and the paths above it, longest first; the schema reports a problem at one of them. */
const ancestors = (path: string): string[] => {
  const out = [path];
  for (let p = path; /[.[]/.test(p); ) out.push((p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')));
  return out;
};

/** A value of a type the leaf never accepts. */
function wrongType(g: Gen, v: Json): Json {
  if (typeof v === 'number') return g.pick<Json>(['1', true, {}, [], 'NaN']);
  if (typeof v === 'string') return g.pick<Json>([7, [], {}, false]);
  if (typeof v === 'boolean') return g.pick<Json>(['true', 1, null]);
  if (v === null) return g.pick<Json>(['x', {}, true]);
  return Array.isArray(v) ? g.pick<Json>([{}, 'x', 3]) : g.pick<Json>([[], 'x', 3]);
}

function replaceAt(root: Json, path: string, value: Json): Json {
  const s = steps(path);
  let o = root as Record<string | number, Json>;
  for (const k of s.slice(0, -1)) o = o[k] as Record<string | number, Json>;
  o[s[s.length - 1]] = value;
  return root;
}

/** Every object inside a JSON value. */
const objects = (v: Json): Record<string, Json>[] =>
  Array.isArray(v) ? v.flatMap(objects) : v !== null && typeof v === 'object' ? [v, ...Object.values(v).flatMap(objects)] : [];

/** Puts a dangerous key into a random object, as an own property, the way JSON.parse makes it. */
function withKey(g: Gen, value: Json, key: string): string {
  const payload = g.pick<Json>([{ polluted: true }, 1, '<script>alert(1)</script>']);
  Object.defineProperty(g.pick(objects(value)), key, { value: payload, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(value);
}

const SCRIPTS = ['<script>alert(1)</script>', 'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '{{constructor.constructor("alert(1)")()}}', '%3Cscript%3E'];

function randomBytes(g: Gen, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => g.int(0, 255));
}

function randomJson(g: Gen, depth = 0): Json {
  switch (g.int(0, depth > 3 ? 3 : 5)) {
    case 0:
      return null;
    case 1:
      return g.pick([0, -1, 1e308, 0.5, 42]);
    case 2:
      return g.text(30);
    case 3:
      return g.bool();
    case 4:
      return Array.from({ length: g.int(0, 4) }, () => randomJson(g, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: g.int(0, 4) }, () => [g.pick(['format', 'version', 'title', 'results', 'runs', 'x', '__proto__']), randomJson(g, depth + 1)]));
  }
}

const deflated = (bytes: Uint8Array): string => `#r=${encodeBase64url(zlibSync(bytes))}`;
const hashOfJson = (json: string): string => deflated(new TextEncoder().encode(json));

/** A malformed bundle as JSON text, and what its message must match. Shared by the link and the file fuzzers. */
function malformedJson(g: Gen, kind: number, pool: readonly Json[]): { json: string; expect: RegExp | string[] } {
  const valid = structuredClone(g.pick(pool));
  const text = JSON.stringify(valid);
  switch (kind) {
    case 0: {
      const cut = g.int(0, text.length - 2);
      return { json: text.slice(0, cut), expect: /not valid JSON/ };
    }
    case 1: {
      const key = g.pick(['version', 'format']);
      (valid as Record<string, Json>)[key] = g.pick<Json>([0, 3, 99, '1', '2', null, -1, 'roar-lab', 'ROAR-LAB-RESULTS']);
      return { json: JSON.stringify(valid), expect: /^(version|format) / };
    }
    case 2: {
      const path = g.pick(leaves(valid));
      const current = steps(path).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], valid);
      return { json: JSON.stringify(replaceAt(valid, path, wrongType(g, current))), expect: ancestors(path) };
    }
    case 3: {
      const depth = g.int(50, 5_000);
      const open = g.bool() ? '['.repeat(depth) : '{"a":'.repeat(depth);
      const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
      return { json: g.bool() ? open + close : text.replace('"results":', `"results":${open}`).slice(0, -1) + close + '}', expect: /must be an object|not valid JSON|^results (has an unknown field “\u2068a\u2069”|is missing the field)/ };
    }
    case 4: {
      const numbers = [...text.matchAll(/:(-?\d+(\.\d+)?(e-?\d+)?)(?=[,}\]])/g)];
      const m = g.pick(numbers);
      const bad = g.pick(['1e999', '-1e999', 'NaN', 'Infinity', '-Infinity']);
      return { json: text.slice(0, m.index + 1) + bad + text.slice(m.index + m[0].length), expect: /not valid JSON|must be|: a (whole )?number from|Version: 2; this page runs|names no run|scores no cell|is not valid|^version is|does not follow from the runs/ };
    }
    case 5: {
      const key = g.pick(['__proto__', 'constructor', 'prototype', '__defineGetter__']);
      return { json: withKey(g, valid, key), expect: new RegExp(`unknown (field “\u2068${key}\u2069”|parameter "${key}")`) };
    }
    case 6: {
      const path = g.pick(leaves(valid).filter((p) => /\.(id|method|key|backend|format|startedAt|mode|target)$/.test(p)));
      return { json: JSON.stringify(replaceAt(valid, path, g.pick(SCRIPTS))), expect: ancestors(path) };
    }
    case 7: {
      const v = randomJson(g);
      return { json: JSON.stringify(v), expect: /^The (file|link's data) (must be an object|is missing the field|has an unknown field)|^format must|^version is/ };
    }
    case 8: {
      const field = g.pick(['title', 'results.provenance.device', 'results.provenance.backendDetails']);
      return { json: JSON.stringify(replaceAt(valid, field, 'x'.repeat(g.int(1_001, 20_000)))), expect: [field] };
    }
    default: {
      const runs = (valid as { results: { runs: Json[] } }).results.runs;
      const extra = g.int(1, 300);
      for (let i = 0; i < extra; i++) runs.push(runs[0] ?? { key: 'x' });
      return { json: JSON.stringify(valid), expect: ['results.runs'] };
    }
  }
}

const KINDS = 10;

function expectClear(message: unknown, expected: RegExp | string[], input: string): void {
  expect(typeof message, input).toBe('string');
  const m = message as string;
  expect(m.length, input).toBeGreaterThan(10);
  expect(m.length, input).toBeLessThan(1_500);
  if (expected instanceof RegExp) expect(m, input).toMatch(expected);
  else expect(expected.some((p) => m.startsWith(p) && /^[ .[]/.test(m.slice(p.length))), `${m} ← ${input}`).toBe(true);
}

function validPool(seed: number, n: number): Json[] {
  const g = new Gen(seed);
  return Array.from({ length: n }, () => JSON.parse(JSON.stringify(randomBundle(g))) as Json);
}

describe('fuzz', () => {
  test(`${CASES} malformed result links each get a clear message`, () => {
    const g = new Gen(101);
    const pool = validPool(1, 20);
    const validHashes = pool.map((b) => hashOfJson(JSON.stringify(b)));
    // A handful of bombs: each inflates 5 MB before it is stopped, so thousands would only test patience.
    const bomb = deflated(new Uint8Array(MAX_RESULTS_BYTES + 300_000));
    for (let i = 0; i < CASES; i++) {
      let hash: string;
      let expected: RegExp | string[];
      const kind = i % (KINDS + 7);
      if (kind < KINDS) {
        const m = malformedJson(g, kind, pool);
        hash = hashOfJson(m.json);
        expected = hash.length - '#r='.length > MAX_LINK_CHARS ? /characters long; this page writes at most 8000/ : m.expect;
      } else if (kind === KINDS) {
        const valid = g.pick(validHashes);
        hash = valid.slice(0, g.int(4, valid.length - 1));
        expected = /damaged|cannot be unpacked/;
      } else if (kind === KINDS + 1) {
        hash = `#r=${g.pick(['', 'A'.repeat(MAX_LINK_CHARS + g.int(1, 5000))])}`;
        expected = /is empty|characters long/;
      } else if (kind === KINDS + 2) {
        hash = `#r=${g.pick(SCRIPTS)}${encodeBase64url(randomBytes(g, g.int(0, 20)))}`;
        expected = /not base64url|length is impossible/;
      } else if (kind === KINDS + 3) {
        hash = `#r=${encodeBase64url(randomBytes(g, g.int(1, 3000)))}`;
        expected = /cannot be unpacked|unpacks to something other than text|not valid JSON/;
      } else if (kind === KINDS + 4) {
        hash = deflated(g.bool() ? randomBytes(g, g.int(1, 500)) : new TextEncoder().encode(g.text(200) + '{'));
        expected = /unpacks to something other than text|not valid JSON|must be an object/;
      } else if (kind === KINDS + 5) {
        // Characters changed in transit: the checksum (or the stream itself) must notice, unless the change
        // left the inflated bytes as they were (a flip in bits a deflate stream never reads): then the link
        // must read as exactly the original, never as something else.
        const original = g.pick(validHashes);
        const chars = [...original];
        for (let k = g.int(1, 3); k > 0; k--) {
          const at = g.int(3, chars.length - 1);
          chars[at] = g.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].filter((c) => c !== chars[at]));
        }
        hash = chars.join('');
        expected = /damaged|cannot be unpacked/;
        const read = decodeResultsHash(hash);
        if (read && 'bundle' in read) {
          expect(read, hash.slice(0, 80)).toEqual(decodeResultsHash(original));
          continue;
        }
      } else {
        hash = i % 2040 === KINDS + 6 ? bomb : `#r=${String.fromCharCode(...randomBytes(g, g.int(20, 200)))}`;
        expected = hash === bomb ? /expands past 256 KB/ : /not base64url|length is impossible/;
      }
      const r = decodeResultsHash(hash);
      expect(r && 'error' in r, hash.slice(0, 80)).toBe(true);
      expectClear((r as { error: string }).error, expected, hash.slice(0, 80));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test(`${CASES} malformed result files each get a clear message`, () => {
    const g = new Gen(202);
    const pool = validPool(2, 20);
    for (let i = 0; i < CASES; i++) {
      const kind = i % (KINDS + 2);
      let json: string;
      let expected: RegExp | string[];
      if (kind < KINDS) ({ json, expect: expected } = malformedJson(g, kind, pool));
      else if (kind === KINDS) {
        json = String.fromCharCode(...randomBytes(g, g.int(0, 300)));
        expected = /not valid JSON|The file must be an object/;
      } else {
        json = g.pick(['', ' ', 'null', '[]', '"roar-lab-results"', '{}', bundleJson(randomBundle(g)).replace('"version":2', '"version":"2"')]);
        expected = /not valid JSON|The file must be an object|The file is missing|^version |^format must/;
      }
      const r = parseBundleJson(json, 'The file');
      expect('error' in r, json.slice(0, 80)).toBe(true);
      expectClear((r as { error: string }).error, expected, json.slice(0, 80));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test(`${CASES} malformed setting links each leave runnable settings and name what they ignored`, () => {
    const g = new Gen(303);
    const start: ShareConfig = { train: { ...REFERENCE_TRAIN, learningRate: 0.01 }, sweep: presetConfig('lecture'), backend: null };
    const keys = [...new URLSearchParams(encodeConfigQuery(randomShareConfig(g))).keys()].filter((k) => k !== 'v');
    const garbage = (): string =>
      g.pick([
        'banana',
        '',
        'NaN',
        'Infinity',
        '-1e999',
        '0x10',
        ' 1',
        '1,2,,3',
        '100,50',
        '101',
        '-5',
        '1.5',
        '__proto__',
        'gradient(((((((((((((((steps:1)))))))))))))))',
        'gradient(__proto__:1)',
        'integratedGradients(steps:1e999)',
        'constructor(prototype:1)',
        'x'.repeat(g.int(41, 20_000)),
        ...SCRIPTS,
        String.fromCharCode(...randomBytes(g, g.int(1, 30))),
      ]);
    for (let i = 0; i < CASES; i++) {
      const kind = i % 5;
      const valid = encodeConfigQuery(randomShareConfig(g));
      let query: string;
      let mustName: string | null = null;
      if (kind === 0) {
        mustName = g.pick(keys);
        const bad = garbage();
        query = `${valid.replace(new RegExp(`(^|&)${mustName.replace('.', '\\.')}=[^&]*`), '')}&${mustName}=${encodeURIComponent(bad)}`;
        // Some garbage is valid for some fields ("" never is; "101" is a fine epoch count): name only what fails.
        const alone = decodeConfigQuery(`?${mustName}=${encodeURIComponent(bad)}`, start);
        if (alone.notices.length === 0) mustName = null;
      } else if (kind === 1) {
        query = valid.slice(0, g.int(0, valid.length));
      } else if (kind === 2) {
        mustName = g.pick(['__proto__', 'constructor', 'toString', '<script>']);
        query = `${valid}&${encodeURIComponent(mustName)}=${encodeURIComponent(garbage())}`;
        if (mustName === '<script>') mustName = '“\u2068<script>\u2069”';
      } else if (kind === 3) {
        query = valid.replace(/^v=1/, `v=${encodeURIComponent(g.pick(['0', '2', 'x', '', '1.0', '<script>']))}`);
        mustName = 'Link setting v=';
      } else {
        query = Array.from(randomBytes(g, g.int(0, 400)), (b) => (g.bool(0.3) ? `%${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
      }
      const r = decodeConfigQuery(`?${query}`, start);
      for (const n of r.notices) {
        expect(typeof n).toBe('string');
        expect(n.length).toBeGreaterThan(10);
        expect(n.length, n).toBeLessThan(1_500);
      }
      if (mustName !== null) expect(r.notices.some((n) => n.includes(mustName!)), `${query.slice(0, 200)} → ${r.notices.join(' | ')}`).toBe(true);
      expect(sweepConfigErrors(r.config.sweep), query.slice(0, 200)).toEqual([]);
      for (const f of Object.keys(TRAIN_FIELDS) as TrainField[]) expect(checkTrainValue(f, r.config.train[f])).toBeNull();
      expect(r.config.backend === null || isBackendName(r.config.backend)).toBe(true);
    }
  });
});
