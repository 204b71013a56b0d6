/**
 * The data randomisation test: a model trained on permuted labels scores near chance on the true test
 * labels, its gradient maps no longer match the trained model's, a model-free map still does, and no
 * tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { REFERENCE_TRAIN } from '../defaults';
import { head, type Mnist } from '../data/mnist';
import { createCnn, disposeCnn, readWeights } from '../model/cnn';
import { train } from '../training/train';
import { evaluate } from '../training/evaluate';
import { loadMnistNode } from '../../node/loadMnist';
import { useWasmBackend } from '../../testing/wasmBackend';
import { runShuffledLabelsCheck, shuffledLabelSplit } from './shuffledLabels';

const CFG = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 6400, testSize: 2000, seed: 1 };
let mnist: Mnist;
let trained: Float32Array[];
let trainedAccuracy: number;

beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
  const model = createCnn(CFG.seed);
  await train(model, head(mnist.train, CFG.trainSize), CFG);
  trainedAccuracy = (await evaluate(model, head(mnist.test, CFG.testSize))).accuracy;
  trained = await readWeights(model);
  disposeCnn(model);
});

describe('shuffledLabelSplit', () => {
  test('keeps the first images and permutes their labels, seeded', () => {
    const s = shuffledLabelSplit(mnist.train, 1000, 3);
    const original = mnist.train.labels.subarray(0, 1000);
    expect(s.count).toBe(1000);
    expect(s.images.buffer).toBe(mnist.train.images.buffer);
    expect([s.images.byteOffset, s.images.length]).toEqual([mnist.train.images.byteOffset, 1000 * 784]);
    expect(Array.from(s.labels).sort()).toEqual(Array.from(original).sort());
    const kept = s.labels.filter((l, i) => l === original[i]).length;
    expect(kept).toBeLessThan(200);
    expect(shuffledLabelSplit(mnist.train, 1000, 3).labels).toEqual(s.labels);
    expect(shuffledLabelSplit(mnist.train, 1000, 4).labels).not.toEqual(s.labels);
  });
});

describe('runShuffledLabelsCheck', () => {
  test('a model of permuted labels is near chance, its gradient maps unlike the trained one’s, sobel’s alike', async () => {
    const before = tf.memory().numTensors;
    const images = Array.from({ length: 32 }, (_, i) => i);
    const methods = [
      { id: 'gradient', params: {} },
      { id: 'sobel', params: {} },
    ] as const;
    const r = await runShuffledLabelsCheck(trained, mnist, CFG, images, [...methods], { seed: 3, target: 'label', mapSeed: 1 });
    expect(tf.memory().numTensors).toBe(before);

    expect(trainedAccuracy).toBeGreaterThan(0.7);
    expect(r.testAccuracy).toBeLessThan(0.25);
    expect(r.trainConfig).toEqual(CFG);
    expect(r.targets).toEqual(images.map((i) => mnist.test.labels[i]));
    const [gradient, sobel] = r.methods;
    expect(gradient.key).toBe('gradient');
    expect(gradient.abs.mean).toBeLessThan(0.8);
    expect(sobel.abs.mean).toBeCloseTo(1, 10);
    expect(gradient.gallery.trained).toHaveLength(4);
    expect(gradient.gallery.shuffled[0]).not.toEqual(gradient.gallery.trained[0]);
    expect(sobel.gallery.shuffled).toEqual(sobel.gallery.trained);
  });
});
