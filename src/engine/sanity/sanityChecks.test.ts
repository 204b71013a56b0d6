/**
 * The parameter randomisation test on a briefly trained CNN and real MNIST test digits: gradient maps lose
 * their similarity to the trained model's as the cascade reaches down, the model-free controls keep ρ = 1,
 * and no tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { PIXELS, REFERENCE_TRAIN } from '../defaults';
import { head, type Mnist } from '../data/mnist';
import { cnnFromWeights, createCnn, disposeCnn, readWeights } from '../model/cnn';
import { train } from '../training/train';
import { computeMaps } from '../attribution/computeMaps';
import { getMethod } from '../attribution/registry';
import type { MethodSpec } from '../attribution/methodSpec';
import { loadMnistNode } from '../../node/loadMnist';
import { useWasmBackend } from '../../testing/wasmBackend';
import { runSanityChecks, type SanityProgress, type SanityResult } from './sanityChecks';

const IMAGES = Array.from({ length: 32 }, (_, i) => i);
const METHODS: MethodSpec[] = [
  { id: 'gradient', params: {} },
  { id: 'sobel', params: {} },
  { id: 'random', params: {} },
];
const OPTIONS = { seed: 5, target: 'label', mapSeed: 1 } as const;

let mnist: Mnist;
let trained: Float32Array[];
let result: SanityResult;
let progress: SanityProgress[];
let tensorsBefore: number;
let tensorsAfter: number;

beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
  const model = createCnn(1);
  // 6,400 images for one epoch at lr 0.01: ~80 % test accuracy in a few seconds, enough structure for the
  // gradient to lose when the weights go.
  await train(model, head(mnist.train, 6400), { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 6400, seed: 1 });
  trained = await readWeights(model);
  disposeCnn(model);
  progress = [];
  tensorsBefore = tf.memory().numTensors;
  result = await runSanityChecks(trained, mnist.test, IMAGES, METHODS, { ...OPTIONS, onProgress: (p) => void progress.push(p) });
  tensorsAfter = tf.memory().numTensors;
});

const absMeans = (key: string, kind: string): number[] =>
  result.methods
    .find((m) => m.key === key)!
    .correlations.filter((c) => c.stage === 'trained' || c.stage.startsWith(`${kind}:`))
    .map((c) => c.abs.mean!);

describe('runSanityChecks', () => {
  test('frees every tensor it makes', () => {
    expect(tensorsAfter).toBe(tensorsBefore);
  });

  test('cascading randomisation lowers the gradient maps’ ρ stage by stage, from 1 to well below', () => {
    const rho = absMeans('gradient', 'cascading');
    expect(rho).toHaveLength(6);
    expect(rho[0]).toBe(1);
    for (let k = 1; k < rho.length; k++) expect(rho[k], `stage ${k}: ${rho.join(', ')}`).toBeLessThan(rho[k - 1]);
    expect(rho[5]).toBeLessThan(0.65);
    // Signed maps lose their order at once: a fresh top layer weighs the features with random signs.
    const signed = result.methods[0].correlations.find((c) => c.stage === 'cascading:fc3')!.signed.mean!;
    expect(Math.abs(signed)).toBeLessThan(0.3);
  });

  test('maps that ignore the model (sobel, seeded random) keep ρ = 1 at every stage', () => {
    for (const key of ['sobel', 'random']) {
      const m = result.methods.find((x) => x.key === key)!;
      expect(m.correlations).toHaveLength(result.stages.length);
      for (const c of m.correlations) {
        expect(c.abs.mean, `${key} ${c.stage}`).toBeCloseTo(1, 10);
        expect(c.signed.mean, `${key} ${c.stage}`).toBeCloseTo(1, 10);
        expect(c.abs).toMatchObject({ defined: IMAGES.length, undefined: 0 });
      }
    }
  });

  test('one network per set of randomised layers: cascading fc3 and independent fc3 agree exactly', () => {
    const g = result.methods[0];
    const at = (id: string) => g.correlations.find((c) => c.stage === id)!;
    expect(at('cascading:fc3').abs).toEqual(at('independent:fc3').abs);
    // Each independent stage is its own network.
    expect(new Set(g.correlations.filter((c) => c.stage.startsWith('independent:')).map((c) => c.abs.mean)).size).toBe(5);
  });

  test('the gallery holds each stage’s real maps of the first images, explaining the true label', async () => {
    expect(result.targets).toEqual(IMAGES.map((i) => mnist.test.labels[i]));
    expect(result.galleryImages).toEqual([0, 1, 2, 3]);
    const g = result.methods[0].gallery;
    expect(g).toHaveLength(result.stages.length);
    expect(g.every((stage) => stage.length === 4 && stage.every((map) => map.length === PIXELS))).toBe(true);
    const model = cnnFromWeights(trained);
    const maps = await computeMaps(model, mnist.test, [0, 1, 2, 3], getMethod('gradient'), {}, 'label', OPTIONS.mapSeed);
    disposeCnn(model);
    expect(Float32Array.from(g[0].flat())).toEqual(maps);
    expect(g[5][0]).not.toEqual(g[0][0]);
  });

  test('reports progress up to every map of every network (10 distinct ones)', () => {
    const last = progress[progress.length - 1];
    expect(last.total).toBe(10 * METHODS.length * IMAGES.length);
    expect(last.done).toBe(last.total);
    expect(new Set(progress.map((p) => p.stage)).size).toBe(10);
  });

  test('stops on an aborted signal, with nothing left behind', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = runSanityChecks(trained, mnist.test, IMAGES, METHODS, {
      ...OPTIONS,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'cascading:fc2') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
