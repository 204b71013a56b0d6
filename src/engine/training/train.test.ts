import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../testing/wasmBackend';
import { loadMnistNode } from '../../node/loadMnist';
import { head, type Mnist } from '../data/mnist';
import { createCnn, disposeCnn, logits, readWeights, PARAM_COUNT, toInput } from '../model/cnn';
import { train, type TrainProgress } from './train';
import { evaluate, summarise } from './evaluate';
import { REFERENCE_TRAIN, type TrainConfig } from '../defaults';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = loadMnistNode();
});

const quick: TrainConfig = { ...REFERENCE_TRAIN, learningRate: 0.01, epochs: 1, trainSize: 4000, testSize: 1000, seed: 3 };

describe('the reference CNN', () => {
  it('has the shapes of science.md §1 (44,426 parameters) and gives logits [B, 10]', () => {
    expect(PARAM_COUNT).toBe(44426);
    const model = createCnn(1);
    const z = tf.tidy(() => logits(model, toInput(new Float32Array(3 * 784), 3)));
    expect(z.shape).toEqual([3, 10]);
    z.dispose();
    disposeCnn(model);
  });

  it('initialises identically for a seed and differently for another', async () => {
    const [a, b, c] = [createCnn(5), createCnn(5), createCnn(6)];
    const [wa, wb, wc] = await Promise.all([a, b, c].map(readWeights));
    expect(wa[2]).toEqual(wb[2]);
    expect(wa[2]).not.toEqual(wc[2]);
    // PyTorch's default bound for conv2 (fan-in 150): |w| ≤ 1/√150.
    expect(Math.max(...wa[2].map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(150));
    [a, b, c].forEach(disposeCnn);
  });
});

describe('training on real MNIST (wasm)', () => {
  it('lowers the loss, beats chance by far, and keeps the tensor count flat across epochs', async () => {
    const model = createCnn(quick.seed);
    const reports: TrainProgress[] = [];
    const counts: number[] = [];
    await train(model, head(mnist.train, 3000), { ...quick, epochs: 3, trainSize: 3000 }, {
      reportEvery: 10,
      onProgress: (p) => void reports.push(p),
      onEpochEnd: () => void counts.push(tf.memory().numTensors),
    });
    const firstLoss = reports[0].loss;
    const lastLoss = reports[reports.length - 1].loss;
    expect(lastLoss).toBeLessThan(firstLoss * 0.6);
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBe(counts[2]);
    const ev = await evaluate(model, head(mnist.test, 1000));
    expect(ev.accuracy).toBeGreaterThan(0.8);
    disposeCnn(model);
  });

  it('is deterministic for a seed: the same config gives the same weights and accuracy', async () => {
    const cfg = { ...quick, trainSize: 640 };
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const model = createCnn(cfg.seed);
      await train(model, head(mnist.train, 640), cfg);
      runs.push({ w: await readWeights(model), acc: (await evaluate(model, head(mnist.test, 500))).accuracy });
      disposeCnn(model);
    }
    expect(runs[0].w[4]).toEqual(runs[1].w[4]);
    expect(runs[0].acc).toBe(runs[1].acc);
    const other = createCnn(cfg.seed);
    await train(other, head(mnist.train, 640), { ...cfg, seed: cfg.seed + 1 });
    expect((await readWeights(other))[4]).not.toEqual(runs[0].w[4]);
    disposeCnn(other);
  });

  it('stops when aborted and keeps the partly trained model usable', async () => {
    const model = createCnn(1);
    const controller = new AbortController();
    let reportsSeen = 0;
    const outcome = await train(model, head(mnist.train, 6400), { ...quick, trainSize: 6400 }, {
      signal: controller.signal,
      reportEvery: 5,
      onProgress: () => {
        if (++reportsSeen === 3) controller.abort();
      },
    });
    expect(outcome.stopped).toBe(true);
    expect(outcome.samplesSeen).toBe(15 * 64);
    expect(outcome.epochsCompleted).toBe(0);
    const ev = await evaluate(model, head(mnist.test, 200));
    expect(ev.count).toBe(200);
    disposeCnn(model);
  });
});

describe('evaluation summary', () => {
  it('computes accuracy, per-class precision and the confusion matrix', () => {
    const ev = summarise([0, 0, 1, 1, 2], [0, 1, 1, 1, 0]);
    expect(ev.accuracy).toBeCloseTo(3 / 5);
    expect(ev.precision[0]).toBeCloseTo(1 / 2);
    expect(ev.precision[1]).toBeCloseTo(2 / 3);
    expect(ev.precision[2]).toBeNaN();
    expect(ev.confusion[0 * 10 + 1]).toBe(1);
    expect(ev.confusion[2 * 10 + 0]).toBe(1);
  });
});
