/**
 * The training loop: softmax cross-entropy, the configured optimiser (optimizer.ts: PyTorch's SGD with
 * momentum, so the reference setting of seed 000 means the same thing here, or Adam), seeded data order,
 * progress reports, cancellation, the training-loss curve every run records (issue 10: ten points an epoch)
 * and, when asked, stopping once the loss stops improving.
 */
import * as tf from '@tensorflow/tfjs';
import { LOSS_POINTS_PER_EPOCH, NUM_CLASSES, PIXELS, PLATEAU_LOSS, PLATEAU_MIN_DROP, PLATEAU_MIN_IMPROVEMENT, type TrainConfig } from '../defaults';
import { fillBatch, type MnistSplit } from '../data/mnist';
import { deriveSeed, makeRng, permutation } from '../random';
import { logits, toInput, type Cnn } from '../model/cnn';
import { createOptimizer } from './optimizer';

export interface TrainProgress {
  epoch: number;
  /** Batches finished in this epoch. */
  batch: number;
  batchesPerEpoch: number;
  samplesSeen: number;
  /** Samples the configured epochs hold; plateau stopping may end sooner. */
  totalSamples: number;
  /** Mean training loss and accuracy over the batches since the last report (and over the models still training). */
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
  /** Per model: the mean training loss over each tenth of each epoch it trained (LOSS_POINTS_PER_EPOCH a epoch). */
  lossCurves: number[][];
  /** Per model: the epochs it trained (fewer than configured where plateau stopping ended it). */
  epochsTrained: number[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The epoch's example order: a seeded permutation, different each epoch (deterministic per seed). */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  return permutation(count, makeRng(deriveSeed(seed, `order:${epoch}`)));
}

/**
 * One optimiser step on the batches `batches[m]` (example indices, one list per model trained together):
 * returns each model's mean loss and its number of correct predictions, [K] each, left on the device.
 */
export type TrainStep = (batches: Uint32Array[]) => [tf.Tensor1D, tf.Tensor1D];

/**
 * What the loop drives: a step of every model on examples [from, to) of its epoch order, and, when the loop
 * reports, each model's summed step losses and correct predictions since the last report. The tfjs engine
 * steps tensor by tensor (tensorStepper); the fused WebGPU kernels encode many steps before the GPU runs them.
 */
export interface Stepper {
  step(orders: readonly Uint32Array[], from: number, to: number): void;
  take(): Promise<{ loss: ArrayLike<number>; correct: ArrayLike<number> }>;
}

/** A TrainStep as a Stepper: the per-step results summed on the device, read once per report. */
export function tensorStepper(step: TrainStep, models: number): Stepper & { dispose(): void } {
  let lossSum: tf.Tensor1D = tf.zeros([models]);
  let correctSum: tf.Tensor1D = tf.zeros([models]);
  return {
    step(orders, from, to) {
      const [loss, correct] = step(orders.map((o) => o.subarray(from, to)));
      const next = tf.tidy(() => [tf.add(lossSum, loss), tf.add(correctSum, correct)] as [tf.Tensor1D, tf.Tensor1D]);
      tf.dispose([lossSum, correctSum, loss, correct]);
      [lossSum, correctSum] = next;
    },
    async take() {
      const [loss, correct] = await Promise.all([lossSum.data(), correctSum.data()]);
      tf.dispose([lossSum, correctSum]);
      lossSum = tf.zeros([models]);
      correctSum = tf.zeros([models]);
      return { loss, correct };
    },
    dispose: () => tf.dispose([lossSum, correctSum]),
  };
}

/** The batch counts (1-based, within an epoch) at which each tenth of the epoch ends. */
function curveEnds(batchesPerEpoch: number): Set<number> {
  return new Set(Array.from({ length: LOSS_POINTS_PER_EPOCH }, (_, j) => Math.max(1, Math.round(((j + 1) * batchesPerEpoch) / LOSS_POINTS_PER_EPOCH))));
}

/**
 * Plateau stopping (issue 10): an epoch improves when its mean loss is below the best so far by more than
 * PLATEAU_MIN_IMPROVEMENT of it, and by at least PLATEAU_MIN_DROP (a model learning its images by heart
 * lowers a tiny loss by a few per cent forever); `patience` epochs in a row without improvement end the run
 * — but never while the loss is still on the chance plateau (science.md §7: retrains sit there for a
 * seed-dependent time).
 */
export class PlateauRule {
  private best = Number.POSITIVE_INFINITY;
  private since = 0;
  constructor(private readonly patience: number) {}
  /** Records an epoch's mean loss; true when training should stop after it. */
  shouldStop(epochLoss: number): boolean {
    if (this.best === Number.POSITIVE_INFINITY || epochLoss < this.best - Math.max(this.best * PLATEAU_MIN_IMPROVEMENT, PLATEAU_MIN_DROP)) {
      this.best = epochLoss;
      this.since = 0;
    } else this.since++;
    return this.since >= this.patience && epochLoss <= PLATEAU_LOSS;
  }
}

/**
 * The loop shared by one model (train) and K models trained as one graph (batchedTrain.ts): seeded epoch
 * orders per model, cancellation between batches, progress read from the device once per report (a read
 * per batch would stall GPU backends, platform-notes §5), each model's loss curve, and plateau stopping per
 * model: `onModelStop(m)` is awaited when model m stops early, and the loop ends once every model has.
 */
export async function trainLoop(
  count: number,
  cfg: Pick<TrainConfig, 'batchSize' | 'epochs' | 'stopping' | 'patience'>,
  seeds: readonly number[],
  stepper: Stepper,
  hooks: Omit<TrainHooks, 'fill'> & { onModelStop?: (model: number) => void | Promise<void> } = {},
): Promise<TrainOutcome> {
  const { batchSize, epochs } = cfg;
  const models = seeds.length;
  const reportEvery = hooks.reportEvery ?? 20;
  const batchesPerEpoch = Math.ceil(count / batchSize);
  const ends = curveEnds(batchesPerEpoch);
  const totalSamples = count * epochs;
  const start = now();
  let samplesSeen = 0;
  let epochsCompleted = 0;
  let stopped = false;
  const active = new Array<boolean>(models).fill(true);
  const rules = seeds.map(() => new PlateauRule(cfg.patience));
  const lossCurves: number[][] = seeds.map(() => []);
  const epochsTrained = new Array<number>(models).fill(0);
  let windowSamples = 0;
  let windowBatches = 0;
  // Loss summed in JS over the current tenth of an epoch and over the epoch, per model.
  const curveSum = new Float64Array(models);
  let curveBatches = 0;
  const epochSum = new Float64Array(models);
  let epochBatches = 0;

  const report = async (epoch: number, batch: number): Promise<void> => {
    const { loss: l, correct: c } = await stepper.take();
    const elapsedMs = now() - start;
    let loss = 0;
    let correct = 0;
    let live = 0;
    for (let m = 0; m < models; m++) {
      curveSum[m] += l[m];
      epochSum[m] += l[m];
      if (!active[m]) continue;
      loss += l[m];
      correct += c[m];
      live++;
    }
    curveBatches += windowBatches;
    epochBatches += windowBatches;
    const p: TrainProgress = {
      epoch,
      batch,
      batchesPerEpoch,
      samplesSeen,
      totalSamples,
      loss: windowBatches && live ? loss / live / windowBatches : Number.NaN,
      accuracy: windowSamples && live ? correct / (windowSamples * live) : Number.NaN,
      samplesPerSec: (samplesSeen * models) / (elapsedMs / 1000),
      elapsedMs,
    };
    windowSamples = 0;
    windowBatches = 0;
    if (ends.has(batch) && curveBatches > 0) {
      for (let m = 0; m < models; m++) if (active[m]) lossCurves[m].push(curveSum[m] / curveBatches);
      curveSum.fill(0);
      curveBatches = 0;
    }
    await hooks.onProgress?.(p);
  };

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
      stepper.step(orders, from, to);
      samplesSeen += to - from;
      windowSamples += to - from;
      windowBatches++;
      if ((b + 1) % reportEvery === 0 || ends.has(b + 1)) await report(epoch, b + 1);
    }
    epochsCompleted++;
    for (let m = 0; m < models; m++) {
      if (!active[m]) continue;
      epochsTrained[m]++;
      if (cfg.stopping === 'plateau' && rules[m].shouldStop(epochSum[m] / epochBatches) && epoch < epochs - 1) {
        active[m] = false;
        await hooks.onModelStop?.(m);
      }
    }
    epochSum.fill(0);
    epochBatches = 0;
    await hooks.onEpochEnd?.(epoch);
    if (!active.some(Boolean)) break;
  }
  const elapsedMs = now() - start;
  return { stopped, epochsCompleted, samplesSeen, samplesPerSec: (samplesSeen * models) / (elapsedMs / 1000), elapsedMs, lossCurves, epochsTrained };
}

export async function train(model: Cnn, data: MnistSplit, cfg: TrainConfig, hooks: TrainHooks = {}): Promise<TrainOutcome> {
  const fill = hooks.fill ?? ((idx, out) => fillBatch(data, idx, out));
  const optimizer = createOptimizer(model.vars, cfg);
  const pixels = new Float32Array(cfg.batchSize * PIXELS);
  const labels = new Int32Array(cfg.batchSize);
  const step: TrainStep = ([idx]) => {
    const n = idx.length;
    for (let i = 0; i < n; i++) labels[i] = data.labels[idx[i]];
    fill(idx, pixels.subarray(0, n * PIXELS));
    return tf.tidy(() => {
      const x = toInput(pixels.subarray(0, n * PIXELS), n);
      const y = tf.tensor1d(labels.subarray(0, n), 'int32');
      let correct: tf.Tensor1D | null = null;
      const cost = optimizer.step(() => {
        const z = logits(model, x);
        // The gradient runs this in its own tidy scope: keep the count so it survives to be returned.
        correct = tf.keep(tf.reshape(tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32')), [1])) as tf.Tensor1D;
        return tf.losses.softmaxCrossEntropy(tf.oneHot(y, NUM_CLASSES), z) as tf.Scalar;
      });
      return [tf.reshape(cost, [1]) as tf.Tensor1D, correct as unknown as tf.Tensor1D];
    });
  };
  const stepper = tensorStepper(step, 1);
  try {
    return await trainLoop(data.count, cfg, [cfg.seed], stepper, hooks);
  } finally {
    stepper.dispose();
    optimizer.dispose();
  }
}
