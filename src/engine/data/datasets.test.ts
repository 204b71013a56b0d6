/**
 * The second dataset: Fashion-MNIST as the loader reads it (the lab's fixed split), its normalisation, and
 * the engine using that normalisation where MNIST's used to be built in.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../node/loadMnist';
import { initNodeBackend } from '../../node/nodeBackend';
import { baselineValue } from '../attribution/baseline';
import { MNIST_MEAN, MNIST_STD, PIXELS, REFERENCE_TRAIN } from '../defaults';
import { fillMaskedBatch } from '../masking/mask';
import { createCnn, disposeCnn } from '../model/cnn';
import { makeRng } from '../random';
import { evaluate } from '../training/evaluate';
import { train } from '../training/train';
import { DATASETS } from './datasets';
import { fillBatch, head, type Mnist, type MnistSplit } from './mnist';

let fashion: Mnist;

beforeAll(async () => {
  await initNodeBackend('wasm');
  fashion = loadMnistNode('fashion');
});

/** FNV-1a over the split's first `n` images and labels: a fingerprint of which images come first. */
function fingerprint(s: MnistSplit, n: number): string {
  let h = 0x811c9dc5;
  const eat = (bytes: Uint8Array) => {
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  };
  eat(s.images.subarray(0, n * PIXELS));
  eat(s.labels.subarray(0, n));
  return h.toString(16).padStart(8, '0');
}

const counts = (labels: Uint8Array): number[] => {
  const n = new Array<number>(10).fill(0);
  for (const l of labels) n[l]++;
  return n;
};

describe('Fashion-MNIST', () => {
  test('the loader reads the split: 60,000 / 10,000 images, 1,000 test and 6,000 training images per class', () => {
    expect(fashion.dataset).toBe('fashion');
    expect([fashion.train.dataset, fashion.test.dataset]).toEqual(['fashion', 'fashion']);
    expect([fashion.train.count, fashion.test.count]).toEqual([60000, 10000]);
    expect(counts(fashion.train.labels)).toEqual(new Array(10).fill(6000));
    expect(counts(fashion.test.labels)).toEqual(new Array(10).fill(1000));
  });

  test('the split is stable: the same first images in each split, every install', () => {
    expect(fingerprint(fashion.train, 100)).toBe('45c1d85d');
    expect(fingerprint(fashion.test, 100)).toBe('3c635879');
    expect(Array.from(fashion.train.labels.subarray(0, 10))).toEqual([0, 2, 9, 1, 4, 6, 4, 3, 2, 1]);
  });

  test('no entry of the package is in both splits; 12 test images only look like a training image', () => {
    // Each entry goes to one split (scripts/fashionSplit.test.ts). Fashion-MNIST itself holds some
    // pixel-identical images, and 12 such twins straddle this split (the original split has its own).
    const key = (s: MnistSplit, i: number) => Buffer.from(s.images.subarray(i * PIXELS, (i + 1) * PIXELS)).toString('base64');
    const trainImages = new Set(Array.from({ length: fashion.train.count }, (_, i) => key(fashion.train, i)));
    const twins = Array.from({ length: fashion.test.count }, (_, i) => i).filter((i) => trainImages.has(key(fashion.test, i)));
    expect(twins).toHaveLength(12);
  });

  test('its mean and standard deviation are those of its 60,000 training images', () => {
    let sum = 0;
    let squares = 0;
    for (const v of fashion.train.images) {
      sum += v / 255;
      squares += (v / 255) ** 2;
    }
    const n = fashion.train.images.length;
    const mean = sum / n;
    expect(DATASETS.fashion.mean).toBeCloseTo(mean, 4);
    expect(DATASETS.fashion.std).toBeCloseTo(Math.sqrt(squares / n - mean * mean), 4);
    // The clothes are brighter than the digits: MNIST's constants would not centre them.
    expect(mean).toBeGreaterThan(2 * MNIST_MEAN);
  });

  test('batches, replacements and baselines use the dataset’s own normalisation', () => {
    const { mean, std } = DATASETS.fashion;
    const out = fillBatch(fashion.test, [0], new Float32Array(PIXELS));
    for (let p = 0; p < PIXELS; p++) expect(out[p]).toBe(Math.fround((fashion.test.images[p] / 255 - mean) / std));
    // Mean replacement puts the dataset mean in every removed pixel: 0 after normalisation, on either dataset.
    const orders = Uint16Array.from({ length: PIXELS }, (_, p) => p);
    fillMaskedBatch(fashion.test.images.subarray(0, PIXELS), orders, [0], 1, 'roar', 'mean', makeRng(1), out, DATASETS.fashion);
    expect(Math.max(...out.map(Math.abs))).toBeLessThan(1e-6);
    expect(baselineValue('black', DATASETS.fashion)).toBeCloseTo(-mean / std, 12);
    expect(baselineValue('black')).toBeCloseTo(-MNIST_MEAN / MNIST_STD, 12);
  });

  test('the CNN learns it: one epoch of Adam on 6,000 images scores far above chance (10 %)', async () => {
    const model = createCnn(3);
    try {
      await train(model, head(fashion.train, 6000), { ...REFERENCE_TRAIN, optimizer: 'adam', learningRate: 0.002, epochs: 1, trainSize: 6000, testSize: 1000, seed: 3 });
      const ev = await evaluate(model, head(fashion.test, 1000));
      expect(ev.accuracy).toBeGreaterThan(0.6);
    } finally {
      disposeCnn(model);
    }
  });
});

describe('MNIST', () => {
  test('keeps its constants and its original split', () => {
    expect([DATASETS.mnist.mean, DATASETS.mnist.std]).toEqual([0.1307, 0.3081]);
    const mnist = loadMnistNode();
    expect(mnist.dataset).toBe('mnist');
    expect(Array.from(mnist.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  });
});
