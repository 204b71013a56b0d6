/**
 * Loss gradient, signed (seed 004 eq. 1, "grad_orig"; science.md §2 loss-gradient variants): ∂L(f(x), t)/∂x
 * with L the softmax cross-entropy and t the target class. Seed 004 found that the most NEGATIVE values are
 * the most important under a signed ranking, hence `negativeFirst`.
 */
import * as tf from '@tensorflow/tfjs';
import type { Cnn } from '../model/cnn';
import { METHOD_INFO, type LossGradientParams } from './catalog';
import { mapInChunks } from './chunk';
import { cnnForward, crossEntropy, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod, type GradientScore } from './types';

/** The score of the loss-gradient methods, for engines that compute input gradients themselves. */
export const LOSS: GradientScore = { loss: true };

/** ∂L/∂x for a chunk, shared by the three loss-gradient methods. Call inside tf.tidy. */
export function lossGradientOf(model: Cnn, x: tf.Tensor4D, oneHot: tf.Tensor2D): tf.Tensor4D {
  return scoreGradient(cnnForward(model), x, oneHot, crossEntropy);
}

export const lossGradient: AttributionMethod<LossGradientParams> = {
  ...METHOD_INFO.lossGradient,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => lossGradientOf(ctx.model, x, oneHot));
  },
  fromGradients(ctx) {
    checkContext(ctx);
    return ctx.gradients(ctx.inputs, ctx.targets, LOSS);
  },
};
