/**
 * Which class each map explains (science.md §2): the true label (seed 000's and ROAD's choice) or the
 * model's prediction (Hooker's code sets the neuron selector to the prediction, field-notes §1.1).
 */
import { NUM_CLASSES } from '../defaults';
import type { Cnn } from '../model/cnn';
import { forwardLogits } from './forwardLogits';

export type TargetMode = 'label' | 'predicted';
export const TARGET_MODES: readonly TargetMode[] = ['label', 'predicted'];

/** The index of the largest logit of each row (the first one on ties, as tf.argMax). */
export function argMaxRows(z: Float32Array, rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < NUM_CLASSES; c++) if (z[r * NUM_CLASSES + c] > z[r * NUM_CLASSES + best]) best = c;
    out[r] = best;
  }
  return out;
}

export async function targetsFor(
  model: Cnn,
  inputs: Float32Array,
  batch: number,
  labels: ArrayLike<number>,
  mode: TargetMode,
): Promise<Int32Array> {
  if (mode === 'label') {
    if (labels.length !== batch) throw new Error(`expected ${batch} labels, got ${labels.length}`);
    return Int32Array.from(labels);
  }
  return argMaxRows(await forwardLogits(model, inputs, batch), batch);
}
