import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerConv2dBackpropFilter } from './conv2dBackpropFilter';
import { makeRng } from '../random';

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = makeRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng() * 2 - 1), shape);
}

/** dW of both of the CNN's convolutions, computed on the current backend. */
function filterGrads(): Float32Array[] {
  return [
    [[8, 28, 28, 1], [5, 5, 1, 6]],
    [[8, 12, 12, 6], [5, 5, 6, 16]],
  ].map(([xs, ws], i) =>
    tf.tidy(() => {
      const x = randomTensor(xs, 10 + i) as tf.Tensor4D;
      const w = randomTensor(ws, 20 + i) as tf.Tensor4D;
      const g = tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, 1, 'valid'))))(w);
      return g.dataSync() as Float32Array;
    }),
  );
}

describe("the lab's Conv2DBackpropFilter", () => {
  it('matches the stock CPU kernel on both convolutions of the CNN, on wasm', async () => {
    await tf.setBackend('cpu');
    const reference = filterGrads();
    expect(await tf.setBackend('wasm')).toBe(true);
    // Stock tfjs-backend-wasm 4.22 cannot train a conv net at all (tensorflow/tfjs#8474).
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    registerConv2dBackpropFilter('wasm');
    const ours = filterGrads();
    for (let i = 0; i < 2; i++) {
      expect(ours[i].length).toBe(reference[i].length);
      let maxRel = 0;
      for (let j = 0; j < ours[i].length; j++) {
        maxRel = Math.max(maxRel, Math.abs(ours[i][j] - reference[i][j]) / (Math.abs(reference[i][j]) + 1e-3));
      }
      expect(maxRel).toBeLessThan(1e-4);
    }
    const before = tf.memory().numTensors;
    filterGrads();
    expect(tf.memory().numTensors).toBe(before);
  });
});
