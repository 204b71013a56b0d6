/** The results schema: each rule a stranger's file can break, and the words that say which field broke it. */
import { describe, expect, test } from 'vitest';
import { makeBundle } from '../engine/sweep/bundle';
import { Gen, randomBundle } from '../testing/arbitrary';
import { readBundle } from './bundleSchema';

const HEALTH = { predictedClasses: 10, topClassShare: 0.12, finalLoss: 0.2, lossCurve: [2.1, 0.9, 0.21, 0.2], flags: [] };

const base = (): Record<string, unknown> => {
  const b = randomBundle(new Gen(3), { methods: 2, thresholds: 3, seeds: 2, bases: 1 });
  const config = { ...b.results.config, methods: [{ id: 'integratedGradients' as const, params: { steps: 16 } }, { id: 'random' as const, params: {} }] };
  Object.assign(config, { thresholds: [0, 0.5], seeds: 1, baseSeeds: 1, noRetrain: true, maskOnly: false, mask: { ...config.mask, mode: 'roar' }, retrain: { ...config.retrain, seed: 5, epochs: 2 }, base: { ...config.base, seed: 3, epochs: 2 } });
  const results = {
    ...b.results,
    config,
    runs: [{ key: 'unmasked|0|5|none', kind: 'retrain' as const, method: 'unmasked', threshold: 0, seed: 5, baseSeed: null, accuracy: 0.9, precision: Array(10).fill(0.9), samplesPerSec: 1000, seconds: 2, epochs: 2, health: HEALTH }],
    noRetrain: [{ method: 'random', threshold: 0.5, baseSeed: 3, accuracy: 0.4, precision: Array(10).fill(null) }],
    bases: [{ seed: 3, accuracy: 0.95, health: HEALTH }],
  };
  return JSON.parse(JSON.stringify(makeBundle(b.title, results))) as Record<string, unknown>;
};

/** The same sweep as a version 1 file wrote it: no base models, kinds, health or verdicts. */
const v1 = (): Record<string, unknown> => {
  const b = base() as { results: Record<string, unknown> & { config: Record<string, unknown> } };
  const { baseSeeds, maskOnly, ...config } = b.results.config;
  void baseSeeds;
  void maskOnly;
  const train = (t: unknown) => {
    const { optimizer, warmupSteps, stopping, patience, ...rest } = t as Record<string, unknown>;
    void [optimizer, warmupSteps, stopping, patience];
    return rest;
  };
  return {
    format: 'roar-lab-results',
    version: 1,
    title: 'an old sweep',
    results: {
      config: { ...config, version: 1, base: train(config.base), retrain: train(config.retrain) },
      runs: [{ key: 'unmasked|0|5', method: 'unmasked', threshold: 0, seed: 5, accuracy: 0.9, precision: Array(10).fill(0.9), samplesPerSec: 1000, seconds: 2 }],
      noRetrain: [
        { method: 'random', threshold: 0.5, accuracy: 0.3, precision: Array(10).fill(null) },
        { method: 'random', threshold: 0.5, accuracy: 0.4, precision: Array(10).fill(null) },
      ],
      baseAccuracy: 0.95,
      provenance: b.results.provenance,
    },
  };
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
    ['a newer version', 'version', 3, /^version is 3; this page reads versions 1 and 2/],
    ['a missing field', 'results.bases', DELETE, /^results is missing the field “bases”/],
    ['an extra field', 'results.extra', 1, /^results has an unknown field “\u2068extra\u2069”\./],
    ['a prototype key', 'results.__proto__', { polluted: 1 }, /^results has an unknown field “\u2068__proto__\u2069”/],
    ['an accuracy above 1', 'results.runs.0.accuracy', 1.5, /^results\.runs\[0\]\.accuracy — Accuracy: a number from 0 to 1\. Found 1\.5\./],
    ['NaN', 'results.runs.0.accuracy', Number.NaN, /^results\.runs\[0\]\.accuracy — Accuracy: a number from 0 to 1\. Found NaN\./],
    ['Infinity', 'results.runs.0.samplesPerSec', Infinity, /samplesPerSec — Samples per second: a number from 0 to 1000000000\. Found Infinity/],
    ['nine precisions', 'results.runs.0.precision', Array(9).fill(0.5), /^results\.runs\[0\]\.precision — Precision: a list of 10 numbers\./],
    ['a precision as text', 'results.noRetrain.0.precision.3', '0.5', /^results\.noRetrain\[0\]\.precision\[3\] — Precision: a number from 0 to 1\. Found “\u20680\.5\u2069”/],
    ['a threshold above 1', 'results.config.thresholds', [0, 50], /^results\.config\.thresholds\[1\] — Thresholds: 1 to 101 percentages from 0 to 100, comma-separated, increasing\. Found 50\./],
    ['decreasing thresholds', 'results.config.thresholds', [0.5, 0], /^results\.config\.thresholds — Thresholds: .*, increasing; found a repeat or a decrease\./],
    ['an unknown method', 'results.config.methods.0.id', '<img src=x onerror=alert(1)>', /^results\.config\.methods\[0\]\.id — Methods: each must be a known method .*Found “\u2068<img src=x onerror=alert\(1\)>\u2069”/],
    ['bad parameters', 'results.config.methods.0.params', { steps: 5000 }, /^results\.config\.methods\[0\] — Methods: integratedGradients: steps must be an integer from 1 to 1024/],
    ['a prototype key in parameters', 'results.config.methods.1.params', JSON.parse('{"__proto__":{"x":1}}'), /unknown parameter "__proto__"/],
    ['a bad training value', 'results.config.retrain.batchSize', 0, /^results\.config\.retrain\.batchSize — Batch size: a whole number from 1 to 4096\. Found 0\./],
    ['a run outside the plan', 'results.runs.0.key', 'unmasked|0|6|none', /^results\.runs\[0\]\.key names no run of this sweep's configuration/],
    ['a run of the wrong kind', 'results.runs.0.kind', 'maskOnly', /^results\.runs\[0\]\.kind must be “\u2068retrain\u2069” for the run/],
    ['a base model of another sweep', 'results.bases.0.seed', 4, /^results\.bases\[0\]\.seed must be one of this sweep's base seeds \(3\); found 4/],
    ['a loss curve longer than the training', 'results.runs.0.health.lossCurve', Array(21).fill(0.2), /^results\.runs\[0\]\.health\.lossCurve is longer than 2 epochs of training \(20 points\)/],
    ['a final loss that is not the curve’s last', 'results.runs.0.health.finalLoss', 0.3, /finalLoss must be the last point of the loss curve/],
    ['a collapsed model not flagged', 'results.runs.0.health.topClassShare', 0.9, /health\.flags do not agree with the predicted classes recorded \(collapsed\)/],
    ['a flag the numbers do not support', 'results.runs.0.health.flags', ['unconverged'], /health\.flags do not agree with the loss curve recorded \(unconverged\)/],
    ['an unknown flag', 'results.bases.0.health.flags', ['lucky'], /^results\.bases\[0\]\.health\.flags\[0\] — Each health flag: one of collapsed, chance, unconverged, belowBase\. Found “\u2068lucky\u2069”\./],
    ['a verdict the runs do not give', 'verdicts.0.verdict', 'better', /^verdicts\[0\] does not follow from the runs: they give “\u2068integratedGradients\{"steps":16\}\u2069” the verdict “inconclusive”/],
    ['a run whose fields disagree with its key', 'results.runs.0.seed', 6, /^results\.runs\[0\]\.seed must be 5 for the run/],
    ['a repeated run', 'results.runs.1', run0(), /^results\.runs\[1\]\.key repeats the run/],
    ['a no-retrain score of no cell', 'results.noRetrain.0.threshold', 0.3, /^results\.noRetrain\[0\] scores no cell of this sweep/],
    ['a long title', 'title', 'x'.repeat(201), /^title — Title: text of at most 200 characters\. Found “\u2068x{40}…\u2069”\./],
    ['a sweep that finished before it started', 'results.provenance.finishedAt', '2001-01-01T00:00:00.000Z', /^results\.provenance — Finished at must not be before the sweep started\./],
    ['a date without its time', 'results.provenance.startedAt', '2026-11-26', /Started at: an ISO-8601 date and time/],
    ['no-retrain scores where the sweep takes none', 'results.config.noRetrain', false, /^results\.noRetrain holds scores, but this sweep does not score the base model without retraining/],
    ['a date that is not one', 'results.provenance.startedAt', 'yesterday', /^results\.provenance\.startedAt — Started at: an ISO-8601 date and time such as .*\. Found “\u2068yesterday\u2069”\./],
    ['an unknown backend', 'results.provenance.backend', 'quantum', /^results\.provenance\.backend — Backend: one of webgpu, webgl, wasm, cpu/],
    ['a list for an object', 'results.config.mask', [], /^results\.config\.mask must be an object; found a list\./],
    ['deep nesting where a number belongs', 'results.bases.0.accuracy', JSON.parse('['.repeat(5000) + ']'.repeat(5000)), /^results\.bases\[0\]\.accuracy — Accuracy: a number from 0 to 1\./],
  ])('rejects %s, naming the field', (_, path, value, message) => {
    expect(errorOf(edited(path, value))).toMatch(message);
  });

  test('a no-retrain cell is scored once per base model', () => {
    const again = (base().results as { noRetrain: unknown[] }).noRetrain[0];
    expect(errorOf(edited('results.noRetrain.1', again))).toMatch(/^results\.noRetrain\[1\] scores a cell a second time/);
  });

  test('a version 1 file opens as the version 2 bundle that says the same, with health unknown', () => {
    const r = readBundle(v1(), 'The file');
    if (!('bundle' in r)) throw new Error(r.error);
    const { results } = r.bundle;
    expect(results.config).toMatchObject({ version: 2, baseSeeds: 1, maskOnly: false, retrain: { optimizer: 'sgd', warmupSteps: 0, stopping: 'epochs' } });
    expect(results.runs).toEqual([expect.objectContaining({ key: 'unmasked|0|5|none', kind: 'retrain', baseSeed: null, epochs: null, health: null })]);
    // A resumed version 1 sweep scored the cell twice: the later score is kept, for base model 3.
    expect(results.noRetrain).toEqual([expect.objectContaining({ method: 'random', threshold: 0.5, baseSeed: 3, accuracy: 0.4 })]);
    expect(results.bases).toEqual([{ seed: 3, accuracy: 0.95, health: null }]);
    expect(r.bundle.verdicts.map((v) => v.verdict)).toEqual(['inconclusive', 'baseline']);
  });

  test('a bundle from before the dataset setting reads as MNIST; an unknown dataset is refused by name', () => {
    const r = readBundle(edited('results.config.dataset', DELETE), 'The file');
    expect('bundle' in r && r.bundle.results.config.dataset).toBe('mnist');
    const fashion = readBundle(edited('results.config.dataset', 'fashion'), 'The file');
    expect('bundle' in fashion && fashion.bundle.results.config.dataset).toBe('fashion');
    expect(errorOf(edited('results.config.dataset', 'shoes'))).toMatch(/^results\.config\.dataset — Dataset: one of mnist, fashion\. Found/);
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
