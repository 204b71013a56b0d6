/**
 * Input × gradient (Shrikumar et al. 2016; science.md §2 `inputXGradient`): (x − x′) ⊙ ∂f_c/∂x. With the
 * default black reference this is pixel × gradient in [0, 1] pixel space, independent of the normalisation
 * (baseline.ts); 'mean' gives x ⊙ ∂f_c/∂x on the normalised input, Captum's InputXGradient on this model.
 */
import * as tf from '@tensorflow/tfjs';
import { baselineValue, timesDifference } from './baseline';
import { METHOD_INFO, type InputXGradientParams } from './catalog';
import { mapInChunks } from './chunk';
import { cnnForward, scoreGradient } from './scoreGradient';
import { checkContext, type AttributionMethod } from './types';

export const inputXGradient: AttributionMethod<InputXGradientParams> = {
  ...METHOD_INFO.inputXGradient,
  rowsPerImage: () => 1,
  compute(ctx, params) {
    checkContext(ctx);
    const reference = baselineValue(params.baseline, ctx.norm);
    return mapInChunks(ctx.inputs, ctx.batch, ctx.targets, 1, (x, oneHot) =>
      tf.mul(tf.sub(x, reference), scoreGradient(cnnForward(ctx.model), x, oneHot)),
    );
  },
  async fromGradients(ctx, params) {
    checkContext(ctx);
    return timesDifference(ctx.inputs, await ctx.gradients(ctx.inputs, ctx.targets, {}), baselineValue(params.baseline, ctx.norm));
  },
};
