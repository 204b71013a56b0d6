/**
 * Test-set evaluation: accuracy, per-class precision and the confusion matrix (seed 000 reports per-class
 * precision, Tables II and III). Batched forward passes; counts are gathered in JS.
 */
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, PIXELS } from '../defaults';
import type { MnistSplit } from '../data/mnist';
import { logits, toInput, type Cnn } from '../model/cnn';
import { fillBatch } from '../data/mnist';

export interface Evaluation {
  count: number;
  accuracy: number;
  /** precision[c] = correct predictions of c / all predictions of c (NaN when c is never predicted). */
  precision: number[];
  /** confusion[true][predicted], row-major NUM_CLASSES × NUM_CLASSES. */
  confusion: number[];
}

/** Turns true/predicted label pairs into an Evaluation. */
export function summarise(labels: ArrayLike<number>, predicted: ArrayLike<number>): Evaluation {
  const confusion = new Array<number>(NUM_CLASSES * NUM_CLASSES).fill(0);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    confusion[labels[i] * NUM_CLASSES + predicted[i]]++;
    if (labels[i] === predicted[i]) correct++;
  }
  const precision = Array.from({ length: NUM_CLASSES }, (_, c) => {
    let col = 0;
    for (let t = 0; t < NUM_CLASSES; t++) col += confusion[t * NUM_CLASSES + c];
    return col === 0 ? Number.NaN : confusion[c * NUM_CLASSES + c] / col;
  });
  return { count: labels.length, accuracy: labels.length ? correct / labels.length : Number.NaN, precision, confusion };
}

/** Predicted classes for already-normalised inputs produced batch by batch by `fill`. */
export async function predictClasses(
  model: Cnn,
  count: number,
  fill: (start: number, size: number, out: Float32Array) => void,
  batchSize = 500,
): Promise<Int32Array> {
  const predicted = new Int32Array(count);
  const buf = new Float32Array(batchSize * PIXELS);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const view = buf.subarray(0, size * PIXELS);
    fill(start, size, view);
    const pred = tf.tidy(() => tf.argMax(logits(model, toInput(view, size)), 1));
    predicted.set(await pred.data(), start);
    pred.dispose();
  }
  return predicted;
}

export async function evaluate(model: Cnn, split: MnistSplit, batchSize = 500): Promise<Evaluation> {
  const predicted = await predictClasses(
    model,
    split.count,
    (start, size, out) => {
      const idx = Array.from({ length: size }, (_, i) => start + i);
      fillBatch(split, idx, out);
    },
    batchSize,
  );
  return summarise(split.labels, predicted);
}
