/**
 * K models trained together as one graph (model/batchedCnn.ts): each with its own seeded initial weights,
 * its own data order and its own batch filler (its own mask, applied on the fly from cached ranks), so a
 * batched run follows the same trajectory as the run trained alone (train.ts) up to float rounding.
 *
 * The loss is the sum of the K models' mean cross-entropies: the gradient of each model's weights is then
 * exactly that of its own loss, and the optimisers act elementwise, so the models stay independent.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS, type TrainConfig } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { batchedLogits, convsFor, splitWeights, toBatchedInput, type BatchedCnn, type BatchedConvs } from '../model/batchedCnn';
import { createOptimizer } from './optimizer';
import { tensorStepper, trainLoop, type TrainHooks, type TrainOutcome, type TrainStep } from './train';

export interface BatchedRun {
  /** The run's own training configuration; only the seed may differ between the runs of one batch. */
  cfg: TrainConfig;
  /** Writes the normalised (masked) pixels of the given training images, as TrainHooks.fill. */
  fill: (indices: Uint32Array, out: Float32Array) => void;
}

const SHARED: (keyof TrainConfig)[] = ['batchSize', 'epochs', 'learningRate', 'momentum', 'trainSize', 'optimizer', 'warmupSteps', 'stopping', 'patience'];

/** Why `runs` cannot be trained as one batch, or null. */
export function batchIncompatibility(runs: readonly BatchedRun[]): string | null {
  if (runs.length === 0) return 'there are no runs to train';
  for (const key of SHARED) {
    const values = new Set(runs.map((r) => r.cfg[key]));
    if (values.size > 1) return `the runs differ in ${key} (${[...values].join(', ')})`;
  }
  return null;
}

export interface BatchedOutcome extends TrainOutcome {
  /** Each model's weights as it finished: when plateau stopping ended it, as they were then. */
  weights: Float32Array[][];
}

export async function trainBatched(
  model: BatchedCnn,
  data: MnistSplit,
  runs: readonly BatchedRun[],
  hooks: Omit<TrainHooks, 'fill'> = {},
  convs: BatchedConvs = convsFor(tf.getBackend()),
): Promise<BatchedOutcome> {
  const problem = batchIncompatibility(runs);
  if (problem) throw new Error(`These runs cannot be trained together: ${problem}.`);
  if (runs.length !== model.k) throw new Error(`The batched model holds ${model.k} networks, but ${runs.length} runs were given.`);
  const { k } = model;
  const cfg = runs[0].cfg;
  const optimizer = createOptimizer(model.vars, cfg);
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
      let correct: tf.Tensor1D | null = null;
      let perModel: tf.Tensor1D | null = null;
      optimizer.step(() => {
        const z = tf.reshape(batchedLogits(model, x, convs), [k * n, NUM_CLASSES]);
        correct = tf.keep(tf.sum(tf.reshape(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32'), [k, n]), 1)) as tf.Tensor1D;
        const each = tf.losses.softmaxCrossEntropy(tf.oneHot(y, NUM_CLASSES), z, undefined, undefined, tf.Reduction.NONE);
        const losses = tf.keep(tf.mean(tf.reshape(each, [k, n]), 1)) as tf.Tensor1D;
        perModel = losses;
        // Σ_models (mean over the model's n examples): each model's weights get exactly its own gradient.
        return tf.sum(losses) as tf.Scalar;
      }).dispose();
      return [perModel as unknown as tf.Tensor1D, correct as unknown as tf.Tensor1D];
    });
  };
  // A model that plateau stopping ends keeps training in the graph with the others; its weights are taken as
  // they were when it stopped, so it ends exactly where it would have trained alone.
  const stoppedAt = new Map<number, Float32Array[]>();
  const stepper = tensorStepper(step, k);
  try {
    const out = await trainLoop(
      data.count,
      cfg,
      runs.map((r) => r.cfg.seed),
      stepper,
      { ...hooks, onModelStop: async (m) => void stoppedAt.set(m, (await splitWeights(model))[m]) },
    );
    const final = await splitWeights(model);
    return { ...out, weights: final.map((w, m) => stoppedAt.get(m) ?? w) };
  } finally {
    stepper.dispose();
    optimizer.dispose();
  }
}
