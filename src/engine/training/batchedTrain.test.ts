import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import { head, type MnistSplit } from '../data/mnist';
import { cnnFromWeights, disposeCnn, initialWeights, logits, readWeights, toInput } from '../model/cnn';
import { batchedFromWeights, batchedLogits, disposeBatched, splitWeights, toBatchedInput } from '../model/batchedCnn';
import { fillMaskedBatch } from '../masking/mask';
import { makeRng, permutation } from '../random';
import { train } from './train';
import { batchIncompatibility, trainBatched, type BatchedRun } from './batchedTrain';
import { PIXELS, REFERENCE_TRAIN, type MaskConfig, type TrainConfig } from '../defaults';

let data: MnistSplit;
beforeAll(async () => {
  await useWasmBackend();
  data = head(loadMnistNode().train, 640);
});

const cfg: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 2, trainSize: 640, seed: 0 };

/** A seeded pixel order per image, as a ranking would give. */
function orders(count: number, seed: number): Uint16Array {
  const out = new Uint16Array(count * PIXELS);
  const rng = makeRng(seed);
  for (let i = 0; i < count; i++) out.set(permutation(PIXELS, rng), i * PIXELS);
  return out;
}

/** Three different runs: seeds, thresholds and replacements differ; the first is unmasked. */
function runs(): { cfg: TrainConfig; fill: () => BatchedRun['fill'] }[] {
  const ranks = orders(data.count, 9);
  const masks: [number, MaskConfig['replacement'] | null][] = [[0, null], [0.5, 'mean'], [0.9, 'noisyLinear']];
  return masks.map(([t, replacement], m) => ({
    cfg: { ...cfg, seed: 3 + m },
    // A fresh filler per training: ROAD's imputation noise is drawn from the run's own stream.
    fill: () => {
      const rng = makeRng(100 + m);
      return (idx, out) => fillMaskedBatch(data.images, replacement ? ranks : null, idx, t, 'roar', replacement ?? 'mean', rng, out);
    },
  }));
}

function maxRelativeDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  let scale = 0;
  a.forEach((w, i) => w.forEach((v, j) => ((worst = Math.max(worst, Math.abs(v - b[i][j]))), (scale = Math.max(scale, Math.abs(b[i][j]))))));
  return worst / scale;
}

describe('K models as one graph', () => {
  it.each(['grouped', 'split'] as const)('holds each model’s weights unchanged and gives each model’s own logits (%s convolutions)', async (convs) => {
    const weights = [1, 2, 3].map((s) => initialWeights(s));
    const batched = batchedFromWeights(weights);
    expect(await splitWeights(batched)).toEqual(weights);
    const pixels = new Float32Array(3 * 5 * PIXELS);
    const rng = makeRng(4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = rng() * 3 - 0.5;
    const together = tf.tidy(() => batchedLogits(batched, toBatchedInput(pixels, 3, 5), convs));
    expect(together.shape).toEqual([3, 5, 10]);
    const all = together.dataSync();
    weights.forEach((w, m) => {
      const single = cnnFromWeights(w);
      const z = tf.tidy(() => logits(single, toInput(pixels.subarray(m * 5 * PIXELS, (m + 1) * 5 * PIXELS), 5)));
      const alone = z.dataSync();
      alone.forEach((v, j) => expect(all[m * 50 + j]).toBeCloseTo(v, 4));
      z.dispose();
      disposeCnn(single);
    });
    together.dispose();
    disposeBatched(batched);
  });

  it.each(['grouped', 'split'] as const)('trains each run to the weights it reaches alone (own seed, order and mask; %s convolutions), and frees every tensor', async (convs) => {
    const specs = runs();
    const alone: Float32Array[][] = [];
    for (const s of specs) {
      const model = cnnFromWeights(initialWeights(s.cfg.seed));
      await train(model, data, s.cfg, { fill: s.fill() });
      alone.push(await readWeights(model));
      disposeCnn(model);
    }
    const before = tf.memory().numTensors;
    const batched = batchedFromWeights(specs.map((s) => initialWeights(s.cfg.seed)));
    const out = await trainBatched(batched, data, specs.map((s) => ({ cfg: s.cfg, fill: s.fill() })), {}, convs);
    const together = await splitWeights(batched);
    disposeBatched(batched);
    expect(tf.memory().numTensors).toBe(before);
    expect(out.samplesSeen).toBe(2 * 640);
    // 20 steps of float32 sums in another order: the trajectories agree to ~2e-7 of the weights' scale …
    together.forEach((w, m) => expect(maxRelativeDifference(w, alone[m])).toBeLessThan(1e-5));
    // … while the runs themselves are far apart, so agreement is not an accident of similar runs.
    expect(maxRelativeDifference(alone[1], alone[0])).toBeGreaterThan(0.05);
    expect(maxRelativeDifference(together[2], alone[1])).toBeGreaterThan(0.05);
  });

  it('refuses runs that differ in more than their seed, saying how', () => {
    const a: BatchedRun = { cfg, fill: () => {} };
    expect(batchIncompatibility([a, { ...a, cfg: { ...cfg, seed: 1 } }])).toBeNull();
    expect(batchIncompatibility([a, { ...a, cfg: { ...cfg, epochs: 3 } }])).toBe('the runs differ in epochs (2, 3)');
    expect(batchIncompatibility([])).toBe('there are no runs to train');
  });
});
