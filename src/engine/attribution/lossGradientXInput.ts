/**
 * Loss gradient × input, ∂L(f(x), t)/∂x ⊙ (x − x′) (seed 004 §2 "grad_inp", after Shrikumar et al. 2017).
 * Seed 004 ran PyTorch's MNIST example, which feeds normalised images, so its input is the normalised x:
 * reference 'mean' (x′ = 0) by default; 'black' gives pixel × ∂L/∂pixel in [0, 1] pixel space (baseline.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { baselineValue, timesDifference } from './baseline';
import { METHOD_INFO, type LossGradientXInputParams } from './catalog';
import { mapInChunks } from './chunk';
import { LOSS, lossGradientOf } from './lossGradient';
import { checkContext, type AttributionMethod } from './types';

export const lossGradientXInput: AttributionMethod<LossGradientXInputParams> = {
  ...METHOD_INFO.lossGradientXInput,
  rowsPerImage: () => 1,
  compute(ctx, params) {
    checkContext(ctx);
    const reference = baselineValue(params.baseline, ctx.norm);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => tf.mul(tf.sub(x, reference), lossGradientOf(ctx.model, x, oneHot)));
  },
  async fromGradients(ctx, params) {
    checkContext(ctx);
    return timesDifference(ctx.inputs, await ctx.gradients(ctx.inputs, ctx.targets, LOSS), baselineValue(params.baseline, ctx.norm));
  },
};
