/** computeMaps: the same maps whatever the chunking, progress reports, cancellation, no leaked tensors. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PIXELS } from '../defaults';
import { fillBatch, type MnistSplit } from '../data/mnist';
import { createCnn, disposeCnn, type Cnn } from '../model/cnn';
import { loadMnistNode } from '../../node/loadMnist';
import { useWasmBackend } from '../../testing/wasmBackend';
import { computeMaps, type MapsProgress } from './computeMaps';
import { ATTRIBUTION_METHODS } from './registry';
import { targetsFor } from './targets';

let model: Cnn;
let test10k: MnistSplit;
const indices = [4, 900, 17, 3, 250, 61, 8];

beforeAll(async () => {
  await useWasmBackend();
  test10k = loadMnistNode().test;
  // Untrained weights are enough here: these tests compare computeMaps with direct calls on the same model.
  model = createCnn(5);
});
afterAll(() => disposeCnn(model));

describe('computeMaps', () => {
  test('gives, for any chunk size, what compute gives on the whole batch', async () => {
    const method = ATTRIBUTION_METHODS.smoothGrad;
    const params = { ...method.defaults, samples: 3 };
    const inputs = fillBatch(test10k, indices, new Float32Array(indices.length * PIXELS));
    const targets = await targetsFor(model, inputs, indices.length, [], 'predicted');
    const direct = await method.compute({ model, inputs, batch: indices.length, targets, seed: 4, imageIndices: indices }, params);
    const before = tf.memory().numTensors;
    for (const chunkImages of [1, 3, undefined]) {
      const maps = await computeMaps(model, test10k, indices, method, params, 'predicted', 4, { chunkImages });
      expect(maps.length).toBe(indices.length * PIXELS);
      for (let i = 0; i < maps.length; i++) expect(maps[i]).toBeCloseTo(direct[i], 6);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('explains the true label with targetMode label', async () => {
    const maps = await computeMaps(model, test10k, indices, ATTRIBUTION_METHODS.gradient, {}, 'label', 1);
    const inputs = fillBatch(test10k, indices, new Float32Array(indices.length * PIXELS));
    const labels = indices.map((i) => test10k.labels[i]);
    const direct = await ATTRIBUTION_METHODS.gradient.compute({ model, inputs, batch: indices.length, targets: Int32Array.from(labels), seed: 1 }, {});
    for (let i = 0; i < maps.length; i++) expect(maps[i]).toBeCloseTo(direct[i], 6);
  });

  test('a count means the first n images; progress runs to the total', async () => {
    const reports: MapsProgress[] = [];
    const maps = await computeMaps(model, test10k, 5, ATTRIBUTION_METHODS.random, {}, 'label', 2, {
      chunkImages: 2,
      onProgress: (p) => void reports.push(p),
    });
    expect(reports.map((p) => p.done)).toEqual([2, 4, 5]);
    expect(reports.every((p) => p.total === 5 && p.mapsPerSec > 0)).toBe(true);
    const byIndex = await computeMaps(model, test10k, [0, 1, 2, 3, 4], ATTRIBUTION_METHODS.random, {}, 'label', 2);
    expect(maps).toEqual(byIndex);
  });

  test('stops when aborted, before the next chunk, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let chunks = 0;
    const run = computeMaps(model, test10k, 40, ATTRIBUTION_METHODS.integratedGradients, { steps: 4, baseline: 'black' }, 'label', 1, {
      chunkImages: 8,
      signal: controller.signal,
      onProgress: () => {
        chunks++;
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(chunks).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('rejects indices outside the split', async () => {
    await expect(computeMaps(model, test10k, [10000], ATTRIBUTION_METHODS.sobel, {}, 'label', 1)).rejects.toThrow(/outside the split/);
  });
});
