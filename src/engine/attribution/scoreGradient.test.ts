/**
 * The gradient machinery on models small enough to differentiate by hand: a linear model, whose logit
 * gradient is its weight column, whose cross-entropy gradient is Wᵀ(softmax − onehot) and whose IG is
 * exactly (x − x′) ⊙ w; and a 2-3-1 ReLU network for guided backprop.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { NUM_CLASSES, PIXELS } from '../defaults';
import { makeRng } from '../random';
import { useWasmBackend } from '../../testing/wasmBackend';
import { mapInChunks } from './chunk';
import { guidedRelu } from './guidedBackprop';
import { integratedGradientsOf } from './integratedGradients';
import { crossEntropy, scoreGradient, type Forward } from './scoreGradient';

beforeAll(async () => {
  await useWasmBackend();
});

const rng = makeRng(42);
const W = Float32Array.from({ length: PIXELS * NUM_CLASSES }, () => rng() - 0.5); // [784, 10]
const bias = Float32Array.from({ length: NUM_CLASSES }, () => rng() - 0.5);
const B = 5;
const inputs = Float32Array.from({ length: B * PIXELS }, () => 3 * rng() - 0.5);
const targets = Int32Array.from([3, 0, 9, 3, 7]);

function withLinearModel<T>(fn: (forward: Forward) => Promise<T>): Promise<T> {
  const w = tf.tensor2d(W, [PIXELS, NUM_CLASSES]);
  const b = tf.tensor1d(bias);
  const forward: Forward = (x) => tf.add(tf.matMul(tf.reshape(x, [x.shape[0], PIXELS]), w), b);
  return fn(forward).finally(() => {
    w.dispose();
    b.dispose();
  });
}

describe('gradient of a linear model', () => {
  test('∂f_c/∂x is the weight column of class c, in every chunk', async () => {
    const before = tf.memory().numTensors;
    // 300 rows per image → 3 images per call → two chunks for five images.
    const maps = await withLinearModel((forward) => mapInChunks(inputs, B, targets, 300, (x, oneHot) => scoreGradient(forward, x, oneHot)));
    for (let b = 0; b < B; b++) {
      for (let p = 0; p < PIXELS; p++) expect(maps[b * PIXELS + p]).toBeCloseTo(W[p * NUM_CLASSES + targets[b]], 6);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('∂L/∂x of the cross-entropy is Σ_k (softmax_k − onehot_k) w_k', async () => {
    const maps = await withLinearModel((forward) => mapInChunks(inputs, B, targets, 1, (x, oneHot) => scoreGradient(forward, x, oneHot, crossEntropy)));
    for (let b = 0; b < B; b++) {
      const z = Array.from({ length: NUM_CLASSES }, (_, k) => {
        let s = bias[k];
        for (let p = 0; p < PIXELS; p++) s += inputs[b * PIXELS + p] * W[p * NUM_CLASSES + k];
        return s;
      });
      const zMax = Math.max(...z);
      const e = z.map((v) => Math.exp(v - zMax));
      const total = e.reduce((a, v) => a + v, 0);
      const coef = e.map((v, k) => v / total - (k === targets[b] ? 1 : 0));
      for (let p = 0; p < PIXELS; p += 7) {
        let expected = 0;
        for (let k = 0; k < NUM_CLASSES; k++) expected += coef[k] * W[p * NUM_CLASSES + k];
        expect(maps[b * PIXELS + p]).toBeCloseTo(expected, 5);
      }
    }
  });

  test('Integrated Gradients of a linear model is (x − x′) ⊙ w for any number of steps', async () => {
    const baseline = -0.4242;
    for (const steps of [1, 7]) {
      const maps = await withLinearModel((forward) =>
        mapInChunks(inputs, B, targets, steps, (x, oneHot) => integratedGradientsOf(forward, x, oneHot, steps, baseline)),
      );
      for (let b = 0; b < B; b++) {
        for (let p = 0; p < PIXELS; p += 5) {
          expect(maps[b * PIXELS + p]).toBeCloseTo((inputs[b * PIXELS + p] - baseline) * W[p * NUM_CLASSES + targets[b]], 5);
        }
      }
    }
  });
});

describe('guided ReLU on a hand-computed network', () => {
  // x = (2, 1) → h = (x1 + x2, x1 − x2, −x1) = (3, 1, −2) → y = a1 − a2 + a3 (class 0's logit).
  // Upstream gradient at the ReLUs: (1, −1, 1). Unit 3 is inactive (h3 < 0), so both rules block it.
  // Plain:  ∂y/∂h = (1, −1, 0) → ∂y/∂x = (1·1 + 1·(−1), 1·1 + (−1)·(−1)) = (0, 2).
  // Guided: ∂y/∂h = (1,  0, 0) (the negative upstream gradient is dropped) → ∂y/∂x = (1, 1).
  const W1 = [1, 1, -1, 1, -1, 0]; // [2, 3], row-major: row i = input i
  const W2 = Array.from({ length: 3 * NUM_CLASSES }, (_, i) => (i % NUM_CLASSES === 0 ? [1, -1, 1][Math.floor(i / NUM_CLASSES)] : 0));

  async function gradientAt(act: (t: tf.Tensor) => tf.Tensor): Promise<number[]> {
    const g = tf.tidy(() => {
      const w1 = tf.tensor2d(W1, [2, 3]);
      const w2 = tf.tensor2d(W2, [3, NUM_CLASSES]);
      const forward: Forward = (x) => tf.matMul(act(tf.matMul(tf.reshape(x, [1, 2]), w1)) as tf.Tensor2D, w2);
      const oneHot = tf.oneHot(tf.tensor1d([0], 'int32'), NUM_CLASSES).toFloat() as tf.Tensor2D;
      return scoreGradient(forward, tf.tensor4d([2, 1], [1, 1, 2, 1]), oneHot);
    });
    const values = Array.from(await g.data());
    g.dispose();
    return values;
  }

  test('the plain ReLU gives (0, 2), the guided ReLU (1, 1)', async () => {
    const before = tf.memory().numTensors;
    expect(await gradientAt((t) => tf.relu(t))).toEqual([0, 2]);
    expect(await gradientAt(guidedRelu)).toEqual([1, 1]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the guided ReLU computes a plain ReLU forward', async () => {
    const y = tf.tidy(() => guidedRelu(tf.tensor1d([-1, 0, 2.5])));
    expect(Array.from(await y.data())).toEqual([0, 0, 2.5]);
    y.dispose();
  });
});
