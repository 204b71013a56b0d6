/** The results schema: each rule a stranger's file can break, and the words that say which field broke it. */
import { describe, expect, test } from 'vitest';
import { Gen, randomBundle } from './arbitrary';
import { readBundle } from './bundleSchema';

const base = (): Record<string, unknown> => {
  const b = randomBundle(new Gen(3), { methods: 2, thresholds: 3, seeds: 2 });
  const config = { ...b.results.config, methods: [{ id: 'integratedGradients' as const, params: { steps: 16 } }, { id: 'random' as const, params: {} }] };
  Object.assign(config, { thresholds: [0, 0.5], seeds: 1, noRetrain: true, mask: { ...config.mask, mode: 'roar' }, retrain: { ...config.retrain, seed: 5 } });
  const results = {
    ...b.results,
    config,
    runs: [{ key: 'unmasked|0|5', method: 'unmasked', threshold: 0, seed: 5, accuracy: 0.9, precision: Array(10).fill(0.9), samplesPerSec: 1000, seconds: 2 }],
    noRetrain: [{ method: 'random', threshold: 0.5, accuracy: 0.4, precision: Array(10).fill(null) }],
  };
  return JSON.parse(JSON.stringify({ ...b, results })) as Record<string, unknown>;
};

const DELETE = Symbol('delete');

/** The valid base bundle with the value at a dotted path ("results.runs.0.accuracy") replaced or deleted. */
function edited(path: string, value: unknown): unknown {
  const b = base();
  const keys = path.split('.');
  let o = b;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  // defineProperty, not assignment: a "__proto__" key must become an own property, as JSON.parse makes it.
  if (value === DELETE) delete o[last];
  else Object.defineProperty(o, last, { value, enumerable: true, writable: true, configurable: true });
  return b;
}

const errorOf = (v: unknown): string => {
  const r = readBundle(v, 'The file');
  return 'error' in r ? r.error : 'accepted';
};

const run0 = () => ((base().results as { runs: unknown[] }).runs[0]);

describe('bundle schema', () => {
  test('the base case is valid', () => {
    expect(errorOf(base())).toBe('accepted');
  });

  test.each<[string, string, unknown, RegExp]>([
    ['another format', 'format', 'something-else', /^format must be “roar-lab-results”/],
    ['a newer version', 'version', 2, /^version is 2; this page reads version 1/],
    ['a missing field', 'results.baseAccuracy', DELETE, /^results is missing the field “baseAccuracy”/],
    ['an extra field', 'results.extra', 1, /^results has an unknown field “extra”/],
    ['a prototype key', 'results.__proto__', { polluted: 1 }, /^results has an unknown field “__proto__”/],
    ['an accuracy above 1', 'results.runs.0.accuracy', 1.5, /^results\.runs\[0\]\.accuracy must be a number from 0 to 1; got 1\.5/],
    ['NaN', 'results.runs.0.accuracy', Number.NaN, /^results\.runs\[0\]\.accuracy must be a number from 0 to 1; got NaN/],
    ['Infinity', 'results.runs.0.samplesPerSec', Infinity, /samplesPerSec must be a number from 0 to 1000000000; got Infinity/],
    ['nine precisions', 'results.runs.0.precision', Array(9).fill(0.5), /^results\.runs\[0\]\.precision must hold 10 entries; it holds 9/],
    ['a precision as text', 'results.noRetrain.0.precision.3', '0.5', /^results\.noRetrain\[0\]\.precision\[3\] must be a number/],
    ['a threshold above 1', 'results.config.thresholds', [0, 50], /^results\.config\.thresholds\[1\] must be a number from 0 to 1; got 50/],
    ['decreasing thresholds', 'results.config.thresholds', [0.5, 0], /^results\.config\.thresholds must increase/],
    ['an unknown method', 'results.config.methods.0.id', '<img src=x onerror=alert(1)>', /^results\.config\.methods\[0\]\.id must be a known method .*got the text “<img src=x onerror=alert\(1\)>”/],
    ['bad parameters', 'results.config.methods.0.params', { steps: 5000 }, /^results\.config\.methods\[0\]\.params are not valid: integratedGradients: steps must be an integer from 1 to 1024/],
    ['a prototype key in parameters', 'results.config.methods.1.params', JSON.parse('{"__proto__":{"x":1}}'), /unknown parameter "__proto__"/],
    ['a bad training value', 'results.config.retrain.batchSize', 0, /^results\.config\.retrain\.batchSize is not valid: Batch size must be a whole number from 1 to 4096/],
    ['a run outside the plan', 'results.runs.0.key', 'unmasked|0|6', /^results\.runs\[0\]\.key names no run of this sweep's configuration/],
    ['a run whose fields disagree with its key', 'results.runs.0.seed', 6, /^results\.runs\[0\]\.seed must be 5 for the run/],
    ['a repeated run', 'results.runs.1', run0(), /^results\.runs\[1\]\.key repeats the run/],
    ['a no-retrain score of no cell', 'results.noRetrain.0.threshold', 0.3, /^results\.noRetrain\[0\] scores no cell of this sweep/],
    ['a long title', 'title', 'x'.repeat(201), /^title is 201 characters long; at most 200/],
    ['a date that is not one', 'results.provenance.startedAt', 'yesterday', /^results\.provenance\.startedAt must be a date/],
    ['an unknown backend', 'results.provenance.backend', 'quantum', /^results\.provenance\.backend must be one of webgpu, webgl, wasm, cpu/],
    ['a list for an object', 'results.config.mask', [], /^results\.config\.mask must be an object; got a list/],
    ['deep nesting where a number belongs', 'results.baseAccuracy', JSON.parse('['.repeat(5000) + ']'.repeat(5000)), /^results\.baseAccuracy must be a number from 0 to 1; got a list/],
  ])('rejects %s, naming the field', (_, path, value, message) => {
    expect(errorOf(edited(path, value))).toMatch(message);
  });

  test('a resumed sweep may score a no-retrain cell twice; the file still opens', () => {
    const again = (base().results as { noRetrain: unknown[] }).noRetrain[0];
    expect(errorOf(edited('results.noRetrain.1', again))).toBe('accepted');
  });

  test('strings are kept as text, whatever they contain', () => {
    const r = readBundle(edited('title', '<script>alert("x")</script> =SUM(A1)'), 'The file');
    expect('bundle' in r && r.bundle.title).toBe('<script>alert("x")</script> =SUM(A1)');
  });

  test('nothing reaches Object.prototype', () => {
    readBundle(JSON.parse('{"__proto__":{"polluted":true},"format":"roar-lab-results"}'), 'The file');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
