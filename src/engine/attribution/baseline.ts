/**
 * Reference images x′ for Integrated Gradients and the ×-input methods, as constant values in the normalised
 * space the model sees (science.md §2), for the dataset's normalisation (MNIST's numbers below):
 * - 'black': pixel 0 → (0 − 0.1307)/0.3081 = −0.4242, Hooker's IG baseline (field-notes §1.1 SALIENCY_BASELINE).
 *   Then x − x′ = pixel/0.3081, so (x − x′) ⊙ ∂f/∂x equals pixel ⊙ ∂f/∂pixel: input × gradient in [0, 1] pixel
 *   space, where the ~80 % background pixels get exactly 0 (science.md §3).
 * - 'mean': the dataset-mean grey 0.1307, which is 0 after normalisation: the "zeros" default of PAIR saliency
 *   and Captum when applied to a model fed normalised inputs (field-notes §1.1, §2).
 */
import { DATASETS, type Normalisation } from '../data/datasets';

export type Baseline = 'black' | 'mean';
export const BASELINES: readonly Baseline[] = ['black', 'mean'];

/** The baseline's value for inputs normalised by `norm` (MNIST's by default). */
export function baselineValue(baseline: Baseline, norm: Normalisation = DATASETS.mnist): number {
  return baseline === 'black' ? (0 - norm.mean) / norm.std : 0;
}

/** MNIST's baselines. */
export const BASELINE_VALUE: Readonly<Record<Baseline, number>> = {
  black: baselineValue('black'),
  mean: baselineValue('mean'),
};

/**
 * (x − x′) ⊙ g, in place in g: the ×-input methods' product, for maps built from input gradients (types.ts).
 * x′ is rounded to float32 as tf.sub rounds it, so that pixels at the baseline get exactly 0, as there: a
 * rounding residue would rank the black background above every tie.
 */
export function timesDifference(inputs: Float32Array, gradients: Float32Array, reference: number): Float32Array {
  const x0 = Math.fround(reference);
  for (let j = 0; j < gradients.length; j++) gradients[j] *= inputs[j] - x0;
  return gradients;
}
