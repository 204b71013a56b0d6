import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerConv2dBackpropFilter } from './conv2dBackpropFilter';
import { registerConv2dBackpropInput } from './conv2dBackpropInput';
import { registerBatchMatMulTransposed } from './batchMatMulTransposed';
import { registerMaxPoolGrad } from './maxPoolGrad';
import { registerDepthwiseBackpropFilter } from './depthwiseBackpropFilter';
import { registerDepthwiseBackpropInput } from './depthwiseBackpropInput';
import { makeRng } from '../random';
import { maxRelativeGap } from '../../testing/relativeGap';

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = makeRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: n }, () => rng() * 2 - 1), shape);
}

type Layer = (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor;

/** Input and filter gradients of Σ layer(x, w)² for random x and w of each pair of shapes, on the current backend. */
function layerGradients(layer: Layer, shapes: number[][][], seed: number): Float32Array[] {
  return shapes.flatMap(([xs, ws], i) =>
    tf.tidy(() => {
      const x = randomTensor(xs, seed + i);
      const w = randomTensor(ws, seed + 10 + i);
      const grads = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.square(layer(xx as tf.Tensor4D, ww as tf.Tensor4D))))([x, w]);
      return grads.map((g) => g.dataSync() as Float32Array);
    }),
  );
}

/** Gradients through the CNN's layer types, computed on the current backend. */
function gradients(): Float32Array[] {
  const convs = layerGradients((x, w) => tf.maxPool(tf.relu(tf.conv2d(x, w, 1, 'valid')), 2, 2, 'valid'), [
    [[8, 28, 28, 1], [5, 5, 1, 6]],
    [[8, 12, 12, 6], [5, 5, 6, 16]],
  ], 10);
  return tf.tidy(() => {
    const a = randomTensor([16, 256], 30);
    const m = randomTensor([256, 120], 31);
    const [ga, gm] = tf.grads((aa: tf.Tensor, mm: tf.Tensor) => tf.sum(tf.square(tf.matMul(aa as tf.Tensor2D, mm as tf.Tensor2D))))([a, m]);
    return [...convs, ga.dataSync() as Float32Array, gm.dataSync() as Float32Array];
  });
}

/** Gradients through depthwise convolutions shaped like the batched trainer's (K = 3 models). */
const depthwiseGradients = (): Float32Array[] =>
  layerGradients((x, w) => tf.relu(tf.depthwiseConv2d(x, w, 1, 'valid')), [
    [[4, 28, 28, 3], [5, 5, 3, 6]],
    [[4, 12, 12, 18], [5, 5, 18, 16]],
  ], 40);

let reference: Float32Array[];
let depthwiseReference: Float32Array[];
beforeAll(async () => {
  await tf.setBackend('cpu');
  reference = gradients();
  depthwiseReference = depthwiseGradients();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe("the lab's WASM training kernels", () => {
  it('are needed: stock tfjs-backend-wasm 4.22 cannot train a conv net (tensorflow/tfjs#8474)', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
  });

  it('give the stock CPU kernels’ gradients for conv, max-pool and dense layers, and free every tensor', () => {
    registerConv2dBackpropFilter('wasm');
    registerConv2dBackpropInput('wasm');
    registerBatchMatMulTransposed('wasm');
    registerMaxPoolGrad('wasm');
    const ours = gradients();
    expect(ours).toHaveLength(reference.length);
    ours.forEach((g, i) => {
      expect(g.length).toBe(reference[i].length);
      expect(maxRelativeGap(g, reference[i])).toBeLessThan(1e-5);
    });
    const before = tf.memory().numTensors;
    gradients();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('give the stock CPU kernels’ depthwise-convolution gradients (absent from stock WASM), and free every tensor', () => {
    expect(tf.getKernel('DepthwiseConv2dNativeBackpropFilter', 'wasm')).toBeUndefined();
    registerDepthwiseBackpropFilter('wasm');
    registerDepthwiseBackpropInput('wasm');
    const ours = depthwiseGradients();
    ours.forEach((g, i) => {
      expect(g.length).toBe(depthwiseReference[i].length);
      expect(maxRelativeGap(g, depthwiseReference[i])).toBeLessThan(1e-5);
    });
    const before = tf.memory().numTensors;
    depthwiseGradients();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('route a max-pool gradient to the first maximum of a tied window, as the CPU backend does', () => {
    const x = tf.tensor4d([1, 1, 1, 1, 0, 3, 3, 0, 2, 5, 5, 5, 7, 7, 0, 7], [1, 4, 4, 1]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid')))(x);
    // Windows (row-major): [1,1;0,3] → the 3; [1,1;3,0] → the 3; [2,5;7,7] → first 7; [5,5;0,7] → the 7.
    expect(Array.from(g.dataSync())).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  });
});
