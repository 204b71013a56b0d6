/**
 * Run health (issue 10): real runs on MNIST that collapse, stop while still learning, or learn; the flags on
 * hand-made evaluations; plateau stopping; and the optimisers' update rules.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import { head, type Mnist } from '../data/mnist';
import { LOSS_POINTS_PER_EPOCH, NUM_CLASSES, PIXELS, PLATEAU_LOSS, REFERENCE_TRAIN, type TrainConfig } from '../defaults';
import { createCnn, disposeCnn } from '../model/cnn';
import { makeRng } from '../random';
import { retrainRun } from '../sweep/retrainRun';
import { evaluate, summarise } from './evaluate';
import { isUnconverged, lastTenthDrop, runHealth } from './health';
import { createOptimizer, learningRateAt } from './optimizer';
import { PlateauRule, train } from './train';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
});

const cfg = (c: Partial<TrainConfig>): TrainConfig => ({ ...REFERENCE_TRAIN, testSize: 500, ...c });
const mask = { rankTransform: 'abs', filter: 'none', tieBreak: 'random', tieSeed: 1, mode: 'roar', replacement: 'mean' } as const;

/** Orders for `n` images: any order will do when every pixel is removed. */
const anyOrders = (n: number): Uint16Array => {
  const o = new Uint16Array(n * PIXELS);
  for (let i = 0; i < o.length; i++) o[i] = i % PIXELS;
  return o;
};

describe('run health on real runs (wasm)', () => {
  it('flags a model forced to collapse: every pixel removed leaves one class to guess', async () => {
    const train_ = head(mnist.train, 1000);
    const test = head(mnist.test, 500);
    const out = await retrainRun(train_, test, { train: anyOrders(1000), test: anyOrders(500) }, 'retrain', 1, mask, cfg({ learningRate: 0.01, epochs: 2, trainSize: 1000, seed: 2 }), 1, {});
    const h = runHealth(out.evaluation, out.lossCurve, { baseAccuracy: null, unmasked: false });
    expect(h.predictedClasses).toBe(1);
    expect(h.topClassShare).toBeGreaterThanOrEqual(0.5);
    expect(h.flags).toEqual(expect.arrayContaining(['collapsed', 'chance', 'unconverged']));
    expect(h.lossCurve).toHaveLength(2 * LOSS_POINTS_PER_EPOCH);
  });

  it('flags a model stopped while its loss still falls fast', async () => {
    const model = createCnn(4);
    const out = await train(model, head(mnist.train, 1280), cfg({ optimizer: 'adam', learningRate: 0.002, epochs: 1, trainSize: 1280, seed: 4 }));
    const curve = out.lossCurves[0];
    expect(curve).toHaveLength(LOSS_POINTS_PER_EPOCH);
    // Off the chance plateau, but still falling: more epochs would change the answer.
    expect(curve[curve.length - 1]).toBeLessThan(PLATEAU_LOSS);
    expect(lastTenthDrop(curve)).toBeGreaterThan(0.1);
    expect(runHealth(await evaluate(model, head(mnist.test, 500)), curve, { baseAccuracy: null, unmasked: false }).flags).toContain('unconverged');
    disposeCnn(model);
  });

  it('raises no flag on a model that learnt, and belowBase only for an unmasked run short of its base', async () => {
    const model = createCnn(5);
    const out = await train(model, head(mnist.train, 4000), cfg({ optimizer: 'adam', learningRate: 0.002, epochs: 3, trainSize: 4000, seed: 5 }));
    const ev = await evaluate(model, head(mnist.test, 500));
    expect(ev.accuracy).toBeGreaterThan(0.9);
    expect(runHealth(ev, out.lossCurves[0], { baseAccuracy: ev.accuracy + 0.01, unmasked: true }).flags).toEqual([]);
    expect(runHealth(ev, out.lossCurves[0], { baseAccuracy: ev.accuracy + 0.03, unmasked: true }).flags).toEqual(['belowBase']);
    expect(runHealth(ev, out.lossCurves[0], { baseAccuracy: ev.accuracy + 0.03, unmasked: false }).flags).toEqual([]);
    disposeCnn(model);
  });

  it('stops on a plateau of the loss, before the cap, and keeps the tensor count flat', async () => {
    const model = createCnn(6);
    const before = tf.memory().numTensors;
    // 256 images learnt by heart: the loss soon falls by less than 0.01 an epoch.
    const out = await train(model, head(mnist.train, 256), cfg({ optimizer: 'adam', learningRate: 0.003, epochs: 40, trainSize: 256, stopping: 'plateau', patience: 1, seed: 6 }));
    expect(out.epochsTrained[0]).toBeLessThan(40);
    expect(out.epochsTrained[0]).toBeGreaterThan(3);
    expect(out.lossCurves[0]).toHaveLength(out.epochsTrained[0] * 4);
    expect(isUnconverged(out.lossCurves[0])).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
    disposeCnn(model);
  });
});

describe('health flags on hand-made results', () => {
  /** An evaluation whose predictions are `predicted[i]` for true labels `labels[i]`. */
  const evaluationOf = (labels: number[], predicted: number[]) => summarise(labels, predicted);
  const labels = Array.from({ length: 200 }, (_, i) => i % NUM_CLASSES);

  it('collapsed: one class takes half the predictions, or fewer than 5 classes are predicted', () => {
    const half = labels.map((l, i) => (i % 2 === 0 ? 3 : l));
    expect(runHealth(evaluationOf(labels, half), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toContain('collapsed');
    const fourClasses = labels.map((l) => l % 4);
    expect(runHealth(evaluationOf(labels, fourClasses), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toContain('collapsed');
    expect(runHealth(evaluationOf(labels, labels), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toEqual([]);
  });

  it('chance: accuracy below twice the commonest class’s share of the test set', () => {
    // 10 % of each class; right on 15 % of the images: below 2 × 10 %.
    const rng = makeRng(3);
    const mostlyWrong = labels.map((l, i) => (i < 30 ? l : (l + 1 + Math.floor(rng() * 8)) % NUM_CLASSES));
    const h = runHealth(evaluationOf(labels, mostlyWrong), [0.1, 0.1], { baseAccuracy: null, unmasked: false });
    expect(h.flags).toContain('chance');
    expect(h.flags).not.toContain('collapsed');
  });

  it('on a two-class test set (seed 004’s 0s and 1s) both rules scale: a good binary model passes, a constant one does not', () => {
    // 54 % zeros, 46 % ones, as MNIST's test 0s and 1s.
    const binary = Array.from({ length: 200 }, (_, i) => (i < 108 ? 0 : 1));
    const good = binary.map((l, i) => (i % 50 === 0 ? 1 - l : l));
    expect(runHealth(evaluationOf(binary, good), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toEqual([]);
    const constant = binary.map(() => 0);
    expect(runHealth(evaluationOf(binary, constant), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toEqual(['collapsed', 'chance']);
    // Halfway from the majority (54 %) to all: 77 %; a model at 70 % scores too little to count as learnt.
    const weak = binary.map((l, i) => (i % 10 < 3 ? 1 - l : l));
    expect(runHealth(evaluationOf(binary, weak), [0.1, 0.1], { baseAccuracy: null, unmasked: false }).flags).toContain('chance');
  });

  it('unconverged: ends on the plateau, or its smoothed loss still falls by more than 0.1 over the last tenth', () => {
    expect(isUnconverged([2.31, 2.3, 2.3, 2.29])).toBe(true);
    expect(isUnconverged([2, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0.6, 0.4, 0.2])).toBe(true);
    // Noise around a flat tail is not a fall: the last fifth is read through a line.
    expect(isUnconverged([2, 1, 0.5, 0.4, 0.42, 0.35, 0.4, 0.33, 0.42, 0.36, 0.41, 0.34, 0.4, 0.36, 0.42, 0.35, 0.43, 0.36, 0.41, 0.37])).toBe(false);
    expect(isUnconverged([])).toBe(true);
  });
});

describe('the optimisers', () => {
  it('warm up the learning rate linearly over the given steps', () => {
    expect([0, 1, 3, 9, 100].map((t) => learningRateAt({ learningRate: 0.1, warmupSteps: 4 }, t))).toEqual([0.025, 0.05, 0.1, 0.1, 0.1]);
    expect(learningRateAt({ learningRate: 0.1, warmupSteps: 0 }, 0)).toBe(0.1);
  });

  it('Adam takes PyTorch’s steps: the first moves every weight by about the learning rate', () => {
    const w = tf.variable(tf.tensor1d([1, -2, 3]));
    const opt = createOptimizer([w], { optimizer: 'adam', learningRate: 0.01, momentum: 0.9, warmupSteps: 0 });
    // loss = Σ (c ⊙ w), gradient c: after bias correction the first step is lr · sign(c) (up to ε).
    const c = tf.tensor1d([0.5, -3, 1e-3]);
    opt.step(() => tf.sum(tf.mul(c, w)) as tf.Scalar).dispose();
    const after = Array.from(w.dataSync());
    expect(after[0]).toBeCloseTo(1 - 0.01, 6);
    expect(after[1]).toBeCloseTo(-2 + 0.01, 6);
    expect(after[2]).toBeCloseTo(3 - 0.01 * (1e-3 / (1e-3 + 1e-8)), 6);
    // Second step, same gradient: m̂ = g, v̂ = g², so again lr · sign(g).
    opt.step(() => tf.sum(tf.mul(c, w)) as tf.Scalar).dispose();
    expect(w.dataSync()[0]).toBeCloseTo(1 - 0.02, 6);
    opt.dispose();
    tf.dispose([w, c]);
  });

  it('plateau stopping counts epochs without an improvement of 2 % (at least 0.01), but never stops on the chance plateau', () => {
    const rule = new PlateauRule(2);
    expect([1.0, 0.8, 0.79, 0.785].map((l) => rule.shouldStop(l))).toEqual([false, false, false, true]);
    const small = new PlateauRule(1);
    expect([0.1, 0.05, 0.045].map((l) => small.shouldStop(l))).toEqual([false, false, true]);
    const stuck = new PlateauRule(1);
    expect([2.3, 2.3, 2.3].map((l) => stuck.shouldStop(l))).toEqual([false, false, false]);
  });
});
