/**
 * The training loop: SGD with momentum on softmax cross-entropy, seeded data order, progress reports and
 * cancellation. Momentum follows PyTorch's SGD (sgdMomentum.ts), so the reference setting of seed 000
 * (lr 1e-3, μ 0.9, batch 64) means the same thing here.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS, type TrainConfig } from '../defaults';
import { fillBatch, type MnistSplit } from '../data/mnist';
import { deriveSeed, makeRng, permutation } from '../random';
import { logits, toInput, type Cnn } from '../model/cnn';
import { SgdMomentum } from './sgdMomentum';

export interface TrainProgress {
  epoch: number;
  /** Batches finished in this epoch. */
  batch: number;
  batchesPerEpoch: number;
  samplesSeen: number;
  totalSamples: number;
  /** Mean training loss and accuracy over the batches since the last report (and over the models trained together). */
  loss: number;
  accuracy: number;
  /** Summed over the models trained together. */
  samplesPerSec: number;
  elapsedMs: number;
}

export interface TrainHooks {
  /** Called every `reportEvery` batches and at the end of each epoch; awaiting it lets messages in. */
  onProgress?: (p: TrainProgress) => void | Promise<void>;
  /** Called after each full epoch. */
  onEpochEnd?: (epoch: number) => void | Promise<void>;
  signal?: AbortSignal;
  reportEvery?: number;
  /** Supplies the normalised pixels of a batch; defaults to the plain images (ROAR passes masked ones). */
  fill?: (indices: Uint32Array, out: Float32Array) => void;
}

export interface TrainOutcome {
  stopped: boolean;
  epochsCompleted: number;
  samplesSeen: number;
  samplesPerSec: number;
  elapsedMs: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The epoch's example order: a seeded permutation, different each epoch (deterministic per seed). */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  return permutation(count, makeRng(deriveSeed(seed, `order:${epoch}`)));
}

/**
 * One optimiser step on the batches `batches[m]` (example indices, one list per model trained together):
 * returns the mean loss over the models and the number of correct predictions over all of them, both left on
 * the device.
 */
export type TrainStep = (batches: Uint32Array[]) => [tf.Scalar, tf.Scalar];

/**
 * The loop shared by one model (train) and K models trained as one graph (batchedTrain.ts): seeded epoch
 * orders per model, cancellation between batches, progress reports read from the device once per report.
 */
export async function trainLoop(
  count: number,
  cfg: Pick<TrainConfig, 'batchSize' | 'epochs'>,
  seeds: readonly number[],
  step: TrainStep,
  hooks: Omit<TrainHooks, 'fill'> = {},
): Promise<TrainOutcome> {
  const { batchSize, epochs } = cfg;
  const models = seeds.length;
  const reportEvery = hooks.reportEvery ?? 20;
  const batchesPerEpoch = Math.ceil(count / batchSize);
  const totalSamples = count * epochs;
  const start = now();
  let samplesSeen = 0;
  let epochsCompleted = 0;
  let stopped = false;
  // Loss and correct counts stay on the device and are read once per report: a read per batch would stall
  // GPU backends (platform-notes §5 "WebGPU sync reads").
  let lossSum: tf.Scalar = tf.scalar(0);
  let correctSum: tf.Scalar = tf.scalar(0);
  let windowSamples = 0;
  let windowBatches = 0;

  const report = async (epoch: number, batch: number): Promise<void> => {
    const [l, c] = await Promise.all([lossSum.data(), correctSum.data()]);
    const elapsedMs = now() - start;
    const p: TrainProgress = {
      epoch,
      batch,
      batchesPerEpoch,
      samplesSeen,
      totalSamples,
      loss: windowBatches ? l[0] / windowBatches : Number.NaN,
      accuracy: windowSamples ? c[0] / (windowSamples * models) : Number.NaN,
      samplesPerSec: (samplesSeen * models) / (elapsedMs / 1000),
      elapsedMs,
    };
    lossSum.dispose();
    correctSum.dispose();
    lossSum = tf.scalar(0);
    correctSum = tf.scalar(0);
    windowSamples = 0;
    windowBatches = 0;
    await hooks.onProgress?.(p);
  };

  try {
    outer: for (let epoch = 0; epoch < epochs; epoch++) {
      const orders = seeds.map((seed) => epochOrder(count, seed, epoch));
      for (let b = 0; b < batchesPerEpoch; b++) {
        if (hooks.signal?.aborted) {
          stopped = true;
          if (windowBatches > 0) await report(epoch, b);
          break outer;
        }
        const from = b * batchSize;
        const to = Math.min(from + batchSize, count);
        const [loss, correct] = step(orders.map((o) => o.subarray(from, to)));
        const next = tf.tidy(() => [tf.add(lossSum, loss), tf.add(correctSum, correct)] as [tf.Scalar, tf.Scalar]);
        tf.dispose([lossSum, correctSum, loss, correct]);
        [lossSum, correctSum] = next;
        samplesSeen += to - from;
        windowSamples += to - from;
        windowBatches++;
        if ((b + 1) % reportEvery === 0 || b === batchesPerEpoch - 1) await report(epoch, b + 1);
      }
      epochsCompleted++;
      await hooks.onEpochEnd?.(epoch);
    }
  } finally {
    lossSum.dispose();
    correctSum.dispose();
  }
  const elapsedMs = now() - start;
  return { stopped, epochsCompleted, samplesSeen, samplesPerSec: (samplesSeen * models) / (elapsedMs / 1000), elapsedMs };
}

export async function train(model: Cnn, data: MnistSplit, cfg: TrainConfig, hooks: TrainHooks = {}): Promise<TrainOutcome> {
  const fill = hooks.fill ?? ((idx, out) => fillBatch(data, idx, out));
  const optimizer = new SgdMomentum(model.vars, cfg.learningRate, cfg.momentum);
  const pixels = new Float32Array(cfg.batchSize * PIXELS);
  const labels = new Int32Array(cfg.batchSize);
  const step: TrainStep = ([idx]) => {
    const n = idx.length;
    for (let i = 0; i < n; i++) labels[i] = data.labels[idx[i]];
    fill(idx, pixels.subarray(0, n * PIXELS));
    return tf.tidy(() => {
      const x = toInput(pixels.subarray(0, n * PIXELS), n);
      const y = tf.tensor1d(labels.subarray(0, n), 'int32');
      let correct: tf.Scalar | null = null;
      const cost = optimizer.step(() => {
        const z = logits(model, x);
        // The gradient runs this in its own tidy scope: keep the count so it survives to be returned.
        correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32')) as tf.Scalar);
        return tf.losses.softmaxCrossEntropy(tf.oneHot(y, NUM_CLASSES), z) as tf.Scalar;
      });
      return [cost, correct as unknown as tf.Scalar];
    });
  };
  try {
    return await trainLoop(data.count, cfg, [cfg.seed], step, hooks);
  } finally {
    optimizer.dispose();
  }
}
