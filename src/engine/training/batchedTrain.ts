/**
 * K models trained together as one graph (model/batchedCnn.ts): each with its own seeded initial weights,
 * its own data order and its own batch filler (its own mask, applied on the fly from cached ranks), so a
 * batched run follows the same trajectory as the run trained alone (train.ts) up to float rounding.
 *
 * The loss is the sum of the K models' mean cross-entropies: the gradient of each model's weights is then
 * exactly that of its own loss, and SGD with momentum acts elementwise, so the models stay independent.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS, type TrainConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { batchedLogits, convsFor, toBatchedInput, type BatchedCnn, type BatchedConvs } from '../model/batchedCnn';
import { SgdMomentum } from './sgdMomentum';
import { trainLoop, type TrainHooks, type TrainOutcome, type TrainStep } from './train';

export interface BatchedRun {
  /** The run's own training configuration; only the seed may differ between the runs of one batch. */
  cfg: TrainConfig;
  /** Writes the normalised (masked) pixels of the given training images, as TrainHooks.fill. */
  fill: (indices: Uint32Array, out: Float32Array) => void;
}

const SHARED: (keyof TrainConfig)[] = ['batchSize', 'epochs', 'learningRate', 'momentum', 'trainSize'];

/** Why `runs` cannot be trained as one batch, or null. */
export function batchIncompatibility(runs: readonly BatchedRun[]): string | null {
  if (runs.length === 0) return 'there are no runs to train';
  for (const key of SHARED) {
    const values = new Set(runs.map((r) => r.cfg[key]));
    if (values.size > 1) return `the runs differ in ${key} (${[...values].join(', ')})`;
  }
  return null;
}

export async function trainBatched(
  model: BatchedCnn,
  data: MnistSplit,
  runs: readonly BatchedRun[],
  hooks: Omit<TrainHooks, 'fill'> = {},
  convs: BatchedConvs = convsFor(tf.getBackend()),
): Promise<TrainOutcome> {
  const problem = batchIncompatibility(runs);
  if (problem) throw new Error(`These runs cannot be trained together: ${problem}.`);
  if (runs.length !== model.k) throw new Error(`The batched model holds ${model.k} networks, but ${runs.length} runs were given.`);
  const { k } = model;
  const cfg = runs[0].cfg;
  const optimizer = new SgdMomentum(model.vars, cfg.learningRate, cfg.momentum);
  const pixels = new Float32Array(k * cfg.batchSize * PIXELS);
  const labels = new Int32Array(k * cfg.batchSize);
  const step: TrainStep = (batches) => {
    const n = batches[0].length;
    batches.forEach((idx, m) => {
      for (let i = 0; i < n; i++) labels[m * n + i] = data.labels[idx[i]];
      runs[m].fill(idx, pixels.subarray(m * n * PIXELS, (m + 1) * n * PIXELS));
    });
    return tf.tidy(() => {
      const x = toBatchedInput(pixels.subarray(0, k * n * PIXELS), k, n);
      const y = tf.tensor1d(labels.subarray(0, k * n), 'int32');
      let correct: tf.Scalar | null = null;
      const cost = optimizer.step(() => {
        const z = tf.reshape(batchedLogits(model, x, convs), [k * n, NUM_CLASSES]);
        correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32')) as tf.Scalar);
        // Mean over all K·n examples × K = Σ_models (mean over the model's n examples).
        return tf.mul(tf.losses.softmaxCrossEntropy(tf.oneHot(y, NUM_CLASSES), z), k) as tf.Scalar;
      });
      return [tf.div(cost, k) as tf.Scalar, correct as unknown as tf.Scalar];
    });
  };
  try {
    return await trainLoop(
      data.count,
      cfg,
      runs.map((r) => r.cfg.seed),
      step,
      hooks,
    );
  } finally {
    optimizer.dispose();
  }
}
