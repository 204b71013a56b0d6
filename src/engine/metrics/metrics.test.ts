/**
 * The no-retrain metrics on cases whose answer is known: at 0 % every change is zero and accuracy is the
 * base model's; at 100 % every order gives the same constant image; an order that removes the digit's own
 * strokes first gives a lower deletion curve and a higher insertion curve than one that removes background
 * first, and random sits between (Petsiuk et al.'s reading of the two curves).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { randomOrder } from '../../testing/randomOrder';
import { loadMnistNode } from '../../node/loadMnist';
import { head, type Mnist, type MnistSplit } from '../data/mnist';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { train } from '../training/train';
import { evaluate } from '../training/evaluate';
import { PIXELS, REFERENCE_TRAIN, DEFAULT_MASK } from '../defaults';
import { curveAuc } from './auc';
import { METRIC_IDS, METRICS, metricsOf } from './metricCatalog';
import { perturbationMetrics } from './perturbationMetrics';
import { evaluateMetrics } from './evaluateMetrics';
import { DEFAULT_METRICS_REQUEST, metricsRequestSchema, SEED004_METRICS } from './metricsRequest';
import { parseUntrusted } from '../config/field';
import { readMetricsFile } from './metricsFile';

let mnist: Mnist;
let model: Cnn;
let test: MnistSplit;
beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
  model = createCnn(3);
  await train(model, head(mnist.train, 4000), { ...REFERENCE_TRAIN, learningRate: 0.05, epochs: 1, trainSize: 4000, testSize: 200 });
  test = head(mnist.test, 120);
}, 120_000);

/** Per image, pixels from brightest to darkest (ties by index): the strokes of the digit first. */
function strokesFirst(split: MnistSplit): Uint16Array {
  const out = new Uint16Array(split.count * PIXELS);
  for (let i = 0; i < split.count; i++) {
    const px = Array.from({ length: PIXELS }, (_, p) => p).sort((a, b) => split.images[i * PIXELS + b] - split.images[i * PIXELS + a] || a - b);
    out.set(px, i * PIXELS);
  }
  return out;
}

function reversedOrders(orders: Uint16Array): Uint16Array {
  const out = new Uint16Array(orders.length);
  for (let i = 0; i < orders.length; i += PIXELS) for (let p = 0; p < PIXELS; p++) out[i + p] = orders[i + PIXELS - 1 - p];
  return out;
}

const FRACTIONS = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1];
const options = { fractions: FRACTIONS, replacement: 'mean' as const, noiseSeed: 1 };

describe('the area under a curve', () => {
  it('is RISE’s auc on even steps and weighs uneven ones by width', () => {
    const values = [1, 0.8, 0.5, 0.4, 0.1];
    const even = values.map((value, i) => ({ fraction: i / 4, value }));
    const rise = (values.reduce((a, b) => a + b, 0) - values[0] / 2 - values[4] / 2) / 4;
    expect(curveAuc(even)).toBeCloseTo(rise, 12);
    // A step from 1 to 0 at a quarter: 0.25 of height 1, the ramp's half-width, then zero.
    expect(curveAuc([{ fraction: 0, value: 1 }, { fraction: 0.25, value: 1 }, { fraction: 0.5, value: 0 }, { fraction: 1, value: 0 }])).toBeCloseTo(0.375, 12);
  });
});

describe('the no-retrain metrics on a trained model (wasm)', () => {
  it('start from the base model and no change at 0 %, and meet at the constant image at 100 %', async () => {
    const base = (await evaluate(model, test)).accuracy;
    const strokes = strokesFirst(test);
    const curves = [strokes, reversedOrders(strokes)].map((o) => perturbationMetrics(model, test, o, METRIC_IDS, options));
    const [a, b] = await Promise.all(curves);
    for (const c of a) {
      const at0 = c.curve[0].value;
      if (METRICS[c.metric].readout === 'accuracy' && METRICS[c.metric].perturbation !== 'insert') expect(at0, c.metric).toBeCloseTo(base, 10);
      if (['afoc', 'kl', 'pcuo'].includes(METRICS[c.metric].readout)) expect(at0, c.metric).toBeCloseTo(0, 6);
      expect(c.curve.map((p) => p.fraction)).toEqual(FRACTIONS);
      for (const p of c.curve) expect(Number.isFinite(p.value)).toBe(true);
    }
    // At 100 % nothing of the image is left (ROAD's imputation of a blank image is its start, the mean), so
    // the order no longer matters, for every metric.
    for (const [i, c] of a.entries()) expect(c.curve.at(-1)!.value, c.metric).toBeCloseTo(b[i].curve.at(-1)!.value, 10);
    // Insertion at 0 % is the blank image, deletion at 100 % too.
    const del = a.find((c) => c.metric === 'deletion')!;
    const ins = a.find((c) => c.metric === 'insertion')!;
    expect(ins.curve[0].value).toBeCloseTo(del.curve.at(-1)!.value, 10);
    expect(ins.curve.at(-1)!.value).toBeCloseTo(del.curve[0].value, 10);
  }, 60_000);

  it('rank an order that removes the digit first below one that removes background first, random between', async () => {
    const strokes = strokesFirst(test);
    const random = new Uint16Array(test.count * PIXELS);
    for (let i = 0; i < test.count; i++) randomOrder(i, 7, random.subarray(i * PIXELS, (i + 1) * PIXELS));
    const ids = metricsOf(['deletion', 'insertion', 'perturbation', 'road']);
    const auc = async (orders: Uint16Array) => Object.fromEntries((await perturbationMetrics(model, test, orders, ids, options)).map((c) => [c.metric, c.auc]));
    const good = await auc(strokes);
    const bad = await auc(reversedOrders(strokes));
    const rnd = await auc(random);
    // Deletion: lower is better; insertion: higher is better.
    expect(good.deletion).toBeLessThan(rnd.deletion);
    expect(rnd.deletion).toBeLessThan(bad.deletion);
    expect(good.insertion).toBeGreaterThan(rnd.insertion);
    expect(rnd.insertion).toBeGreaterThan(bad.insertion);
    // Removing the strokes first hurts more (MoRF accuracy and ROAD lower, AFOC/KL higher); removing them last keeps the model right.
    expect(good.morfAccuracy).toBeLessThan(bad.morfAccuracy);
    expect(good.roadMorf).toBeLessThan(bad.roadMorf);
    expect(good.afocMorf).toBeGreaterThan(bad.afocMorf);
    expect(good.klMorf).toBeGreaterThan(bad.klMorf);
    expect(good.lerfAccuracy).toBeGreaterThan(bad.lerfAccuracy);
    expect(good.klLerf).toBeLessThan(bad.klLerf);
  }, 90_000);

  it('scores methods with random added, frees every tensor, and its request is checked field by field', async () => {
    const before = tf.memory().numTensors;
    const request = { ...DEFAULT_METRICS_REQUEST, images: 40, fractions: [0, 0.5, 1], groups: ['deletion' as const, 'road' as const], methods: [{ id: 'gradient' as const, params: {} }], mask: { ...DEFAULT_MASK } };
    const steps: number[] = [];
    const r = await evaluateMetrics(model, mnist.test, request, { onProgress: (done, total) => void steps.push(done / total) });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.request.methods.map((m) => m.id)).toEqual(['gradient', 'random']);
    expect(r.metrics.map((m) => `${m.method}:${m.metric}`)).toEqual(['gradient:deletion', 'gradient:roadMorf', 'gradient:roadLerf', 'random:deletion', 'random:roadMorf', 'random:roadLerf']);
    expect(steps.at(-1)).toBe(1);
    expect(steps.every((s, i) => i === 0 || s >= steps[i - 1])).toBe(true);
    expect(r.baseAccuracy).toBeGreaterThan(0.5);
    expect(parseUntrusted(metricsRequestSchema, request, 'request')).toEqual({ value: request });
    expect(parseUntrusted(metricsRequestSchema, { ...request, fractions: [0, 0.5] }, 'request')).toEqual({ error: expect.stringContaining('the last 100') });
    expect(parseUntrusted(metricsRequestSchema, { ...request, groups: ['deletion', 'wobble'] }, 'request')).toEqual({ error: expect.stringContaining('Metrics: one or more of perturbation, deletion, insertion, road') });

    // As a file (roar evaluate --out): read back as it was; an altered area or a stranger method is refused.
    const json = JSON.parse(JSON.stringify(r));
    expect(readMetricsFile(json, 'The file')).toEqual({ metrics: r });
    const altered = structuredClone(json);
    altered.metrics[0].auc += 0.01;
    expect(readMetricsFile(altered, 'The file')).toEqual({ error: 'The file: metrics[0]: its area does not match its curve (the file was altered).' });
    const stranger = structuredClone(json);
    stranger.metrics[1].method = 'sobel';
    expect(readMetricsFile(stranger, 'The file')).toEqual({ error: 'The file: metrics[1] is of a method the request does not name.' });
    expect('error' in readMetricsFile({ ...json, format: 'roar-lab-results' }, 'The file')).toBe(true);
  }, 60_000);
});

describe('seed 004’s setting (Table 1(c): ten classes, mean replacement, no retraining)', () => {
  it('reproduces its direction: random falls slowly, |loss gradient| removed first falls fast, removed last barely', async () => {
    const { rankTransform, replacement, ...rest } = SEED004_METRICS;
    const r = await evaluateMetrics(model, mnist.test, { ...DEFAULT_METRICS_REQUEST, ...rest, images: 300, mask: { ...DEFAULT_MASK, rankTransform, replacement } });
    const at = (method: string, metric: string, fraction: number): number =>
      r.metrics.find((m) => m.method === method && m.metric === metric)!.curve.find((p) => p.fraction === fraction)!.value;
    expect(r.request.fractions).toContain(782 / 784);
    // Table 1(c): random 0.984 → 0.205 from 10 to 90 %; |loss gradient|, highest removed, 0.693 → 0.140.
    expect(at('random', 'morfAccuracy', 0.1)).toBeGreaterThan(0.8);
    expect(at('random', 'morfAccuracy', 0.9)).toBeLessThan(at('random', 'morfAccuracy', 0.1) - 0.3);
    expect(at('lossGradientAbs', 'morfAccuracy', 0.1)).toBeLessThan(at('random', 'morfAccuracy', 0.1) - 0.15);
    expect(at('lossGradientAbs', 'morfAccuracy', 0.9)).toBeLessThan(at('random', 'morfAccuracy', 0.9));
    // Lowest removed: 0.990 → 0.772; the model keeps most of its accuracy until the very end.
    expect(at('lossGradientAbs', 'lerfAccuracy', 0.7)).toBeGreaterThan(0.8);
    // Gradient × input with its highest values removed fools the model below the random control (§4.1).
    expect(at('lossGradientXInput', 'morfAccuracy', 0.5)).toBeLessThan(at('random', 'morfAccuracy', 0.5));
  }, 90_000);
});

afterAll(() => disposeCnn(model));
