/** Absolute loss gradient |∂L(f(x), t)/∂x| (seed 004 §2 "abs_grad", after Hooker et al.'s use of magnitudes). */
import * as tf from '@tensorflow/tfjs';
import { METHOD_INFO, type LossGradientAbsParams } from './catalog';
import { mapInChunks } from './chunk';
import { LOSS, lossGradientOf } from './lossGradient';
import { checkContext, type AttributionMethod } from './types';

export const lossGradientAbs: AttributionMethod<LossGradientAbsParams> = {
  ...METHOD_INFO.lossGradientAbs,
  rowsPerImage: () => 1,
  compute(ctx) {
    checkContext(ctx);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) => tf.abs(lossGradientOf(ctx.model, x, oneHot)));
  },
  async fromGradients(ctx) {
    checkContext(ctx);
    return (await ctx.gradients(ctx.inputs, ctx.targets, LOSS)).map(Math.abs);
  },
};
