/**
 * Integrated Gradients (Sundararajan, Taly & Yan, "Axiomatic Attribution for Deep Networks", ICML 2017;
 * science.md §2 `integratedGradients`): (x − x′) ⊙ the mean of ∂f_c/∂x along the straight path from the
 * baseline x′ to x. The integral is a midpoint Riemann sum, α_k = (k + ½)/m, which converges faster than
 * PAIR's linspace(0, 1) (both ends) for the same m; Captum offers it as "riemann_middle" (field-notes §2).
 * All images × steps of a chunk go through one tf.grad call (platform-notes §2: ~1,000 rows is fastest).
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES, PIXELS } from '../defaults';
import type { Cnn } from '../model/cnn';
import type { Normalisation } from '../data/datasets';
import { baselineValue, timesDifference, type Baseline } from './baseline';
import { METHOD_INFO, type IntegratedGradientsParams } from './catalog';
import { mapInChunks } from './chunk';
import { forwardLogits } from './forwardLogits';
import { cnnForward, scoreGradient, type Forward } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

/** Re-exported beside completenessGap, whose callers pass IG's validated params. */
export type { IntegratedGradientsParams };

/** The midpoints α_k = (k + ½)/m of the path's m steps. */
const pathAlphas = (steps: number): number[] => Array.from({ length: steps }, (_, k) => (k + 0.5) / steps);

/** IG maps [n, 784] of a chunk of images x [n, 28, 28, 1], for any forward function. Call inside tf.tidy. */
export function integratedGradientsOf(forward: Forward, x: tf.Tensor4D, oneHot: tf.Tensor2D, steps: number, baselineValue: number): tf.Tensor2D {
  const n = x.shape[0];
  const alphas = tf.tensor3d(pathAlphas(steps), [1, steps, 1]);
  const delta = tf.sub(tf.reshape(x, [n, 1, PIXELS]), baselineValue); // x − x′, [n, 1, 784]
  const path = tf.add(tf.mul(alphas, delta), baselineValue); // x′ + α(x − x′), [n, steps, 784]
  const rows = tf.reshape(path, [n * steps, IMAGE_SIZE, IMAGE_SIZE, 1]) as tf.Tensor4D;
  const rowTargets = tf.reshape(tf.tile(tf.reshape(oneHot, [n, 1, NUM_CLASSES]), [1, steps, 1]), [n * steps, NUM_CLASSES]) as tf.Tensor2D;
  const meanGradient = tf.mean(tf.reshape(scoreGradient(forward, rows, rowTargets), [n, steps, PIXELS]), 1);
  return tf.mul(tf.reshape(delta, [n, PIXELS]), meanGradient) as tf.Tensor2D;
}

export const integratedGradients: AttributionMethod<IntegratedGradientsParams> = {
  ...METHOD_INFO.integratedGradients,
  rowsPerImage: (params) => params.steps,
  compute(ctx, params) {
    checkContext(ctx);
    const forward = cnnForward(ctx.model);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, params.steps, (x, oneHot) =>
      integratedGradientsOf(forward, x, oneHot, params.steps, baselineValue(params.baseline, ctx.norm)),
    );
  },
  async fromGradients(ctx, params) {
    checkContext(ctx);
    const { batch } = ctx;
    const { steps } = params;
    // In float32, as the tensors hold it (baseline.ts timesDifference).
    const reference = Math.fround(baselineValue(params.baseline, ctx.norm));
    const alphas = pathAlphas(steps);
    // Row k of image b is x′ + α_k (x − x′), image-major as integratedGradientsOf lays them out.
    const rows = new Float32Array(batch * steps * PIXELS);
    const rowTargets = new Int32Array(batch * steps);
    for (let b = 0; b < batch; b++) {
      const x = ctx.inputs.subarray(b * PIXELS, (b + 1) * PIXELS);
      rowTargets.fill(ctx.targets[b], b * steps, (b + 1) * steps);
      alphas.forEach((alpha, k) => {
        const row = (b * steps + k) * PIXELS;
        for (let p = 0; p < PIXELS; p++) rows[row + p] = alpha * (x[p] - reference) + reference;
      });
    }
    const grads = await ctx.gradients(rows, rowTargets, {});
    const meanGradient = new Float32Array(batch * PIXELS);
    for (let b = 0; b < batch; b++) {
      for (let p = 0; p < PIXELS; p++) {
        let sum = 0;
        for (let k = 0; k < steps; k++) sum += grads[(b * steps + k) * PIXELS + p];
        meanGradient[b * PIXELS + p] = sum / steps;
      }
    }
    return timesDifference(ctx.inputs, meanGradient, reference);
  },
};

export interface CompletenessGap {
  /** Σ of the image's attributions. */
  attributionSum: number;
  /** f_c(x) − f_c(x′), what the attributions should add up to. */
  scoreDifference: number;
  absoluteGap: number;
  /** absoluteGap / |scoreDifference| (Infinity or NaN when the difference is 0). */
  relativeGap: number;
}

/** The completeness check of science.md §2: Σ attributions ≈ f_c(x) − f_c(x′), per image. */
export async function completenessGap(
  model: Cnn,
  inputs: Float32Array,
  batch: number,
  targets: Int32Array,
  attributions: Float32Array,
  baseline: Baseline,
  norm?: Normalisation,
): Promise<CompletenessGap[]> {
  if (attributions.length !== batch * PIXELS) throw new Error(`expected ${batch}·${PIXELS} attributions, got ${attributions.length}`);
  const atImages = await forwardLogits(model, inputs, batch);
  const atBaseline = await forwardLogits(model, new Float32Array(PIXELS).fill(baselineValue(baseline, norm)), 1);
  return Array.from({ length: batch }, (_, b) => {
    let attributionSum = 0;
    for (let p = 0; p < PIXELS; p++) attributionSum += attributions[b * PIXELS + p];
    const scoreDifference = atImages[b * NUM_CLASSES + targets[b]] - atBaseline[targets[b]];
    const absoluteGap = Math.abs(attributionSum - scoreDifference);
    return { attributionSum, scoreDifference, absoluteGap, relativeGap: absoluteGap / Math.abs(scoreDifference) };
  });
}
