/**
 * The engine against an independent float64 implementation of the same CNN (testing/float64Cnn.ts, plain
 * loops, no tfjs), on random weights and real digits (issue 10): logits, gradient, input × gradient, IG,
 * guided backprop and Grad-CAM agree to 1e-4 of each map's scale, and one SGD-momentum step moves the
 * weights the same way.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import * as oracle from '../../testing/float64Cnn';
import { fillBatch, type Mnist } from '../data/mnist';
import { NUM_CLASSES, PIXELS, REFERENCE_TRAIN } from '../defaults';
import { BASELINE_VALUE } from '../attribution/baseline';
import { forwardLogits } from '../attribution/forwardLogits';
import { getMethod } from '../attribution/registry';
import type { MethodId } from '../attribution/catalog';
import { createOptimizer } from '../training/optimizer';
import { cnnFromWeights, disposeCnn, initialWeights, logits, readWeights, toInput, type Cnn } from './cnn';
import { maxRelativeGap } from '../../testing/relativeGap';

const B = 6;
const TOLERANCE = 1e-4;

let mnist: Mnist;
let weights: Float32Array[];
let model: Cnn;
let inputs: Float32Array;
let labels: number[];
const image = (b: number): Float64Array => Float64Array.from(inputs.subarray(b * PIXELS, (b + 1) * PIXELS));
const w64 = (): oracle.Weights => weights.map((w) => Float64Array.from(w));

beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
  // PyTorch's default initialisation (cnn.ts), untrained.
  weights = initialWeights(21);
  model = cnnFromWeights(weights);
  const indices = Array.from({ length: B }, (_, i) => i * 7);
  inputs = fillBatch(mnist.test, indices, new Float32Array(B * PIXELS));
  labels = indices.map((i) => mnist.test.labels[i]);
});

describe('the engine against a float64 oracle (random weights, real digits)', () => {
  it('gives the same logits', async () => {
    const ours = await forwardLogits(model, inputs, B);
    for (let b = 0; b < B; b++) expect(maxRelativeGap(ours.subarray(b * NUM_CLASSES, (b + 1) * NUM_CLASSES), oracle.forward(w64(), image(b)).logits)).toBeLessThan(TOLERANCE);
  });

  const maps = async (id: MethodId, params: unknown): Promise<Float32Array> => {
    const method = getMethod(id);
    const v = method.validate(params);
    if ('error' in v) throw new Error(v.error);
    return method.compute({ model, inputs, batch: B, targets: Int32Array.from(labels), seed: 1 }, v.params);
  };

  const cases: [string, MethodId, unknown, (w: oracle.Weights, x: Float64Array, c: number) => Float64Array][] = [
    ['gradient', 'gradient', {}, (w, x, c) => oracle.gradient(w, x, c)],
    ['input × gradient', 'inputXGradient', { baseline: 'black' }, (w, x, c) => oracle.gradient(w, x, c).map((g, i) => (x[i] - BASELINE_VALUE.black) * g)],
    ['integrated gradients (4 steps)', 'integratedGradients', { steps: 4, baseline: 'black' }, (w, x, c) => oracle.integratedGradients(w, x, c, 4, BASELINE_VALUE.black)],
    ['guided backprop', 'guidedBackprop', {}, (w, x, c) => oracle.gradient(w, x, c, 'guided')],
    ['Grad-CAM', 'gradCam', {}, (w, x, c) => oracle.gradCam(w, x, c)],
  ];
  it.each(cases)('gives the same %s maps', async (_, id, params, reference) => {
    const ours = await maps(id, params);
    for (let b = 0; b < B; b++) {
      const expected = reference(w64(), image(b), labels[b]);
      expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(0);
      expect(maxRelativeGap(ours.subarray(b * PIXELS, (b + 1) * PIXELS), expected)).toBeLessThan(TOLERANCE);
    }
  });

  it('takes the same SGD-momentum step on a batch of real digits', async () => {
    const batch = 16;
    const idx = Array.from({ length: batch }, (_, i) => i);
    const x = fillBatch(mnist.train, idx, new Float32Array(batch * PIXELS));
    const y = idx.map((i) => mnist.train.labels[i]);
    const trained = cnnFromWeights(weights);
    const lr = 0.05;
    const opt = createOptimizer(trained.vars, { ...REFERENCE_TRAIN, learningRate: lr });
    tf.tidy(() => {
      const input = toInput(x, batch);
      const target = tf.oneHot(tf.tensor1d(y, 'int32'), NUM_CLASSES);
      opt.step(() => tf.losses.softmaxCrossEntropy(target, logits(trained, input)) as tf.Scalar);
    });
    const after = await readWeights(trained);
    opt.dispose();
    disposeCnn(trained);
    // PyTorch's first momentum step: v = g, θ ← θ − lr·g.
    const grads = oracle.lossGradients(w64(), idx.map((i) => Float64Array.from(x.subarray(i * PIXELS, (i + 1) * PIXELS))), y);
    grads.forEach((g, k) => {
      const expected = weights[k].map((w, i) => w - lr * g[i]);
      const step = after[k].map((w, i) => w - weights[k][i]);
      expect(maxRelativeGap(after[k], expected)).toBeLessThan(1e-6);
      expect(maxRelativeGap(step, g.map((v) => -lr * v))).toBeLessThan(TOLERANCE);
    });
  });
});
