import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import { head } from '../data/mnist';
import { DEFAULT_MASK, PIXELS, REFERENCE_TRAIN } from '../defaults';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { train } from '../training/train';
import { galleryGrid, type GalleryInput } from './galleryGrid';
import { tfjsGradients } from '../../testing/tfjsGradients';
import type { InputGradients } from '../attribution/types';

let model: Cnn;
let inputs: GalleryInput[];
beforeAll(async () => {
  await useWasmBackend();
  const mnist = loadMnistNode();
  model = createCnn(2);
  await train(model, head(mnist.train, 3000), { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 3000 });
  inputs = [0, 1].map((i) => ({
    pixels: Float32Array.from(mnist.test.images.subarray(i * PIXELS, (i + 1) * PIXELS), (v) => v / 255),
    label: mnist.test.labels[i],
    index: 60000 + i,
  }));
  inputs.push({ pixels: new Float32Array(PIXELS).fill(0), label: null, index: -1 });
});

describe('the gallery grid', () => {
  it('gives every image a row per method and a cell per threshold, masking exactly ⌊t·784⌋ pixels', async () => {
    const before = tf.memory().numTensors;
    const thresholds = [0, 0.1, 0.5, 0.9];
    const grid = await galleryGrid(model, inputs, [{ id: 'gradient', params: {} }, { id: 'integratedGradients', params: { steps: 8 } }], thresholds, { ...DEFAULT_MASK, replacement: 'white' }, 'label', 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(grid).toHaveLength(3);
    for (const img of grid) {
      expect(img.rows.map((r) => r.methodId)).toEqual(['gradient', 'integratedGradients']);
      for (const row of img.rows) {
        expect(row.map).toHaveLength(PIXELS);
        row.cells.forEach((cell, j) => {
          // White replacement on a digit that has no exact-1.0 pixel outside its strokes: count the white pixels.
          const white = cell.masked.reduce((a, v) => a + (v === 1 ? 1 : 0), 0);
          const originalWhite = img.input.pixels.reduce((a, v) => a + (v === 1 ? 1 : 0), 0);
          expect(white - originalWhite).toBeLessThanOrEqual(Math.floor(thresholds[j] * PIXELS));
          expect(white).toBeGreaterThanOrEqual(Math.floor(thresholds[j] * PIXELS));
          expect(cell.prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        });
      }
    }
    // At 0 % nothing is removed: the cell is the digit itself, predicted as the digit.
    expect(Array.from(grid[0].rows[0].cells[0].masked)).toEqual(Array.from(inputs[0].pixels));
    expect(grid[0].rows[0].cells[0].prediction.predicted).toBe(grid[0].prediction.predicted);
    // A drawn digit has no label: its maps explain the predicted class.
    expect(grid[2].target).toBe(grid[2].prediction.predicted);
  });

  it('rejects invalid method parameters with the method\'s message', async () => {
    await expect(galleryGrid(model, inputs, [{ id: 'integratedGradients', params: { steps: 0 } }], [0.5], DEFAULT_MASK, 'label', 1)).rejects.toThrow(/steps must be an integer/);
  });

  it('takes the maps built from input gradients from another engine when given one (the fused kernels on WebGPU), and the rest from tfjs', async () => {
    const methods = [{ id: 'integratedGradients', params: { steps: 4 } }, { id: 'smoothGrad', params: { samples: 2 } }, { id: 'gradCam', params: {} }] as const;
    const want = await galleryGrid(model, inputs, [...methods], [0.5], DEFAULT_MASK, 'predicted', 3);
    let rows = 0;
    const oracle = tfjsGradients(model);
    const gradients: InputGradients = (x, t, score) => {
      rows += t.length;
      return oracle(x, t, score);
    };
    const got = await galleryGrid(model, inputs, [...methods], [0.5], DEFAULT_MASK, 'predicted', 3, undefined, gradients);
    // IG's 4 rows and SmoothGrad's 2 per image; Grad-CAM needs the model's layers and stays on tfjs.
    expect(rows).toBe(inputs.length * (4 + 2));
    got.forEach((img, i) =>
      img.rows.forEach((row, r) => {
        const w = want[i].rows[r];
        const scale = Math.max(...w.map.map(Math.abs));
        row.map.forEach((v, p) => expect(Math.abs(v - w.map[p])).toBeLessThanOrEqual(1e-5 * scale));
        expect(Array.from(row.cells[0].masked)).toEqual(Array.from(w.cells[0].masked));
      }),
    );
  });
});

afterAll(() => disposeCnn(model));
